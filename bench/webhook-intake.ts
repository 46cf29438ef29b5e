/**
 * Webhook intake benchmark: signed Shopify `orders/create` webhooks through
 * `POST /api/v1/channels/{id}/webhook` against the canonical single-order `POST /api/v1/orders`,
 * on the same server, the same orders (as each platform sends them), the same clients, in
 * alternating rounds. The ratio webhook / canonical is the figure (target ≥ 0.5): the webhook
 * path adds the signature check over the raw body, the exact-integer parse, the delivery row
 * and the mapping.
 *
 *   npm run bench -- webhook-intake [--quick] [--db sqlite|postgres]
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { CanonicalOrder } from '../src/contracts/orders.ts';
import { signBody } from '../src/modules/channels/index.ts';
import { withCleanup } from './support/cleanup.ts';
import { runConcurrently } from './support/http.ts';
import { progress, timed } from './support/measure.ts';
import { benchSkus, formatMinor, OrderFactory } from './support/orders.ts';
import {
  buildServerBundle,
  bundlePath,
  type DatabaseKind,
  freshServerEnv,
  repoRoot,
  ServerProcess,
} from './support/server.ts';

const secret = 'bench-shopify-signing-secret-0123456789';
const plans = {
  full: { warmup: 500, perRound: 1000, rounds: 5, clients: 16 },
  quick: { warmup: 100, perRound: 300, rounds: 1, clients: 16 },
};

/** The order as Shopify's `orders/create` webhook carries it (ids beyond 2^53, as Shopify's). */
function shopifyPayload(order: CanonicalOrder, n: number): string {
  const address = order.shippingAddress!;
  const id = `8209829119${String(n).padStart(8, '0')}`;
  const lines = order.lines.map(
    (l, i) =>
      `{"id":${id}${i},"variant_id":${4470000000000 + i},"sku":${JSON.stringify(l.sku)},"name":"${l.sku}","quantity":${l.quantity},"price":"${l.unitPrice}","discount_allocations":[]}`,
  );
  const body = {
    email: order.customer?.email,
    created_at: order.placedAt,
    updated_at: order.placedAt,
    currency: order.currency,
    presentment_currency: order.currency,
    total_price: order.total,
    subtotal_price: formatMinor(
      order.lines.reduce((s, l) => s + l.quantity * Math.round(Number(l.unitPrice) * 100), 0) -
        Math.round(Number(order.discount) * 100),
    ),
    total_discounts: order.discount,
    total_tax: '0.00',
    taxes_included: true,
    financial_status: 'paid',
    gateway: 'alipay',
    processed_at: order.payment?.paidAt,
    phone: order.customer?.phone,
    customer: { first_name: order.customer?.name, last_name: null, phone: order.customer?.phone },
    shipping_address: {
      name: address.name,
      phone: address.phone,
      country_code: address.country,
      province: address.province,
      city: address.city,
      address1: `${address.district ?? ''}${address.line1}`,
      address2: null,
      zip: address.postalCode,
    },
    shipping_lines: [{ title: 'Standard', price: order.shippingFee }],
    note: null,
    tags: '',
    cancelled_at: null,
  };
  // The id goes in as a bare big integer, as Shopify sends it.
  return `{"id":${id},${JSON.stringify(body).slice(1, -1)},"line_items":[${lines.join(',')}]}`;
}

function adminKey(env: NodeJS.ProcessEnv): Promise<string> {
  const args = [bundlePath, 'apikey', 'create', '--name', 'bench-admin', '--role', 'admin'];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: repoRoot, env }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    ),
  );
}

