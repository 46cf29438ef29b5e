/** Cancellations the demo applies after import. */
import { mulberry32, pickOne, type Rng, shuffled } from './random.ts';
import type { CanonicalOrderInput, DemoCancellation, DemoShop } from './types.ts';

const cancellationShare = 0.04;
const chineseCancelReasons = [
  '客户取消',
  '拍错了，重新下单',
  '不想要了',
  '地址填错，重新下单',
  '价格问题，客户取消',
];
const englishCancelReasons = [
  'customer changed mind',
  'ordered by mistake',
  'found a better price',
  'delivery would take too long',
];

/** ~4 % of the shop's orders to cancel, in order, each with a reason in the buyer's language. */
export function demoCancellations(shop: DemoShop, seed: number): DemoCancellation[] {
  // A stream of its own, so cancelling does not depend on how many draws the shop took.
  const rng = mulberry32(seed ^ 0x5bd1e995);
  const count = Math.round(shop.orders.length * cancellationShare);
  const indexes = shuffled(
    rng,
    shop.orders.map((_, index) => index),
  )
    .slice(0, count)
    .sort((a, b) => a - b);
  return indexes.map((index) => {
    const order = shop.orders[index];
    return { channel: order.channel, externalId: order.externalId, reason: cancellationReason(rng, order) };
  });
}

function cancellationReason(rng: Rng, order: CanonicalOrderInput): string {
  const isChinese = order.shippingAddress.country === 'CN';
  if (order.payment.status === 'pending')
    return isChinese ? '超时未付款，订单关闭' : 'payment not received in time';
  return pickOne(rng, isChinese ? chineseCancelReasons : englishCancelReasons);
}
