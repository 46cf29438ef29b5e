import { z } from 'zod';
import { listQuery, pageOf } from './common.ts';
import { explanation } from './explanations.ts';
import { customerMessage } from './risk-incidents.ts';

export * from './risk-incidents.ts';

// ── Cases and playbooks ──────────────────────────────────────────────────────
export const caseTypes = [
  'lost_parcel',
  'damaged',
  'delayed',
  'refused_delivery',
  'wrong_address',
  'wrong_item',
  'out_of_stock',
  'chargeback',
  'duplicate_order',
  'suspected_fraud',
] as const;
export type CaseType = (typeof caseTypes)[number];

/** What a playbook step may do in Ordo; drills record them without doing them. */
export const stepActions = [
  'hold',
  'cancel',
  'reship',
  'refund_record',
  'contact_carrier',
  'notify_customer',
] as const;
export type StepAction = (typeof stepActions)[number];

const roleName = z.string().trim().min(1).max(64);
export const playbookStep = z.object({
  code: z.string().trim().min(1).max(64).describe('Checklist step, shown translated by the console'),
  ownerRole: roleName,
  limitWorkingHours: z
    .number()
    .positive()
    .max(24 * 30),
  escalation: z
    .object({
      toRole: roleName,
      afterWorkingHours: z
        .number()
        .min(0)
        .max(24 * 30),
    })
    .nullable()
    .describe('To whom an overdue step goes, and how long after its limit'),
  actions: z.array(z.enum(stepActions)).max(6),
});
export const playbookDefinition = z.object({
  ownerRole: roleName,
  steps: z.array(playbookStep).min(1).max(20),
  customerMessage: customerMessage.nullable(),
});
export type PlaybookDefinition = z.output<typeof playbookDefinition>;
export const playbook = playbookDefinition
  .extend({
    caseType: z.enum(caseTypes),
    version: z.number().int(),
    note: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Playbook' });
export const playbookList = z.object({ items: z.array(playbook) });
export const playbookBody = playbookDefinition.extend({ note: z.string().trim().max(500).optional() });
export const caseTypeParams = z.object({ caseType: z.enum(caseTypes) });

export const caseStatuses = ['open', 'closed'] as const;
export const caseEvent = z.object({
  at: z.string(),
  kind: z.string(),
  explanation: explanation.nullable(),
  actor: z.string(),
});
export const riskCase = z
  .object({
    id: z.string(),
    caseType: z.enum(caseTypes),
    orderId: z.string().nullable(),
    shipmentId: z.string().nullable(),
    sku: z.string().nullable(),
    source: z.string(),
    isDrill: z.boolean(),
    status: z.enum(caseStatuses),
    playbookVersion: z.number(),
    ownerRole: z.string(),
    ownerId: z.string().nullable(),
    currentStep: z
      .number()
      .describe('Index of the step being worked; equals the step count when all are done'),
    steps: z.array(playbookStep.extend({ isDone: z.boolean() })),
    stepDueAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    dueAt: z.string(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    explanation: explanation.nullable(),
    outcome: explanation.nullable(),
    reviewNote: z.string().nullable(),
    drillSeconds: z.number().nullable().describe('A drill: seconds from start to close'),
    timeline: z.array(caseEvent),
  })
  .meta({ id: 'RiskCase' });
export const casePage = pageOf(riskCase.omit({ timeline: true, steps: true }));
export const caseQuery = listQuery.extend({
  status: z.enum([...caseStatuses, 'all']).default('open'),
  ownerRole: z.string().max(64).optional(),
  isDrill: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const openCaseBody = z.object({
  caseType: z.enum(caseTypes),
  orderId: z.string().min(1).max(100).nullable().default(null),
  shipmentId: z.string().min(1).max(100).nullable().default(null),
  sku: z.string().min(1).max(64).nullable().default(null),
  ownerId: z.string().min(1).max(100).nullable().default(null),
  explanation: explanation.nullable().default(null),
});
export const chargebackBody = z.object({
  orderId: z.string().min(1).max(100),
  reference: z.string().trim().min(1).max(200),
  amount: z.string().max(32).optional(),
});
export const drillBody = z.object({ caseType: z.enum(caseTypes) });
export const completeStepBody = z.object({ note: z.string().trim().max(1000).optional() });
export const assignBody = z.object({
  ownerId: z.string().min(1).max(100).nullable(),
  ownerRole: roleName.optional(),
});
export const closeCaseBody = z.object({
  outcome: explanation,
  reviewNote: z.string().trim().max(4000).optional(),
});

// ── Monitors, alerts, measures ───────────────────────────────────────────────
/**
 * System-health metrics (docs/operations.md "Health alerts"): snapshots of the health page's
 * figures taken on every cycle, the window unused. Volume is 1 when the figure is known, 0 when
 * it is not (no worker has reported yet; connections on SQLite), so `minVolume: 1` skips those.
 */
export const healthMetrics = [
  'outbox_backlog',
  'outbox_oldest_age_minutes',
  'dead_letters',
  'worker_lag_seconds',
  'disk_used_share',
  'database_size_mb',
  'database_connections',
] as const;
export const monitorMetrics = [
  'hold_rate',
  'high_risk_share',
  'payment_failures',
  'cancellation_rate',
  'refund_rate',
  'carrier_late_rate',
  'carrier_loss_rate',
  'carrier_backlog',
  'stockout_rate',
  'backorder_rate',
  'demand_spike',
  'interface_failures',
  ...healthMetrics,
] as const;
export type MonitorMetric = (typeof monitorMetrics)[number];
/** Metrics whose value is a ratio that may pass 1 (demand against the forecast); the rest are shares 0–1. */
export const ratioMetrics: readonly MonitorMetric[] = ['demand_spike'];
/** Health metrics that are counts, minutes, seconds or megabytes rather than shares. */
export const figureMetrics: readonly MonitorMetric[] = healthMetrics.filter((m) => m !== 'disk_used_share');
export type HealthMetric = (typeof healthMetrics)[number];
export const isHealthMetric = (metric: string): metric is HealthMetric =>
  (healthMetrics as readonly string[]).includes(metric);

/** How a monitor's value reads: a share as a percentage, a ratio as ×n, a figure as a number. */
export function formatMonitorValue(metric: MonitorMetric, value: number): string {
  if (ratioMetrics.includes(metric)) return `×${value.toFixed(2)}`;
  if (figureMetrics.includes(metric)) return String(Math.round(value * 10) / 10);
  return `${(value * 100).toFixed(1)}%`;
}
export const measureKinds = [
  'pause_channel_auto_approval',
  'notify',
  'force_review_above_amount',
  'switch_default_carrier',
  'stop_sku_sync',
  'notify_role',
] as const;
/** Measures that change nothing below: they repeat on every new alert and have nothing to undo. */
export const noticeMeasures: readonly (typeof measureKinds)[number][] = ['notify', 'notify_role'];
export const alertLevels = ['warning', 'critical'] as const;
/** Staff roles a `notify_role` measure can mail (the staff module's roles). */
export const notifiableRoles = [
  'admin',
  'ops_manager',
  'order_processor',
  'warehouse',
  'logistics',
  'customer_service',
  'finance',
  'it',
  'integration',
] as const;
const measureTarget = {
  kind: z.enum(measureKinds),
  level: z.enum(alertLevels),
  channel: z.string().min(1).max(64).optional(),
  carrier: z.string().min(1).max(64).optional().describe("Carrier code; default: the monitor's carrier"),
  sku: z.string().min(1).max(64).optional().describe("SKU code; default: the monitor's SKU"),
  amountMinor: z.number().int().min(0).max(1e12).optional().describe('Review every order above this total'),
  role: z.enum(notifiableRoles).optional(),
};
/** One control measure: what Ordo does when an alert opens at its level (or above). */
export const monitorControl = z.object(measureTarget).meta({ id: 'RiskMonitorControl' });
export type MonitorControl = z.output<typeof monitorControl>;
export const maxControls = 5;
const legacyMeasure = monitorControl.nullable().meta({
  deprecated: true,
  description: 'Deprecated: one control, meaning `controls: [measure]` (or [] for null)',
});
/** A monitor's definition, each field without its default: the create body fills them, a change leaves them out. */
const monitorFields = {
  name: z.string().trim().min(1).max(200),
  metric: z.enum(monitorMetrics),
  channel: z.string().min(1).max(64).nullable().describe('Only orders of this channel; null = all'),
  carrier: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .describe('Carrier code for the carrier metrics; null = all carriers'),
  sku: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .describe('SKU code for the stock and demand metrics; null = all SKUs'),
  windowMinutes: z
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 31),
  minVolume: z.number().int().min(1).max(1_000_000),
  warning: z.number().min(0).max(10_000_000),
  critical: z.number().min(0).max(10_000_000),
  controls: z
    .array(monitorControl)
    .max(maxControls)
    .describe(
      'What Ordo does when an alert opens: each control at its level, at most one per kind and level',
    ),
  measure: legacyMeasure,
  notify: z.object({
    emails: z.array(z.email()).max(20).default([]),
    webhookUrl: z.url().nullable().default(null),
  }),
};
type ControlScope = {
  metric: MonitorMetric;
  channel: string | null;
  carrier: string | null;
  sku: string | null;
};
/** Why a control cannot be taken on a monitor of this scope: the field and the message, or null. */
function controlIssue(
  c: MonitorControl,
  m: ControlScope,
): [field: keyof MonitorControl, message: string] | null {
  if (isHealthMetric(m.metric) && !noticeMeasures.includes(c.kind))
    return ['kind', 'a system-health monitor only notifies (notify or notify_role)'];
  if (c.kind === 'pause_channel_auto_approval' && !(c.channel ?? m.channel))
    return ['channel', 'name the channel to pause'];
  if (c.kind === 'force_review_above_amount' && c.amountMinor === undefined)
    return ['amountMinor', 'name the amount above which orders are reviewed'];
  if (c.kind === 'switch_default_carrier' && !(c.carrier ?? m.carrier))
    return ['carrier', 'name the carrier to switch away from'];
  if (c.kind === 'stop_sku_sync' && !(c.sku ?? m.sku)) return ['sku', 'name the SKU whose sync stops'];
  if (c.kind === 'stop_sku_sync' && !(c.channel ?? m.channel))
    return ['channel', 'name the channel whose sync stops'];
  if (c.kind === 'notify_role' && !c.role) return ['role', 'name the role to notify'];
  return null;
}
const bothGiven = {
  path: ['measure'],
  message: 'give controls or the deprecated measure, not both',
};
/** A change to a monitor: only the fields given change; the result is checked as a whole. */
export const monitorChanges = z
  .object(monitorFields)
  .extend({ isEnabled: z.boolean().describe('A paused monitor is not evaluated') })
  .partial()
  .refine((m) => m.controls === undefined || m.measure === undefined, bothGiven);
/**
 * A monitor as created (and as a change leaves it). The deprecated `measure` becomes the one-entry
 * `controls`; its issues keep naming `measure.…` so older clients find their field.
 */
export const monitorBody = z
  .object({
    ...monitorFields,
    channel: monitorFields.channel.default(null),
    carrier: monitorFields.carrier.default(null),
    sku: monitorFields.sku.default(null),
    controls: monitorFields.controls.optional(),
    measure: monitorFields.measure.optional(),
    notify: monitorFields.notify.default({ emails: [], webhookUrl: null }),
  })
  .refine((m) => m.controls === undefined || m.measure === undefined, bothGiven)
  .refine((m) => m.warning <= m.critical, {
    path: ['critical'],
    message: 'must be at least the warning level',
  })
  .refine((m) => ratioMetrics.includes(m.metric) || figureMetrics.includes(m.metric) || m.critical <= 1, {
    path: ['critical'],
    message: 'a share between 0 and 1',
  })
  .refine((m) => figureMetrics.includes(m.metric) || m.critical <= 1000, {
    path: ['critical'],
    message: 'at most 1000',
  })
  .superRefine((m, ctx) => {
    const isLegacy = m.controls === undefined;
    const controls = m.controls ?? (m.measure ? [m.measure] : []);
    const pathOf = (i: number, field: string) => (isLegacy ? ['measure', field] : ['controls', i, field]);
    const seen = new Set<string>();
    controls.forEach((c, i) => {
      const issue = controlIssue(c, m);
      if (issue) ctx.addIssue({ code: 'custom', path: pathOf(i, issue[0]), message: issue[1] });
      const key = `${c.kind}@${c.level}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: pathOf(i, 'kind'), message: 'one control of a kind per level' });
      seen.add(key);
    });
  })
  .transform(({ measure, controls, ...m }) => ({ ...m, controls: controls ?? (measure ? [measure] : []) }));
export const monitorSample = z.object({ at: z.string(), value: z.number(), volume: z.number() });
export const alert = z
  .object({
    id: z.string(),
    monitorId: z.string(),
    level: z.enum(alertLevels),
    value: z.number(),
    status: z.enum(['open', 'acknowledged', 'resolved']),
    openedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'RiskAlert' });
export const measure = z
  .object({
    id: z.string(),
    monitorId: z.string(),
    alertId: z.string(),
    kind: z.enum(measureKinds),
    params: z.record(z.string(), z.unknown()),
    appliedAt: z.string(),
    undoneAt: z.string().nullable(),
    undoneBy: z.string().nullable(),
  })
  .meta({ id: 'RiskMeasure' });
export const monitor = z
  .object({
    id: z.string(),
    name: z.string(),
    metric: z.enum(monitorMetrics),
    channel: z.string().nullable(),
    carrier: z.string().nullable(),
    sku: z.string().nullable(),
    windowMinutes: z.number(),
    minVolume: z.number(),
    warning: z.number(),
    critical: z.number(),
    controls: z.array(monitorControl),
    measure: monitorControl
      .nullable()
      .meta({ deprecated: true, description: 'Deprecated: the first of `controls`, or null' }),
    notify: z.object({ emails: z.array(z.string()), webhookUrl: z.string().nullable() }),
    isEnabled: z.boolean(),
    createdAt: z.string(),
    samples: z.array(monitorSample),
    openAlerts: z.array(alert),
    measures: z.array(measure),
  })
  .meta({ id: 'RiskMonitor' });
export const monitorList = z.object({ items: z.array(monitor) });
export const evaluation = z.object({
  items: z.array(
    z.object({
      monitorId: z.string(),
      value: z.number(),
      volume: z.number(),
      level: z.enum(alertLevels).nullable(),
      alertId: z.string().nullable(),
    }),
  ),
  elapsedMs: z.number(),
});
export const alertPage = pageOf(alert);
export const alertQuery = listQuery.extend({ monitorId: z.string().max(100).optional() });
export const acknowledgeBody = z.object({ note: z.string().trim().min(1, 'required').max(2000) });
