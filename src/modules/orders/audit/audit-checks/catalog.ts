import { defineRule, ruleParams } from './rule.ts';

export const unknownSku = defineRule({
  code: 'UNKNOWN_SKU',
  title: { en: 'Unknown or inactive SKU', 'zh-CN': '未知或已停用的商品' },
  description: {
    en: 'Holds orders with a line whose SKU is not in the catalog or is inactive.',
    'zh-CN': '订单中有商品编码不在商品库中或已停用时拦截。',
  },
  params: ruleParams({ action: 'hold', riskPoints: 0 }, {}),
  explain(order, ctx) {
    const problems = order.lines
      .filter((line) => ctx.skuStates.get(line.sku)?.isActive !== true)
      .map((line) => ({
        key: ctx.skuStates.has(line.sku) ? 'sku.inactive' : 'sku.notInCatalog',
        params: { lineNo: line.lineNo, sku: line.sku },
      }));
    return problems.length === 0 ? null : { key: 'hold.unknownSku', parts: problems };
  },
});
