import type { Order } from '../../../contracts/orders.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/errors.ts';
import { publishMany } from '../../../platform/events/outbox.ts';
import { groupCommit } from '../../../platform/group-commit.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import type { Catalog } from '../../catalog/index.ts';
import { loadAuditContext, loadCustomerTiers } from '../audit/audit-context.ts';
import type { RuleSet } from '../audit/audit-rules.ts';
import type { RuleSets } from '../audit/rule-sets.ts';
import type { OrderSettings, OrderSettingsStore } from '../order-settings.ts';
import { ordersRepository as repo } from '../orders.repository.ts';
import { toOrder } from '../queries/order-view.ts';
import { addTimelineEvent } from '../queries/timeline.ts';
import { type BuiltOrder, buildOrderRows } from './intake-rows.ts';
import { type NormalisedOrder, normaliseOrder } from './normalise.ts';
import { readCanonicalOrder } from './salvage.ts';

/** What intake tells a sender about one order; batch replies need no more. */
export type IntakeOutcome =
  | { outcome: 'created'; order: OrderSummary }
  | { outcome: 'duplicate'; orderId: string; order: OrderSummary }
  | { outcome: 'rejected'; error: AppError };

type OrderSummary = Pick<Order, 'id' | 'number' | 'status' | 'holds'>;

export type IntakeResult =
  | {
      outcome: 'created';
      order: OrderSummary;
      /** The whole stored order, built on demand: a batch reply needs only the summary. */
      fullOrder: () => Order;
    }
  | Exclude<IntakeOutcome, { outcome: 'created' }>;

/**
 * What orders are judged by: the time they count as received and the rule set, settings and
 * channel states then in force. Read once per transaction (or handed to an intake thread).
 */
export interface IntakeRun {
  now: Date;
  ruleSet: RuleSet;
  settings: OrderSettings;
  channels: ReadonlyMap<string, boolean>;
}

export type IntakeStage = 'validate' | 'audit' | 'store';

export interface IntakeDeps {
  database: Database;
  clock: Clock;
  catalog: { skuStates: Catalog['skuStates']; channels: Pick<Catalog['channels'], 'channelStates'> };
  metrics?: Metrics;
  ruleSets: Pick<RuleSets, 'activeRuleSet'>;
  settings: Pick<OrderSettingsStore, 'orderSettings'>;
  /** Stage timings for a caller without the metrics registry (an intake thread reports them back). */
  onStage?: (stage: IntakeStage, seconds: number) => void;
  /** Around each write transaction: intake threads sharing one SQLite file take turns here. */
  writeTurn?: <T>(work: () => Promise<T>) => Promise<T>;
}

type Candidate = { index: number; order: NormalisedOrder; actor: Actor };
type IntakeItem = { actor: Actor; input: unknown };

/** An order from any sender as intake stores it; times without an offset are the shop's. */
function parseInput(input: unknown, timeZone: string): NormalisedOrder {
  const { order, unreadable } = readCanonicalOrder(input);
  return normaliseOrder(order, timeZone, unreadable);
}

const orderKey = (o: { channel: string; externalId: string }) => `${o.channel}\u0000${o.externalId}`;

/**
 * Intake: validate, normalise, dedupe on (channel, externalId), audit, classify and store a
 * batch of orders in one transaction with their lines, holds, history, timeline and outbox rows.
 * One bad order is rejected on its own; it never stops the others.
 */
