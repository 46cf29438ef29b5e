// The console's one route table: every signed-in page with its path, its permission and, when it
// has one, its menu entry (group, label key, icon). App.tsx builds the router from it and
// AppLayout the menu, so a page and its menu entry cannot disagree.
import {
  AlertOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BarcodeOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  FireOutlined,
  GiftOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  MailOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PlusOutlined,
  ProfileOutlined,
  ReadOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  SmileOutlined,
  TeamOutlined,
  TrophyOutlined,
  TruckOutlined,
  UnorderedListOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

/** The menu's groups, in menu order; `label` is an i18n key. */
export const navGroups = [
  { key: 'orders', label: 'nav.orders', icon: <ShoppingCartOutlined /> },
  { key: 'rules', label: 'nav.rules', icon: <SafetyCertificateOutlined /> },
  { key: 'inventory', label: 'nav.inventory', icon: <DatabaseOutlined /> },
  { key: 'fulfilment', label: 'nav.fulfilment', icon: <GiftOutlined /> },
  { key: 'logistics', label: 'nav.logistics', icon: <TruckOutlined /> },
  { key: 'insights', label: 'insights.nav.group', icon: <BarChartOutlined /> },
  { key: 'risk', label: 'nav.risk', icon: <AlertOutlined /> },
  { key: 'catalog', label: 'nav.catalog', icon: <AppstoreOutlined /> },
  { key: 'service', label: 'notify.nav.group', icon: <CustomerServiceOutlined /> },
  { key: 'review', label: 'review.nav.group', icon: <TeamOutlined /> },
  { key: 'admin', label: 'nav.admin', icon: <SettingOutlined /> },
] as const;
export type NavGroupKey = (typeof navGroups)[number]['key'];

/** A live count shown beside a menu entry. */
export type NavBadge = 'openStockAlerts';

export type AppRoute = {
  /** Absolute path, as the menu links to it; `:name` marks a parameter. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Who may open it; no permission: every signed-in user. */
  permission?: string;
  /** The page's menu entry; pages without one highlight the entry whose path prefixes theirs. */
  nav?: { group?: NavGroupKey; label: string; icon: ReactNode; badge?: NavBadge };
};

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const appRoutes: AppRoute[] = [
  {
    path: '/review/meetings',
    page: page(() => import('./pages/review/MeetingsPage')),
    permission: 'review:manage',
    nav: { group: 'review', label: 'review.nav.meetings', icon: <CalendarOutlined /> },
  },
  {
    path: '/review/meetings/:id',
    page: page(() => import('./pages/review/MeetingModePage')),
    permission: 'review:manage',
  },
  {
    path: '/review/action-items',
    page: page(() => import('./pages/review/ActionItemsPage')),
    nav: { group: 'review', label: 'review.nav.actionItems', icon: <CheckSquareOutlined /> },
  },
  {
    path: '/review/corrective-actions',
    page: page(() => import('./pages/review/CorrectiveActionsPage')),
    permission: 'review:manage',
    nav: { group: 'review', label: 'review.nav.corrective', icon: <AuditOutlined /> },
  },
  {
    path: '/review/knowledge',
    page: page(() => import('./pages/review/KnowledgePage')),
    nav: { group: 'review', label: 'review.nav.knowledge', icon: <ReadOutlined /> },
  },
  {
    path: '/',
    page: page(() => import('./pages/HomePage')),
    nav: { label: 'nav.home', icon: <DashboardOutlined /> },
  },
  {
    path: '/orders',
    page: page(() => import('./pages/OrdersPage')),
    permission: 'orders:read',
    nav: { group: 'orders', label: 'nav.orderList', icon: <UnorderedListOutlined /> },
  },
  {
    path: '/orders/queue',
    page: page(() => import('./pages/ReviewQueuePage')),
    permission: 'orders:read',
    nav: { group: 'orders', label: 'nav.reviewQueue', icon: <InboxOutlined /> },
  },
  {
    path: '/orders/new',
    page: page(() => import('./pages/NewOrderPage')),
    permission: 'orders:write',
    nav: { group: 'orders', label: 'nav.newOrder', icon: <PlusOutlined /> },
  },
  {
    path: '/orders/import',
    page: page(() => import('./pages/channels/FileImportPage')),
    permission: 'orders:write',
    nav: { group: 'orders', label: 'nav.importOrders', icon: <FileExcelOutlined /> },
  },
  {
    path: '/orders/:orderId',
    page: page(() => import('./pages/OrderDetailPage')),
    permission: 'orders:read',
  },
  {
    path: '/rules/audit',
    page: page(() => import('./pages/AuditRulesPage')),
    permission: 'orders:read',
    nav: { group: 'rules', label: 'nav.auditRules', icon: <SafetyCertificateOutlined /> },
  },
  {
    path: '/rules/settings',
    page: page(() => import('./pages/OrderSettingsPage')),
    permission: 'rules:manage',
    nav: { group: 'rules', label: 'nav.orderSettings', icon: <ControlOutlined /> },
  },
  {
    path: '/inventory/stock',
    page: page(() => import('./pages/inventory/StockPage')),
    permission: 'inventory:read',
    nav: { group: 'inventory', label: 'nav.stock', icon: <DatabaseOutlined /> },
  },
  {
    path: '/inventory/skus/:code',
    page: page(() => import('./pages/inventory/SkuStockPage')),
    permission: 'inventory:read',
  },
  {
    path: '/inventory/alerts',
    page: page(() => import('./pages/inventory/StockAlertsPage')),
    permission: 'inventory:read',
    nav: { group: 'inventory', label: 'nav.stockAlerts', icon: <AlertOutlined />, badge: 'openStockAlerts' },
  },
  {
    path: '/inventory/replenishment',
    page: page(() => import('./pages/inventory/ReplenishmentPage')),
    permission: 'inventory:read',
    nav: { group: 'inventory', label: 'nav.replenishment', icon: <ShoppingOutlined /> },
  },
  {
    path: '/inventory/purchase-orders',
    page: page(() => import('./pages/inventory/PurchaseOrdersPage')),
    permission: 'inventory:read',
    nav: { group: 'inventory', label: 'nav.purchaseOrders', icon: <FileTextOutlined /> },
  },
  {
    path: '/inventory/purchase-orders/:id',
    page: page(() => import('./pages/inventory/PurchaseOrderDetailPage')),
    permission: 'inventory:read',
  },
  {
    path: '/inventory/stocktakes',
    page: page(() => import('./pages/inventory/StocktakesPage')),
    permission: 'inventory:read',
    nav: { group: 'inventory', label: 'nav.stocktakes', icon: <CheckSquareOutlined /> },
  },
  {
    path: '/inventory/stocktakes/:id',
    page: page(() => import('./pages/inventory/StocktakeDetailPage')),
    permission: 'inventory:read',
  },
  {
    path: '/inventory/reports',
    page: page(() => import('./pages/inventory/InventoryReportsPage')),
    permission: 'inventory:read',
    nav: { group: 'inventory', label: 'nav.inventoryReports', icon: <BarChartOutlined /> },
  },
  {
    path: '/inventory/suppliers',
    page: page(() => import('./pages/inventory/SuppliersPage')),
    permission: 'inventory:read',
    nav: { group: 'inventory', label: 'nav.suppliers', icon: <ShopOutlined /> },
  },
  {
    path: '/inventory/warehouses',
    page: page(() => import('./pages/inventory/WarehousesPage')),
    permission: 'inventory:read',
    nav: { group: 'inventory', label: 'nav.warehouses', icon: <HomeOutlined /> },
  },
  {
    path: '/inventory/settings',
    page: page(() => import('./pages/inventory/InventorySettingsPage')),
    permission: 'inventory:manage',
    nav: { group: 'inventory', label: 'nav.inventorySettings', icon: <ControlOutlined /> },
  },
  {
    path: '/fulfilment/waves',
    page: page(() => import('./pages/fulfilment/WavesPage')),
    permission: 'fulfilment:read',
    nav: { group: 'fulfilment', label: 'nav.waves', icon: <ProfileOutlined /> },
  },
  {
    path: '/fulfilment/waves/:id',
    page: page(() => import('./pages/fulfilment/WaveDetailPage')),
    permission: 'fulfilment:read',
  },
  {
    path: '/fulfilment/packing',
    page: page(() => import('./pages/fulfilment/PackingStationPage')),
    permission: 'fulfilment:read',
    nav: { group: 'fulfilment', label: 'nav.packingStation', icon: <BarcodeOutlined /> },
  },
  {
    path: '/fulfilment/shipments',
    page: page(() => import('./pages/fulfilment/ShipmentsPage')),
    permission: 'fulfilment:read',
    nav: { group: 'fulfilment', label: 'nav.shipments', icon: <SendOutlined /> },
  },
  {
    path: '/logistics/carriers',
    page: page(() => import('./pages/fulfilment/CarriersPage')),
    permission: 'logistics:manage',
    nav: { group: 'logistics', label: 'nav.carriers', icon: <TruckOutlined /> },
  },
  {
    path: '/logistics/rules',
    page: page(() => import('./pages/fulfilment/DeliveryRulesPage')),
    permission: 'logistics:manage',
    nav: { group: 'logistics', label: 'nav.deliveryRules', icon: <ControlOutlined /> },
  },
  {
    path: '/reports',
    page: page(() => import('./pages/reports/ReportsPage')),
    permission: 'orders:read',
    nav: { group: 'orders', label: 'nav.reports', icon: <BarChartOutlined /> },
  },
  {
    path: '/logistics/scorecards',
    page: page(() => import('./pages/fulfilment/ScorecardsPage')),
    permission: 'fulfilment:read',
    nav: { group: 'logistics', label: 'nav.scorecards', icon: <TrophyOutlined /> },
  },
  {
    path: '/logistics/routes',
    page: page(() => import('./pages/fulfilment/RoutesPage')),
    permission: 'fulfilment:read',
    nav: { group: 'logistics', label: 'nav.routes', icon: <NodeIndexOutlined /> },
  },
  {
    path: '/catalog/skus',
    page: page(() => import('./pages/SkusPage')),
    permission: 'catalog:read',
    nav: { group: 'catalog', label: 'nav.skus', icon: <AppstoreOutlined /> },
  },
  {
    path: '/admin/users',
    page: page(() => import('./pages/UsersPage')),
    permission: 'users:manage',
    nav: { group: 'admin', label: 'nav.users', icon: <TeamOutlined /> },
  },
  {
    path: '/admin/api-keys',
    page: page(() => import('./pages/ApiKeysPage')),
    permission: 'apikeys:manage',
    nav: { group: 'admin', label: 'nav.apiKeys', icon: <KeyOutlined /> },
  },
  {
    path: '/my-work',
    page: page(() => import('./pages/staff/MyWorkPage')),
    nav: { label: 'staffJobs.myWork', icon: <TrophyOutlined /> },
  },
  {
    path: '/training',
    page: page(() => import('./pages/staff/TrainingPage')),
    nav: { label: 'training.nav', icon: <ReadOutlined /> },
  },
  {
    path: '/evaluations',
    page: page(() => import('./pages/staff/EvaluationsPage')),
    permission: 'staff:manage',
    nav: { label: 'evaluations.nav', icon: <CheckSquareOutlined /> },
  },
  {
    path: '/job-descriptions',
    page: page(() => import('./pages/staff/JobDescriptionsPage')),
    nav: { label: 'staffJobs.nav', icon: <ProfileOutlined /> },
  },
  {
    path: '/admin/audit-log',
    page: page(() => import('./pages/AuditLogPage')),
    permission: 'audit:read',
    nav: { group: 'admin', label: 'nav.auditLog', icon: <AuditOutlined /> },
  },
  {
    path: '/admin/health',
    page: page(() => import('./pages/SystemHealthPage')),
    permission: 'system:read',
    nav: { group: 'admin', label: 'health.nav', icon: <DashboardOutlined /> },
  },
  {
    path: '/admin/outbox',
    page: page(() => import('./pages/OutboxPage')),
    permission: 'system:read',
    nav: { group: 'admin', label: 'nav.outbox', icon: <WarningOutlined /> },
  },
  {
    path: '/admin/integrations',
    page: page(() => import('./pages/channels/IntegrationsPage')),
    permission: 'system:read',
    nav: { group: 'admin', label: 'nav.integrations', icon: <ApiOutlined /> },
  },
  {
    path: '/service/notifications/settings',
    page: page(() => import('./pages/service/NotificationSettingsPage')),
    permission: 'service:read',
    nav: { group: 'service', label: 'notify.nav.settings', icon: <NotificationOutlined /> },
  },
  {
    path: '/service/notifications/templates',
    page: page(() => import('./pages/service/NotificationTemplatesPage')),
    permission: 'service:read',
    nav: { group: 'service', label: 'notify.nav.templates', icon: <MailOutlined /> },
  },
  {
    path: '/service/notifications/log',
    page: page(() => import('./pages/service/NotificationLogPage')),
    permission: 'service:read',
    nav: { group: 'service', label: 'notify.nav.log', icon: <SendOutlined /> },
  },
  {
    path: '/insights',
    page: page(() => import('./pages/insights/InsightsPage')),
    permission: 'orders:read',
    nav: { group: 'insights', label: 'insights.nav.dashboards', icon: <BarChartOutlined /> },
  },
  {
    path: '/insights/orders',
    page: page(() => import('./pages/insights/InsightsOrdersPage')),
    permission: 'orders:read',
  },
  {
    path: '/service/complaints',
    page: page(() => import('./pages/service/ComplaintsPage')),
    permission: 'service:read',
    nav: { group: 'service', label: 'service.nav.complaints', icon: <CommentOutlined /> },
  },
  {
    path: '/service/complaints/:complaintId',
    page: page(() => import('./pages/service/ComplaintDetailPage')),
    permission: 'service:read',
  },
  {
    path: '/service/returns',
    page: page(() => import('./pages/service/ReturnsPage')),
    permission: 'service:read',
    nav: { group: 'service', label: 'service.nav.returns', icon: <RollbackOutlined /> },
  },
  {
    path: '/service/surveys',
    page: page(() => import('./pages/service/SurveyResultsPage')),
    permission: 'service:read',
    nav: { group: 'service', label: 'service.nav.surveys', icon: <SmileOutlined /> },
  },
  {
    path: '/service/customer',
    page: page(() => import('./pages/service/CustomerPage')),
    permission: 'service:read',
    nav: { group: 'service', label: 'service.nav.customer', icon: <SearchOutlined /> },
  },
  {
    path: '/risk/cases',
    page: page(() => import('./pages/risk/RiskCasesPage')),
    permission: 'risk:read',
    nav: { group: 'risk', label: 'nav.riskCases', icon: <AlertOutlined /> },
  },
  {
    path: '/risk/monitors',
    page: page(() => import('./pages/risk/RiskMonitorsPage')),
    permission: 'risk:read',
    nav: { group: 'risk', label: 'nav.riskMonitors', icon: <BarChartOutlined /> },
  },
  {
    path: '/risk/playbooks',
    page: page(() => import('./pages/risk/RiskPlaybooksPage')),
    permission: 'risk:read',
    nav: { group: 'risk', label: 'nav.riskPlaybooks', icon: <ProfileOutlined /> },
  },
  {
    path: '/risk/incidents',
    page: page(() => import('./pages/risk/RiskIncidentsPage')),
    permission: 'risk:read',
    nav: { group: 'risk', label: 'nav.riskIncidents', icon: <FireOutlined /> },
  },
];

/** Where a link came from, carried in the location state so the menu keeps that entry lit. */
export type FromState = { from?: string };

/**
 * The menu entry a location belongs to: the entry the page was opened from (a review-queue
 * order keeps "Review queue" lit), else the exact path, else the longest entry that prefixes it.
 */
export function selectedNavPath(pathname: string, navPaths: string[], from?: string): string | undefined {
  if (from && navPaths.includes(from)) return from;
  const exact = navPaths.find((path) => path === pathname);
  if (exact) return exact;
  return navPaths
    .filter((path) => path !== '/' && pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}