function sender(base: URL, clients: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const post = (path: string, body: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        new URL(path, base),
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (c) => {
            text += c;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  return { post, close: () => agent.destroy() };
}

async function benchDatabase(
  kind: DatabaseKind,
  plan: (typeof plans)['full'],
  print: (line: string) => void,
) {
  await withCleanup(async (cleanup) => {
    const env = await freshServerEnv(kind, cleanup);
    env.ORDO_WORKER = 'off'; // an API node, as in the ingest benchmark
    const server = await ServerProcess.start(env, cleanup, { label: `webhook-${kind}` });
    const key = await adminKey(env);
    const auth = { authorization: `Bearer ${key}` };
    const send = sender(server.url, plan.clients);
    for (const sku of benchSkus) {
      const reply = await send.post(
        '/api/v1/skus',
        JSON.stringify({ code: sku.code, name: sku.name, price: formatMinor(sku.priceMinor) }),
        auth,
      );
      if (reply.status !== 201) throw new Error(`POST /skus: ${reply.status} ${reply.body}`);
    }
    const channel = await send.post(
      '/api/v1/channels',
      JSON.stringify({
        id: 'shop',
        name: 'Shopify',
        kind: 'web',
        connector: 'shopify',
        webhookSecret: secret,
      }),
      auth,
    );
    if (channel.status !== 201) throw new Error(`POST /channels: ${channel.status} ${channel.body}`);

    const factory = new OrderFactory(`wh-${kind}`, 13);
    let n = 0;
    // Bodies and signatures are made before the clock starts, as a platform has them ready.
    const canonical = (count: number) => factory.take(count).map((o) => JSON.stringify(o));
    const webhooks = (count: number) =>
      factory.take(count).map((o) => {
        n += 1;
        const body = shopifyPayload(o, n);
        return {
          body,
          headers: {
            'x-shopify-hmac-sha256': signBody(secret, body),
            'x-shopify-topic': 'orders/create',
            'x-shopify-webhook-id': `bench-${kind}-${n}`,
          },
        };
      });
    const postCanonical = (bodies: string[]) =>
      runConcurrently(bodies.length, plan.clients, async (i) => {
        const reply = await send.post('/api/v1/orders', bodies[i], auth);
        if (reply.status !== 201)
          throw new Error(`POST /orders: ${reply.status} ${reply.body.slice(0, 300)}`);
      });
    const postWebhooks = (items: ReturnType<typeof webhooks>) =>
      runConcurrently(items.length, plan.clients, async (i) => {
        const reply = await send.post('/api/v1/channels/shop/webhook', items[i].body, items[i].headers);
        const result = reply.status === 200 ? (JSON.parse(reply.body) as { outcome: string }) : null;
        if (result?.outcome !== 'created')
          throw new Error(`webhook: ${reply.status} ${reply.body.slice(0, 300)}`);
      });

    progress(`${kind}: warm-up`);
    await postCanonical(canonical(plan.warmup));
    await postWebhooks(webhooks(plan.warmup));
    const ratios: number[] = [];
    for (let round = 1; round <= plan.rounds; round++) {
      const c = canonical(plan.perRound);
      const w = webhooks(plan.perRound);
      const single = await timed(c.length, () => postCanonical(c));
      const hook = await timed(w.length, () => postWebhooks(w));
      const ratio = hook.perSecond / single.perSecond;
      ratios.push(ratio);
      progress(
        `${kind} round ${round}: canonical ${Math.round(single.perSecond)}/s, webhook ${Math.round(hook.perSecond)}/s, ratio ${ratio.toFixed(2)}`,
      );
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    print(
      `webhook-intake ${kind}: signed Shopify webhook / canonical single POST = ${median.toFixed(2)} (median of ${ratios.length} rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≥ 0.50)`,
    );
    send.close();
    await server.stop();
  });
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { quick: { type: 'boolean', default: false }, db: { type: 'string' } },
  });
  const kinds: DatabaseKind[] = values.db ? [values.db as DatabaseKind] : ['sqlite', 'postgres'];
  const plan = values.quick ? plans.quick : plans.full;
  console.log(
    `# webhook-intake ${values.quick ? 'quick' : 'full'} run ${new Date().toISOString()}; node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`,
  );
  progress('npm run build:server');
  await buildServerBundle();
  for (const kind of kinds) await benchDatabase(kind, plan, (line) => console.log(line));
}
