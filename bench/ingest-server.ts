/** The server side of the ingest benchmark: the real CLI in a child process, driven over HTTP. */
import type { CanonicalOrder } from '../src/contracts/orders.ts';
import { countOf, type Plan, type Workload } from './ingest-workload.ts';
import type { Cleanup } from './support/cleanup.ts';
import { expectStatus, type JsonClient, runConcurrently } from './support/http.ts';
import { progress, type Throughput, timed } from './support/measure.ts';
import { benchSkus, formatMinor, OrderFactory } from './support/orders.ts';
import { settlePostgres } from './support/postgres.ts';
import { type DatabaseKind, freshServerEnv, ServerProcess } from './support/server.ts';

export interface ServerRunOptions {
  plan: Plan;
  /** Where each server writes its CPU profile, when profiling. */
  profileDir?: string;
}

/** `timed`, plus the server's CPU time per order and a progress line with it. */
async function timedOnServer(server: ServerProcess, what: string, orders: number, work: () => Promise<void>) {
  const cpuBefore = server.cpuSeconds();
  const throughput = await timed(orders, work);
  const serverCpuMsPerOrder = ((server.cpuSeconds() - cpuBefore) * 1000) / orders;
  progress(
    `${what}: ${Math.round(throughput.perSecond)} orders/s, server CPU ${serverCpuMsPerOrder.toFixed(2)} ms/order`,
  );
  return { ...throughput, serverCpuMsPerOrder };
}

async function createSkus(client: JsonClient): Promise<void> {
  for (const sku of benchSkus) {
    const reply = await client.post(
      '/api/v1/skus',
      JSON.stringify({ code: sku.code, name: sku.name, price: formatMinor(sku.priceMinor) }),
    );
    expectStatus(reply, 201, `POST /api/v1/skus ${sku.code}`);
  }
}

async function startBenchServer(
  kind: DatabaseKind,
  cleanup: Cleanup,
  options: ServerRunOptions,
  label: string,
  role: 'api' | 'default',
) {
  const env = await freshServerEnv(kind, cleanup);
  // Throughput is measured on an API node (`ORDO_WORKER=off`, as in a scaled deployment): the
  // bound writes intake's rows and nothing else, while an inline worker would at the same time
  // deliver every order.received and allocate each order (measured by `bench -- inventory`).
  if (role === 'api') env.ORDO_WORKER = 'off';
  const server = await ServerProcess.start(env, cleanup, { cpuProfileDir: options.profileDir, label });
  const apiKey = await server.createApiKey();
  const setup = server.client(apiKey, 1);
  await createSkus(setup);
  setup.close();
  return { server, apiKey };
}

/** POSTs each order on its own; every one must be created and pass the audit. */
function postSingles(client: JsonClient, bodies: string[], clients: number): Promise<void> {
  return runConcurrently(bodies.length, clients, async (i) => {
    const reply = await client.post('/api/v1/orders', bodies[i]);
    expectStatus(reply, 201, 'POST /api/v1/orders');
    const { status } = JSON.parse(reply.body) as { status: string };
    if (status !== 'approved')
      throw new Error(`an order was stored as ${status}, expected approved: ${reply.body.slice(0, 300)}`);
  });
}

async function postBatch(client: JsonClient, body: string, size: number): Promise<void> {
  const reply = await client.post('/api/v1/orders/batch', body);
  expectStatus(reply, 200, 'POST /api/v1/orders/batch');
  const { summary, results } = JSON.parse(reply.body) as {
    summary: { created: number };
    results: { order?: { status: string } }[];
  };
  const approved = results.filter((r) => r.order?.status === 'approved').length;
  if (summary.created !== size || approved !== size) {
    throw new Error(
      `a batch of ${size} created ${summary.created}, approved ${approved}: ${reply.body.slice(0, 300)}`,
    );
  }
}

function postBatches(client: JsonClient, bodies: string[], sizes: number[], clients: number): Promise<void> {
  return runConcurrently(bodies.length, clients, (i) => postBatch(client, bodies[i], sizes[i]));
}

/** The server side of the throughput cases: one server, measured phase by phase between bound phases. */
export interface ServerRun {
  /** Orders no clock sees: every code path and connection has run before the first phase. */
  warmUp(workload: Pick<Workload, 'warmup' | 'warmupBatches'>): Promise<void>;
  single(orders: CanonicalOrder[]): Promise<Throughput>;
  batch(groups: CanonicalOrder[][]): Promise<Throughput>;
  /** Leaves nothing behind that would run during the bound's turn (see settlePostgres). */
  settle(): Promise<void>;
  peakMb(): number;
  stop(): Promise<void>;
}

