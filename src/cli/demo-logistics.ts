import type { z } from 'zod';
import type { App } from '../app.ts';
import { type RateCardInput, type Shipment, serviceBody } from '../contracts/fulfilment.ts';
import { createFulfilment } from '../modules/fulfilment/index.ts';
import { createLogistics, signTrackingBody } from '../modules/logistics/index.ts';
import type { Orders } from '../modules/orders/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { fixedClock } from '../platform/clock.ts';

type DemoClock = ReturnType<typeof fixedClock>;
type ServiceInput = z.input<typeof serviceBody>;

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** Zhejiang, Jiangsu and Shanghai are next door to the warehouses: cheaper and a day faster. */
const nearProvinces = ['CN/浙江省', 'CN/江苏省', 'CN/上海市'];
const abroad = ['US', 'GB', 'DE', 'SG'];

function domesticCard(first: [string, string], extra: [string, string]): RateCardInput {
  return {
    zones: [
      { id: 'near', regions: nearProvinces },
      { id: 'cn', regions: ['CN'] },
    ],
    rates: [
      {
        zoneId: 'near',
        firstWeightGrams: 1000,
        firstPrice: first[0],
        extraWeightStepGrams: 1000,
        extraPrice: extra[0],
      },
      {
        zoneId: 'cn',
        firstWeightGrams: 1000,
        firstPrice: first[1],
        extraWeightStepGrams: 1000,
        extraPrice: extra[1],
      },
    ],
    volumetricDivisor: 6000,
  };
}

/** The carriers a shop in eastern China typically contracts, with their services and prices. */
export const demoCarriers: {
  code: string;
  name: string;
  trackingPrefix: string;
  contractNotes: string;
  services: ServiceInput[];
}[] = [
  {
    code: 'ZTO',
    name: '中通快递 / ZTO Express',
    trackingPrefix: 'ZT',
    contractNotes: 'Monthly settlement; pick-up 17:00 daily.',
    services: [
      {
        code: 'std',
        name: '标准快递 / Standard',
        kind: 'standard',
        rateCard: domesticCard(['6.00', '10.00'], ['1.00', '4.00']),
        maxWeightGrams: 30_000,
        transitDays: 2,
      },
    ],
  },
  {
    code: 'SF',
    name: '顺丰速运 / SF Express',
    trackingPrefix: 'SF',
    contractNotes: 'Next day in China; international via SF International.',
    services: [
      {
        code: 'express',
        name: '顺丰特快 / Express',
        kind: 'express',
        rateCard: domesticCard(['12.00', '23.00'], ['2.00', '12.00']),
        maxWeightGrams: 50_000,
        transitDays: 1,
      },
      {
        code: 'intl',
        name: '国际快递 / International express',
        kind: 'express',
        rateCard: {
          zones: [{ id: 'abroad', regions: abroad }],
          rates: [
            {
              zoneId: 'abroad',
              firstWeightGrams: 500,
              firstPrice: '120.00',
              extraWeightStepGrams: 500,
              extraPrice: '40.00',
            },
          ],
          volumetricDivisor: 5000,
        },
        maxWeightGrams: 30_000,
        transitDays: 5,
      },
      {
        code: 'same-day',
        name: '同城急送 / Same-day courier',
        kind: 'same_day',
        rateCard: {
          zones: [{ id: 'city', regions: ['CN/上海市/上海市', 'CN/浙江省/杭州市'] }],
          rates: [
            {
              zoneId: 'city',
              firstWeightGrams: 3000,
              firstPrice: '25.00',
              extraWeightStepGrams: 1000,
              extraPrice: '3.00',
            },
          ],
          volumetricDivisor: null,
        },
        maxWeightGrams: 10_000,
        dailyCapacity: 40,
        transitDays: 0,
      },
    ],
  },
  {
    code: 'DBL',
    name: '德邦物流 / Deppon freight',
    trackingPrefix: 'DPK',
    contractNotes: 'Bulky and heavy parcels; delivery to the door.',
    services: [
      {
        code: 'freight',
        name: '大件快递 / Heavy parcels',
        kind: 'freight',
        rateCard: domesticCard(['30.00', '45.00'], ['2.00', '3.00']),
        transitDays: 3,
      },
    ],
  },
];

/** The queue teams the default routing rules name (urgent orders, custom orders), with people in them. */
export const demoTeams = [
  { id: 'urgent', name: '加急订单 / Urgent orders', members: ['li.na'] },
  { id: 'custom', name: '定制订单 / Custom orders', members: ['tom.baker'] },
];

/**
 * Carriers, services and delivery rules through the logistics use-cases, and the queue teams
 * the routing rules name. Found by code, nothing is made twice.
 */
export async function setUpLogistics(
  app: App,
  orders: Orders,
  clock: DemoClock,
  manager: Actor,
): Promise<void> {
  const logistics = createLogistics({ database: app.database, clock });
  const existing = new Set((await logistics.carriers.list()).items.map((c) => c.code));
  for (const { services, ...carrier } of demoCarriers) {
    if (existing.has(carrier.code)) continue;
    await logistics.carriers.create(manager, {
      ...carrier,
      trackingRangeStart: 1,
      trackingRangeEnd: 9_999_999_999,
    });
    for (const service of services)
      await logistics.carriers.saveService(manager, carrier.code, serviceBody.parse(service));
  }
  await logistics.rules.update(manager, await logistics.rules.get());
  const teams = new Set((await orders.teams.list()).map((t) => t.id));
  for (const team of demoTeams) if (!teams.has(team.id)) await orders.teams.save(manager, team);
}

