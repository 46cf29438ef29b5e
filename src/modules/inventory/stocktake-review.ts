import type { StocktakeDetail } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { levelsRepository } from './levels.repository.ts';
import { insufficient } from './levels.ts';
import { moveStock } from './stock-ledger.ts';
import { loadStocktake, type StocktakeDeps } from './stocktake-reading.ts';
import { stocktakesRepository } from './stocktakes.repository.ts';
import { warehousesRepository } from './warehouses.repository.ts';

/** The stocktake life cycle as data: who may follow whom. */
const transitions: Record<string, readonly string[]> = {
  counting: ['review', 'cancelled'],
  review: ['approved', 'counting', 'cancelled'],
  approved: [],
  cancelled: [],
};

/** Review: submit a finished count, approve it (posting the variances) or cancel it. */
export function createStocktakeReview(deps: StocktakeDeps, read: (id: string) => Promise<StocktakeDetail>) {
  const { database, clock } = deps;

  async function submitStocktake(actor: Actor, id: string) {
    return changeStatus(actor, id, 'review', async (tx) => {
      const uncounted = await stocktakesRepository.uncountedCount(tx, id);
      if (uncounted > 0)
        throw new AppError('COUNT_INCOMPLETE', `${uncounted} line(s) are not counted yet`, { uncounted });
      return undefined;
    });
  }

  /** Approval posts every variance to the ledger; on-hand may not drop below what is reserved. */
  async function approveStocktake(actor: Actor, id: string) {
    const now = clock.now();
    return changeStatus(actor, id, 'approved', async (tx, stocktake) => {
      const lines = await stocktakesRepository.linesToPost(tx, id);
      const warehouseCode = await warehousesRepository.codeOf(tx, stocktake.warehouse_id);
      for (const line of lines) {
        const variance = Number(line.counted) - line.expected;
        if (variance !== 0) {
          const level = await moveStock(tx, actor, now, {
            skuId: line.sku_id,
            warehouseId: stocktake.warehouse_id,
            kind: 'count_variance',
            onHandDelta: variance,
            reservedDelta: 0,
            referenceType: 'stocktake',
            referenceId: stocktake.number,
            explanation: {
              key: 'ledger.countVariance',
              params: { counted: Number(line.counted), expected: line.expected },
            },
          });
          if (!level) throw insufficient(line.code, warehouseCode, 'counted');
        }
        await levelsRepository.markCounted(tx, line.sku_id, stocktake.warehouse_id, now.toISOString());
      }
      return { approved_by: actor.name, closed_at: now.toISOString() };
    });
  }

  async function cancelStocktake(actor: Actor, id: string) {
    return changeStatus(actor, id, 'cancelled', async () => ({ closed_at: clock.now().toISOString() }));
  }

  async function changeStatus(
    actor: Actor,
    id: string,
    to: string,
    apply: (tx: Executor, stocktake: Row<'stocktakes'>) => Promise<Partial<Row<'stocktakes'>> | undefined>,
  ) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const stocktake = await loadStocktake(tx, id);
      if (!transitions[stocktake.status]?.includes(to))
        throw new AppError(
          'INVALID_TRANSITION',
          `stocktake ${stocktake.number} is ${stocktake.status}; it cannot become ${to}`,
          { from: stocktake.status, to },
        );
      const set = (await apply(tx, stocktake)) ?? {};
      const isChanged = await stocktakesRepository.update(
        tx,
        id,
        { ...set, status: to, updated_at: now.toISOString() },
        stocktake.status,
      );
      if (!isChanged)
        throw new AppError('INVALID_TRANSITION', `stocktake ${stocktake.number} changed meanwhile; reload`, {
          to,
        });
      await recordAudit(tx, actor, now, { action: `stocktake.${to}`, targetType: 'stocktake', targetId: id });
    });
    return read(id);
  }

  return { submitStocktake, approveStocktake, cancelStocktake };
}
