import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import { AppLayout } from './components/AppLayout';
import { type AppRoute, appRoutes } from './routes';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const AddressFixPage = lazy(() => import('./pages/AddressFixPage'));
const TrackPage = lazy(() => import('./pages/service/TrackPage'));
const SurveyPage = lazy(() => import('./pages/service/SurveyPage'));
const RatePage = lazy(() => import('./pages/service/RatePage'));
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

function routeElement({ page: Page, permission }: AppRoute) {
  return permission ? (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  ) : (
    <Page />
  );
}

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
        {appRoutes.map((route) =>
          route.path === '/' ? (
            <Route key={route.path} index element={routeElement(route)} />
          ) : (
            <Route key={route.path} path={route.path.slice(1)} element={routeElement(route)} />
          ),
        )}
        {/* Exception cases are worked on the risk cases board; old links and bookmarks land there. */}
        <Route path="fulfilment/cases" element={<Navigate to="/risk/cases" replace />} />
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
              path="/track"
              element={
                <Suspense fallback={fullPageSpinner}>
                  <TrackPage />
                </Suspense>
              }
            />
            <Route
              path="/rate/:token"
              element={
                <Suspense fallback={fullPageSpinner}>
                  <RatePage />
                </Suspense>
              }
            />
            <Route
              path="/survey/:token"
              element={
                <Suspense fallback={fullPageSpinner}>
                  <SurveyPage />
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
