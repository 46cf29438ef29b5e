import { z } from 'zod';
import { paymentStatuses } from '../../../../contracts/orders.ts';
import { fromMinor } from '../../../../platform/money.ts';
import { defineRule, ruleParams } from './rule.ts';

const toleranceMinor = z.number().int().min(0).max(1_000_000).default(0);

export const paymentPending = defineRule({
  code: 'PAYMENT_PENDING',
  title: { en: 'Payment not complete', 'zh-CN': '未完成付款' },
  description: {
    en: 'Holds orders whose payment is in one of the listed statuses. Cash on delivery counts as complete.',
    'zh-CN': '付款状态属于所列状态之一的订单将被拦截。货到付款视为已完成付款。',
  },
  params: ruleParams(
    { action: 'hold', riskPoints: 0 },
    { statuses: z.array(z.enum(paymentStatuses)).default(['pending', 'partially_paid']) },
  ),
  explain(order, _ctx, params) {
    const { status, paidAmountMinor } = order.payment;
    if (!params.statuses.includes(status)) return null;
    if (status === 'partially_paid' && paidAmountMinor !== null) {
      const paid = fromMinor(paidAmountMinor, order.currency);
      const total = fromMinor(order.totalMinor, order.currency);
      return { key: 'hold.partiallyPaid', params: { paid, total, currency: order.currency } };
    }
    return { key: 'hold.paymentStatus', params: { status } };
  },
});

export const amountMismatch = defineRule({
  code: 'AMOUNT_MISMATCH',
  title: { en: 'Paid amount differs from total', 'zh-CN': '实付金额与订单总额不符' },
  description: {
    en: 'Holds paid orders whose paid amount differs from the order total by more than the tolerance.',
    'zh-CN': '已付款订单的实付金额与订单总额之差超过容差时拦截。',
  },
  params: ruleParams({ action: 'hold', riskPoints: 20 }, { toleranceMinor }),
  explain(order, _ctx, params) {
    const paid = order.payment.paidAmountMinor;
    // A channel that reports "paid" without an amount gives nothing to compare.
    if (order.payment.status !== 'paid' || paid === null) return null;
    if (Math.abs(paid - order.totalMinor) <= params.toleranceMinor) return null;
    const money = (minor: number) => fromMinor(minor, order.currency);
    return {
      key: 'hold.amountMismatch',
      params: { paid: money(paid), total: money(order.totalMinor), currency: order.currency },
    };
  },
});

export const totalMismatch = defineRule({
  code: 'TOTAL_MISMATCH',
  title: { en: 'Total does not add up', 'zh-CN': '订单总额计算不符' },
  description: {
    en: 'Holds orders whose total differs from line amounts + shipping − discount by more than the tolerance.',
    'zh-CN': '订单总额与“商品金额 + 运费 − 优惠”之差超过容差时拦截。',
  },
  params: ruleParams({ action: 'hold', riskPoints: 10 }, { toleranceMinor }),
  explain(order, _ctx, params) {
    const linesMinor = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
    const expectedMinor = linesMinor + order.shippingFeeMinor - order.discountMinor;
    if (Math.abs(expectedMinor - order.totalMinor) <= params.toleranceMinor) return null;
    const money = (minor: number) => fromMinor(minor, order.currency);
    return {
      key: 'hold.totalMismatch',
      params: {
        lines: money(linesMinor),
        shipping: money(order.shippingFeeMinor),
        discount: money(order.discountMinor),
        expected: money(expectedMinor),
        total: money(order.totalMinor),
      },
    };
  },
});
