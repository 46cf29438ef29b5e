import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics; one registry per app so tests can run several apps in one process. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ordo_' });
  return {
    registry,
    ordersReceived: new Counter({
      name: 'ordo_orders_received_total',
      help: 'Orders offered to intake, by channel and outcome (created, duplicate, rejected)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    ordersTransitioned: new Counter({
      name: 'ordo_order_transitions_total',
      help: 'Order status changes, by target status',
      labelNames: ['to'] as const,
      registers: [registry],
    }),
    stageSeconds: new Histogram({
      name: 'ordo_intake_stage_seconds',
      help: 'Time spent per intake stage (validate, audit, store) per call',
      labelNames: ['stage'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    batchesTooLargeForThreads: new Counter({
      name: 'ordo_intake_batches_too_large_for_threads_total',
      help: 'Batches an intake thread could not hold in its heap, stored by the main thread instead (see ORDO_INTAKE_THREAD_HEAP_MB)',
      registers: [registry],
    }),
    outboxDelivered: new Counter({
      name: 'ordo_outbox_delivered_total',
      help: 'Outbox events delivered, by type and result (done, retry, dead)',
      labelNames: ['type', 'result'] as const,
      registers: [registry],
    }),
    channelDeliveries: new Counter({
      name: 'ordo_channel_deliveries_total',
      help: 'Channel webhook deliveries and pulled orders, by channel and outcome (created, updated, failed, …)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    channelSignatureFailures: new Counter({
      name: 'ordo_channel_signature_failures_total',
      help: 'Channel webhooks refused for a wrong or missing signature, by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    channelPulls: new Counter({
      name: 'ordo_channel_pulls_total',
      help: 'Reconciliation pulls from sales platforms, by channel and result (ok, failed)',
      labelNames: ['channel', 'result'] as const,
      registers: [registry],
    }),
    channelSyncPushes: new Counter({
      name: 'ordo_channel_sync_pushes_total',
      help: 'Pushes of stock and tracking to sales platforms, by channel, kind and outcome (ok, retry, failed, skipped)',
      labelNames: ['channel', 'kind', 'outcome'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
