import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { uuidv7 } from '../../src/platform/ids.ts';

/** A small deterministic generator, so a failing workload can be replayed. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HistoryOrder {
  id: string;
  number: string;
  channel?: string;
  status: string;
  type?: string;
  placedAt: string;
  shipBy?: string | null;
  phone?: string;
  email?: string | null;
  province?: string;
  city?: string;
  totalMinor?: number;
  team?: string | null;
  lines?: { sku: string; quantity: number }[];
  /** Timeline: type, when, who (user for a person). */
  events: { type: string; at: string; actor?: 'system' | 'user'; data?: unknown }[];
}

/** Writes orders with their timeline as a history import does: rows and events, nothing else. */
export async function insertHistory(db: Kysely<DB>, orders: readonly HistoryOrder[]): Promise<void> {
  for (const o of orders) {
    const phone = o.phone ?? '+8613800000000';
    await db
      .insertInto('orders')
      .values({
        id: o.id,
        number: o.number,
        channel_id: o.channel ?? 'web',
        external_id: o.number,
        status: o.status,
        type: o.type ?? 'normal',
        priority: 0,
        ship_by: o.shipBy ?? null,
        placed_at: o.placedAt,
        currency: 'CNY',
        customer_name: '王芳',
        customer_email: o.email ?? null,
        customer_phone: phone,
        ship_name: '王芳',
        ship_phone: phone,
        ship_country: 'CN',
        ship_province: o.province ?? '浙江省',
        ship_city: o.city ?? '杭州市',
        ship_line1: '文三路 100 号',
        shipping_fee_minor: 0,
        discount_minor: 0,
        total_minor: o.totalMinor ?? 12980,
        payment_status: 'paid',
        requested_service: 'standard',
        line_count: o.lines?.length ?? 1,
        team: o.team ?? null,
        touched: 0,
        created_at: o.placedAt,
        updated_at: o.placedAt,
      } as never)
      .execute();
    const lines = o.lines ?? [{ sku: 'TEE-RED-M', quantity: 1 }];
    await db
      .insertInto('order_lines')
      .values(
        lines.map((l, i) => ({
          order_id: o.id,
          line_no: i + 1,
          sku: l.sku,
          quantity: l.quantity,
          unit_price_minor: 5990,
        })),
      )
      .execute();
    await addEvents(db, o.id, o.events);
  }
}

export async function addEvents(
  db: Kysely<DB>,
  orderId: string,
  events: HistoryOrder['events'],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('order_events')
    .values(
      events.map((e) => ({
        id: uuidv7(),
        order_id: orderId,
        type: e.type,
        actor_type: e.actor ?? 'system',
        actor_id: null,
        actor_name: e.actor === 'user' ? 'someone' : 'system',
        data: JSON.stringify(e.data ?? {}),
        at: e.at,
      })),
    )
    .execute();
}
