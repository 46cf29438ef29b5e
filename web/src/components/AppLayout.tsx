import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BarcodeOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExceptionOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  GiftOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  NodeIndexOutlined,
  PlusOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  TrophyOutlined,
  TruckOutlined,
  UnorderedListOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Badge, Button, Layout, Menu, type MenuProps, Space, Spin, Typography, theme } from 'antd';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { get } from '../api/client';
import { useAuth } from '../auth';
import { LanguageSwitch } from './LanguageSwitch';

type NavItem = { path: string; label: string; icon: ReactNode; permission?: string; badge?: number };
type NavGroup = { key: string; label: string; icon: ReactNode; children: NavItem[] };
type MenuItem = Required<MenuProps>['items'][number];

/** The product's navigation; an entry shows only to users holding its permission. */
function useNavigation(): (NavItem | NavGroup)[] {
  const { t } = useTranslation();
  const lowStock = useOpenAlertCount();
  return [
    { path: '/', label: t('nav.home'), icon: <DashboardOutlined /> },
    {
      key: 'orders',
      label: t('nav.orders'),
      icon: <ShoppingCartOutlined />,
      children: [
        {
          path: '/orders',
          label: t('nav.orderList'),
          icon: <UnorderedListOutlined />,
          permission: 'orders:read',
        },
        {
          path: '/orders/queue',
          label: t('nav.reviewQueue'),
          icon: <InboxOutlined />,
          permission: 'orders:read',
        },
        { path: '/orders/new', label: t('nav.newOrder'), icon: <PlusOutlined />, permission: 'orders:write' },
        {
          path: '/orders/import',
          label: t('nav.importOrders'),
          icon: <FileExcelOutlined />,
          permission: 'orders:write',
        },
      ],
    },
    {
      key: 'rules',
      label: t('nav.rules'),
      icon: <SafetyCertificateOutlined />,
      children: [
        {
          path: '/rules/audit',
          label: t('nav.auditRules'),
          icon: <SafetyCertificateOutlined />,
          permission: 'orders:read',
        },
        {
          path: '/rules/settings',
          label: t('nav.orderSettings'),
          icon: <ControlOutlined />,
          permission: 'rules:manage',
        },
      ],
    },
    {
      key: 'inventory',
      label: t('nav.inventory'),
      icon: <DatabaseOutlined />,
      children: [
        {
          path: '/inventory/stock',
          label: t('nav.stock'),
          icon: <DatabaseOutlined />,
          permission: 'inventory:read',
        },
        {
          path: '/inventory/alerts',
          label: t('nav.stockAlerts'),
          icon: <AlertOutlined />,
          permission: 'inventory:read',
          badge: lowStock,
        },
        {
          path: '/inventory/replenishment',
          label: t('nav.replenishment'),
          icon: <ShoppingOutlined />,
          permission: 'inventory:read',
        },
        {
          path: '/inventory/purchase-orders',
          label: t('nav.purchaseOrders'),
          icon: <FileTextOutlined />,
          permission: 'inventory:read',
        },
        {
          path: '/inventory/stocktakes',
          label: t('nav.stocktakes'),
          icon: <CheckSquareOutlined />,
          permission: 'inventory:read',
        },
        {
          path: '/inventory/reports',
          label: t('nav.inventoryReports'),
          icon: <BarChartOutlined />,
          permission: 'inventory:read',
        },
        {
          path: '/inventory/suppliers',
          label: t('nav.suppliers'),
          icon: <ShopOutlined />,
          permission: 'inventory:read',
        },
        {
          path: '/inventory/warehouses',
          label: t('nav.warehouses'),
          icon: <HomeOutlined />,
          permission: 'inventory:read',
        },
        {
          path: '/inventory/settings',
          label: t('nav.inventorySettings'),
          icon: <ControlOutlined />,
          permission: 'inventory:manage',
        },
      ],
    },
    {
      key: 'fulfilment',
      label: t('nav.fulfilment'),
      icon: <GiftOutlined />,
      children: [
        {
          path: '/fulfilment/waves',
          label: t('nav.waves'),
          icon: <ProfileOutlined />,
          permission: 'fulfilment:read',
        },
        {
          path: '/fulfilment/packing',
          label: t('nav.packingStation'),
          icon: <BarcodeOutlined />,
          permission: 'fulfilment:read',
        },
        {
          path: '/fulfilment/shipments',
          label: t('nav.shipments'),
          icon: <SendOutlined />,
          permission: 'fulfilment:read',
        },
        {
          path: '/fulfilment/cases',
          label: t('nav.deliveryCases'),
          icon: <ExceptionOutlined />,
          permission: 'fulfilment:read',
        },
      ],
    },
    {
      key: 'logistics',
      label: t('nav.logistics'),
      icon: <TruckOutlined />,
      children: [
        {
          path: '/logistics/carriers',
          label: t('nav.carriers'),
          icon: <TruckOutlined />,
          permission: 'logistics:manage',
        },
        {
          path: '/logistics/rules',
          label: t('nav.deliveryRules'),
          icon: <ControlOutlined />,
          permission: 'logistics:manage',
        },
        {
          path: '/logistics/scorecards',
          label: t('nav.scorecards'),
          icon: <TrophyOutlined />,
          permission: 'fulfilment:read',
        },
        {
          path: '/logistics/routes',
          label: t('nav.routes'),
          icon: <NodeIndexOutlined />,
          permission: 'fulfilment:read',
        },
      ],
    },
    {
      key: 'catalog',
      label: t('nav.catalog'),
      icon: <AppstoreOutlined />,
      children: [
        {
          path: '/catalog/skus',
          label: t('nav.skus'),
          icon: <AppstoreOutlined />,
          permission: 'catalog:read',
        },
      ],
    },
    {
      key: 'admin',
      label: t('nav.admin'),
      icon: <SettingOutlined />,
      children: [
        { path: '/admin/users', label: t('nav.users'), icon: <TeamOutlined />, permission: 'users:manage' },
        {
          path: '/admin/api-keys',
          label: t('nav.apiKeys'),
          icon: <KeyOutlined />,
          permission: 'apikeys:manage',
        },
        {
          path: '/admin/audit-log',
          label: t('nav.auditLog'),
          icon: <AuditOutlined />,
          permission: 'audit:read',
        },
        {
          path: '/admin/outbox',
          label: t('nav.outbox'),
          icon: <WarningOutlined />,
          permission: 'system:read',
        },
      ],
    },
  ];
}

