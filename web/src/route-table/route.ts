import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { lazy } from 'react';
import type { NavGroupKey } from '../routes';

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

export const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);
