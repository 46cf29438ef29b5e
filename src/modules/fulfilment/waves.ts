import type { z } from 'zod';
import type { newWaveBody, pickBody, Wave, waveQuery } from '../../contracts/fulfilment.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { readJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { notFound } from '../../platform/errors.ts';
import { pickLinesRepository } from './pick-lines.repository.ts';
import { buildWave } from './wave-building.ts';
import { recordPickIn } from './wave-picking.ts';
import { wavesRepository } from './waves.repository.ts';

/**
 * Waves: allocated orders of one warehouse grouped into one pick list, picked by scan or tick.
 * Building and picking are in their own files; this is the module's face of them.
 */
export function createWaves(deps: {
  database: Database;
  clock: Clock;
  allocateBackorders: (skuIds: readonly string[]) => Promise<unknown>;
}) {
  const { database, clock } = deps;

  async function createWave(actor: Actor, input: z.output<typeof newWaveBody>): Promise<Wave> {
    const now = clock.now();
    const skipLocked = database.dialect === 'postgres';
    const id = await inTransaction(database, (tx) => buildWave(tx, actor, now, input, { skipLocked }));
    return getWave(id);
  }

  async function recordPick(actor: Actor, waveId: string, input: z.output<typeof pickBody>): Promise<Wave> {
    const now = clock.now();
    const shortSkus = await inTransaction(database, (tx) => recordPickIn(tx, actor, now, waveId, input));
    // The orders sent back look for their stock again, in other warehouses too.
    if (shortSkus.length > 0) await deps.allocateBackorders(shortSkus);
    return getWave(waveId);
  }

  async function getWave(id: string): Promise<Wave> {
    const db = database.db;
    const wave = await wavesRepository.findWithWarehouse(db, id);
    if (!wave) throw notFound('wave', id);
    const [lines, orders, orderSkus] = await Promise.all([
      pickLinesRepository.listForWave(db, id),
      wavesRepository.activeOrders(db, id),
      pickLinesRepository.orderSkus(db, id),
    ]);
    // One pass over the wave's allocations: a big wave has thousands of them.
    const ordersBySku = new Map<string, Set<string>>();
    for (const row of orderSkus) {
      const numbers = ordersBySku.get(row.sku_id) ?? new Set<string>();
      numbers.add(row.number);
      ordersBySku.set(row.sku_id, numbers);
    }
    return {
      ...waveSummary(wave, wave.warehouse, orders.length, lines),
      lines: lines.map((l) => ({
        sku: l.code,
        skuName: l.name,
        barcode: l.barcode,
        bin: l.bin,
        quantity: l.quantity,
        pickedQuantity: l.picked_quantity,
        shortQuantity: l.short_quantity,
        orders: [...(ordersBySku.get(l.sku_id) ?? [])],
      })),
      orders,
    };
  }

  function listWaves(filter: z.output<typeof waveQuery>) {
    return wavesRepository.page(database.db, filter, (r) => ({
      ...waveSummary(r, r.warehouse, Number(r.order_count), []),
      unitCount: Number(r.units ?? 0),
      pickedUnits: Number(r.picked ?? 0),
    }));
  }

  return { createWave, recordPick, getWave, listWaves };
}

function waveSummary(
  wave: { id: string; number: string; status: string; rule: unknown; created_by: string; created_at: string },
  warehouse: string,
  orderCount: number,
  lines: readonly { quantity: number; picked_quantity: number }[],
) {
  return {
    id: wave.id,
    number: wave.number,
    warehouse,
    status: wave.status as Wave['status'],
    rule: readJson<Record<string, unknown>>(wave.rule),
    orderCount,
    unitCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    pickedUnits: lines.reduce((sum, l) => sum + l.picked_quantity, 0),
    createdBy: wave.created_by,
    createdAt: wave.created_at,
  };
}