/** Open low-stock alerts for the menu badge, refreshed every minute. */
function useOpenAlertCount(): number {
  const { can } = useAuth();
  const canRead = can('inventory:read');
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!canRead) return;
    let isCurrent = true;
    const load = () =>
      get<{ open: number }>('/inventory/alerts/count')
        .then((result) => isCurrent && setCount(result.open))
        .catch(() => {});
    void load();
    const timer = setInterval(load, 60_000);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [canRead]);
  return count;
}

function isGroup(entry: NavItem | NavGroup): entry is NavGroup {
  return 'children' in entry;
}

/** The menu entry a path belongs to: the longest navigation path that prefixes it. */
function selectedPath(pathname: string, paths: string[]): string | undefined {
  const exact = paths.find((path) => path === pathname);
  if (exact) return exact;
  return paths
    .filter((path) => path !== '/' && pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user, can, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const navigation = useNavigation();

  const visible = (item: NavItem) => !item.permission || can(item.permission);
  const menuItems: MenuItem[] = [];
  const paths: string[] = [];
  const groupKeys: string[] = [];
  for (const entry of navigation) {
    if (isGroup(entry)) {
      const children = entry.children.filter(visible);
      if (children.length === 0) continue;
      groupKeys.push(entry.key);
      paths.push(...children.map((child) => child.path));
      menuItems.push({
        key: entry.key,
        label: entry.label,
        icon: entry.icon,
        children: children.map((child) => ({
          key: child.path,
          label: child.badge ? (
            <Space size={6}>
              {child.label}
              <Badge count={child.badge} size="small" data-testid={`nav-badge-${child.path}`} />
            </Space>
          ) : (
            child.label
          ),
          icon: child.icon,
        })),
      });
    } else if (visible(entry)) {
      paths.push(entry.path);
      menuItems.push({ key: entry.path, label: entry.label, icon: entry.icon });
    }
  }
  const selected = selectedPath(location.pathname, paths);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        // Its own scroll, above the collapse trigger: the menu is taller than many screens.
        style={{ height: '100vh', position: 'sticky', top: 0, overflowY: 'auto', paddingBottom: 48 }}
        data-testid="sider"
      >
        <div
          style={{
            color: '#fff',
            fontSize: 20,
            fontWeight: 600,
            padding: '16px 24px',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed ? 'O' : 'Ordo'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={menuItems}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={groupKeys}
          onClick={({ key }) => navigate(key)}
          data-testid="nav-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="large">
            <LanguageSwitch />
            <Space data-testid="current-user">
              <UserOutlined />
              <Typography.Text strong>{user?.displayName || user?.username}</Typography.Text>
              <Typography.Text type="secondary">
                {user ? t(`roles.${user.role}`, { defaultValue: user.role }) : ''}
              </Typography.Text>
            </Space>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => void logout().then(() => navigate('/login'))}
              data-testid="logout"
            >
              {t('auth.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
