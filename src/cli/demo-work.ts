import type { App } from '../app.ts';
import type { Orders } from '../modules/orders/index.ts';
import type { Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { CanonicalOrderInput } from './demo-data/index.ts';

type Clock = { set(at: Date | string): void };

/** The demo team: who works the review queue (password printed by `ordo demo`). */
export const demoStaff = [
  { username: 'li.na', displayName: '李娜', role: 'order_processor' },
  { username: 'tom.baker', displayName: 'Tom Baker', role: 'order_processor' },
  { username: 'zhang.wei', displayName: '张伟', role: 'finance' },
  { username: 'chen.jie', displayName: '陈杰', role: 'ops_manager' },
  { username: 'zhao.lei', displayName: '赵磊', role: 'warehouse' },
] as const;
export const demoPassword = 'demo-password';

const hour = 3600_000;

function withAmounts(
  order: CanonicalOrderInput,
  change: (o: CanonicalOrderInput) => void,
): CanonicalOrderInput {
  const copy = structuredClone(order);
  change(copy);
  return copy;
}

/**
 * Exposes the audit rules to a realistic share of the demo's orders, deterministically by
 * position: incomplete addresses, short payments, bulk quantities, bursts from one phone, and
 * two phones on the blocklist (which makes those orders high risk).
 */
export function exposeRules(orders: CanonicalOrderInput[]): {
  orders: CanonicalOrderInput[];
  blockedPhones: string[];
} {
  const cn = orders.filter((o) => o.shippingAddress.country === 'CN');
  const blockedPhones = [cn[11]?.shippingAddress.phone, cn[401]?.shippingAddress.phone].filter(
    (p): p is string => Boolean(p),
  );
  const exposed = orders.map((order, i) => {
    if (i % 61 === 7 && order.shippingAddress.country === 'CN')
      return withAmounts(order, (o) => delete o.shippingAddress.district);
    if (i % 97 === 13 && order.payment.status === 'paid' && order.payment.paidAmount) {
      return withAmounts(order, (o) => {
        o.payment.paidAmount = (Number(o.total) - 10).toFixed(2);
      });
    }
    return order;
  });
  return { orders: [...exposed, ...velocityBursts(orders)], blockedPhones };
}

/** Five orders within an hour from one phone, for a few buyers: the velocity rule's pattern. */
function velocityBursts(orders: CanonicalOrderInput[]): CanonicalOrderInput[] {
  const sources = [orders[120], orders[900], orders[1800]].filter(Boolean);
  return sources.flatMap((source, s) =>
    Array.from({ length: 5 }, (_, k) =>
      withAmounts(source, (o) => {
        o.externalId = `${source.externalId}-B${s}${k}`;
        o.placedAt = new Date(Date.parse(source.placedAt) + (k + 1) * 9 * 60_000).toISOString();
        if (o.payment.paidAt) o.payment.paidAt = new Date(Date.parse(o.placedAt) + 30_000).toISOString();
      }),
    ),
  );
}

function pick<T>(list: readonly T[], seed: number): T {
  return list[Math.abs(seed) % list.length];
}

/**
 * The team at work on the orders placed in a window (the demo goes day by day): late payments
 * arrive (the hold clears by itself), processors release holds they checked, high-risk orders
 * get both reviews, unpaid orders are cancelled after a day. The newest two days are left in
 * the queue for the demo to show.
 */
export async function workTheQueue(
  app: App,
  orders: Orders,
  clock: Clock,
  actors: Record<string, Actor>,
  placed: { from: string; before: string },
): Promise<{ released: number; paid: number; reviewed: number }> {
  const leaveFrom = new Date(app.clock.now().getTime() - 48 * hour).toISOString();
  const held = await app.database.db
    .selectFrom('orders')
    .select(['id', 'number', 'placed_at', 'hold_codes', 'total_minor', 'currency'])
    .where('status', '=', 'pending_review')
    .where('placed_at', '>=', placed.from)
    .where('placed_at', '<', placed.before < leaveFrom ? placed.before : leaveFrom)
    .orderBy('placed_at')
    .execute();
  const counts = { released: 0, paid: 0, reviewed: 0 };
  for (const [i, order] of held.entries()) {
    const codes = order.hold_codes.split(',').filter(Boolean);
    const at = (hours: number) => clock.set(new Date(Date.parse(order.placed_at) + hours * hour));
    const processor = pick([actors['li.na'], actors['tom.baker']], i);
    try {
      if (codes.includes('PAYMENT_PENDING')) {
        at(0.2 + (i % 7) * 0.3);
        if (i % 4 === 3) {
          at(24);
          await orders.edits.cancel(actors['chen.jie'], order.id, 'payment not received within 24 hours');
          continue;
        }
        await orders.edits.updatePayment(actors.channel, order.id, {
          status: 'paid',
          paidAmount: (order.total_minor / 100).toFixed(2),
        });
        counts.paid += 1;
      }
      if (codes.includes('HIGH_RISK')) {
        at(1 + (i % 5));
        await orders.review.decide(
          processor,
          order.id,
          'processor',
          i % 3 === 0 ? 'reject' : 'approve',
          i % 3 === 0 ? 'buyer on the fraud list' : undefined,
        );
        if (i % 3 !== 0) {
          at(3 + (i % 5));
          await orders.review.releaseHolds(
            processor,
            order.id,
            codes.filter((c) => c !== 'HIGH_RISK' && c !== 'PAYMENT_PENDING'),
            'checked with the customer',
          );
          await orders.review.decide(actors['zhang.wei'], order.id, 'finance', 'approve');
        }
        counts.reviewed += 1;
        continue;
      }
      const rest = (await orders.queries.get(order.id)).holds;
      if (rest.includes('UNKNOWN_SKU')) {
        // A discontinued item cannot ship: released, the order would wait as a backorder forever.
        at(0.5 + (i % 11) * 0.5);
        await orders.edits.cancel(
          processor,
          order.id,
          '商品已下架，已为客户退款 / item discontinued, refunded',
        );
        continue;
      }
      if (rest.length > 0) {
        at(0.5 + (i % 11) * 0.5);
        await orders.review.releaseHolds(processor, order.id, rest, 'checked');
        counts.released += 1;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return counts;
}
