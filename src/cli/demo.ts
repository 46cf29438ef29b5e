import cliProgress from 'cli-progress';
import type { App } from '../app.ts';
import { catalogRepository } from '../modules/catalog/catalog.repository.ts';
import { createInventory, type Inventory } from '../modules/inventory/index.ts';
import { createOrders } from '../modules/orders/index.ts';
import type { Actor } from '../platform/actor.ts';
import { fixedClock } from '../platform/clock.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import {
  type CanonicalOrderInput,
  type DemoCancellation,
  type DemoShop,
  demoCancellations,
  generateDemoShop,
} from './demo-data/index.ts';
import { planDemoSupply } from './demo-data/supply.ts';
import { importDemoHistory } from './demo-history.ts';
import { demoShipping, setUpLogistics } from './demo-logistics.ts';
import {
  countSouthWarehouse,
  placeStockInBins,
  type SupplyTimeline,
  setUpSupply,
  supplyTimeline,
} from './demo-supply.ts';
import { demoPassword, demoStaff, exposeRules, workTheQueue } from './demo-work.ts';

const demoActor = { type: 'system' as const, id: null, name: 'demo' };
const dayMs = 24 * 60 * 60 * 1000;
/** Demo days run from midnight to midnight in Shanghai (UTC+8), like the shop's own. */
const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
const batchSpanMs = 60 * 60 * 1000;
/** The warehouse ships what is allocated at 15:00, before the carriers' pick-up. */
const shippingHourMs = 15 * 60 * 60 * 1000;

const cancellableStatuses = ['pending_review', 'approved', 'allocated', 'backordered'];

type DemoOrders = ReturnType<typeof createOrders>;
type DemoClock = ReturnType<typeof fixedClock>;

/**
 * `ordo demo`: a realistic shop. Orders go through the real intake with the clock set to just
 * after each order was placed, and day by day the team works the queue and allocation reserves
 * stock, while purchase orders arrive on their dates, so timelines, holds, the stock ledger and
 * dashboards look like eight real weeks. Running it again adds nothing twice (SKUs, warehouses
 * and suppliers by code, orders by channel + external id, purchase orders by supplier and note).
 */
export async function runDemo(app: App, options: { orderCount: number; seed: number }): Promise<void> {
  const now = app.clock.now();
  const shop = generateDemoShop({ seed: options.seed, now, orderCount: options.orderCount });
  const supply = planDemoSupply(shop, { now, seed: options.seed });
  await addChannelsAndSkus(app, shop);
  // The year before the live weeks, through the history import: a last year for the reports.
  const history = await importDemoHistory(app, shop, { now, seed: options.seed });
  const clock = fixedClock(now);
  const { publicUrl } = app.config;
  const inventory = createInventory({
    database: app.database,
    clock,
    mailer: app.mailer,
    publicUrl,
    backorderedUnits: () => orders.allocation.backorderedUnits(),
  });
  const orders = createOrders({
    database: app.database,
    clock,
    catalog: app.catalog,
    inventory,
    mailer: app.mailer,
    publicUrl,
  });
  const exposed = exposeRules(shop.orders);
  await blockPhones(app, orders, exposed.blockedPhones);
  const actors = await demoActors(app);
  await setUpSupply(app, inventory, clock, supply, actors['chen.jie']);
  await setUpLogistics(app, orders, clock, actors['chen.jie']);
  const shipping = demoShipping(app, clock, { warehouse: actors['zhao.lei'] });
  const shipTheDay = async (at: number) => {
    await timeline.runUntil(new Date(at).toISOString());
    await placeStockInBins(app, inventory, actors['zhao.lei']);
    await shipping.shipTheDay(at);
  };
  const timeline = await supplyTimeline(app, { inventory, orders, clock }, supply, {
    buyer: actors['chen.jie'],
    receiver: actors['zhao.lei'],
  });
  const placed = exposed.orders
    .filter((o) => o.placedAt <= now.toISOString())
    .sort((a, b) => a.placedAt.localeCompare(b.placedAt));
  const result = await runTheDays(
    app,
    { orders, clock, timeline, actors, shipTheDay },
    placed,
    demoCancellations(shop, 11),
  );
  await timeline.runUntil(now.toISOString());
  await shipping.pushScans(now.getTime());
  clock.set(now);
  await orders.allocation.allocateApproved();
  await placeStockInBins(app, inventory, actors['zhao.lei']);
  result.shipped = shipping.shippedCount();
  await countSouthWarehouse(app, inventory, clock, actors['zhao.lei']);
  await inventory.plans.recompute();
  await printSummary(app, inventory, shop, result);
  console.log(
    `history: ${history.created} past orders imported (the year before), ${history.duplicate} already present`,
  );
}