export async function openServerRun(
  kind: DatabaseKind,
  options: ServerRunOptions,
  cleanup: Cleanup,
): Promise<ServerRun> {
  const { plan } = options;
  progress(`${kind}: server`);
  const { server, apiKey } = await startBenchServer(kind, cleanup, options, kind, 'api');
  const client = server.client(apiKey, plan.clients);
  // Serialised before the clock starts: the load generator shares the 2 cores with the server.
  const singles = (orders: CanonicalOrder[]) => orders.map((o) => JSON.stringify(o));
  const batches = (groups: CanonicalOrder[][]) => groups.map((orders) => JSON.stringify({ orders }));
  const sizes = (groups: CanonicalOrder[][]) => groups.map((g) => g.length);
  return {
    async warmUp(workload) {
      await postSingles(client, singles(workload.warmup), plan.clients);
      const groups = workload.warmupBatches;
      await postBatches(client, batches(groups), sizes(groups), plan.batchClients);
    },
    single(orders) {
      const bodies = singles(orders);
      return timedOnServer(server, `${kind} single`, bodies.length, () =>
        postSingles(client, bodies, plan.clients),
      );
    },
    batch(groups) {
      const bodies = batches(groups);
      return timedOnServer(server, `${kind} batch`, countOf(groups), () =>
        postBatches(client, bodies, sizes(groups), plan.batchClients),
      );
    },
    settle: () => settlePostgres(server.env.DATABASE_URL),
    peakMb: () => server.memory().peakMb,
    async stop() {
      client.close();
      await server.stop();
    },
  };
}

// ---- memory after many orders ----

/** Heap figures from the server's Prometheus endpoint: tells a growing heap from a leak elsewhere. */
async function heapMb(client: JsonClient): Promise<Record<string, number>> {
  const reply = await client.get('/metrics');
  expectStatus(reply, 200, 'GET /metrics');
  const names = [
    'nodejs_heap_size_used_bytes',
    'nodejs_heap_size_total_bytes',
    'nodejs_external_memory_bytes',
  ];
  const figures: Record<string, number> = {};
  for (const name of names) {
    const value = new RegExp(`^\\w*${name} ([\\d.e+]+)`, 'm').exec(reply.body)?.[1];
    if (value) figures[name.replace(/^nodejs_|_bytes$/g, '')] = Math.round(Number(value) / 2 ** 20);
  }
  return figures;
}

/** Outbox events the server's worker has delivered so far (all types and outcomes). */
async function deliveredEvents(client: JsonClient): Promise<number> {
  const reply = await client.get('/metrics');
  expectStatus(reply, 200, 'GET /metrics');
  let total = 0;
  for (const match of reply.body.matchAll(/^ordo_outbox_delivered_total(?:\{[^}]*\})? ([\d.e+]+)$/gm))
    total += Number(match[1]);
  return total;
}

/**
 * Waits until the worker has delivered the events of every order taken (no delivery for two
 * seconds), at most a minute: memory "after 100,000 orders" is read once they are processed,
 * not while the worker is still allocating the last batches. Returns the seconds waited.
 */
async function waitUntilWorkerIsIdle(client: JsonClient): Promise<number> {
  const start = performance.now();
  let last = await deliveredEvents(client);
  let quietPolls = 0;
  while (quietPolls < 4 && performance.now() - start < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await deliveredEvents(client);
    quietPolls = now === last ? quietPolls + 1 : 0;
    last = now;
  }
  return (performance.now() - start) / 1000;
}

/** Memory of the server after `orders` orders, with its heap as Prometheus reports it. */
async function sampleMemory(server: ServerProcess, client: JsonClient, orders: number) {
  const sample = { orders, ...server.memory(), ...(await heapMb(client)) };
  progress(`sqlite memory after ${orders} orders: ${JSON.stringify(sample)}`);
  return sample;
}

export async function measureRss(options: ServerRunOptions, cleanup: Cleanup) {
  const { plan } = options;
  progress(`sqlite: memory check, ${plan.rssOrders} orders`);
  // Memory is checked on `ordo serve` as shipped, its worker included.
  const { server, apiKey } = await startBenchServer('sqlite', cleanup, options, 'rss-sqlite', 'default');
  const client = server.client(apiKey, plan.batchClients);
  const factory = new OrderFactory('rss', 11);
  const batchCount = Math.ceil(plan.rssOrders / plan.batchSize);
  // Memory is sampled four times on the way: a plateau is a big heap, a steady climb a leak.
  const sentAfter = (segment: number) => Math.round((batchCount * segment) / 4);
  const samples = [];
  const cpuBefore = server.cpuSeconds();
  const start = performance.now();
  for (let segment = 1; segment <= 4; segment++) {
    // Bodies are made as they are sent rather than held: 100,000 orders are about 100 MB of JSON.
    await runConcurrently(sentAfter(segment) - sentAfter(segment - 1), plan.batchClients, () =>
      postBatch(client, JSON.stringify({ orders: factory.take(plan.batchSize) }), plan.batchSize),
    );
    samples.push(await sampleMemory(server, client, sentAfter(segment) * plan.batchSize));
  }
  const seconds = (performance.now() - start) / 1000;
  const drainSeconds = await waitUntilWorkerIsIdle(client);
  progress(`sqlite: worker idle ${drainSeconds.toFixed(1)} s after the last batch`);
  samples.push(await sampleMemory(server, client, batchCount * plan.batchSize));
  const orders = batchCount * plan.batchSize;
  const serverCpuMsPerOrder = ((server.cpuSeconds() - cpuBefore) * 1000) / orders;
  client.close();
  await server.stop();
  const { rssMb, peakMb } = samples[samples.length - 1];
  const result = { orders, seconds, perSecond: orders / seconds, serverCpuMsPerOrder, rssMb, peakMb };
  return { ...result, drainSeconds, samples };
}
