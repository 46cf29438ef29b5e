import type { z } from 'zod';
import type { Shipment, shipBody, shipmentQuery } from '../../contracts/fulfilment.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { escapeLike, likeOperator, readJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { fromMinor } from '../../platform/money.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { packedParcel, type ShippingLabel } from '../fulfilment/index.ts';
import { changeOrderStatus } from '../orders/index.ts';
import { builtInAdapter, type CarrierAdapter } from './carrier-adapters.ts';
import {
  type CandidateService,
  chooseDeliveryService,
  type ServiceChoice,
  type ServiceKind,
} from './delivery-rules.ts';
import type { RateCard } from './rate-card.ts';
import { rateCarriers, scorecard } from './scorecard.ts';

const currency = 'CNY';
const dayMs = 24 * 60 * 60 * 1000;

/** Where in the console carriers and their services are set up (the error links there). */
export const carrierSetUpPath = '/logistics/carriers';

/**
 * Why nothing can ship the parcel, said once, with what to set up: no active service at all,
 * or the services there are and why each was passed over.
 */
function noServiceFor(decision: ServiceChoice, activeServices: number): AppError {
  const message =
    activeServices === 0
      ? 'no carrier service is set up: add a carrier and at least one active service'
      : `no active service fits (${decision.explanation}): add or change a service under Carriers`;
  return new AppError('NO_CARRIER_SERVICE', message, {
    considered: decision.considered,
    hasServices: activeServices > 0,
    setUpAt: carrierSetUpPath,
  });
}

