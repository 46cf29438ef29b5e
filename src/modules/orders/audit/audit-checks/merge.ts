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
    const shown = others.slice(0, listedNumbers).join(', ');
    const more = others.length > listedNumbers ? ` and ${others.length - listedNumbers} more` : '';
    return `The buyer has ${others.length} other open order${others.length === 1 ? '' : 's'} (${shown}${more}); merge before allocation`;
  },
});
