import { ClockCircleOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, type MenuProps, Space, Spin, Typography, theme } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { inventoryApi } from '../api/inventory';
import { ordersApi } from '../api/orders';
import { useAuth } from '../auth';
import { setShopTimeZone, zoneLabel } from '../format';
import { appRoutes, type FromState, type NavBadge, navGroups, selectedNavPath } from '../routes';
import { LanguageSwitch } from './LanguageSwitch';
import { MailWarning } from './MailWarning';

type MenuItem = Required<MenuProps>['items'][number];

/** The menu from the route table: an entry shows only to users holding its page's permission. */
function useMenu(): { items: MenuItem[]; paths: string[]; groupKeys: string[] } {
  const { t } = useTranslation();
  const { can } = useAuth();
  const badges: Record<NavBadge, number> = { openStockAlerts: useOpenAlertCount() };
  const items: MenuItem[] = [];
  const paths: string[] = [];
  const groupKeys: string[] = [];
  const entry = (route: (typeof appRoutes)[number]): MenuItem => {
    const nav = route.nav;
    const badge = nav?.badge ? badges[nav.badge] : 0;
    return {
      key: route.path,
      icon: nav?.icon,
      label: badge ? (
        <Space size={6}>
          {t(nav?.label ?? '')}
          <Badge count={badge} size="small" data-testid={`nav-badge-${route.path}`} />
        </Space>
      ) : (
        t(nav?.label ?? '')
      ),
    };
  };
  const visible = appRoutes.filter((route) => route.nav && (!route.permission || can(route.permission)));
  for (const route of visible.filter((r) => !r.nav?.group)) {
    items.push(entry(route));
    paths.push(route.path);
  }
  for (const group of navGroups) {
    const children = visible.filter((route) => route.nav?.group === group.key);
    if (children.length === 0) continue;
    groupKeys.push(group.key);
    paths.push(...children.map((route) => route.path));
    items.push({ key: group.key, label: t(group.label), icon: group.icon, children: children.map(entry) });
  }
  return { items, paths, groupKeys };
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
      inventoryApi.alerts
        .count()
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

/**
 * The shop's zone from the business calendar; operational times are shown in it. Someone who
 * may not read the order settings sees the browser's zone, named as such.
 */
function useShopTimeZone(): string {
  const { can } = useAuth();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [zone, setZone] = useState(browserZone);
  const mayRead = can('orders:read');
  useEffect(() => {
    if (!mayRead) return;
    let isCurrent = true;
    ordersApi.settings
      .get()
      .then((settings) => {
        if (!isCurrent) return;
        setShopTimeZone(settings.policy.calendar.timeZone);
        setZone(settings.policy.calendar.timeZone);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [mayRead]);
  return zone;
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const menu = useMenu();
  const from = (location.state as FromState | null)?.from;
  const selected = selectedNavPath(location.pathname, menu.paths, from);
  const timeZone = useShopTimeZone();

  // The menu is taller than a 900 px screen: bring the lit entry into view when it changes.
  useEffect(() => {
    if (!selected) return;
    // After the groups' opening animation, which moves the entries down.
    const timer = setTimeout(() => {
      // Only the menu scrolls (scrollIntoView would move the page too); the collapse trigger
      // covers the menu's last 48 px.
      const sider = document.querySelector<HTMLElement>('[data-testid="sider"]');
      const item = sider?.querySelector<HTMLElement>('.ant-menu-item-selected');
      if (!sider || !item) return;
      const box = sider.getBoundingClientRect();
      const entry = item.getBoundingClientRect();
      if (entry.top < box.top || entry.bottom > box.bottom - 48) {
        sider.scrollTop += entry.top - box.top - (box.height - entry.height) / 2;
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [selected]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        // Its own scroll: the menu is taller than many screens.
        style={{ height: '100vh', position: 'sticky', top: 0, overflowY: 'auto' }}
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
          items={menu.items}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={menu.groupKeys}
          onClick={({ key }) => navigate(key)}
          // Room below the last entry, which the collapse trigger would cover.
          style={{ paddingBottom: 56 }}
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
            <Typography.Text type="secondary" data-testid="shop-time-zone" title={t('layout.timeZoneHint')}>
              <ClockCircleOutlined /> {zoneLabel(timeZone)}
            </Typography.Text>
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
          <MailWarning />
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