type DayResult = {
  counts: Record<'created' | 'duplicate' | 'rejected', number>;
  work: { released: number; paid: number; reviewed: number };
  cancelled: number;
  shipped: number;
};

/**
 * The eight weeks, one Shanghai day at a time: supply steps as they fall due, the day's orders
 * as they arrive (each batch allocated at once, as the worker would), then the day's
 * cancellations and queue work, and allocation of what the team approved.
 */
async function runTheDays(
  app: App,
  parts: {
    orders: DemoOrders;
    clock: DemoClock;
    timeline: SupplyTimeline;
    actors: Record<string, Actor>;
    shipTheDay: (at: number) => Promise<void>;
  },
  placed: CanonicalOrderInput[],
  cancellations: DemoCancellation[],
): Promise<DayResult> {
  const { orders, clock, timeline, actors, shipTheDay } = parts;
  const result: DayResult = {
    counts: { created: 0, duplicate: 0, rejected: 0 },
    work: { released: 0, paid: 0, reviewed: 0 },
    cancelled: 0,
    shipped: 0,
  };
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(placed.length, 0);
  const cancelledOn = cancellationsByDay(placed, cancellations);
  // The last two days' orders are left for the warehouse to wave, pick, pack and ship.
  const lastShippingDay = shanghaiDay(app.clock.now().toISOString()) - 2 * dayMs;
  for (const [day, dayOrders] of ordersByDay(placed)) {
    const shipsAt = day + shippingHourMs;
    let hasShipped = day > lastShippingDay;
    for (const chunk of arrivalBatches(dayOrders)) {
      if (!hasShipped && chunk[0].placedAt >= new Date(shipsAt).toISOString()) {
        await shipTheDay(shipsAt);
        hasShipped = true;
      }
      await timeline.runUntil(chunk[0].placedAt);
      clock.set(new Date(Date.parse(chunk[chunk.length - 1].placedAt) + 45_000));
      for (const r of await orders.intake.receiveBatch(demoActor, chunk)) result.counts[r.outcome] += 1;
      await orders.allocation.allocateApproved();
      bar?.increment(chunk.length);
    }
    if (!hasShipped) await shipTheDay(shipsAt);
    const window = { from: new Date(day).toISOString(), before: new Date(day + dayMs).toISOString() };
    result.cancelled += await cancelSome(app, orders, clock, cancelledOn.get(day) ?? []);
    const work = await workTheQueue(app, orders, clock, actors, window);
    for (const key of ['released', 'paid', 'reviewed'] as const) result.work[key] += work[key];
    clock.set(new Date(Math.min(day + dayMs, app.clock.now().getTime())));
    await orders.allocation.allocateApproved();
  }
  bar?.stop();
  return result;
}

/**
 * The day's orders as intake receives them: what arrived within an hour, at most 50 at a time,
 * so each order's status history and stock reservation fall shortly after it was placed.
 */
function arrivalBatches(orders: CanonicalOrderInput[]): CanonicalOrderInput[][] {
  const batches: CanonicalOrderInput[][] = [];
  for (const order of orders) {
    const last = batches.at(-1);
    const isSameHour = last && Date.parse(order.placedAt) - Date.parse(last[0].placedAt) < batchSpanMs;
    if (last && isSameHour && last.length < 50) last.push(order);
    else batches.push([order]);
  }
  return batches;
}