/** Shipping: choose the service by the delivery rules, take a tracking number, issue the stock. */
export function createShipping(deps: {
  database: Database;
  clock: Clock;
  rules: () => Promise<{ bulkyWeightGrams: number; bulkyLongestSideMm: number; minOnTimeRate: number }>;
  /** Adapters of carriers with an API, by carrier code; the others use the built-in one. */
  adapters?: Record<string, CarrierAdapter>;
}) {
  const { database, clock } = deps;
  const like = likeOperator(database.dialect);

  async function candidateServices(
    tx: Executor,
    now: Date,
  ): Promise<(CandidateService & { transitDays: number })[]> {
    const services = await tx
      .selectFrom('carrier_services as s')
      .innerJoin('carriers as c', 'c.id', 's.carrier_id')
      .selectAll('s')
      .select('c.name as carrier_name')
      .where('s.is_active', '=', 1)
      .where('c.is_active', '=', 1)
      .execute();
    const since = new Date(now.getTime() - dayMs).toISOString();
    const today = await tx
      .selectFrom('shipments')
      .select('service_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shipped_at', '>=', since)
      .groupBy('service_id')
      .execute();
    const shippedToday = new Map(today.map((r) => [r.service_id, Number(r.n)]));
    const scores = await recentScores(tx, now);
    return services.map((s) => ({
      carrierId: s.carrier_id,
      carrierName: s.carrier_name,
      serviceId: s.id,
      kind: s.kind as ServiceKind,
      rateCard: readJson<RateCard>(s.rate_card),
      maxWeightGrams: s.max_weight_grams,
      maxLongestSideMm: s.max_longest_side_mm,
      capacityLeftToday: s.daily_capacity === null ? null : s.daily_capacity - (shippedToday.get(s.id) ?? 0),
      score: scores.get(s.carrier_id) ?? { onTimeRate: null, rating: null },
      transitDays: s.transit_days,
    }));
  }

  /** Each carrier's on-time rate and rating over the last 90 days, for the delivery rules. */
  async function recentScores(tx: Executor, now: Date) {
    const rows = await tx
      .selectFrom('shipments')
      .select(['carrier_id', 'shipped_at', 'promised_by', 'delivered_at', 'first_attempt_ok', 'price_minor'])
      .where('shipped_at', '>=', new Date(now.getTime() - 90 * dayMs).toISOString())
      .execute();
    const byCarrier = new Map<string, typeof rows>();
    for (const row of rows) byCarrier.set(row.carrier_id, [...(byCarrier.get(row.carrier_id) ?? []), row]);
    const cards = new Map(
      [...byCarrier].map(([carrierId, list]) => [
        carrierId,
        scorecard(
          list.map((r) => ({
            shippedAt: new Date(r.shipped_at),
            promisedBy: r.promised_by ? new Date(r.promised_by) : null,
            deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
            firstAttemptOk: r.first_attempt_ok === null ? null : r.first_attempt_ok === 1,
            isLost: false,
            isDamaged: false,
            costMinor: Number(r.price_minor),
            complaints: 0,
          })),
          { now },
        ),
      ]),
    );
    const ratings = new Map(rateCarriers(cards).map((r) => [r.carrierId, r.rating]));
    return new Map(
      [...cards].map(([carrierId, card]) => [
        carrierId,
        { onTimeRate: card.onTimeRate, rating: ratings.get(carrierId) ?? null },
      ]),
    );
  }

  /** Packed → shipped: the chosen service (or the one asked for), a tracking number, the stock issued. */
  async function shipOrder(
    actor: Actor,
    orderId: string,
    input: z.output<typeof shipBody>,
  ): Promise<Shipment> {
    const now = clock.now();
    const rules = await deps.rules();
    const id = await inTransaction(database, async (tx) => {
      const order = await tx
        .selectFrom('orders_orders_view')
        .selectAll()
        .where('id', '=', orderId)
        .executeTakeFirst();
      if (!order) throw notFound('order', orderId);
      if (order.status !== 'packed')
        throw new AppError('INVALID_TRANSITION', `order ${order.number} is ${order.status}, not packed`, {
          from: order.status,
          to: 'shipped',
        });
      const parcel = await packedParcel(tx, orderId);
      if (!parcel) throw new AppError('INVALID_TRANSITION', `order ${order.number} has no packed parcel`);
      const sides = [parcel.lengthMm, parcel.widthMm, parcel.heightMm].map((v) => v ?? 0);
      const all = await candidateServices(tx, now);
      const candidates = input.serviceId ? all.filter((c) => c.serviceId === input.serviceId) : all;
      if (input.serviceId && candidates.length === 0)
        throw new AppError('VALIDATION_FAILED', 'serviceId: no such active service', { field: 'serviceId' });
      const facts = {
        weightGrams: parcel.weightGrams,
        longestSideMm: Math.max(...sides),
        volumeCm3: (sides[0] * sides[1] * sides[2]) / 1000,
        isUrgent: order.type === 'urgent',
        requestedService: order.requested_service as 'standard',
        address: { country: order.ship_country, province: order.ship_province, city: order.ship_city },
      };
      const decision = chooseDeliveryService(facts, candidates, rules);
      if (!decision.choice) throw noServiceFor(decision, all.length);
      const chosen = decision.choice;
      const carrier = await tx
        .selectFrom('carriers')
        .selectAll()
        .where('id', '=', chosen.carrierId)
        .executeTakeFirstOrThrow();
      const service = candidates.find((c) => c.serviceId === chosen.serviceId)!;
      const shipmentId = uuidv7(now.getTime());
      const { trackingNumber } = await (deps.adapters?.[carrier.code] ?? builtInAdapter).createShipment(
        tx,
        carrier,
      );
      await tx
        .insertInto('shipments')
        .values({
          id: shipmentId,
          order_id: orderId,
          carrier_id: carrier.id,
          service_id: chosen.serviceId,
          tracking_number: trackingNumber,
          status: 'label_created',
          weight_grams: parcel.weightGrams,
          price_minor: chosen.priceMinor,
          explanation: decision.explanation,
          promised_by: new Date(now.getTime() + Math.max(1, service.transitDays) * dayMs).toISOString(),
          shipped_at: now.toISOString(),
        })
        .execute();
      await changeOrderStatus(tx, actor, now, orderId, {
        to: 'shipped',
        reason: `${carrier.name} ${trackingNumber}`,
        event: {
          type: 'shipped',
          data: { carrier: carrier.code, trackingNumber, explanation: decision.explanation },
        },
      });
      await publish(tx, now, 'shipment.created', { shipmentId, orderId, trackingNumber });
      return shipmentId;
    });
    return getShipment(id);
  }

  function shipmentRows(db: Executor) {
    return db
      .selectFrom('shipments as s')
      .innerJoin('carriers as c', 'c.id', 's.carrier_id')
      .innerJoin('carrier_services as v', 'v.id', 's.service_id')
      .innerJoin('orders_orders_view as o', 'o.id', 's.order_id')
      .selectAll('s')
      .select([
        'c.code as carrier_code',
        'c.name as carrier_name',
        'v.code as service_code',
        'v.name as service_name',
        'v.kind as service_kind',
        'o.number as order_number',
      ]);
  }
  type ShipmentRow = Awaited<ReturnType<ReturnType<typeof shipmentRows>['execute']>>[number];

  function toShipment(r: ShipmentRow): Omit<Shipment, 'events'> {
    return {
      id: r.id,
      orderId: r.order_id,
      orderNumber: r.order_number,
      carrier: { id: r.carrier_id, code: r.carrier_code, name: r.carrier_name },
      service: {
        id: r.service_id,
        code: r.service_code,
        name: r.service_name,
        kind: r.service_kind as ServiceKind,
      },
      trackingNumber: r.tracking_number,
      status: r.status as Shipment['status'],
      weightGrams: r.weight_grams,
      price: fromMinor(Number(r.price_minor), currency),
      explanation: r.explanation,
      promisedBy: r.promised_by,
      shippedAt: r.shipped_at,
      deliveredAt: r.delivered_at,
      lastEventAt: r.last_event_at,
    };
  }

  async function getShipment(id: string): Promise<Shipment> {
    const row = await shipmentRows(database.db).where('s.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('shipment', id);
    const events = await database.db
      .selectFrom('tracking_events')
      .selectAll()
      .where('shipment_id', '=', id)
      .orderBy('event_at', 'desc')
      .orderBy('received_at', 'desc')
      .execute();
    return {
      ...toShipment(row),
      events: events.map((e) => ({
        id: e.id,
        status: e.status as Shipment['status'],
        rawStatus: e.raw_status,
        description: e.description,
        location: e.location,
        eventAt: e.event_at,
        receivedAt: e.received_at,
      })),
    };
  }

  async function listShipments(filter: z.output<typeof shipmentQuery>) {
    let query = shipmentRows(database.db);
    if (filter.status) query = query.where('s.status', '=', filter.status);
    if (filter.carrier) query = query.where('c.code', '=', filter.carrier);
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query = query.where((eb) =>
        eb.or([eb('s.tracking_number', like, pattern), eb('o.number', like, pattern)]),
      );
    }
    if (filter.cursor) query = query.where('s.id', '<', String(decodeCursor(filter.cursor, 1)[0]));
    const rows = await query
      .orderBy('s.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return toPage(rows, filter.limit, toShipment, (r) => [r.id]);
  }

  async function orderShipments(orderId: string) {
    const rows = await shipmentRows(database.db)
      .where('s.order_id', '=', orderId)
      .orderBy('s.shipped_at')
      .execute();
    return rows.map(toShipment);
  }

  /** What the label prints: from the warehouse that holds the stock, to the order's address. */
  async function labelFor(shipmentId: string): Promise<ShippingLabel> {
    const db = database.db;
    const row = await shipmentRows(db).where('s.id', '=', shipmentId).executeTakeFirst();
    if (!row) throw notFound('shipment', shipmentId);
    const order = await db
      .selectFrom('orders_orders_view')
      .selectAll()
      .where('id', '=', row.order_id)
      .executeTakeFirstOrThrow();
    const warehouse = await db
      .selectFrom('inventory_allocations_view as a')
      .innerJoin('inventory_warehouses_view as w', 'w.id', 'a.warehouse_id')
      .select(['w.name', 'w.address', 'w.time_zone'])
      .where('a.order_id', '=', order.id)
      .executeTakeFirst();
    const from = warehouse ? readJson<Record<string, string>>(warehouse.address) : {};
    return {
      trackingNumber: row.tracking_number,
      carrierName: row.carrier_name,
      serviceName: row.service_name,
      from: {
        name: warehouse?.name ?? 'Ordo',
        phone: '',
        addressLines: [
          [from.province, from.city, from.district].filter(Boolean).join(' '),
          from.line1 ?? '',
        ].filter(Boolean),
      },
      to: {
        name: order.ship_name,
        phone: order.ship_phone,
        addressLines: [
          [order.ship_province, order.ship_city, order.ship_district].filter(Boolean).join(' '),
          [order.ship_line1, order.ship_line2].filter(Boolean).join(' '),
          order.ship_postal_code ?? '',
        ].filter(Boolean),
      },
      orderNumber: order.number,
      weightGrams: row.weight_grams,
      parcelIndex: 1,
      parcelCount: 1,
      createdAt: new Date(row.shipped_at),
      timeZone: warehouse?.time_zone,
    };
  }

  return { shipOrder, getShipment, listShipments, orderShipments, labelFor };
}
