import { z } from 'zod';
import type { Explanation, ExplanationPart } from '../../../../contracts/explanations.ts';
import { fromMinor } from '../../../../platform/money.ts';
import type { NormalisedOrder } from '../../intake/normalise.ts';
import { addressKey, normaliseName, normalisePhone, shippingPhoneKey } from './keys.ts';
import {
  type AuditContext,
  defineRule,
  type Finding,
  holdFor,
  type RiskScoreRuleDefinition,
  ruleParams,
} from './rule.ts';

const blocklistFields = ['name', 'email', 'phone', 'address'] as const;
type Blocklist = AuditContext['blocklist'];

// Entries are digits with the country code; E.164 ('+' first) is accepted too, as callers store either.
const isBlockedPhone = (phones: ReadonlySet<string>, e164: string) =>
  phones.has(e164) || phones.has(e164.slice(1));

/** Per field, the order's values found on the blocklist, described for the hold message. */
const blocklistMatchers: Record<
  (typeof blocklistFields)[number],
  (order: NormalisedOrder, list: Blocklist) => ExplanationPart[]
> = {
  // The recipient too: a blocked person shipping to themselves under another account name.
  name: (order, list) =>
    [...new Set([order.customer.name, order.shippingAddress.name])]
      .filter((name) => list.names.has(normaliseName(name)))
      .map((name) => ({ key: 'blocklist.name', params: { name } })),
  email: (order, list) => {
    const email = order.customer.email?.trim().toLowerCase();
    return email && list.emails.has(email) ? [{ key: 'blocklist.email', params: { email } }] : [];
  },
  phone: (order, list) => {
    if (list.phones.size === 0) return []; // spares parsing the phones in the common case
    const country = order.shippingAddress.country;
    const phones = [order.shippingAddress.phone, order.customer.phone].map(
      (p) => p && normalisePhone(p, country),
    );
    return [...new Set(phones)]
      .filter((phone): phone is string => !!phone && isBlockedPhone(list.phones, phone))
      .map((phone) => ({ key: 'blocklist.phone', params: { phone } }));
  },
  address: (order, list) =>
    list.addresses.has(addressKey(order.shippingAddress)) ? [{ key: 'blocklist.address' }] : [],
};

export const blocklisted = defineRule({
  code: 'BLOCKLISTED',
  title: { en: 'On the blocklist', 'zh-CN': '命中黑名单' },
  description: {
    en: 'Holds orders whose customer name, email, phone or shipping address is on the blocklist; choose which of them count.',
    'zh-CN': '客户姓名、邮箱、电话或收货地址命中黑名单时拦截；可选择比对哪些项。',
  },
  params: ruleParams(
    { action: 'hold', riskPoints: 100 },
    { matchOn: z.array(z.enum(blocklistFields)).default([...blocklistFields]) },
  ),
  explain(order, ctx, params) {
    const matches = params.matchOn.flatMap((field) => blocklistMatchers[field](order, ctx.blocklist));
    return matches.length === 0 ? null : { key: 'hold.blocklisted', parts: matches };
  },
});

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as CNY');
const positiveMinor = z.number().int().min(0);

export const amountOverLimit = defineRule({
  code: 'AMOUNT_OVER_LIMIT',
  title: { en: 'Amount above limit', 'zh-CN': '金额超限' },
  description: {
    en: 'Flags orders whose total is above the limit (in minor units; a per-currency limit overrides the general one).',
    'zh-CN': '订单总额超过上限时标记（以最小货币单位计；按币种设置的上限优先）。',
  },
  params: ruleParams(
    { action: 'score', riskPoints: 30 },
    {
      maxTotalMinor: positiveMinor.default(500_000),
      // Minor units mean different money in JPY and CNY; a shop selling in both sets each.
      maxTotalMinorByCurrency: z.record(currencyCode, positiveMinor).default({}),
    },
  ),
  explain(order, _ctx, params) {
    const limitMinor = params.maxTotalMinorByCurrency[order.currency] ?? params.maxTotalMinor;
    if (order.totalMinor <= limitMinor) return null;
    const money = (minor: number) => fromMinor(minor, order.currency);
    return {
      key: 'hold.amountOverLimit',
      params: { total: money(order.totalMinor), currency: order.currency, limit: money(limitMinor) },
    };
  },
});

