import { z } from 'zod';
import { type AppError, fromZodIssues, invalidField } from '../../../platform/errors.ts';
import type { NormalisedOrder } from '../intake/normalise.ts';
import { addressIncomplete, addressUnserved, contactMissing, phoneInvalid } from './audit-checks/address.ts';
import { unknownSku } from './audit-checks/catalog.ts';
import { channelPaused } from './audit-checks/channel.ts';
import { mergeCandidate } from './audit-checks/merge.ts';
import { buyerNote, sellerNote } from './audit-checks/notes.ts';
import { amountMismatch, paymentPending, totalMismatch } from './audit-checks/payment.ts';
import { amountOverLimit, blocklisted, highRisk, quantityOverLimit, velocity } from './audit-checks/risk.ts';
import type {
  AnyAuditRule,
  AuditContext,
  Finding,
  Hold,
  RiskScoreParams,
  RiskScoreRuleDefinition,
} from './audit-checks/rule.ts';

export { addressKey, buyerKey, normaliseName, normalisePhone } from './audit-checks/keys.ts';
export type {
  AnyAuditRule,
  AuditContext,
  AuditRuleDefinition,
  Finding,
  Hold,
  RiskScoreRuleDefinition,
  RuleAction,
  RuleBaseParams,
  SkuState,
} from './audit-checks/rule.ts';
export { holdFor } from './audit-checks/rule.ts';
export { paymentPending, unknownSku };

/** One rule as configured: data edited in the console by ops_manager. */
export interface RuleConfig {
  code: string;
  enabled: boolean;
  params: Record<string, unknown>;
}

/** A versioned rule set; the array order is the evaluation order (HIGH_RISK always runs last). */
export interface RuleSet {
  version: number;
  rules: RuleConfig[];
}

export interface AuditResult {
  holds: Hold[];
  findings: Finding[];
  /** Sum of the risk points of every finding, holds and score-only alike. */
  riskScore: number;
}

/** Every rule Ordo knows, in the default evaluation order: money, goods, address, buyer, notes, score. */
const ruleList: readonly AnyAuditRule[] = [
  paymentPending,
  amountMismatch,
  totalMismatch,
  unknownSku,
  addressIncomplete,
  phoneInvalid,
  contactMissing,
  addressUnserved,
  blocklisted,
  amountOverLimit,
  quantityOverLimit,
  velocity,
  mergeCandidate,
  buyerNote,
  sellerNote,
  channelPaused,
  highRisk,
];

/** The registry, by code: what the rule editor lists and validateRuleSet checks against. */
export const auditRules: Readonly<Record<string, AnyAuditRule>> = Object.freeze(
  Object.fromEntries(ruleList.map((rule) => [rule.code, rule])),
);

/** Own properties only: a stored code such as "constructor" must not find Object's. */
function ruleByCode(code: string): AnyAuditRule | undefined {
  return Object.hasOwn(auditRules, code) ? auditRules[code] : undefined;
}

/** Version 0: every rule enabled with its default parameters, in registry order. */
export function defaultRuleSet(): RuleSet {
  return {
    version: 0,
    rules: ruleList.map((rule) => ({ code: rule.code, enabled: true, params: { ...rule.defaultParams } })),
  };
}

