// The console's one route table: every signed-in page with its path, its permission and, when it
// has one, its menu entry (group, label key, icon). App.tsx builds the router from it and
// AppLayout the menu, so a page and its menu entry cannot disagree. The entries live in
// route-table/ (the day's work, and management), each menu group's entries in one file in menu order.
import {
  AlertOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  GiftOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  TruckOutlined,
} from '@ant-design/icons';
import { managementRoutes } from './route-table/management';
import { operationsRoutes } from './route-table/operations';
import type { AppRoute } from './route-table/route';

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

export type { AppRoute, NavBadge } from './route-table/route';

/** Every signed-in page: the day's work first, then management and administration. */
export const appRoutes: AppRoute[] = [...operationsRoutes, ...managementRoutes];

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