export function createIntake(deps: IntakeDeps) {
  const { database, clock, catalog, metrics } = deps;

  function observe(stage: IntakeStage, startedAt: number): void {
    const seconds = (performance.now() - startedAt) / 1000;
    metrics?.stageSeconds.observe({ stage }, seconds);
    deps.onStage?.(stage, seconds);
  }

  function time<T>(stage: IntakeStage, work: () => T): T {
    const startedAt = performance.now();
    try {
      return work();
    } finally {
      observe(stage, startedAt);
    }
  }

  async function timeAsync<T>(stage: IntakeStage, work: () => Promise<T>): Promise<T> {
    const startedAt = performance.now();
    try {
      return await work();
    } finally {
      observe(stage, startedAt);
    }
  }

  /** Orders from one sender (an API batch, a file): one transaction for all of them. */
  function receiveOrders(actor: Actor, inputs: readonly unknown[]): Promise<IntakeResult[]> {
    return receiveItems(inputs.map((input) => ({ actor, input })));
  }

  /**
   * One order per request, many requests at once: requests that arrive while a transaction is
   * running are stored together in the next one (group commit), so a burst of webhooks costs a
   * few transactions instead of one each. Every order keeps its own sender and its own result.
   */
  const receiveOrder = groupCommit(receiveItems);

  /** The rule set, settings and channel states in force now (each cached for a second or two). */
  async function currentRun(): Promise<IntakeRun> {
    const now = clock.now();
    const [ruleSet, settings, channels] = await Promise.all([
      deps.ruleSets.activeRuleSet(),
      deps.settings.orderSettings(),
      catalog.channels.channelStates(),
    ]);
    return { now, ruleSet, settings, channels };
  }

  async function receiveItems(items: readonly IntakeItem[], given?: IntakeRun): Promise<IntakeResult[]> {
    const inputs = items.map((item) => item.input);
    const results: IntakeResult[] = new Array(items.length);
    const run = given ?? (await currentRun());
    const timeZone = run.settings.policy.calendar.timeZone;
    const { candidates, repeats } = time('validate', () => validateAll(items, results, timeZone));
    const accepted = acceptKnownChannels(run.channels, candidates, results);
    // Reads and the audit happen before the write transaction, which then holds the database
    // (SQLite's single writer) only for the inserts. An order another request stores meanwhile
    // is caught by the insert's conflict clause and reported as a duplicate.
    const built = await prepareOrders(run, accepted, results);
    const late =
      built.length === 0
        ? []
        : await timeAsync('store', () => {
            const write = () => inTransaction(database, (tx) => writeOrders(tx, run, built, results));
            return deps.writeTurn ? deps.writeTurn(write) : write();
          });
    await resolveLateDuplicates(late, results);
    for (const { index, firstIndex } of repeats) results[index] = repeatOf(results[firstIndex]);
    countOutcomes(metrics, inputs, results);
    return results;
  }

  function validateAll(items: readonly IntakeItem[], results: IntakeResult[], timeZone: string) {
    const firstByKey = new Map<string, number>();
    const candidates: Candidate[] = [];
    const repeats: { index: number; firstIndex: number }[] = [];
    items.forEach(({ actor, input }, index) => {
      try {
        const order = parseInput(input, timeZone);
        const key = orderKey(order);
        const firstIndex = firstByKey.get(key);
        // A repeat inside the same batch shares the fate of its first occurrence, resolved after storing.
        if (firstIndex !== undefined) repeats.push({ index, firstIndex });
        else {
          firstByKey.set(key, index);
          candidates.push({ index, order, actor });
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = { outcome: 'rejected', error };
      }
    });
    return { candidates, repeats };
  }

  /** Skips orders already stored, loads what the audit needs and builds every new order's rows. */
  async function prepareOrders(run: IntakeRun, candidates: Candidate[], results: IntakeResult[]) {
    const fresh = await skipStoredOrders(database.db, candidates, results);
    if (fresh.length === 0) return [];
    const orders = fresh.map((c) => c.order);
    const [audit, tiers] = await Promise.all([
      loadAuditContext(database.db, catalog, orders, run.now, undefined, run.settings.merge.windowHours),
      loadCustomerTiers(database.db, orders),
    ]);
    const { now, ruleSet, settings } = run;
    return time('audit', () =>
      fresh.map((c) => ({
        index: c.index,
        rows: buildOrderRows(c.order, { now, ruleSet, settings, actor: c.actor, audit, tiers }),
      })),
    );
  }

  /** The write transaction: orders (skipping any stored meanwhile), their children and events. */
  async function writeOrders(
    tx: Executor,
    run: IntakeRun,
    built: { index: number; rows: BuiltOrder }[],
    results: IntakeResult[],
  ) {
    // On SQLite the rows go through prepared statements on the transaction's own connection.
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
        holds: kept.flatMap((b) => b.rows.holds),
        history: kept.flatMap((b) => b.rows.history),
        events: kept.flatMap((b) => b.rows.events),
      },
      database.sqlite,
    );
    await publishMany(
      tx,
      run.now,
      kept.flatMap((b) => b.rows.outbox),
    );
    for (const b of kept) if (b.rows.mergeWith.length > 0) await groupWithOpenOrders(tx, run, b.rows);
    for (const b of kept) results[b.index] = createdResult(b.rows, run.now);
    return built.filter((b) => !inserted.has(b.rows.order.id));
  }

  function acceptKnownChannels(
    channels: ReadonlyMap<string, boolean>,
    candidates: Candidate[],
    results: IntakeResult[],
  ) {
    return candidates.filter((c) => {
      const isActive = channels.get(c.order.channel);
      if (isActive === undefined) {
        results[c.index] = {
          outcome: 'rejected',
          error: new AppError(
            'UNKNOWN_CHANNEL',
            `channel: "${c.order.channel}" is not a configured channel`,
            { field: 'channel' },
          ),
        };
      } else if (!isActive) {
        results[c.index] = {
          outcome: 'rejected',
          error: new AppError('CHANNEL_INACTIVE', `channel: "${c.order.channel}" is switched off`, {
            field: 'channel',
          }),
        };
      }
      return isActive === true;
    });
  }

  async function skipStoredOrders(tx: Executor, candidates: Candidate[], results: IntakeResult[]) {
    const byChannel = new Map<string, Candidate[]>();
    for (const c of candidates) {
      const group = byChannel.get(c.order.channel);
      if (group) group.push(c);
      else byChannel.set(c.order.channel, [c]);
    }
    const fresh: Candidate[] = [];
    for (const [channel, group] of byChannel) {
      const stored = await repo.findByExternalIds(
        tx,
        channel,
        group.map((c) => c.order.externalId),
      );
      for (const c of group) {
        const row = stored.get(c.order.externalId);
        if (row) results[c.index] = duplicateOf(row);
        else fresh.push(c);
      }
    }
    return fresh;
  }

  /** Merge mode `auto`: the new order joins its buyer's open orders in one shipment group. */
  async function groupWithOpenOrders(tx: Executor, run: IntakeRun, rows: BuiltOrder) {
    const others = await repo.groupsByNumbers(tx, rows.mergeWith, ['pending_review', 'approved']);
    if (others.length === 0) return;
    const groupId = others.find((o) => o.group_id)?.group_id ?? uuidv7(run.now.getTime());
    const ids = [rows.order.id, ...others.map((o) => o.id)];
    await repo.updateMany(tx, ids, { group_id: groupId });
    rows.order.group_id = groupId;
    const numbers = [rows.order.number, ...rows.mergeWith];
    for (const orderId of ids)
      await addTimelineEvent(tx, { type: 'system', id: null, name: 'merge' }, run.now, orderId, 'merged', {
        groupId,
        orders: numbers,
        automatic: true,
      });
  }

  /** Orders a concurrent request stored between our check and our insert. */
  async function resolveLateDuplicates(late: { index: number; rows: BuiltOrder }[], results: IntakeResult[]) {
    for (const { index, rows } of late) {
      const stored = await repo.findByExternalIds(database.db, rows.order.channel_id, [
        rows.order.external_id,
      ]);
      const row = stored.get(rows.order.external_id);
      if (!row) throw new AppError('INTERNAL', 'an order lost its insert race but cannot be found');
      results[index] = duplicateOf(row);
    }
  }

  return {
    receiveOrders,
    receiveOrder: (actor: Actor, input: unknown) => receiveOrder({ actor, input }),
    currentRun,
    /** A batch judged by a run read elsewhere: what an intake thread does with the server's run. */
    receiveOrdersIn: (run: IntakeRun, actor: Actor, inputs: readonly unknown[]) =>
      receiveItems(
        inputs.map((input) => ({ actor, input })),
        run,
      ),
  };
}

