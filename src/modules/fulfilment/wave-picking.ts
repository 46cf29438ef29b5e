import type { z } from 'zod';
import type { pickBody } from '../../contracts/fulfilment.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { adjustForShortPick } from '../inventory/index.ts';
import { changeOrdersStatus } from '../orders/index.ts';
import { raiseException } from './exceptions.ts';
import { pickLinesRepository } from './pick-lines.repository.ts';
import { type WaveOrder, wavesRepository } from './waves.repository.ts';

/**
 * A pick, by scan or tick, in the caller's transaction. Marked short, the missing units are
 * written off the books and the orders that cannot be served (least urgent first) leave the
 * wave: their stock is released, they go back to be allocated elsewhere, and each gets an
 * exception case. Returns the SKUs picked short, whose backorders look for stock again.
 */
export async function recordPickIn(
  tx: Executor,
  actor: Actor,
  now: Date,
  waveId: string,
  input: z.output<typeof pickBody>,
): Promise<string[]> {
  const wave = await wavesRepository.findById(tx, waveId);
  if (!wave) throw notFound('wave', waveId);
  if (wave.status !== 'picking')
    throw new AppError('INVALID_TRANSITION', `wave ${wave.number} is ${wave.status}`, {
      status: wave.status,
    });
  const line = await pickLinesRepository.findByScan(tx, waveId, input.sku);
  if (!line) throw invalidField('sku', 'notOnPickList', { sku: input.sku });
  const picked = line.picked_quantity + input.quantity;
  if (picked > line.quantity)
    throw new AppError(
      'OVER_PICK',
      `quantity: only ${line.quantity - line.picked_quantity} more of ${line.code} to pick`,
      {
        field: 'quantity',
      },
    );
  const short = input.isShort ? line.quantity - picked : 0;
  await pickLinesRepository.recordPick(tx, line.id, {
    pickedQuantity: picked,
    shortQuantity: line.short_quantity + short,
    pickedBy: actor.name,
    pickedAt: now.toISOString(),
  });
  if (short > 0) await takeOutShortOrders(tx, actor, now, wave, line.sku_id, short);
  if (await pickLinesRepository.isAllPicked(tx, waveId))
    await wavesRepository.markPicked(tx, waveId, now.toISOString());
  return short > 0 ? [line.sku_id] : [];
}

/** The fewest least-urgent orders whose reservations cover the units picked short. */
function ordersToTakeOut<T extends WaveOrder & { quantity: number }>(
  needing: readonly T[],
  short: number,
): T[] {
  const out: T[] = [];
  let covered = 0;
  for (const order of needing) {
    if (covered >= short) break;
    out.push(order);
    covered += order.quantity;
  }
  return out;
}

async function takeOutShortOrders(
  tx: Executor,
  actor: Actor,
  now: Date,
  wave: Row<'waves'>,
  skuId: string,
  short: number,
) {
  const out = ordersToTakeOut(await wavesRepository.ordersNeedingSku(tx, wave.id, skuId), short);
  const ids = out.map((order) => order.id);
  // Their other SKUs need not be picked any more.
  await pickLinesRepository.takeOffOrders(tx, wave.id, ids);
  await wavesRepository.deactivateOrders(tx, wave.id, ids);
  await changeOrdersStatus(
    tx,
    actor,
    now,
    out.map((order) => ({
      order,
      to: 'backordered' as const,
      reason: `short pick in wave ${wave.number}`,
      event: { type: 'short_pick', data: { waveId: wave.id } },
    })),
  );
  await adjustForShortPick(tx, actor, now, {
    skuId,
    warehouseId: wave.warehouse_id,
    quantity: short,
    reference: wave.number,
  });
  for (const order of out)
    await raiseException(tx, now, {
      orderId: order.id,
      shipmentId: null,
      kind: 'short_pick',
      note: `short pick in wave ${wave.number}`,
    });
}
