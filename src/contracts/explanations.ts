import { z } from 'zod';
import { deliveryTexts, deliveryVocabulary } from './explanation-texts/delivery.ts';
import { inventoryTexts, inventoryVocabulary } from './explanation-texts/inventory.ts';

/**
 * Explanations the server gives (hold reasons, classification reasons) as a key with parameters,
 * rendered in the reader's language by whoever shows them: the API's English `message`, the
 * customer mail in the mail's language, the console in the operator's.
 *
 * A template names a parameter as `{name}`; `{name|group}` translates the value through a
 * vocabulary group (an address part, a payment status…) and leaves unknown values as sent.
 * `{parts}` is the list of `parts`, each rendered the same way and joined with the key's separator.
 */
export type Lang = 'en' | 'zh-CN';
export const langs: readonly Lang[] = ['en', 'zh-CN'];

type Param = string | number;

export interface ExplanationPart {
  key: string;
  params?: Record<string, Param | undefined>;
}

export interface Explanation extends ExplanationPart {
  parts?: ExplanationPart[];
}

const param = z.union([z.string(), z.number()]);
const explanationPart = z.object({
  key: z.string(),
  params: z.record(z.string(), param.optional()).optional(),
});

export const explanation = explanationPart
  .extend({ parts: z.array(explanationPart).optional() })
  .describe('A reason as a key with parameters; the console renders it in the reader’s language')
  .meta({ id: 'Explanation' });

interface Template {
  en: string;
  'zh-CN': string;
  /** How `{parts}` are joined; '; ' and '；' when not given. */
  separator?: { en: string; 'zh-CN': string };
}

const listComma = { en: ', ', 'zh-CN': '，' };