function duplicateOf(row: { id: string; number: string; status: string; hold_codes: string }): IntakeResult {
  const holds = row.hold_codes === '' ? [] : row.hold_codes.split(',');
  return {
    outcome: 'duplicate',
    orderId: row.id,
    order: { id: row.id, number: row.number, status: row.status as Order['status'], holds },
  };
}

function repeatOf(first: IntakeResult): IntakeResult {
  if (first.outcome === 'created') {
    const { id, number, status, holds } = first.order;
    return { outcome: 'duplicate', orderId: id, order: { id, number, status, holds } };
  }
  return first;
}

function createdResult(rows: BuiltOrder, now: Date): IntakeResult {
  const { id, number, status, hold_codes } = rows.order;
  const summary = {
    id,
    number,
    status: status as Order['status'],
    holds: hold_codes === '' ? [] : hold_codes.split(','),
  };
  return { outcome: 'created', order: summary, fullOrder: () => toOrder(rows.order, rows, now) };
}

/** The received-orders counter, by channel and outcome. */
export function countOutcomes(
  metrics: Metrics | undefined,
  inputs: readonly unknown[],
  results: readonly IntakeOutcome[],
): void {
  if (!metrics) return;
  results.forEach((result, index) => {
    const channel = (inputs[index] as { channel?: unknown } | null)?.channel;
    metrics.ordersReceived.inc({
      channel: typeof channel === 'string' ? channel.slice(0, 64) : 'unknown',
      outcome: result.outcome,
    });
  });
}
