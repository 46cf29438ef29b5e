import cliProgress from 'cli-progress';
import type { App } from '../app.ts';
import { catalogRepository } from '../modules/catalog/catalog.repository.ts';
import { createOrders } from '../modules/orders/index.ts';
import type { Actor } from '../platform/actor.ts';
import { fixedClock } from '../platform/clock.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { demoCancellations, generateDemoShop } from './demo-data/index.ts';
import { demoPassword, demoStaff, exposeRules, workTheQueue } from './demo-work.ts';

const demoActor = { type: 'system' as const, id: null, name: 'demo' };

/**
 * `ordo demo`: a realistic shop. Orders go through the real intake with the clock set to just
 * after each order was placed, so timelines, holds and dashboards look like eight real weeks.
 * Running it again adds nothing twice (SKUs by code, orders by channel + external id).
 */
export async function runDemo(app: App, options: { orderCount: number; seed: number }): Promise<void> {
  const shop = generateDemoShop({ seed: options.seed, now: app.clock.now(), orderCount: options.orderCount });
  await addChannelsAndSkus(app, shop);
  const clock = fixedClock(app.clock.now());
  const orders = createOrders({
    database: app.database,
    clock,
    catalog: app.catalog,
    inventory: app.inventory,
    mailer: app.mailer,
    publicUrl: app.config.publicUrl,
  });
  const exposed = exposeRules(shop.orders);
  await blockPhones(app, orders, exposed.blockedPhones);
  const actors = await demoActors(app);
  const sorted = exposed.orders
    .filter((o) => o.placedAt <= app.clock.now().toISOString())
    .sort((a, b) => a.placedAt.localeCompare(b.placedAt));
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(sorted.length, 0);
  const counts = { created: 0, duplicate: 0, rejected: 0 };
  for (let start = 0; start < sorted.length; start += 50) {
    const chunk = sorted.slice(start, start + 50);
    clock.set(new Date(Date.parse(chunk[chunk.length - 1].placedAt) + 45_000));
    for (const result of await orders.receiveOrders(demoActor, chunk)) counts[result.outcome] += 1;
    bar?.update(start + chunk.length);
  }
  bar?.stop();
  const cancelled = await cancelSome(app, orders, clock, shop);
  const work = await workTheQueue(app, orders, clock, actors);
  console.log(`channels: ${shop.channels.length}, SKUs: ${shop.skus.length}`);
  console.log(
    `review work: ${work.paid} paid later, ${work.released} released by people, ${work.reviewed} high-risk reviews`,
  );
  console.log(
    `demo users (password ${demoPassword}): ${demoStaff.map((u) => `${u.username} (${u.role})`).join(', ')}`,
  );
  console.log(
    `orders created: ${counts.created}, already present: ${counts.duplicate}, rejected: ${counts.rejected}, cancelled: ${cancelled}`,
  );
}

async function blockPhones(
  app: App,
  orders: ReturnType<typeof createOrders>,
  phones: readonly string[],
): Promise<void> {
  const existing = new Set(
    (await app.database.db.selectFrom('blocklist').select('value').execute()).map((r) => r.value),
  );
  for (const phone of phones) {
    const entry = { kind: 'phone' as const, value: phone, note: 'chargebacks on earlier orders' };
    if (!existing.has(phone)) await orders.addEntry(demoActor, entry).catch(() => undefined);
  }
}

/** The demo team's users (created once) and the actors their demo work is recorded under. */
async function demoActors(app: App): Promise<Record<string, Actor>> {
  const actors: Record<string, Actor> = { channel: { type: 'system', id: null, name: 'payment gateway' } };
  for (const person of demoStaff) {
    let user = await app.database.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', '=', person.username)
      .executeTakeFirst();
    if (!user) user = await app.staff.createUser(demoActor, { ...person, password: demoPassword });
    actors[person.username] = { type: 'user', id: user.id, name: user.username };
  }
  return actors;
}

async function addChannelsAndSkus(app: App, shop: ReturnType<typeof generateDemoShop>): Promise<void> {
  const now = app.clock.now();
  await inTransaction(app.database, async (tx) => {
    for (const channel of shop.channels) {
      if (!(await catalogRepository.findChannel(tx, channel.id))) {
        await catalogRepository.insertChannel(tx, {
          ...channel,
          is_active: 1,
          created_at: now.toISOString(),
        });
      }
    }
    for (const sku of shop.skus) {
      if (!(await catalogRepository.findSkuByCode(tx, sku.code)))
        await app.catalog.skus.insertSku(tx, demoActor, now, sku);
    }
  });
}

async function cancelSome(
  app: App,
  orders: ReturnType<typeof createOrders>,
  clock: ReturnType<typeof fixedClock>,
  shop: ReturnType<typeof generateDemoShop>,
): Promise<number> {
  let cancelled = 0;
  for (const c of demoCancellations(shop, 11)) {
    const stored = await app.database.db
      .selectFrom('orders')
      .select(['id', 'status', 'placed_at'])
      .where('channel_id', '=', c.channel)
      .where('external_id', '=', c.externalId)
      .executeTakeFirst();
    if (!stored || stored.status === 'cancelled') continue;
    clock.set(new Date(Math.min(Date.parse(stored.placed_at) + 3 * 3600_000, app.clock.now().getTime())));
    await orders.cancelOrder({ ...demoActor, name: 'customer service' }, stored.id, c.reason);
    cancelled += 1;
  }
  return cancelled;
}
