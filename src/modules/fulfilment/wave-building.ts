import type { z } from 'zod';
import type { newWaveBody } from '../../contracts/fulfilment.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import { AppError } from '../../platform/errors.ts';
import { randomBase32, uuidv7 } from '../../platform/ids.ts';
import { changeOrdersStatus } from '../orders/index.ts';
import { pickLinesRepository } from './pick-lines.repository.ts';
import { wavesRepository } from './waves.repository.ts';

type WaveRule = z.output<typeof newWaveBody>;

/** The warehouse named by the rule and its orders the rule takes; refused when there are none. */
async function ordersForWave(tx: Executor, rule: WaveRule, skipLocked: boolean) {
  const warehouse = await wavesRepository.warehouseByCode(tx, rule.warehouse);
  if (!warehouse)
    throw new AppError('UNKNOWN_WAREHOUSE', `warehouse: no warehouse "${rule.warehouse}"`, {
      field: 'warehouse',
    });
  const orders = await wavesRepository.candidates(tx, warehouse.id, rule, { skipLocked });
  if (orders.length === 0)
    throw new AppError('NOTHING_TO_WAVE', `no allocated orders in ${warehouse.code} match this wave's rule`, {
      warehouse: warehouse.code,
    });
  return { warehouse, orders };
}

/**
 * Builds a wave in the caller's transaction: the allocated orders of one warehouse that match
 * the rule (item mix, priority, cut-off, service, size) go to picking, and the pick list sums
 * each SKU over them by bin. Returns the wave's id. `skipLocked` (PostgreSQL): two people
 * building waves at once take different orders.
 */
export async function buildWave(
  tx: Executor,
  actor: Actor,
  now: Date,
  rule: WaveRule,
  options: { skipLocked: boolean },
): Promise<string> {
  const { warehouse, orders } = await ordersForWave(tx, rule, options.skipLocked);
  const waveId = uuidv7(now.getTime());
  const at = now.toISOString();
  const number = `WV${at.slice(2, 10).replaceAll('-', '')}${randomBase32(5)}`;
  await wavesRepository.insertWave(
    tx,
    {
      id: waveId,
      number,
      warehouse_id: warehouse.id,
      status: 'picking',
      rule: writeJson(rule),
      created_by: actor.name,
      created_at: at,
    },
    orders.map((order) => order.id),
  );
  await pickLinesRepository.insertForWave(tx, waveId, warehouse.id);
  await changeOrdersStatus(
    tx,
    actor,
    now,
    orders.map((order) => ({
      order,
      to: 'picking' as const,
      reason: 'in a pick wave',
      event: { type: 'wave', data: { waveId } },
    })),
  );
  await recordAudit(tx, actor, now, {
    action: 'wave.created',
    targetType: 'wave',
    targetId: waveId,
    details: { orders: orders.length },
  });
  return waveId;
}
