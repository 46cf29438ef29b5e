import { createCatalog } from './modules/catalog/index.ts';
import { createFileImportsArea, ordersIntake } from './modules/channels/file-imports/index.ts';
import { createChannelConnectors } from './modules/channels/index.ts';
import { createFulfilment } from './modules/fulfilment/index.ts';
import { createInsightsDashboards, createReports } from './modules/insights/index.ts';
import { createInventory } from './modules/inventory/index.ts';
import { createLogistics, jsonFeedPoller, shipmentsForOrders } from './modules/logistics/index.ts';
import { allocationRunner, createIntakePool, createOrders } from './modules/orders/index.ts';
import { createEvaluations } from './modules/performance/evaluations/index.ts';
import { createPerformance } from './modules/performance/index.ts';
import { createReview } from './modules/review/index.ts';
import { createRisk } from './modules/risk/index.ts';
import {
  createAftersales,
  createService,
  type NotifyingEvent,
  notifyingEvents,
} from './modules/service/index.ts';
import { createStaff, createTraining } from './modules/staff/index.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { createMailer, type Mailer } from './platform/mail.ts';
import { createMetrics } from './platform/metrics.ts';
import { createSecretBox, loadSecretKey } from './platform/secret-box.ts';
import { reviewPorts } from './review-ports.ts';
import { riskPorts } from './risk-ports.ts';
import { createDispatcher, type EventHandler, type HandlerRegistry } from './worker/dispatcher.ts';
import { recordWorkerHeartbeat } from './worker/heartbeat.ts';
import { createOutboxAdmin } from './worker/outbox-admin.ts';
import { runScheduledBackup } from './worker/scheduled-backup.ts';
import { createScheduler } from './worker/scheduler.ts';

export interface AppOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests); otherwise opened from the config. */
  database?: Database;
  handlers?: HandlerRegistry;
  mailer?: Mailer;
}

