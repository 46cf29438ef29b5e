import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import { AppLayout } from './components/AppLayout';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const OrdersPage = lazy(() => import('./pages/OrdersPage'));
const OrderDetailPage = lazy(() => import('./pages/OrderDetailPage'));
const NewOrderPage = lazy(() => import('./pages/NewOrderPage'));
const FileImportPage = lazy(() => import('./pages/channels/FileImportPage'));
const SkusPage = lazy(() => import('./pages/SkusPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const ApiKeysPage = lazy(() => import('./pages/ApiKeysPage'));
const AuditLogPage = lazy(() => import('./pages/AuditLogPage'));
const OutboxPage = lazy(() => import('./pages/OutboxPage'));
const ReviewQueuePage = lazy(() => import('./pages/ReviewQueuePage'));
const AuditRulesPage = lazy(() => import('./pages/AuditRulesPage'));
const OrderSettingsPage = lazy(() => import('./pages/OrderSettingsPage'));
const AddressFixPage = lazy(() => import('./pages/AddressFixPage'));
const StockPage = lazy(() => import('./pages/inventory/StockPage'));
const SkuStockPage = lazy(() => import('./pages/inventory/SkuStockPage'));
const StockAlertsPage = lazy(() => import('./pages/inventory/StockAlertsPage'));
const WarehousesPage = lazy(() => import('./pages/inventory/WarehousesPage'));
const InventoryReportsPage = lazy(() => import('./pages/inventory/InventoryReportsPage'));
const InventorySettingsPage = lazy(() => import('./pages/inventory/InventorySettingsPage'));
const SuppliersPage = lazy(() => import('./pages/inventory/SuppliersPage'));
const ReplenishmentPage = lazy(() => import('./pages/inventory/ReplenishmentPage'));
const PurchaseOrdersPage = lazy(() => import('./pages/inventory/PurchaseOrdersPage'));
const PurchaseOrderDetailPage = lazy(() => import('./pages/inventory/PurchaseOrderDetailPage'));
const StocktakesPage = lazy(() => import('./pages/inventory/StocktakesPage'));
const StocktakeDetailPage = lazy(() => import('./pages/inventory/StocktakeDetailPage'));
const WavesPage = lazy(() => import('./pages/fulfilment/WavesPage'));
const WaveDetailPage = lazy(() => import('./pages/fulfilment/WaveDetailPage'));
const PackingStationPage = lazy(() => import('./pages/fulfilment/PackingStationPage'));
const ShipmentsPage = lazy(() => import('./pages/fulfilment/ShipmentsPage'));
const CasesPage = lazy(() => import('./pages/fulfilment/CasesPage'));
const CarriersPage = lazy(() => import('./pages/fulfilment/CarriersPage'));
const DeliveryRulesPage = lazy(() => import('./pages/fulfilment/DeliveryRulesPage'));
const ScorecardsPage = lazy(() => import('./pages/fulfilment/ScorecardsPage'));
const RoutesPage = lazy(() => import('./pages/fulfilment/RoutesPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

const fullPageSpinner = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;

function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return fullPageSpinner;
  if (user === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useTranslation();
  if (!can(permission)) {
    return <Result status="403" title="403" subTitle={t('errors.FORBIDDEN')} data-testid="forbidden" />;
  }
  return <>{children}</>;
}

const guarded = (permission: string, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={fullPageSpinner}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="orders" element={guarded('orders:read', <OrdersPage />)} />
        <Route path="orders/new" element={guarded('orders:write', <NewOrderPage />)} />
        <Route path="orders/import" element={guarded('orders:write', <FileImportPage />)} />
        <Route path="orders/queue" element={guarded('orders:read', <ReviewQueuePage />)} />
        <Route path="orders/:orderId" element={guarded('orders:read', <OrderDetailPage />)} />
        <Route path="rules/audit" element={guarded('orders:read', <AuditRulesPage />)} />
        <Route path="rules/settings" element={guarded('rules:manage', <OrderSettingsPage />)} />
        <Route path="catalog/skus" element={guarded('catalog:read', <SkusPage />)} />
        <Route path="inventory/stock" element={guarded('inventory:read', <StockPage />)} />
        <Route path="inventory/skus/:code" element={guarded('inventory:read', <SkuStockPage />)} />
        <Route path="inventory/alerts" element={guarded('inventory:read', <StockAlertsPage />)} />
        <Route path="inventory/warehouses" element={guarded('inventory:read', <WarehousesPage />)} />
        <Route path="inventory/reports" element={guarded('inventory:read', <InventoryReportsPage />)} />
        <Route path="inventory/settings" element={guarded('inventory:manage', <InventorySettingsPage />)} />
        <Route path="inventory/suppliers" element={guarded('inventory:read', <SuppliersPage />)} />
        <Route path="inventory/replenishment" element={guarded('inventory:read', <ReplenishmentPage />)} />
        <Route path="inventory/purchase-orders" element={guarded('inventory:read', <PurchaseOrdersPage />)} />
        <Route
          path="inventory/purchase-orders/:id"
          element={guarded('inventory:read', <PurchaseOrderDetailPage />)}
        />
        <Route path="inventory/stocktakes" element={guarded('inventory:read', <StocktakesPage />)} />
        <Route path="inventory/stocktakes/:id" element={guarded('inventory:read', <StocktakeDetailPage />)} />
        <Route path="fulfilment/waves" element={guarded('fulfilment:read', <WavesPage />)} />
        <Route path="fulfilment/waves/:id" element={guarded('fulfilment:read', <WaveDetailPage />)} />
        <Route path="fulfilment/packing" element={guarded('fulfilment:read', <PackingStationPage />)} />
        <Route path="fulfilment/shipments" element={guarded('fulfilment:read', <ShipmentsPage />)} />
        <Route path="fulfilment/cases" element={guarded('fulfilment:read', <CasesPage />)} />
        <Route path="logistics/carriers" element={guarded('logistics:manage', <CarriersPage />)} />
        <Route path="logistics/rules" element={guarded('logistics:manage', <DeliveryRulesPage />)} />
        <Route path="logistics/scorecards" element={guarded('fulfilment:read', <ScorecardsPage />)} />
        <Route path="logistics/routes" element={guarded('fulfilment:read', <RoutesPage />)} />
        <Route path="admin/users" element={guarded('users:manage', <UsersPage />)} />
        <Route path="admin/api-keys" element={guarded('apikeys:manage', <ApiKeysPage />)} />
        <Route path="admin/audit-log" element={guarded('audit:read', <AuditLogPage />)} />
        <Route path="admin/outbox" element={guarded('system:read', <OutboxPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1677ff' } }}
    >
      <AntApp>
        <BrowserRouter>
          <Routes>
            {/* Public pages customers reach from a mail: outside the session, the layout and the sign-in redirect. */}
            <Route
              path="/fix/:token"
              element={
                <Suspense fallback={fullPageSpinner}>
                  <AddressFixPage />
                </Suspense>
              }
            />
            <Route
              path="*"
              element={
                <AuthProvider>
                  <AppRoutes />
                </AuthProvider>
              }
            />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
