import { DateTime } from 'luxon';
import { orderStatuses } from '../../../contracts/order-enums.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import type { NewRow } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/errors.ts';
import { orderNumber, uuidv7 } from '../../../platform/ids.ts';
import type { Catalog } from '../../catalog/index.ts';
import { keysOf } from '../audit/audit-context.ts';
import type { OrderSettingsStore } from '../order-settings.ts';
import type { OrderStatus } from '../order-status.ts';
import { ordersRepository as repo } from '../orders.repository.ts';
import type { Classification } from '../priority.ts';
import { type NormalisedOrder, normaliseOrder } from './normalise.ts';
import { lineRows, orderRow } from './order-rows.ts';
import { readCanonicalOrder } from './salvage.ts';

/**
 * History import (CONTRACT.md "History import"): past orders from another system, stored in
 * their recorded status with timeline events at their recorded times. Nothing downstream runs:
 * no audit, no stock reservation, no outbox event (so no mail and no channel sync).
 *
 * Milestones land where live orders keep theirs: `order_events` (`received`, `approved`,
 * `shipped`, `delivered`, `cancelled`, and `delivery_promised` at the promised time) and
 * `order_status_history`, so reports read both kinds of order the same way.
 */
export const milestoneNames = [
  'approvedAt',
  'shippedAt',
  'deliveredAt',
  'promisedAt',
  'cancelledAt',
] as const;
export type MilestoneName = (typeof milestoneNames)[number];
export type Milestones = Partial<Record<MilestoneName, string>>;

export type HistoryOutcome =
  | { outcome: 'created'; orderId: string; number: string; status: OrderStatus }
  | { outcome: 'duplicate'; orderId: string; number: string; status: string }
  | { outcome: 'rejected'; error: AppError };

export interface HistoryDeps {
  database: Database;
  catalog: { channels: Pick<Catalog['channels'], 'channelStates'> };
  settings: Pick<OrderSettingsStore, 'orderSettings'>;
}

