import { maxBatchOrders } from '../../contracts/orders.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { sharedTurns } from '../../platform/shared-turns.ts';
import type { Catalog } from '../catalog/index.ts';
import type { Inventory } from '../inventory/index.ts';
import { createAllocation } from './allocation/allocation.ts';
import { createAutoRelease } from './audit/auto-release.ts';
import { createBlocklist } from './audit/blocklist.ts';
import { createDryRun } from './audit/dry-run.ts';
import { createRuleSets } from './audit/rule-sets.ts';
import { createMergeSplit } from './edits/merge-split.ts';
import { createOrderChanges } from './edits/order-edits.ts';
import { createOrderActions } from './edits/status-changes.ts';
import { parseBatch } from './intake/batch-input.ts';
import { createHistoryImport } from './intake/history.ts';
import { countOutcomes, createIntake, type IntakeOutcome } from './intake/intake.ts';
import { type IntakePool, ThreadOutOfMemory } from './intake/intake-pool.ts';
import type { IntakeJob } from './intake/intake-thread.ts';
import { createOrderSettings } from './order-settings.ts';
import { createEfficiency } from './queries/efficiency.ts';
import { createOrderQueries, type ShipmentsOf } from './queries/order-queries.ts';
import { createQueue } from './queue/queue.ts';
import { createTeams } from './queue/teams.ts';
import { createCustomerAction } from './review/customer-action.ts';
import { createManualHolds } from './review/manual-hold.ts';
import { createReview } from './review/order-review.ts';

export { allocationRunner } from './allocation/allocation.ts';
export { changeOrderStatus, changeOrdersStatus } from './edits/status-changes.ts';
export type { HistoryOutcome, Milestones } from './intake/history.ts';
export type { IntakeOutcome, IntakeResult } from './intake/intake.ts';
export { createIntakePool, type IntakePool } from './intake/intake-pool.ts';
export { readOrderFile } from './intake/order-file.ts';
export type { OrderStatus } from './order-status.ts';
export { orderTransitions } from './order-status.ts';
export { ordersRoutes } from './routes.ts';

export interface OrdersDeps {
  database: Database;
  clock: Clock;
  catalog: Catalog;
  inventory: Pick<Inventory, 'warehouses' | 'settings'>;
  mailer: Mailer;
  /** Base URL customers reach the public pages at (links in mails). */
  publicUrl: string;
  metrics?: Metrics;
  /** Batches go to intake threads when there are any. */
  intakePool?: IntakePool;
  /**
   * The parcels of orders, from the module that ships them (logistics sits above orders, so the
   * app passes its reader in); the order page shows none without it.
   */
  shipmentsOf?: ShipmentsOf;
}

