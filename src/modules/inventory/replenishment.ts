import type { z } from 'zod';
import type {
  ComputedPlan,
  InventorySettings,
  suggestion,
  suggestionQuery,
} from '../../contracts/inventory.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { readJson } from '../../platform/db/dialect.ts';
import { fromMinor } from '../../platform/money.ts';
import { plansRepository } from './plans.repository.ts';
import { suggestOrderQuantity } from './reorder.ts';

const dayMs = 24 * 60 * 60 * 1000;
type Suggestion = z.output<typeof suggestion>;

/**
 * Replenishment suggestions, a periodic-review (s, S) policy: when stock available plus on its
 * way, less what backordered customers already wait for, is at or below the warning line (s),
 * order up to the target level (S), rounded to the supplier's minimum and pack size and capped
 * by what the supplier can deliver.
 */
export function createReplenishment(deps: {
  database: Database;
  clock: Clock;
  settings: () => Promise<InventorySettings>;
  /** Units backordered customers wait for, per SKU code: the orders module knows them, not the ledger. */
  backorderedUnits: () => Promise<Map<string, number>>;
}) {
  const { database, clock } = deps;

  async function listSuggestions(filter: z.output<typeof suggestionQuery>): Promise<{ items: Suggestion[] }> {
    const settings = await deps.settings();
    const query = plansRepository.suggestionSource(database.db, filter);
    const [rows, backorders] = await Promise.all([query, deps.backorderedUnits()]);
    const now = clock.now();
    const items: Suggestion[] = [];
    for (const row of rows) {
      const plan = row.plan ? readJson<ComputedPlan>(row.plan) : null;
      const reorderPoint = Number(row.warning_line);
      const meanDaily = plan?.meanDaily ?? 0;
      // A hand-set line orders up to itself plus one review period of demand.
      // Ordering up to the line itself would order nothing: the target is always above it.
      const targetLevel = Math.max(
        reorderPoint + 1,
        row.mode === 'manual' || !plan
          ? reorderPoint + Math.ceil(meanDaily * settings.reviewPeriodDays)
          : plan.targetLevel,
      );
      const backordered = backorders.get(row.sku) ?? 0;
      const position = Number(row.on_hand) - Number(row.reserved) + Number(row.incoming) - backordered;
      if (position > reorderPoint) continue;
      const result = suggestOrderQuantity({
        targetLevel,
        onHand: Number(row.on_hand),
        reserved: Number(row.reserved),
        incoming: Number(row.incoming),
        backorderedQuantity: backordered,
        minOrderQty: row.min_order_qty ?? 1,
        packSize: row.pack_size ?? 1,
        maxOrderQty: row.max_order_qty ?? null,
      });
      if (result.quantity <= 0) continue;
      const leadTimeDays = row.lead_time_days ?? settings.defaultLeadTimeDays;
      items.push({
        sku: row.sku,
        skuName: row.sku_name,
        warehouse: row.warehouse,
        supplier: row.supplier ?? null,
        onHand: Number(row.on_hand),
        reserved: Number(row.reserved),
        incoming: Number(row.incoming),
        backordered,
        reorderPoint,
        targetLevel,
        need: result.need,
        quantity: result.quantity,
        isCapped: result.isCapped,
        unitCost: row.unit_cost_minor === null ? null : fromMinor(Number(row.unit_cost_minor), row.currency),
        leadTimeDays,
        arrivesBy: new Date(now.getTime() + leadTimeDays * dayMs).toISOString().slice(0, 10),
      });
    }
    return { items };
  }

  return { listSuggestions };
}