const ruleConfigShape = z.array(
  z.strictObject({
    code: z.string().min(1),
    enabled: z.boolean().default(true),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
);

type Refusal = { ok: false; error: AppError };
type Validation = { ok: true; rules: RuleConfig[] } | Refusal;

const refuse = (error: AppError): Refusal => ({ ok: false, error });

/** The rules with each one's parameters checked and completed with defaults, or the first problem. */
function checkRules(rules: readonly RuleConfig[]): Validation {
  const checked: RuleConfig[] = [];
  const seenAt = new Map<string, number>();
  for (const [index, config] of rules.entries()) {
    const codeField = `rules.${index}.code`;
    const rule = ruleByCode(config.code);
    const earlier = seenAt.get(config.code);
    if (!rule) return refuse(invalidField(codeField, 'unknownRule', { code: config.code }));
    if (earlier !== undefined) {
      return refuse(invalidField(codeField, 'ruleRepeated', { code: config.code, earlier }));
    }
    seenAt.set(config.code, index);
    const params = rule.params.safeParse(config.params);
    if (!params.success) return refuse(fromZodIssues(params.error.issues, `rules.${index}.params`));
    checked.push({ code: config.code, enabled: config.enabled, params: { ...params.data } });
  }
  return { ok: true, rules: checked };
}

/**
 * Checks a rule set from the editor: the rules array itself or `{ rules }`. Refuses unknown and
 * repeated codes and bad parameters, naming the field (`rules.3.params.maxTotalMinor`).
 */
export function validateRuleSet(input: unknown): Validation {
  const isWrapped = typeof input === 'object' && input !== null && !Array.isArray(input) && 'rules' in input;
  const shape = ruleConfigShape.safeParse(isWrapped ? input.rules : input);
  return shape.success ? checkRules(shape.data) : refuse(fromZodIssues(shape.error.issues, 'rules'));
}

// Stored rule sets are immutable versions, so a config object's parsed parameters never change:
// parsing once per config keeps zod out of the per-order path.
const parsedParams = new WeakMap<RuleConfig, unknown>();

function paramsOf<P>(rule: { params: z.ZodType<P> }, config: RuleConfig, index: number): P {
  if (parsedParams.has(config)) return parsedParams.get(config) as P;
  const parsed = rule.params.safeParse(config.params);
  if (!parsed.success) {
    // Rule sets are validated when saved; reaching this is a bug, and judging with guessed parameters would hide it.
    throw fromZodIssues(parsed.error.issues, `rules.${index}.params`);
  }
  parsedParams.set(config, parsed.data);
  return parsed.data;
}

const withoutVerdict = ({ code, message, explanation, riskPoints }: Finding): Hold => ({
  code,
  message,
  explanation,
  riskPoints,
});

/**
 * Judges an order by the rule set, in its order: every finding with its explanation, the holds
 * among them, and the risk score. HIGH_RISK runs last whatever its place, as it judges the score.
 * Disabled rules are skipped; unknown codes too (a rule retired after the set was saved).
 */
export function runAudit(order: NormalisedOrder, ctx: AuditContext, ruleSet: RuleSet): AuditResult {
  const findings: Finding[] = [];
  let scoreRule: { rule: RiskScoreRuleDefinition; params: RiskScoreParams } | null = null;
  for (const [index, config] of ruleSet.rules.entries()) {
    const rule = config.enabled ? ruleByCode(config.code) : undefined;
    if (rule?.kind === 'score') scoreRule = { rule, params: paramsOf(rule, config, index) };
    else if (rule) {
      const finding = rule.check(order, ctx, paramsOf(rule, config, index));
      if (finding) findings.push(finding);
    }
  }
  const riskScore = findings.reduce((sum, finding) => sum + finding.riskPoints, 0);
  const highRiskFinding = scoreRule?.rule.check(riskScore, findings, scoreRule.params);
  if (highRiskFinding) findings.push(highRiskFinding);
  return { holds: findings.filter((finding) => finding.isHold).map(withoutVerdict), findings, riskScore };
}

/** @deprecated Intake's former chain type; a chain is now the rule configs of a RuleSet. */
export type AuditCheck = RuleConfig;

/** @deprecated The built-in rule set's rules, for callers that do not load the active RuleSet yet. */
export const defaultAuditChain: readonly AuditCheck[] = defaultRuleSet().rules;

const noOtherOrders = { byPhone: new Map(), byAddress: new Map() };
const emptyBlocklist = {
  phones: new Set<string>(),
  emails: new Set<string>(),
  names: new Set<string>(),
  addresses: new Set<string>(),
};

/**
 * @deprecated Use runAudit with the loaded AuditContext and the active RuleSet. Kept so intake
 * runs unchanged meanwhile: what the context lacks counts as nothing known (no blocklist, no
 * recent or open orders).
 */
export function auditOrder(
  order: NormalisedOrder,
  ctx: Pick<AuditContext, 'now' | 'skuStates'> & Partial<AuditContext>,
  chain: readonly AuditCheck[] = defaultAuditChain,
): Hold[] {
  const context: AuditContext = {
    blocklist: emptyBlocklist,
    recentOrders: noOtherOrders,
    openOrdersByBuyer: new Map(),
    ...ctx,
  };
  return runAudit(order, context, { version: 0, rules: [...chain] }).holds;
}

/** Holds only the customer can clear: they get a mail with a link to fix their address. */
export { customerActionHolds } from '../../../contracts/order-holds.ts';