const shanghaiDay = (at: string) =>
  Math.floor((Date.parse(at) + shanghaiOffsetMs) / dayMs) * dayMs - shanghaiOffsetMs;

function ordersByDay(placed: CanonicalOrderInput[]): Map<number, CanonicalOrderInput[]> {
  return groupBy(placed, (order) => shanghaiDay(order.placedAt));
}

/** Each cancellation on the day its order was placed (customers cancel within hours). */
function cancellationsByDay(placed: CanonicalOrderInput[], cancellations: DemoCancellation[]) {
  const placedAt = new Map(placed.map((o) => [`${o.channel}\u0000${o.externalId}`, o.placedAt]));
  const known = cancellations.filter((c) => placedAt.has(`${c.channel}\u0000${c.externalId}`));
  return groupBy(known, (c) => shanghaiDay(placedAt.get(`${c.channel}\u0000${c.externalId}`)!));
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

async function printSummary(app: App, inventory: Inventory, shop: DemoShop, result: DayResult) {
  const statuses = await app.database.db
    .selectFrom('orders')
    .select('status')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['allocated', 'backordered'])
    .groupBy('status')
    .execute();
  const countOf = (status: string) => Number(statuses.find((s) => s.status === status)?.n ?? 0);
  const [warehouses, suppliers, onTheWay, overdue, alerts] = await Promise.all([
    inventory.warehouses.list(),
    inventory.suppliers.list({ limit: 500 }),
    inventory.purchaseOrders.list({ status: 'sent', limit: 500 }),
    inventory.purchaseOrders.list({ isOverdue: 'true', limit: 500 }),
    inventory.alerts.openCount(),
  ]);
  const { counts, work } = result;
  console.log(`channels: ${shop.channels.length}, SKUs: ${shop.skus.length}`);
  console.log(
    `review work: ${work.paid} paid later, ${work.released} released by people, ${work.reviewed} high-risk reviews`,
  );
  console.log(
    `demo users (password ${demoPassword}): ${demoStaff.map((u) => `${u.username} (${u.role})`).join(', ')}`,
  );
  console.log(
    `orders created: ${counts.created}, already present: ${counts.duplicate}, rejected: ${counts.rejected}, cancelled: ${result.cancelled}`,
  );
  console.log(
    `stock: ${warehouses.length} warehouses, ${suppliers.items.length} suppliers, purchase orders on the way: ${onTheWay.items.length} (${overdue.items.length} overdue)`,
  );
  console.log(`shipping: ${result.shipped} orders shipped with tracking; carriers and teams set up`);
  console.log(
    `allocation: ${countOf('allocated')} orders allocated, ${countOf('backordered')} backordered; low-stock alerts open: ${alerts.open}`,
  );
}

async function blockPhones(app: App, orders: DemoOrders, phones: readonly string[]): Promise<void> {
  const existing = new Set(
    (await app.database.db.selectFrom('blocklist').select('value').execute()).map((r) => r.value),
  );
  for (const phone of phones) {
    const entry = { kind: 'phone' as const, value: phone, note: 'chargebacks on earlier orders' };
    if (!existing.has(phone)) await orders.blocklist.add(demoActor, entry).catch(() => undefined);
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
  orders: DemoOrders,
  clock: DemoClock,
  cancellations: readonly DemoCancellation[],
): Promise<number> {
  let cancelled = 0;
  for (const c of cancellations) {
    const stored = await app.database.db
      .selectFrom('orders')
      .select(['id', 'status', 'placed_at'])
      .where('channel_id', '=', c.channel)
      .where('external_id', '=', c.externalId)
      .executeTakeFirst();
    // The warehouse may have been quicker than the customer: what has left is not cancelled.
    if (!stored || !cancellableStatuses.includes(stored.status)) continue;
    clock.set(new Date(Math.min(Date.parse(stored.placed_at) + 3 * 3600_000, app.clock.now().getTime())));
    await orders.edits.cancel({ ...demoActor, name: 'customer service' }, stored.id, c.reason);
    cancelled += 1;
  }
  return cancelled;
}
