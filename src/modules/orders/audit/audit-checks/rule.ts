import { z } from 'zod';
import { type Explanation, renderExplanation } from '../../../../contracts/explanations.ts';
import type { NormalisedOrder } from '../../intake/normalise.ts';

/** A reason an order cannot go ahead on its own. */
export interface Hold {
  code: string;
  /** The explanation in English, as the API and logs show it. */
  message: string;
  /** The same as a key with parameters, rendered in the reader's language. */
  explanation: Explanation;
  riskPoints: number;
}

/** A hold with its English message rendered from the explanation. */
export function holdFor(code: string, explanation: Explanation, riskPoints = 0): Hold {
  return { code, message: renderExplanation(explanation, 'en'), explanation, riskPoints };
}

/** A rule's verdict: a hold, or only risk points that feed the HIGH_RISK score. */
export interface Finding extends Hold {
  isHold: boolean;
}

export interface SkuState {
  isActive: boolean;
  name: string;
  isMadeToOrder?: boolean;
  isPresale?: boolean;
}

/** What the rules may know besides the order itself; the caller loads it, the rules stay pure. */
export interface AuditContext {
  now: Date;
  /** Catalog state of every SKU code the order mentions; absent = not in the catalog. */
  skuStates: ReadonlyMap<string, SkuState>;
  /**
   * Normalised blocklist values: lower-case emails, phones with country code as digits
   * (`8613800138000`) or E.164 (`normalisePhone()`), `normaliseName()` names, `addressKey()` values.
   */
  blocklist: {
    phones: ReadonlySet<string>;
    emails: ReadonlySet<string>;
    names: ReadonlySet<string>;
    addresses: ReadonlySet<string>;
  };
  /**
   * placedAt (ISO-8601 UTC, ascending) of other stored orders from the last 7 days, keyed by the
   * shipping phone as `normalisePhone()` gives it (E.164) and by `addressKey()`.
   */
  recentOrders: {
    byPhone: ReadonlyMap<string, readonly string[]>;
    byAddress: ReadonlyMap<string, readonly string[]>;
  };
  /** Numbers of the buyer's other open (not shipped/cancelled) orders, keyed by `buyerKey()`. */
  openOrdersByBuyer: ReadonlyMap<string, readonly string[]>;
}

export type Localised = { en: string; 'zh-CN': string };

export const ruleActions = ['hold', 'score'] as const;
export type RuleAction = (typeof ruleActions)[number];

/** The parameters every order rule has: whether it holds, and what it adds to the risk score. */
export interface RuleBaseParams {
  action: RuleAction;
  riskPoints: number;
}

/** A rule that judges one order. */
export interface AuditRuleDefinition<P extends RuleBaseParams> {
  kind: 'order';
  code: string;
  title: Localised;
  /** Shown in the rule editor. */
  description: Localised;
  /** Strict: an unknown parameter name is a mistake in the rule editor, not something to ignore. */
  params: z.ZodType<P>;
  defaultParams: P;
  // Method syntax on purpose: it lets the registry hold rules of different parameter types.
  check(order: NormalisedOrder, ctx: AuditContext, params: P): Finding | null;
}

export interface RiskScoreParams {
  threshold: number;
}

/** HIGH_RISK: judges the summed risk points of every other rule's findings, after all of them. */
export interface RiskScoreRuleDefinition {
  kind: 'score';
  code: string;
  title: Localised;
  description: Localised;
  params: z.ZodType<RiskScoreParams>;
  defaultParams: RiskScoreParams;
  check(riskScore: number, findings: readonly Finding[], params: RiskScoreParams): Finding | null;
}

export type AnyAuditRule = AuditRuleDefinition<RuleBaseParams> | RiskScoreRuleDefinition;

/** The parameter schema of an order rule: its own fields plus `action` and `riskPoints` with defaults. */
export function ruleParams<Shape extends z.ZodRawShape>(defaults: RuleBaseParams, shape: Shape) {
  return z.strictObject({
    action: z.enum(ruleActions).default(defaults.action),
    riskPoints: z.number().int().min(0).max(1000).default(defaults.riskPoints),
    ...shape,
  });
}

/**
 * Builds an order rule from `explain`, which returns the explanation of a hold (a key with
 * parameters, see contracts/explanations.ts) or null
 * for pass; the verdict's weight and whether it holds come from the parameters.
 */
export function defineRule<P extends RuleBaseParams>(rule: {
  code: string;
  title: Localised;
  description: Localised;
  params: z.ZodType<P>;
  explain(order: NormalisedOrder, ctx: AuditContext, params: P): Explanation | null;
}): AuditRuleDefinition<P> {
  const { explain, ...described } = rule;
  return {
    kind: 'order',
    ...described,
    defaultParams: rule.params.parse({}),
    check(order, ctx, params) {
      const explanation = explain(order, ctx, params);
      if (explanation === null) return null;
      return { ...holdFor(rule.code, explanation, params.riskPoints), isHold: params.action === 'hold' };
    },
  };
}

/** Two-letter upper-case country code, as the canonical order stores it. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an upper-case ISO 3166 two-letter code');

/** A list of phrases (keywords, ignored phrases), matched case-insensitively. */
export const phraseList = z.array(z.string().trim().min(1).max(200)).max(200);