/** Every explanation text, by key. English texts are the API's `message`: integrators and logs read them. */
export const explanationTexts: Record<string, Template> = {
  // Order holds (audit rules and intake).
  'hold.addressIncomplete': { en: 'Address is incomplete: {parts}', 'zh-CN': '地址不完整：{parts}' },
  'address.missing': { en: 'missing {part|addressPart}', 'zh-CN': '缺少{part|addressPart}' },
  'address.line1TooShort': {
    en: 'line 1 "{line1}" has fewer than {min} characters',
    'zh-CN': '街道地址“{line1}”少于 {min} 个字',
  },
  'address.postcodeInvalid': {
    en: 'postal code "{postcode}" is not a valid {country} postal code',
    'zh-CN': '邮编“{postcode}”不是有效的 {country} 邮编',
  },
  'hold.phoneInvalid': {
    en: 'Phone "{phone}" is not a valid number for {country}',
    'zh-CN': '电话“{phone}”不是 {country} 的有效号码',
  },
  'hold.phoneForeign': {
    en: 'Phone "{phone}" is a {numberCountry|phoneCountry} number but the address is in {country}',
    'zh-CN': '电话“{phone}”是 {numberCountry|phoneCountry} 号码，但收货地址在 {country}',
  },
  'hold.phoneNotMobile': {
    en: 'Phone "{phone}" is not a mobile number; {numberCountry|phoneCountry} couriers need one to reach the recipient',
    'zh-CN': '电话“{phone}”不是手机号码；{numberCountry|phoneCountry} 的快递员需要手机号联系收件人',
  },
  'hold.contactMissing': {
    en: 'The order has no e-mail address and no phone number',
    'zh-CN': '订单既无邮箱也无电话号码',
  },
  'hold.countryUnserved': {
    en: 'Country {country} is not among the served countries',
    'zh-CN': '国家 {country} 不在配送国家之列',
  },
  'hold.regionExcluded': {
    en: 'The address is in {region}, which is excluded from delivery',
    'zh-CN': '收货地址位于 {region}，该区域不在配送范围内',
  },
  'hold.unknownSku': { en: 'Unknown or inactive SKU ({parts})', 'zh-CN': '未知或已停用的商品（{parts}）' },
  'sku.inactive': { en: 'line {lineNo}: {sku} is inactive', 'zh-CN': '第 {lineNo} 行：{sku} 已停用' },
  'sku.notInCatalog': {
    en: 'line {lineNo}: {sku} is not in the catalog',
    'zh-CN': '第 {lineNo} 行：{sku} 不在商品库中',
  },
  'hold.mergeCandidate': {
    en: 'The buyer has {count} other open order{plural} ({numbers}); merge before allocation',
    'zh-CN': '该买家还有 {count} 个未发货订单（{numbers}）；请在分配库存前合并',
  },
  'hold.mergeCandidateMore': {
    en: 'The buyer has {count} other open orders ({numbers} and {more} more); merge before allocation',
    'zh-CN': '该买家还有 {count} 个未发货订单（{numbers} 等，另有 {more} 个）；请在分配库存前合并',
  },
  'hold.buyerNote': { en: 'Buyer note: {note}', 'zh-CN': '买家留言：{note}' },
  'hold.buyerNoteKeyword': {
    en: 'Buyer note mentions "{keyword}": {note}',
    'zh-CN': '买家留言提到“{keyword}”：{note}',
  },
  'hold.sellerNote': { en: 'Seller memo: {note}', 'zh-CN': '卖家备注：{note}' },
  'hold.sellerNoteKeyword': {
    en: 'Seller memo mentions "{keyword}": {note}',
    'zh-CN': '卖家备注提到“{keyword}”：{note}',
  },
  'hold.partiallyPaid': {
    en: 'Partially paid: {paid} of {total} {currency}',
    'zh-CN': '部分付款：已付 {paid}，订单总额 {total} {currency}',
  },
  'hold.paymentStatus': {
    en: 'Payment is {status|paymentStatus}',
    'zh-CN': '付款状态：{status|paymentStatus}',
  },
  'hold.amountMismatch': {
    en: 'Paid {paid} but the total is {total} {currency}',
    'zh-CN': '实付 {paid}，但订单总额为 {total} {currency}',
  },
  'hold.totalMismatch': {
    en: 'Lines {lines} + shipping {shipping} − discount {discount} = {expected} but the total is {total}',
    'zh-CN': '商品 {lines} + 运费 {shipping} − 优惠 {discount} = {expected}，但订单总额为 {total}',
  },
  'hold.blocklisted': {
    en: 'On the blocklist: {parts}',
    'zh-CN': '命中黑名单：{parts}',
    separator: listComma,
  },
  'blocklist.name': { en: 'name "{name}"', 'zh-CN': '姓名“{name}”' },
  'blocklist.email': { en: 'email {email}', 'zh-CN': '邮箱 {email}' },
  'blocklist.phone': { en: 'phone {phone}', 'zh-CN': '电话 {phone}' },
  'blocklist.address': { en: 'shipping address', 'zh-CN': '收货地址' },
  'hold.amountOverLimit': {
    en: 'Total {total} {currency} is above the limit of {limit}',
    'zh-CN': '订单总额 {total} {currency} 超过上限 {limit}',
  },
  'hold.quantityOverLimit': { en: 'Quantity above limit: {parts}', 'zh-CN': '数量超限：{parts}' },
  'quantity.line': {
    en: 'line {lineNo}: quantity {quantity} is above {max}',
    'zh-CN': '第 {lineNo} 行：数量 {quantity} 超过 {max}',
  },
  'quantity.total': { en: '{total} items in total is above {max}', 'zh-CN': '共 {total} 件，超过 {max}' },
  'hold.velocityPhone': {
    en: '{count} other orders from the same phone ({phone}) in the {hours} hours before this one (allowed: {max})',
    'zh-CN': '此前 {hours} 小时内同一电话（{phone}）还有 {count} 个订单（上限 {max}）',
  },
  'hold.velocityAddress': {
    en: '{count} other orders from the same address in the {hours} hours before this one (allowed: {max})',
    'zh-CN': '此前 {hours} 小时内同一地址还有 {count} 个订单（上限 {max}）',
  },
  // Risk cases and incidents (src/modules/risk).
  'case.migrated': { en: 'Delivery case {kind}: {note}', 'zh-CN': '配送异常 {kind}：{note}' },
  'case.exception': { en: 'Opened from a {kind} exception', 'zh-CN': '由 {kind} 异常自动创建' },
  'case.chargeback': {
    en: 'Payment dispute {reference} ({amount})',
    'zh-CN': '支付争议 {reference}（{amount}）',
  },
  'case.drill': { en: 'Drill started by {by}', 'zh-CN': '{by} 发起的演练' },
  'case.stepDone': { en: 'Step {step} done {note}', 'zh-CN': '步骤 {step} 已完成 {note}' },
  'case.action': { en: 'Action: {action}', 'zh-CN': '操作：{action}' },
  'case.assigned': { en: 'Assigned to {owner}', 'zh-CN': '已指派给 {owner}' },
  'case.escalated': {
    en: 'Step {step} overdue: escalated from {from} to {to}',
    'zh-CN': '步骤 {step} 超时：由 {from} 升级至 {to}',
  },
  'case.resolved': { en: 'Resolved', 'zh-CN': '已解决' },
  'case.reshipped': { en: 'Reshipped', 'zh-CN': '已补发' },
  'case.refunded': { en: 'Refunded', 'zh-CN': '已退款' },
  'case.drillReviewed': { en: 'Drill reviewed', 'zh-CN': '演练已复盘' },
  'incident.declared': { en: 'Declared; {count} orders selected', 'zh-CN': '已宣布；选中 {count} 个订单' },
  'incident.action': {
    en: '{action}: {done} done, {skipped} skipped',
    'zh-CN': '{action}：完成 {done}，跳过 {skipped}',
  },
  'hold.channelPaused': {
    en: 'Auto-approval is paused for channel {channel}',
    'zh-CN': '渠道 {channel} 已暂停自动审核',
  },
  'hold.incident': { en: 'Held by incident {incident}', 'zh-CN': '因事件 {incident} 被拦截' },
  'hold.highRisk': {
    en: 'Risk score {score} reaches the review threshold of {threshold} ({parts})',
    'zh-CN': '风险分 {score} 达到审核阈值 {threshold}（{parts}）',
    separator: listComma,
  },
  'risk.points': { en: '{code|holdCode} {points}', 'zh-CN': '{code|holdCode} {points} 分' },
  'hold.dataUnreadable': {
    en: 'Values that could not be read were left out: {parts}',
    'zh-CN': '无法读取的值已略去：{parts}',
  },
  'unreadable.value': { en: '{field} "{value}"', 'zh-CN': '{field}“{value}”' },
  'hold.autohold': {
    en: 'Held {minutes} minutes so edits and merges can land first',
    'zh-CN': '暂缓 {minutes} 分钟，以便先完成修改与合并',
  },
  'hold.presale': { en: 'Presale: waits for the release on {date}', 'zh-CN': '预售：等待 {date} 发售' },

  // Order type classification (priority.ts).
  'type.channelHint': { en: 'channel hint', 'zh-CN': '渠道指定' },
  'type.noRuleMatched': { en: 'no rule matched', 'zh-CN': '未匹配任何规则' },
  'type.rule': {
    en: 'rule {rule}: {parts}',
    'zh-CN': '规则 {rule}：{parts}',
    separator: { en: ' and ', 'zh-CN': '，且' },
  },
  'type.ruleWithoutConditions': {
    en: 'rule {rule}: no conditions, matches every order',
    'zh-CN': '规则 {rule}：无条件，匹配所有订单',
  },
  'type.service': { en: '{service|service} delivery requested', 'zh-CN': '要求{service|service}配送' },
  'type.skuFlag': { en: 'SKU {sku} is {flag|skuFlag}', 'zh-CN': '商品 {sku} 为{flag|skuFlag}' },
  'type.customerGroup': { en: 'customer group {group}', 'zh-CN': '客户组 {group}' },
  'type.channel': { en: 'channel {channel}', 'zh-CN': '渠道 {channel}' },
  'type.minTotal': {
    en: 'total {total} ≥ {min} minor units',
    'zh-CN': '总额 {total} ≥ {min}（最小货币单位）',
  },
  'type.minQuantity': { en: '{units} units ≥ {min}', 'zh-CN': '{units} 件 ≥ {min}' },

  // Each area's texts live beside this file, one file per area.
  ...deliveryTexts,
  ...inventoryTexts,
};

