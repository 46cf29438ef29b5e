import type { z } from 'zod';
import type { countsBody, StocktakeDetail } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { lineOf, parseCsvRecords, requireColumns } from '../../platform/csv.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { levelsRepository } from './levels.repository.ts';
import { assertStatus, loadStocktake, type StocktakeDeps } from './stocktake-reading.ts';
import { stocktakesRepository } from './stocktakes.repository.ts';

/** Counting: counts by hand or from a CSV, and notes that explain a line. */
export function createStocktakeCounting(deps: StocktakeDeps, read: (id: string) => Promise<StocktakeDetail>) {
  const { database, clock } = deps;

  async function recordCounts(actor: Actor, id: string, input: z.output<typeof countsBody>) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const stocktake = await loadStocktake(tx, id);
      assertStatus(stocktake, ['counting']);
      const skuIds = await stocktakesRepository.skuIdsByCode(
        tx,
        input.counts.map((c) => c.sku),
      );
      const books = await levelsRepository.onHand(tx, stocktake.warehouse_id, [...skuIds.values()]);
      for (const [i, count] of input.counts.entries()) {
        const skuId = skuIds.get(count.sku);
        const isOnSheet =
          skuId !== undefined &&
          (await stocktakesRepository.updateLine(tx, id, skuId, {
            // The books as they stand when the shelf is counted: stock that moves between
            // the count and the approval is then neither lost nor counted twice.
            expected: books.get(skuId) ?? 0,
            counted: count.counted,
            counted_by: actor.name,
            counted_at: now.toISOString(),
            ...(count.note !== undefined ? { note: count.note || null } : {}),
          }));
        if (!isOnSheet) throw invalidField(`counts.${i}.sku`, 'notOnCountSheet', { sku: count.sku });
      }
      await stocktakesRepository.update(tx, id, { updated_at: now.toISOString() });
    });
    return read(id);
  }

  /** Counts from a CSV (sku,counted[,note]); good rows are saved, bad ones reported by line. */
  async function importCounts(actor: Actor, id: string, csv: string) {
    const records = parseCsvRecords(csv);
    requireColumns(records, ['sku', 'counted']);
    const stocktake = await loadStocktake(database.db, id);
    assertStatus(stocktake, ['counting']);
    const onSheet = await stocktakesRepository.skuCodes(database.db, id);
    const rejected: { line: number; sku?: string; message: string }[] = [];
    const counts: { sku: string; counted: number; note?: string }[] = [];
    for (const record of records) {
      const line = lineOf(record);
      const counted = Number(record.counted);
      if (!record.sku) rejected.push({ line, message: 'sku: required' });
      else if (!onSheet.has(record.sku))
        rejected.push({ line, sku: record.sku, message: 'sku: not on this count sheet' });
      else if (!/^\d+$/.test(record.counted ?? '') || counted > 10_000_000)
        rejected.push({ line, sku: record.sku, message: 'counted: a whole number of 0 or more' });
      else counts.push({ sku: record.sku, counted, ...(record.note ? { note: record.note } : {}) });
    }
    if (counts.length > 0) await recordCounts(actor, id, { counts });
    return { counted: counts.length, rejected };
  }

  async function setLineNote(actor: Actor, id: string, skuCode: string, note: string) {
    await inTransaction(database, async (tx) => {
      const stocktake = await loadStocktake(tx, id);
      assertStatus(stocktake, ['counting', 'review']);
      const skuId = (await stocktakesRepository.skuIdsByCode(tx, [skuCode])).get(skuCode);
      const isOnSheet =
        skuId !== undefined && (await stocktakesRepository.updateLine(tx, id, skuId, { note: note || null }));
      if (!isOnSheet) throw notFound('stocktake line', skuCode);
      await recordAudit(tx, actor, clock.now(), {
        action: 'stocktake.noted',
        targetType: 'stocktake',
        targetId: id,
        details: { sku: skuCode, note },
      });
    });
    return read(id);
  }

  return { recordCounts, importCounts, setLineNote };
}