/** Wires the modules together: the one place that knows every dependency. */
export async function createApp(options: AppOptions) {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const database =
    options.database ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database);
  const metrics = createMetrics();
  const staff = createStaff({ database, clock });
  const catalog = createCatalog({ database, clock });
  const mailer = options.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
  const inventory = createInventory({
    database,
    clock,
    mailer,
    publicUrl: config.publicUrl,
    backorderedUnits: () => orders.allocation.backorderedUnits(),
  });
  const intakePool =
    config.intakeThreads > 0
      ? createIntakePool({
          size: config.intakeThreads,
          heapMb: config.intakeThreadHeapMb,
          location: database.location,
          logger,
          metrics,
        })
      : undefined;
  const orders = createOrders({
    database,
    clock,
    catalog,
    inventory,
    metrics,
    mailer,
    publicUrl: config.publicUrl,
    intakePool,
    shipmentsOf: shipmentsForOrders,
  });
  const allocator = allocationRunner(() => orders.allocation.allocateApproved(), logger);
  const fulfilment = createFulfilment({
    database,
    clock,
    allocateBackorders: (skuIds) => orders.allocation.allocateBackorders(skuIds),
    shopTimeZone: async () => (await orders.settings.get()).policy.calendar.timeZone,
  });
  const logistics = createLogistics({
    database,
    clock,
    pollers: config.trackingFeeds.map((feed) => jsonFeedPoller(feed)),
    complaintsPerShipment: (ids) => aftersales.complaintsPerShipment(ids),
    shopTimeZone: async () => (await orders.settings.get()).policy.calendar.timeZone,
  });
  const channels = createChannelConnectors({
    database,
    clock,
    catalog,
    orders,
    inventory,
    calendar: async () => (await orders.settings.get()).policy.calendar,
    secrets: createSecretBox(loadSecretKey(config.secretKey, config.dataDir)),
    publicUrl: config.publicUrl,
    metrics,
    logger,
  });
  // Connector secrets stored in plain text before they were sealed are sealed once, here.
  await channels.connectors.sealPlainSecrets();
  const fileImports = createFileImportsArea({
    database,
    clock,
    catalog,
    receiveOrders: ordersIntake(orders),
    logger,
  });
  const service = createService({
    database,
    clock,
    mailer,
    logger,
    publicUrl: config.publicUrl,
    // A delivered order is not completed while a return or complaint on it is open.
    openAftersalesOf: (orderIds) => aftersales.openComplaintsOrReturnsFor(orderIds),
  });
  // Customers hear of their order's milestones (docs/notifications.md).
  const notify = { handlers: customerNotificationHandlers(service) };
  // Analytics read from the read replica when DATABASE_READ_URL names one (PostgreSQL).
  const readDatabase =
    config.databaseReadUrl && database.dialect === 'postgres'
      ? openDatabase({ databaseUrl: config.databaseReadUrl, dataDir: config.dataDir })
      : database;
  const insights = {
    ...createInsightsDashboards({
      database,
      clock,
      inventoryReport: (kind, query) => inventory.reports.build(kind, query),
      shopTimeZone: async () => (await orders.settings.get()).policy.calendar.timeZone,
      stockOutRate: (from, to) => inventory.reports.stockOutRate(from, to),
    }),
    reports: createReports({
      database: readDatabase,
      clock,
      shopTimeZone: async () => (await orders.settings.get()).policy.calendar.timeZone,
    }),
  };
  const aftersales = createAftersales({
    database,
    clock,
    mailer,
    publicUrl: config.publicUrl,
    calendar: async () => (await orders.settings.get()).policy.calendar,
    templates: service.notifications.templates,
    replyAddress: async () => (await service.notifications.settings.get()).replyAddress,
    placeOrder: (actor, input) => orders.intake.receive(actor, input),
  });
  const risk = createRisk(
    riskPorts(
      { database, clock, mailer },
      { dataDir: config.dataDir, orders, logistics, inventory, channels, service },
    ),
  );
  const review = createReview({
    database,
    clock,
    mailer,
    ports: reviewPorts({
      database,
      risk,
      inventory,
      channels,
      reports: insights.reports,
      aftersales,
      kpis: insights.kpis,
    }),
  });
  const handlers: HandlerRegistry = {
    // Approved orders are allocated right away; the scheduled run below catches anything missed.
    'order.received': [
      async (event) => {
        if (event.payload.status === 'approved') void allocator.wake();
      },
      ...notify.handlers['order.received'],
      async () => insights.summaries.wake(),
    ],
    'order.status_changed': [
      async (event) => {
        if (event.payload.to === 'approved') void allocator.wake();
      },
      ...notify.handlers['order.status_changed'],
      // Daily summaries follow the orders' days as they change (the scheduled run catches the rest).
      async () => insights.summaries.wake(),
    ],
    'shipment.out_for_delivery': notify.handlers['shipment.out_for_delivery'],
    'shipment.exception': [
      ...notify.handlers['shipment.exception'],
      // Each exception opens a risk case on its playbook (docs/risk.md).
      (event) => risk.cases.openFromException(event.payload),
    ],
    // A closed case lets the detectors raise the same exception again (docs/risk.md).
    'risk_case.closed': [(event) => fulfilment.exceptions.release(event.payload)],
    'refund.issued': notify.handlers['refund.issued'],
    'complaint.answered': notify.handlers['complaint.answered'],
    // The complaint's own mails (opened, answered, resolved): SMTP failures retry here, never
    // failing the request that stored the change (docs/customer-service.md).
    'complaint.mail_due': [(event) => aftersales.complaints.mailDue(event.payload)],
    // An incident's closing review becomes a lesson in the knowledge base (docs/risk.md).
    'incident.closed': [
      async ({ payload }) => {
        await review.knowledge.import({
          kind: 'lesson',
          title: { en: `Lesson: ${payload.title}`, zh: `经验：${payload.title}` },
          body: { en: payload.review, zh: payload.review },
          source: { type: 'incident', ref: payload.incidentId },
        });
      },
    ],
    // Stock came back (receipt, adjustment, a cancelled order's release): backorders take it.
    'stock.changed': [
      async (event) => {
        if (event.payload.delta > 0) await orders.allocation.allocateBackorders([event.payload.skuId]);
      },
      // Queued per SKU and channel: a burst of changes is one push of the latest figure.
      (event) => channels.syncBack.onStockChanged(event.payload),
    ],
    'shipment.created': [(event) => channels.syncBack.onShipmentCreated(event.payload)],
    'stock.low': [(event) => inventory.alerts.notifyLowStock(event.payload)],
    'order.customer_action_required': [
      (event) => orders.customer.notify(event.payload.orderId, event.payload.codes),
    ],
    'order.customer_message': [
      (event) => orders.customer.sendMessage(event.payload.orderId, event.payload.noteId),
    ],
    ...options.handlers,
  };
  const training = createTraining({
    database,
    clock,
    mailer,
    publicUrl: config.publicUrl,
    // Playbooks are named by their case type; knowledge base articles are linked by id unchecked.
    linkExists: async (kind, id) =>
      kind === 'article' || (await risk.playbooks.list()).some((p) => p.caseType === id),
  });
  const performance = createPerformance({
    database,
    clock,
    shopTimeZone: async () => (await orders.settings.get()).policy.calendar.timeZone,
    complaints: {
      resolvedBetween: (from, to) => aftersales.complaintsResolvedBetween(from, to),
      aboutOrders: (orderIds) => aftersales.complaintsAboutOrders(orderIds),
    },
  });
  const evaluations = createEvaluations({ database, clock, performance });
  const dispatcher = createDispatcher({ database, clock, logger, metrics, handlers });
  const scheduler = createScheduler(
    [
      { name: 'hold timers', everyMs: 15_000, run: () => orders.review.releaseDueTimers() },
      { name: 'allocation', everyMs: 5_000, run: () => allocator.wake() },
      { name: 'stock planning', everyMs: 6 * 60 * 60 * 1000, run: () => inventory.plans.recompute() },
      { name: 'delivery problems', everyMs: 15 * 60 * 1000, run: () => logistics.tracking.detectProblems() },
      { name: 'complaint SLA', everyMs: 5 * 60 * 1000, run: () => aftersales.complaints.flagSlaBreaches() },
      {
        name: 'satisfaction surveys',
        everyMs: 15 * 60 * 1000,
        run: () => aftersales.surveys.sendDueSurveys(),
      },
      { name: 'risk escalations', everyMs: 5 * 60 * 1000, run: () => risk.cases.escalateOverdue() },
      { name: 'risk monitors', everyMs: 60_000, run: () => risk.monitors.evaluate() },
      { name: 'tracking feeds', everyMs: 10 * 60 * 1000, run: () => logistics.tracking.pollConfigured() },
      // Each channel is pulled on its own interval; this only checks which are due.
      {
        name: 'channel reconciliation',
        everyMs: 60_000,
        run: () => channels.reconciliation.pullDueChannels(),
      },
      { name: 'notifications', everyMs: 30_000, run: () => service.notifications.wake() },
      {
        name: 'order completion',
        everyMs: 10 * 60 * 1000,
        run: () => service.completion.completeDueOrders(),
      },
      { name: 'channel sync back', everyMs: 5_000, run: () => channels.syncBack.flush() },
      { name: 'insights summaries', everyMs: 60_000, run: () => insights.summaries.refresh() },
      // Weekly meeting: Friday preparation, reminders, late minutes, owners' reminders, KPI checks.
      { name: 'training reminders', everyMs: 60 * 60 * 1000, run: () => training.records.sendReminders() },
      { name: 'weekly meeting', everyMs: 15 * 60 * 1000, run: () => review.runScheduled() },
      // Seen by every API node's health page, wherever the worker runs.
      {
        name: 'worker heartbeat',
        everyMs: 10_000,
        run: () => recordWorkerHeartbeat(database, dispatcher.workerId),
      },
      // Scheduled backups with retention (ORDO_BACKUP_DIR; docs/operations.md).
      ...(config.backup.dir
        ? [
            {
              name: 'backup',
              everyMs: config.backup.everyHours * 60 * 60 * 1000,
              run: () => runScheduledBackup(database, { dir: config.backup.dir!, keep: config.backup.keep }),
            },
          ]
        : []),
    ],
    logger,
  );
  let isWorkerRunning = false;
  const outbox = createOutboxAdmin({ database, now: () => clock.now() });
  return {
    config,
    clock,
    logger,
    database,
    metrics,
    staff,
    catalog,
    inventory,
    orders,
    allocator,
    fulfilment,
    logistics,
    channels,
    fileImports,
    service,
    insights,
    performance,
    evaluations,
    training,
    /** Where analytics read: the replica (DATABASE_READ_URL) or the main database. */
    readDatabase,
    review,
    aftersales,
    risk,
    mailer,
    dispatcher,
    scheduler,
    outbox,
    /** Starts the intake threads ahead of the first batch (`ordo serve`). */
    startIntakeThreads() {
      intakePool?.start();
    },
    /** Starts what `ordo worker` runs: outbox delivery and scheduled jobs. */
    /** Whether this process runs the worker (inline in `serve`, or `ordo worker`). */
    isWorkerRunning: () => isWorkerRunning,
    startWorker() {
      isWorkerRunning = true;
      void recordWorkerHeartbeat(database, dispatcher.workerId).catch(() => {});
      dispatcher.start();
      scheduler.start();
    },
    async close() {
      await scheduler.stop();
      await dispatcher.stop();
      await fileImports.imports.whenIdle();
      await service.notifications.whenIdle();
      await intakePool?.close();
      if (readDatabase !== database) await readDatabase.close();
      await database.close();
    },
  };
}

/** One outbox handler per event that may mean a customer message. */
function customerNotificationHandlers(service: ReturnType<typeof createService>) {
  const handlers = {} as { [T in NotifyingEvent]: EventHandler<T>[] };
  for (const type of notifyingEvents) {
    (handlers as Record<string, EventHandler[]>)[type] = [
      (event) => service.notifications.notifyForEvent(type, event.payload as never),
    ];
  }
  return handlers;
}

export type App = Awaited<ReturnType<typeof createApp>>;
