/**
 * Texts of the delivery rules' explanations (logistics/delivery-rules.ts): the tier a parcel
 * needs, how the service was selected, and why each other service was passed over. English is
 * what the API's `explanation` and `reason` strings have always said.
 */
export const deliveryTexts = {
  'delivery.decision': { en: '{parts}', 'zh-CN': '{parts}' },
  'delivery.tierBulkyWeight': {
    en: 'freight: bulky shipment ({weight} g over {limit} g)',
    'zh-CN': '货运：大件（{weight} 克，超过 {limit} 克）',
  },
  'delivery.tierBulkySide': {
    en: 'freight: bulky shipment (longest side {side} mm over {limit} mm)',
    'zh-CN': '货运：大件（最长边 {side} 毫米，超过 {limit} 毫米）',
  },
  'delivery.tierFreightRequested': { en: 'freight: freight requested', 'zh-CN': '货运：要求货运' },
  'delivery.tierUrgent': { en: 'express: urgent order', 'zh-CN': '快递：加急订单' },
  'delivery.tierRequested': {
    en: 'express: {service|service} requested',
    'zh-CN': '快递：要求{service|service}配送',
  },
  'delivery.tierStandard': { en: 'standard: standard order', 'zh-CN': '标准：普通订单' },
  'delivery.tierStandardToExpress': {
    en: 'standard → express: standard order; no standard service can take it',
    'zh-CN': '标准 → 快递：普通订单；没有标准服务能承运',
  },
  'delivery.noEligible': { en: 'no eligible service', 'zh-CN': '没有符合条件的服务' },
  'delivery.cheapestReliable': {
    en: 'cheapest covering carrier with on-time ≥ {minRate}{tie|tieBreak}',
    'zh-CN': '覆盖该地址且准时率 ≥ {minRate} 的最便宜承运商{tie|tieBreak}',
  },
  'delivery.cheapestUnreliable': {
    en: 'no eligible carrier has on-time ≥ {minRate}, so the cheapest of all eligible{tie|tieBreak}',
    'zh-CN': '没有符合条件的承运商准时率 ≥ {minRate}，因此取所有符合条件者中最便宜的{tie|tieBreak}',
  },
  'delivery.wrongKind': {
    en: '{kind|serviceKind} service; this shipment needs {parts}',
    'zh-CN': '{kind|serviceKind}服务；此包裹需要{parts}',
    separator: { en: ' or ', 'zh-CN': '或' },
  },
  'delivery.kind': { en: '{kind|serviceKind}', 'zh-CN': '{kind|serviceKind}' },
  'delivery.notCovered': { en: 'does not cover {place}', 'zh-CN': '不覆盖 {place}' },
  'delivery.overWeight': {
    en: 'weight {weight} g over its {limit} g limit',
    'zh-CN': '重量 {weight} 克超过其 {limit} 克上限',
  },
  'delivery.overSide': {
    en: 'longest side {side} mm over its {limit} mm limit',
    'zh-CN': '最长边 {side} 毫米超过其 {limit} 毫米上限',
  },
  'delivery.noCapacity': { en: 'no capacity left today', 'zh-CN': '今日运力已满' },
  'delivery.chosen': { en: 'chosen', 'zh-CN': '已选用' },
  'delivery.onTimeUnknown': { en: 'on-time rate unknown', 'zh-CN': '准时率未知' },
  'delivery.onTimeBelow': { en: 'on-time {rate} below {minRate}', 'zh-CN': '准时率 {rate} 低于 {minRate}' },
  'delivery.costsMore': {
    en: 'costs {price}, more than {winner} at {winnerPrice}',
    'zh-CN': '运费 {price}，高于 {winner} 的 {winnerPrice}',
  },
  'delivery.ratingBelow': {
    en: 'same price as {winner}, rating {rating|rating} below {winnerRating|rating}',
    'zh-CN': '与 {winner} 同价，评分 {rating|rating} 低于 {winnerRating|rating}',
  },
  'delivery.listedAfter': {
    en: 'same price and rating as {winner}, listed after it',
    'zh-CN': '与 {winner} 同价同评分，排在其后',
  },
};

export const deliveryVocabulary = {
  serviceKind: {
    express: { en: 'express', 'zh-CN': '快递' },
    standard: { en: 'standard', 'zh-CN': '标准' },
    freight: { en: 'freight', 'zh-CN': '货运' },
    same_day: { en: 'same_day', 'zh-CN': '当日达' },
    crowdsourced: { en: 'crowdsourced', 'zh-CN': '众包' },
    pickup_point: { en: 'pickup_point', 'zh-CN': '自提点' },
  },
  tieBreak: {
    none: { en: '', 'zh-CN': '' },
    listed: { en: ' (price and rating tie: listed first)', 'zh-CN': '（价格与评分相同：取排在前者）' },
    rating: { en: ' (price tie broken by rating)', 'zh-CN': '（价格相同：按评分选择）' },
  },
  rating: { unknown: { en: 'unknown', 'zh-CN': '未知' } },
};
