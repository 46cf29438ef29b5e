/**
 * Texts of inventory's explanations: reasons of stock movements Ordo writes itself, the reorder
 * formulas with their numbers, and a channel's stock rule. English is what the API has always said.
 */
export const inventoryTexts = {
  'ledger.shipped': { en: 'shipped', 'zh-CN': '已发货' },
  'ledger.shortPick': { en: 'short pick', 'zh-CN': '拣货短缺' },
  'ledger.released': {
    en: 'released: order {status|orderStatus}',
    'zh-CN': '释放预留：订单{status|orderStatus}',
  },
  'ledger.countVariance': {
    en: 'count {counted}, books {expected}',
    'zh-CN': '盘点 {counted}，账面 {expected}',
  },
  'reorder.formula': { en: '{parts}', 'zh-CN': '{parts}' },
  'reorder.safetyStock': {
    en: 'safety stock = z·σ·√L = {z} × {std} × √{leadTime} = {safetyStock}',
    'zh-CN': '安全库存 = z·σ·√L = {z} × {std} × √{leadTime} = {safetyStock}',
  },
  'reorder.reorderPoint': {
    en: 'reorder point = lead-time demand + safety stock = {leadTimeDemand} + {safetyStock} = {reorderPoint}',
    'zh-CN': '再订货点 = 提前期需求 + 安全库存 = {leadTimeDemand} + {safetyStock} = {reorderPoint}',
  },
  'reorder.target': {
    en: 'target = reorder point + mean × review period = {reorderPoint} + {mean} × {reviewPeriod} = {target}',
    'zh-CN':
      '目标库存 = 再订货点 + 日均需求 × 检查周期 = {reorderPoint} + {mean} × {reviewPeriod} = {target}',
  },
  'channelRule.rule': { en: '{parts}', 'zh-CN': '{parts}', separator: { en: ', ', 'zh-CN': '，' } },
  'channelRule.percent': { en: '{percent}%', 'zh-CN': '{percent}%' },
  'channelRule.buffer': { en: 'buffer {buffer}', 'zh-CN': '预留 {buffer}' },
  'channelRule.minimum': { en: '0 below {minimum}', 'zh-CN': '低于 {minimum} 时为 0' },
  'channelRule.warehouses': { en: 'from {warehouses}', 'zh-CN': '取自 {warehouses}' },
};

/** An order's status as the ledger names it when the order gives its reserved stock back. */
export const inventoryVocabulary = {
  orderStatus: {
    pending_review: { en: 'pending_review', 'zh-CN': '退回待审核' },
    backordered: { en: 'backordered', 'zh-CN': '缺货待发' },
    cancelled: { en: 'cancelled', 'zh-CN': '已取消' },
    approved: { en: 'approved', 'zh-CN': '已审核' },
  },
};
