import type { z } from 'zod';
import type { Shipment, shipBody, shipmentQuery } from '../../contracts/fulfilment.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { escapeLike, likeOperator, readJson, writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { fromMinor } from '../../platform/money.ts';
import { pageNewestFirst } from '../../platform/pagination.ts';
import { packedParcel, type ShippingLabel } from '../fulfilment/index.ts';
import { changeOrderStatus } from '../orders/index.ts';
import { builtInAdapter, type CarrierAdapter } from './carrier-adapters.ts';
import { carriersRepository } from './carriers.repository.ts';
import {
  type CandidateService,
  chooseDeliveryService,
  type ServiceChoice,
  type ServiceKind,
} from './delivery-rules.ts';
import type { RateCard } from './rate-card.ts';
import { rateCarriers, scorecard } from './scorecard.ts';
import { type ShipmentRow, shipmentsRepository } from './shipments.repository.ts';

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
  /** The shop's zone: the label's time is printed in it, as the console shows times. */
  shopTimeZone?: () => Promise<string>;
}) {
  const { database, clock } = deps;
  const like = likeOperator(database.dialect);

  async function candidateServices(
    tx: Executor,
    now: Date,
  ): Promise<(CandidateService & { transitDays: number })[]> {
    const services = await shipmentsRepository.activeServices(tx);
    const since = new Date(now.getTime() - dayMs).toISOString();
    const shippedToday = await shipmentsRepository.shippedPerService(tx, since);
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
    const rows = await shipmentsRepository.outcomes(tx, new Date(now.getTime() - 90 * dayMs).toISOString());
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
            complaints: null,
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
      const order = await shipmentsRepository.order(tx, orderId);
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
      if (input.serviceId && candidates.length === 0) throw invalidField('serviceId', 'noActiveService');
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
      const carrier = await carriersRepository.findById(tx, chosen.carrierId);
      if (!carrier) throw notFound('carrier', chosen.carrierId);
      const service = candidates.find((c) => c.serviceId === chosen.serviceId)!;
      const shipmentId = uuidv7(now.getTime());
      const { trackingNumber } = await (deps.adapters?.[carrier.code] ?? builtInAdapter).createShipment(
        tx,
        carrier,
      );
      await shipmentsRepository.insert(tx, {
        id: shipmentId,
        order_id: orderId,
        carrier_id: carrier.id,
        service_id: chosen.serviceId,
        tracking_number: trackingNumber,
        status: 'label_created',
        weight_grams: parcel.weightGrams,
        price_minor: chosen.priceMinor,
        explanation: decision.explanation,
        decision: writeJson(decision.decision),
        promised_by: new Date(now.getTime() + Math.max(1, service.transitDays) * dayMs).toISOString(),
        shipped_at: now.toISOString(),
      });
      await changeOrderStatus(tx, actor, now, orderId, {
        to: 'shipped',
        reason: `${carrier.name} ${trackingNumber}`,
        event: {
          type: 'shipped',
          data: {
            carrier: carrier.code,
            trackingNumber,
            explanation: decision.explanation,
            // The same reason as a key: the order's timeline says it in the reader's language.
            decision: decision.decision,
          },
        },
      });
      await publish(tx, now, 'shipment.created', { shipmentId, orderId, trackingNumber });
      return shipmentId;
    });
    return getShipment(id);
  }

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
      decision: r.decision == null ? null : readJson<NonNullable<Shipment['decision']>>(r.decision),
      promisedBy: r.promised_by,
      shippedAt: r.shipped_at,
      deliveredAt: r.delivered_at,
      lastEventAt: r.last_event_at,
    };
  }

  async function getShipment(id: string): Promise<Shipment> {
    const row = await shipmentsRepository.findWithNames(database.db, id);
    if (!row) throw notFound('shipment', id);
    const events = await shipmentsRepository.events(database.db, id);
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
    const query = shipmentsRepository.query(database.db, {
      status: filter.status,
      carrier: filter.carrier,
      search: filter.q ? { pattern: `%${escapeLike(filter.q)}%`, like } : undefined,
    });
    return pageNewestFirst(query, 's.id', filter, toShipment, (r) => r.id);
  }

  /** What the label prints: from the warehouse that holds the stock, to the order's address. */
  async function labelFor(shipmentId: string): Promise<ShippingLabel> {
    const db = database.db;
    const row = await shipmentsRepository.findWithNames(db, shipmentId);
    if (!row) throw notFound('shipment', shipmentId);
    const order = await shipmentsRepository.order(db, row.order_id);
    if (!order) throw notFound('order', row.order_id);
    const warehouse = await shipmentsRepository.shippingWarehouse(db, order.id);
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
      timeZone: deps.shopTimeZone ? await deps.shopTimeZone() : undefined,
    };
  }

  return { shipOrder, getShipment, listShipments, labelFor };
}
