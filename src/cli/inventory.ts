import type { App } from '../app.ts';
import { AppError } from '../platform/errors.ts';

/**
 * `ordo inventory check`: recomputes every level from the ledger and open purchase orders.
 * Mismatches mean something wrote stock without a movement; the exit status says so to cron.
 */
export async function checkStockLedger(app: App): Promise<void> {
  const { checked, mismatches } = await app.inventory.ledger.check();
  console.log(`checked ${checked} levels, ${mismatches.length} mismatches`);
  for (const m of mismatches)
    console.log(`  ${m.sku} in ${m.warehouse}: ${m.field} is ${m.stored}, the ledger says ${m.recomputed}`);
  if (mismatches.length > 0)
    throw new AppError('INTERNAL', `${mismatches.length} stock figures disagree with the ledger`, {
      mismatches: mismatches.length,
    });
}