/** The orders module: intake, audit and review, queue, merge/split, queries and actions on orders. */
export function createOrders(deps: OrdersDeps) {
  const queries = createOrderQueries(deps);
  const ruleSets = createRuleSets(deps);
  const settings = createOrderSettings(deps);
  const review = createReview({ ...deps, queries });
  const autoRelease = createAutoRelease(deps);
  const changes = createOrderChanges({ ...deps, autoRelease, queries, ruleSets });
  const customer = createCustomerAction({ ...deps, changes });
  const policy = async () => (await settings.orderSettings()).policy;
  const pool = deps.intakePool;
  const { receiveOrder, receiveOrders, currentRun } = createIntake({
    ...deps,
    ruleSets,
    settings,
    // With intake threads on one SQLite file, the server's own intake (single orders) takes turns with theirs.
    writeTurn: pool && deps.database.dialect === 'sqlite' ? sharedTurns(pool.turns) : undefined,
  });
  /**
   * A batch (file import, demo): on an intake thread when there are any. A thread's heap is sized
   * for the API's largest batch; a bigger one (`import --batch-size`) is stored here.
   */
  async function receiveBatch(actor: Actor, inputs: readonly unknown[]): Promise<IntakeOutcome[]> {
    if (!pool || inputs.length > maxBatchOrders) return receiveOrders(actor, inputs);
    const result = await onThread(pool, actor, { inputs });
    if (!result) return receiveOrders(actor, inputs);
    countOutcomes(deps.metrics, inputs, result.outcomes);
    return result.outcomes;
  }

  /** A batch request's raw body (`{"orders":[…]}`), parsed and stored on an intake thread when there are any. */
  async function receiveBatchBody(actor: Actor, raw: Uint8Array): Promise<IntakeOutcome[]> {
    if (!pool) return receiveOrders(actor, parseBatch(raw));
    const result = await onThread(pool, actor, { raw });
    if (!result) return receiveOrders(actor, parseBatch(raw));
    countOutcomes(
      deps.metrics,
      result.channels.map((channel) => ({ channel })),
      result.outcomes,
    );
    return result.outcomes;
  }

  /**
   * A batch stored by an intake thread; undefined when it did not fit the thread's bounded heap
   * (very long orders near the body limit), and the caller stores it here instead. Orders the
   * thread had already committed then come back as duplicates: never stored twice.
   */
  async function onThread(intakePool: IntakePool, actor: Actor, orders: IntakeJob['orders']) {
    try {
      return await intakePool.receive(await currentRun(), actor, orders);
    } catch (error) {
      if (!(error instanceof ThreadOutOfMemory)) throw error;
      deps.metrics?.batchesTooLargeForThreads.inc();
      return undefined;
    }
  }
  const orderActions = createOrderActions({ ...deps, queries });
  const queue = createQueue(deps);
  const mergeSplit = createMergeSplit({ ...deps, queries });
  const blocklist = createBlocklist(deps);
  const teams = createTeams(deps);
  const allocation = createAllocation(deps);
  const manualHolds = createManualHolds(deps);
  return {
    intake: {
      receive: receiveOrder,
      receiveBatch,
      receiveBatchBody,
      /** Past orders in their recorded state (`import orders --history`): no audit, stock, mail or sync. */
      receiveHistory: createHistoryImport({ ...deps, settings }).receiveHistory,
    },
    queries: {
      get: queries.getOrder,
      list: queries.listOrders,
      overview: queries.overview,
      efficiency: createEfficiency({ ...deps, policy }).efficiency,
    },
    /** Holds: released by a person, the two-stage review, and the timers and re-audits that release them. */
    review: {
      releaseHolds: review.releaseHolds,
      bulkRelease: review.bulkRelease,
      decide: review.decideReview,
      releaseDueTimers: autoRelease.releaseDueTimers,
      /** Holds from outside the audit (incidents, case steps). */
      holdOrders: manualHolds.holdOrders,
    },
    /** The customer's side of a held order: signed links, mails, the public address-fix page. */
    customer: {
      linkFor: customer.linkFor,
      notify: customer.notifyCustomer,
      sendMessage: customer.sendCustomerMessage,
      viewAddressFix: customer.viewAddressFix,
      submitAddressFix: customer.submitAddressFix,
      submitMessage: customer.submitCustomerMessage,
      secretForTests: customer.secretForTests,
    },
    queue: {
      list: queue.listQueue,
      claimNext: queue.claimNext,
      claim: queue.claimOrder,
      unclaim: queue.unclaimOrder,
    },
    teams: { list: teams.listTeams, save: teams.saveTeam, of: teams.teamsOf },
    blocklist: { add: blocklist.addEntry, list: blocklist.listEntries, remove: blocklist.removeEntry },
    ruleSets: {
      active: ruleSets.activeRuleSet,
      save: ruleSets.saveRuleSet,
      versions: ruleSets.listRuleSetVersions,
    },
    settings: { get: settings.orderSettings, save: settings.saveOrderSettings },
    edits: {
      cancel: orderActions.cancelOrder,
      updatePayment: changes.updatePayment,
      correctAddress: changes.correctAddress,
      addNote: changes.addNote,
      listNotes: changes.listNotes,
    },
    mergeSplit: {
      merge: mergeSplit.mergeOrders,
      unmerge: mergeSplit.unmergeOrder,
      split: mergeSplit.splitOrder,
      candidates: mergeSplit.mergeCandidates,
    },
    allocation: {
      allocateApproved: allocation.allocateApproved,
      allocateBackorders: allocation.allocateBackorders,
      backorderedUnits: allocation.backorderedUnits,
    },
    /** A rule set tried on stored orders without changing them. */
    dryRun: createDryRun({
      database: deps.database,
      now: () => deps.clock.now(),
      activeRuleSet: ruleSets.activeRuleSet,
    }).dryRun,
  };
}

export type Orders = ReturnType<typeof createOrders>;