type Terms = Record<string, { en: string; 'zh-CN': string }>;

/** Words inside explanations. English keeps what the API has always said (`missing postalCode`). */
export const vocabulary: Record<string, Terms> = {
  addressPart: {
    country: { en: 'country', 'zh-CN': '国家' },
    name: { en: 'name', 'zh-CN': '收件人' },
    phone: { en: 'phone', 'zh-CN': '电话' },
    province: { en: 'province', 'zh-CN': '省份' },
    city: { en: 'city', 'zh-CN': '城市' },
    district: { en: 'district', 'zh-CN': '区县' },
    line1: { en: 'line1', 'zh-CN': '街道地址' },
    line2: { en: 'line2', 'zh-CN': '地址第二行' },
    postalCode: { en: 'postalCode', 'zh-CN': '邮编' },
  },
  phoneCountry: { international: { en: 'international', 'zh-CN': '国际' } },
  paymentStatus: {
    pending: { en: 'pending', 'zh-CN': '待付款' },
    paid: { en: 'paid', 'zh-CN': '已付款' },
    partially_paid: { en: 'partially paid', 'zh-CN': '部分付款' },
    refunded: { en: 'refunded', 'zh-CN': '已退款' },
    cod: { en: 'cod', 'zh-CN': '货到付款' },
  },
  service: {
    standard: { en: 'standard', 'zh-CN': '标准' },
    express: { en: 'express', 'zh-CN': '快递' },
    freight: { en: 'freight', 'zh-CN': '货运' },
    same_day: { en: 'same_day', 'zh-CN': '当日达' },
  },
  skuFlag: {
    madeToOrder: { en: 'made to order', 'zh-CN': '定制商品' },
    presale: { en: 'a presale item', 'zh-CN': '预售商品' },
  },
  holdCode: {
    PAYMENT_PENDING: { en: 'PAYMENT_PENDING', 'zh-CN': '未完成付款' },
    AMOUNT_MISMATCH: { en: 'AMOUNT_MISMATCH', 'zh-CN': '实付金额不符' },
    TOTAL_MISMATCH: { en: 'TOTAL_MISMATCH', 'zh-CN': '总额计算不符' },
    UNKNOWN_SKU: { en: 'UNKNOWN_SKU', 'zh-CN': '未知商品' },
    ADDRESS_INCOMPLETE: { en: 'ADDRESS_INCOMPLETE', 'zh-CN': '地址不完整' },
    PHONE_INVALID: { en: 'PHONE_INVALID', 'zh-CN': '电话无效' },
    CONTACT_MISSING: { en: 'CONTACT_MISSING', 'zh-CN': '无联系方式' },
    ADDRESS_UNSERVED: { en: 'ADDRESS_UNSERVED', 'zh-CN': '地址不在配送范围' },
    BLOCKLISTED: { en: 'BLOCKLISTED', 'zh-CN': '黑名单' },
    AMOUNT_OVER_LIMIT: { en: 'AMOUNT_OVER_LIMIT', 'zh-CN': '金额超限' },
    QUANTITY_OVER_LIMIT: { en: 'QUANTITY_OVER_LIMIT', 'zh-CN': '数量超限' },
    VELOCITY: { en: 'VELOCITY', 'zh-CN': '下单频率' },
    MERGE_CANDIDATE: { en: 'MERGE_CANDIDATE', 'zh-CN': '可合并订单' },
    BUYER_NOTE: { en: 'BUYER_NOTE', 'zh-CN': '买家留言' },
    SELLER_NOTE: { en: 'SELLER_NOTE', 'zh-CN': '卖家备注' },
    CHANNEL_PAUSED: { en: 'CHANNEL_PAUSED', 'zh-CN': '渠道暂停自动审核' },
    INCIDENT: { en: 'INCIDENT', 'zh-CN': '事件拦截' },
  },
  ...deliveryVocabulary,
  ...inventoryVocabulary,
};

const defaultSeparator = { en: '; ', 'zh-CN': '；' };
const placeholder = /\{(\w+)(?:\|(\w+))?\}/g;

function fill(key: string, params: ExplanationPart['params'], lang: Lang, parts?: string): string {
  const template = explanationTexts[key];
  // An explanation from a newer server or an old row: show the key rather than nothing.
  if (!template) return key;
  return template[lang].replace(placeholder, (_match, name: string, group?: string) => {
    if (name === 'parts' && parts !== undefined) return parts;
    const value = params?.[name];
    if (value === undefined) return '';
    const term = group ? vocabulary[group]?.[String(value)] : undefined;
    return term ? term[lang] : String(value);
  });
}

/** The explanation as text in `lang`. Pure: the server, the mail templates and the console all use it. */
export function renderExplanation(explanation: Explanation, lang: Lang): string {
  const separator = (explanationTexts[explanation.key]?.separator ?? defaultSeparator)[lang];
  const parts = explanation.parts?.map((part) => fill(part.key, part.params, lang)).join(separator);
  return fill(explanation.key, explanation.params, lang, parts);
}

/** `zh-CN` for Chinese language tags (`zh`, `zh-Hans-CN`), English otherwise. */
export function explanationLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
