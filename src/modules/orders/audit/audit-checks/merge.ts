import { buyerKey } from './keys.ts';
import { defineRule, ruleParams } from './rule.ts';

const listedNumbers = 10;

export const mergeCandidate = defineRule({
  code: 'MERGE_CANDIDATE',
  title: { en: 'Merge candidate', 'zh-CN': '可合并订单' },
  description: {
    en: 'Holds an order when the same buyer (phone and address) has other open orders, so they can be merged into one shipment before allocation.',
    'zh-CN': '同一买家（电话与地址）还有其他未发货订单时拦截，以便在分配库存前合并发货。',
  },
  params: ruleParams({ action: 'hold', riskPoints: 0 }, {}),
  explain(order, ctx) {
    const others = ctx.openOrdersByBuyer.get(buyerKey(order)) ?? [];
    if (others.length === 0) return null;
    const numbers = others.slice(0, listedNumbers).join(', ');
    const count = others.length;
    if (count > listedNumbers) {
      return { key: 'hold.mergeCandidateMore', params: { count, numbers, more: count - listedNumbers } };
    }
    return { key: 'hold.mergeCandidate', params: { count, numbers, plural: count === 1 ? '' : 's' } };
  },
});