export const quantityOverLimit = defineRule({
  code: 'QUANTITY_OVER_LIMIT',
  title: { en: 'Quantity above limit', 'zh-CN': '数量超限' },
  description: {
    en: 'Flags orders with a line above the per-line quantity limit or more items in total than the order limit.',
    'zh-CN': '单行商品数量或订单商品总数超过上限时标记。',
  },
  params: ruleParams(
    { action: 'score', riskPoints: 20 },
    {
      maxLineQuantity: z.number().int().min(1).default(50),
      maxTotalQuantity: z.number().int().min(1).default(100),
    },
  ),
  explain(order, _ctx, params) {
    const max = params.maxLineQuantity;
    const problems: ExplanationPart[] = order.lines
      .filter((line) => line.quantity > max)
      .map((line) => ({
        key: 'quantity.line',
        params: { lineNo: line.lineNo, quantity: line.quantity, max },
      }));
    const totalQuantity = order.lines.reduce((sum, line) => sum + line.quantity, 0);
    if (totalQuantity > params.maxTotalQuantity) {
      problems.push({
        key: 'quantity.total',
        params: { total: totalQuantity, max: params.maxTotalQuantity },
      });
    }
    return problems.length === 0 ? null : { key: 'hold.quantityOverLimit', parts: problems };
  },
});

/** How many of `placedAts` fall in the window that ends (exclusive) at `endMs`. */
/** First index whose value is ≥ `target` in an ascending list. */
function lowerBound(sorted: readonly string[], target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Orders in [end − window, end). The context's lists are ascending ISO-8601 UTC strings, which
 * sort as the instants do, so two binary searches count them even for a busy address.
 */
function countInWindow(placedAts: readonly string[] | undefined, endMs: number, windowMs: number): number {
  if (!placedAts || placedAts.length === 0) return 0;
  const start = new Date(endMs - windowMs).toISOString();
  const end = new Date(endMs).toISOString();
  return lowerBound(placedAts, end) - lowerBound(placedAts, start);
}

export const velocity = defineRule({
  code: 'VELOCITY',
  title: { en: 'Too many orders too fast', 'zh-CN': '短时间内下单过多' },
  description: {
    en: 'Holds an order when the same phone or the same address placed more than the allowed number of other orders in the hours before it.',
    'zh-CN': '同一电话或同一地址在此前若干小时内的其他订单数超过上限时拦截。',
  },
  params: ruleParams(
    { action: 'hold', riskPoints: 40 },
    {
      maxOrders: z.number().int().min(0).default(3),
      // At most a week: the caller loads the last 7 days of orders.
      windowHours: z.number().positive().max(168).default(24),
    },
  ),
  explain(order, ctx, params) {
    const endMs = Date.parse(order.placedAt);
    const windowMs = params.windowHours * 3_600_000;
    const phone = shippingPhoneKey(order);
    const byPhone = countInWindow(ctx.recentOrders.byPhone.get(phone), endMs, windowMs);
    const byAddress = countInWindow(
      ctx.recentOrders.byAddress.get(addressKey(order.shippingAddress)),
      endMs,
      windowMs,
    );
    if (Math.max(byPhone, byAddress) <= params.maxOrders) return null;
    const counted = { count: Math.max(byPhone, byAddress), hours: params.windowHours, max: params.maxOrders };
    return byPhone >= byAddress
      ? { key: 'hold.velocityPhone', params: { ...counted, phone } }
      : { key: 'hold.velocityAddress', params: counted };
  },
});

/** The findings that made up the score, biggest first: "BLOCKLISTED 100, VELOCITY 40". */
function scoreBreakdown(findings: readonly Finding[]): ExplanationPart[] {
  return [...findings]
    .filter((finding) => finding.riskPoints > 0)
    .sort((a, b) => b.riskPoints - a.riskPoints)
    .map((finding) => ({ key: 'risk.points', params: { code: finding.code, points: finding.riskPoints } }));
}

const highRiskParams = z.strictObject({ threshold: z.number().int().min(1).max(10_000).default(60) });

export const highRisk: RiskScoreRuleDefinition = {
  kind: 'score',
  code: 'HIGH_RISK',
  title: { en: 'High risk', 'zh-CN': '高风险' },
  description: {
    en: "Evaluated after every other rule: holds the order for two-stage review when the sum of the rules' risk points reaches the threshold.",
    'zh-CN': '在其他规则之后评估：各规则风险分之和达到阈值时拦截，进入两级审核。',
  },
  params: highRiskParams,
  defaultParams: highRiskParams.parse({}),
  check(riskScore, findings, params) {
    if (riskScore < params.threshold) return null;
    const explanation: Explanation = {
      key: 'hold.highRisk',
      params: { score: riskScore, threshold: params.threshold },
      parts: scoreBreakdown(findings),
    };
    // No points of its own: the score it judges is already the sum of the others.
    return { ...holdFor('HIGH_RISK', explanation, 0), isHold: true };
  },
};