interface Parsed {
  index: number;
  order: NormalisedOrder;
  status: OrderStatus;
  milestones: Milestones;
  unreadable: { field: string; value: string }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOffset = (value: string) => /[zZ]|[+-]\d{2}:?\d{2}$/.test(value.slice(10));

/** A milestone time; times without an offset are read in the shop's zone, like `placedAt`. */
function readMilestone(value: unknown, timeZone: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim().replace(' ', 'T');
  if (hasOffset(text)) {
    // The common case, read without Luxon (four per order, 100,000 orders a minute).
    const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  const at = DateTime.fromISO(text, hasOffset(text) ? { setZone: true } : { zone: timeZone });
  return at.isValid ? (at.toUTC().toISO() as string) : null;
}

/** The status recorded, or the furthest one its milestones show. */
function statusOf(given: unknown, milestones: Milestones): OrderStatus | null {
  if (typeof given === 'string') {
    const status = given.trim().toLowerCase();
    if ((orderStatuses as readonly string[]).includes(status)) return status as OrderStatus;
  }
  if (milestones.cancelledAt) return 'cancelled';
  if (milestones.deliveredAt) return 'delivered';
  if (milestones.shippedAt) return 'shipped';
  if (milestones.approvedAt) return 'approved';
  return given === undefined || given === null || given === '' ? 'completed' : null;
}

export function createHistoryImport(deps: HistoryDeps) {
  const { database } = deps;

  function parse(input: unknown, index: number, timeZone: string): Parsed {
    const raw = isRecord(input) ? { ...input } : input;
    let statusGiven: unknown;
    let milestonesGiven: unknown;
    if (isRecord(raw)) {
      statusGiven = raw.status;
      milestonesGiven = raw.milestones;
      delete raw.status;
      delete raw.milestones;
    }
    const { order: canonical, unreadable } = readCanonicalOrder(raw);
    const order = normaliseOrder(canonical, timeZone, unreadable);
    const milestones: Milestones = {};
    const skipped: { field: string; value: string }[] = [];
    if (isRecord(milestonesGiven)) {
      for (const name of milestoneNames) {
        const value = milestonesGiven[name];
        if (value === undefined || value === null || value === '') continue;
        const at = readMilestone(value, timeZone);
        if (at) milestones[name] = at;
        else skipped.push({ field: `milestones.${name}`, value: String(value) });
      }
    }
    let status = statusOf(statusGiven, milestones);
    if (!status) {
      skipped.push({ field: 'status', value: String(statusGiven) });
      status = statusOf(undefined, milestones) as OrderStatus;
    }
    return {
      index,
      order,
      status,
      milestones,
      unreadable: [...order.unreadable, ...skipped],
    };
  }

  /** Stores a batch of past orders in one transaction; one bad order is rejected on its own. */
  async function receiveHistory(actor: Actor, inputs: readonly unknown[]): Promise<HistoryOutcome[]> {
    const results: HistoryOutcome[] = new Array(inputs.length);
    const [settings, channels] = await Promise.all([
      deps.settings.orderSettings(),
      deps.catalog.channels.channelStates(),
    ]);
    const timeZone = settings.policy.calendar.timeZone;
    const parsed: Parsed[] = [];
    const firstByKey = new Map<string, number>();
    const repeats: { index: number; first: number }[] = [];
    inputs.forEach((input, index) => {
      try {
        const p = parse(input, index, timeZone);
        if (!channels.has(p.order.channel)) {
          results[index] = {
            outcome: 'rejected',
            error: new AppError(
              'UNKNOWN_CHANNEL',
              `channel: "${p.order.channel}" is not a configured channel`,
              {
                field: 'channel',
              },
            ),
          };
          return;
        }
        const key = `${p.order.channel}\u0000${p.order.externalId}`;
        const first = firstByKey.get(key);
        if (first !== undefined) repeats.push({ index, first });
        else {
          firstByKey.set(key, index);
          parsed.push(p);
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = { outcome: 'rejected', error };
      }
    });
    if (parsed.length > 0) {
      await inTransaction(database, async (tx) => {
        const fresh = await skipStored(tx, parsed, results);
        const built = fresh.map((p) => ({ p, rows: buildRows(p, actor) }));
        const inserted = await repo.insertOrdersIfAbsent(
          tx,
          built.map((b) => b.rows.order),
          database.sqlite,
        );
        const kept = built.filter((b) => inserted.has(b.rows.order.id));
        await repo.insertChildren(
          tx,
          {
            lines: kept.flatMap((b) => b.rows.lines),
            holds: [],
            history: kept.flatMap((b) => b.rows.history),
            events: kept.flatMap((b) => b.rows.events),
          },
          database.sqlite,
        );
        for (const b of kept)
          results[b.p.index] = {
            outcome: 'created',
            orderId: b.rows.order.id,
            number: b.rows.order.number,
            status: b.p.status,
          };
        const lost = built.filter((b) => !inserted.has(b.rows.order.id));
        if (lost.length > 0)
          await skipStored(
            tx,
            lost.map((b) => b.p),
            results,
          );
      });
    }
    for (const { index, first } of repeats) {
      const r = results[first];
      results[index] =
        r.outcome === 'rejected'
          ? r
          : { outcome: 'duplicate', orderId: r.orderId, number: r.number, status: r.status };
    }
    return results;
  }

  async function skipStored(tx: Executor, parsed: Parsed[], results: HistoryOutcome[]) {
    const byChannel = new Map<string, Parsed[]>();
    for (const p of parsed) {
      const group = byChannel.get(p.order.channel) ?? [];
      group.push(p);
      byChannel.set(p.order.channel, group);
    }
    const fresh: Parsed[] = [];
    for (const [channel, group] of byChannel) {
      const stored = await repo.findByExternalIds(
        tx,
        channel,
        group.map((p) => p.order.externalId),
      );
      for (const p of group) {
        const row = stored.get(p.order.externalId);
        if (row)
          results[p.index] = {
            outcome: 'duplicate',
            orderId: row.id,
            number: row.number,
            status: row.status,
          };
        else fresh.push(p);
      }
    }
    return fresh;
  }

  return { receiveHistory };
}

/** The rows of one past order: its order row in the recorded status, lines, history and timeline. */
function buildRows(p: Parsed, actor: Actor) {
  const { order, status, milestones } = p;
  const placed = new Date(order.placedAt);
  const id = uuidv7(placed.getTime());
  const number = orderNumber(placed);
  const keys = keysOf(order);
  // A past order needs no deadline or queue priority: no SLA arithmetic (the calendar is the
  // slowest part of classifying, and 100,000 orders must import in under a minute).
  const type = order.typeHint ?? 'normal';
  const classification: Classification = {
    type,
    reason: order.typeHint ? 'channel hint' : 'no rule matched',
    reasonExplanation: { key: order.typeHint ? 'type.channelHint' : 'type.noRuleMatched' },
    shipBy: null,
    priority: 0,
    priorityParts: { type: 0, slack: 0, tier: 0, value: 0 },
  };
  const lastAt =
    [milestones.cancelledAt, milestones.deliveredAt, milestones.shippedAt, milestones.approvedAt]
      .filter((at): at is string => Boolean(at))
      .sort()
      .at(-1) ?? order.placedAt;
  const row = orderRow(order, {
    id,
    number,
    at: order.placedAt,
    status: 'approved',
    holdCodes: [],
    classification,
    keys,
    customerTier: 'new',
    riskScore: 0,
    ruleSetVersion: 0,
    holdUntil: null,
    releaseAt: null,
    team: null,
  });
  row.status = status;
  row.updated_at = lastAt;
  row.rule_set_version = null;
  row.decided_at = milestones.approvedAt ?? milestones.cancelledAt ?? null;
  const actorColumns = { actor_type: actor.type, actor_id: actor.id };
  const history: NewRow<'order_status_history'>[] = [];
  const events: NewRow<'order_events'>[] = [];
  const event = (type: string, at: string, data: Record<string, unknown>) =>
    events.push({
      id: uuidv7(Date.parse(at)),
      order_id: id,
      type,
      ...actorColumns,
      actor_name: actor.name,
      data: writeJson(data),
      at,
    });
  event('received', order.placedAt, {
    channel: order.channel,
    externalId: order.externalId,
    lineCount: order.lines.length,
    imported: true,
    ...(p.unreadable.length > 0 ? { unreadable: p.unreadable } : {}),
  });
  const steps: [OrderStatus, string | undefined][] = [
    ['approved', milestones.approvedAt],
    ['shipped', milestones.shippedAt],
    ['delivered', milestones.deliveredAt],
    ['cancelled', milestones.cancelledAt],
  ];
  let from: string | null = null;
  const moves: { to: string; at: string }[] = [];
  for (const [to, at] of steps) if (at) moves.push({ to, at });
  // The recorded status is where the order ends, whatever its milestones say.
  if (moves.at(-1)?.to !== status) moves.push({ to: status, at: lastAt });
  for (const move of moves) {
    history.push({
      id: uuidv7(Date.parse(move.at)),
      order_id: id,
      from_status: from,
      to_status: move.to,
      reason: 'imported history',
      ...actorColumns,
      at: move.at,
    });
    from = move.to;
  }
  for (const [to, at] of steps) if (at) event(to, at, { imported: true });
  if (milestones.promisedAt) event('delivery_promised', milestones.promisedAt, { imported: true });
  return { order: row, lines: lineRows(order, id, new Map()), history, events };
}
