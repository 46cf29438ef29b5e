import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type {
  InventoryAllocationsView,
  InventoryStockLevelsView,
  OrdersOrderLinesView,
  OrdersOrdersView,
} from '../../platform/db/schema.ts';

/** What insights' SQL sees: its own tables and the read views of the modules below it. */
export interface InsightsDB {
  insights_kpi_definitions: {
    key: string;
    name: string;
    formula: string;
    unit: string;
    good_direction: string;
    target: number | null;
    updated_at: string;
  };
  insights_daily_counts: { day: string; metric: string; dim: string; dim_value: string; value: number };
  insights_daily_samples: {
    day: string;
    stage: string;
    channel: string;
    n: number;
    samples: string;
    sketch: string;
  };
  insights_daily_stage_hours: {
    day: string;
    stage: string;
    dim: string;
    dim_value: string;
    n: number;
    hours: number;
  };
  /** The same rows summed per month of days (`YYYY-MM`): long periods read these. */
  insights_monthly_counts: { month: string; metric: string; dim: string; dim_value: string; value: number };
  insights_monthly_samples: { month: string; stage: string; channel: string; n: number; sketch: string };
  insights_monthly_stage_hours: {
    month: string;
    stage: string;
    dim: string;
    dim_value: string;
    n: number;
    hours: number;
  };
  insights_state: { key: string; value: string };
  orders_orders_view: OrdersOrdersView;
  orders_order_lines_view: OrdersOrderLinesView;
  orders_order_events_view: {
    id: string;
    order_id: string;
    type: string;
    actor_type: string;
    data: unknown;
    at: string;
  };
  inventory_allocations_view: InventoryAllocationsView;
  inventory_stock_levels_view: InventoryStockLevelsView;
  logistics_shipments_view: {
    id: string;
    order_id: string;
    carrier_id: string;
    status: string;
    promised_by: string | null;
    shipped_at: string;
    delivered_at: string | null;
  };
}

export type InsightsDb = Kysely<InsightsDB>;

export function insightsDb(database: Database): InsightsDb {
  return database.db as unknown as InsightsDb;
}
