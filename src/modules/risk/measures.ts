import type { MonitorControl } from '../../contracts/risk.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import type { Row } from '../../platform/db/schema.ts';
import { monitorsRepository as repo } from './monitors.repository.ts';
import type { RiskDeps } from './ports.ts';

type RuleEntry = { code: string; enabled: boolean; params: Record<string, unknown> };
export type MeasureParams = Record<string, unknown>;

const pausedRule = 'CHANNEL_PAUSED';
const amountRule = 'AMOUNT_OVER_LIMIT';

/**
 * Control measures: what Ordo changes below when a monitor's level is crossed, with what it
 * needs to put things back (the params are stored on the measure record), and the undo.
 */
export function createMeasureActions(deps: RiskDeps) {
  /** Saves orders' rule set with one rule replaced (a new rule-set version); returns the old entry. */
  async function replaceRule(
    actor: Actor,
    code: string,
    change: (existing: RuleEntry | null) => RuleEntry,
    note: string,
  ): Promise<RuleEntry | null> {
    const { rules } = await deps.orders.activeRules();
    const existing = rules.find((r) => r.code === code) ?? null;
    const next = change(existing);
    const saved = existing ? rules.map((r) => (r.code === code ? next : r)) : [next, ...rules];
    await deps.orders.saveRules(actor, saved, note);
    return existing;
  }

  const pausedChannels = (actor: Actor, change: (channels: string[]) => string[], note: string) =>
    replaceRule(
      actor,
      pausedRule,
      (existing) => {
        const channels = change((existing?.params.channels as string[] | undefined) ?? []);
        return { code: pausedRule, enabled: channels.length > 0, params: { ...existing?.params, channels } };
      },
      note,
    );

  /** Carries the measure out; returns what the record keeps (and undo needs). */
  async function apply(
    m: Row<'risk_monitors'>,
    control: MonitorControl,
    alertText: { subject: string; text: string },
  ) {
    const note = `monitor ${m.name}`;
    const params: MeasureParams = {};
    switch (control.kind) {
      case 'pause_channel_auto_approval': {
        params.channel = (control.channel ?? m.channel) as string;
        await pausedChannels(
          systemActor,
          (channels) => [...new Set([...channels, params.channel as string])],
          note,
        );
        break;
      }
      case 'force_review_above_amount': {
        params.amountMinor = control.amountMinor;
        params.previous = await replaceRule(
          systemActor,
          amountRule,
          (existing) => ({
            code: amountRule,
            enabled: true,
            params: { ...existing?.params, action: 'hold', maxTotalMinor: control.amountMinor },
          }),
          note,
        );
        break;
      }
      case 'switch_default_carrier': {
        params.carrier = (control.carrier ?? m.carrier) as string;
        const { wasActive } = await deps.logistics.setCarrierActive(
          systemActor,
          params.carrier as string,
          false,
        );
        params.wasActive = wasActive;
        break;
      }
      case 'stop_sku_sync': {
        const channel = (control.channel ?? m.channel) as string;
        const sku = (control.sku ?? m.sku) as string;
        Object.assign(params, { channel, sku, wasExcluded: await deps.channels.isSkuExcluded(channel, sku) });
        await deps.channels.setSkuExcluded(systemActor, channel, sku, true);
        break;
      }
      case 'notify_role': {
        // People of the role who have an e-mail address; without any, the console alert is all.
        const emails = await repo.roleEmails(deps.database.db, control.role as string);
        for (const to of emails) await deps.mailer.send({ to, ...alertText });
        Object.assign(params, { role: control.role, mailed: emails.length });
        break;
      }
      case 'notify':
        break;
    }
    return params;
  }

  /** Puts back what the measure changed (notifications have nothing to put back). */
  async function undo(actor: Actor, kind: string, params: MeasureParams) {
    const note = 'risk measure undone';
    if (kind === 'pause_channel_auto_approval')
      await pausedChannels(actor, (channels) => channels.filter((c) => c !== params.channel), note);
    if (kind === 'force_review_above_amount') {
      const previous = params.previous as RuleEntry | null;
      await replaceRule(
        actor,
        amountRule,
        (existing) => previous ?? { code: amountRule, enabled: false, params: existing?.params ?? {} },
        note,
      );
    }
    if (kind === 'switch_default_carrier' && params.wasActive)
      await deps.logistics.setCarrierActive(actor, params.carrier as string, true);
    if (kind === 'stop_sku_sync' && !params.wasExcluded)
      await deps.channels.setSkuExcluded(actor, params.channel as string, params.sku as string, false);
  }

  return { apply, undo };
}