interface PendingEvent {
  at: number;
  carrierCode: string;
  event: { eventId: string; trackingNumber: string; status: string; occurredAt: string; location?: string };
}

/**
 * The warehouse's day: at 15:00 each warehouse's allocated orders go out as one wave, picked,
 * packed and shipped with the rules' choice of carrier; the carrier's scans follow over the
 * next days (pushed, signed, as carriers do), one parcel in eight arriving a day or two late.
 */
export function demoShipping(app: App, clock: DemoClock, actors: { warehouse: Actor }) {
  const fulfilment = createFulfilment({
    database: app.database,
    clock,
    allocateBackorders: (skuIds) => app.orders.allocation.allocateBackorders(skuIds),
  });
  const logistics = createLogistics({ database: app.database, clock });
  const pending: PendingEvent[] = [];
  let shipped = 0;

  async function shipWarehouse(warehouse: string): Promise<void> {
    const wave = await fulfilment.waves.create(actors.warehouse, {
      warehouse,
      maxOrders: 500,
      itemMix: 'any',
    });
    for (const line of wave.lines)
      await fulfilment.waves.recordPick(actors.warehouse, wave.id, {
        sku: line.sku,
        quantity: line.quantity,
        isShort: false,
      });
    const picked = await fulfilment.waves.get(wave.id);
    for (const order of picked.orders) {
      const view = await fulfilment.packing.view(order.id);
      if (view.status !== 'picking') continue;
      const scans = view.items.flatMap((item) => Array.from({ length: item.quantity }, () => item.sku));
      await fulfilment.packing.pack(actors.warehouse, order.id, {
        scans,
        weightGrams: 180 + 230 * scans.length,
      });
      const shipment = await logistics.shipments.ship(actors.warehouse, order.id, {}).catch(() => null);
      if (!shipment) continue;
      shipped += 1;
      scheduleScans(shipment);
    }
  }

  function scheduleScans(shipment: Shipment) {
    const shippedAt = Date.parse(shipment.shippedAt);
    const promised = Date.parse(shipment.promisedBy ?? shipment.shippedAt);
    const seq = shipped;
    // One in eight is late by a day or two; the rest arrive in the morning of the promised day or before.
    const lateDays = seq % 8 === 3 ? 1 + (seq % 2) : 0;
    const deliveredAt = Math.max(shippedAt + 6 * hourMs, promised - 6 * hourMs + lateDays * dayMs);
    const scan = (at: number, status: string, location: string) =>
      pending.push({
        at,
        carrierCode: shipment.carrier.code,
        event: {
          eventId: `${shipment.trackingNumber}-${status}`,
          trackingNumber: shipment.trackingNumber,
          status,
          occurredAt: new Date(at).toISOString(),
          location,
        },
      });
    scan(shippedAt + 2 * hourMs, 'in_transit', '嘉兴转运中心');
    scan(deliveredAt - 3 * hourMs, 'out_for_delivery', '派送中');
    scan(deliveredAt, 'delivered', '已签收');
  }

  /** The scans carriers have sent by `until`, as signed pushes. */
  async function pushScans(until: number): Promise<void> {
    const due = pending.filter((p) => p.at <= until);
    if (due.length === 0) return;
    pending.splice(0, pending.length, ...pending.filter((p) => p.at > until));
    const secrets = new Map(
      (await app.database.db.selectFrom('carriers').select(['code', 'tracking_secret']).execute()).map(
        (c) => [c.code, c.tracking_secret],
      ),
    );
    for (const [code, events] of groupByCarrier(due)) {
      const body = Buffer.from(JSON.stringify({ events }));
      const signature = `sha256=${signTrackingBody(secrets.get(code) ?? '', body)}`;
      clock.set(new Date(Math.max(...events.map((e) => Date.parse(e.occurredAt))) + 60_000));
      await logistics.tracking.receivePush(code, body, signature);
    }
  }

  return {
    /** Ships every warehouse's allocated orders at 15:00 of the day starting at `dayStart`. */
    async shipTheDay(dayStart: number): Promise<void> {
      await pushScans(dayStart + 15 * hourMs);
      clock.set(new Date(dayStart + 15 * hourMs));
      for (const { code } of await app.inventory.warehouses.list())
        await shipWarehouse(code).catch((error: unknown) => {
          if ((error as { code?: string }).code !== 'NOTHING_TO_WAVE') throw error;
        });
    },
    pushScans,
    shippedCount: () => shipped,
  };
}

function groupByCarrier(due: readonly PendingEvent[]): Map<string, PendingEvent['event'][]> {
  const groups = new Map<string, PendingEvent['event'][]>();
  for (const p of due) groups.set(p.carrierCode, [...(groups.get(p.carrierCode) ?? []), p.event]);
  return groups;
}
