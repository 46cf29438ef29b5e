import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { scorecardList, scorecardQuery } from '../../contracts/fulfilment.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { fromMinor } from '../../platform/money.ts';
import { shipmentsWithExceptions } from '../fulfilment/index.ts';
import { carriersRepository } from './carriers.repository.ts';
import { rateCarriers, type Scorecard, type ShipmentOutcome, scorecard } from './scorecard.ts';
import { shipmentsRepository } from './shipments.repository.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Carrier scorecards for a period (default: the last 28 days), with a weekly on-time trend. */
export function createScorecards(deps: {
  database: Database;
  clock: Clock;
  /** Port filled by the service module (higher up): complaints per shipment among these. */
  complaintsPerShipment?: (shipmentIds: readonly string[]) => Promise<Map<string, number>>;
}) {
  const { database, clock } = deps;

  async function carrierScorecards(
    query: z.output<typeof scorecardQuery>,
  ): Promise<z.output<typeof scorecardList>> {
    const now = clock.now();
    const to = query.to ? new Date(`${query.to}T23:59:59.999Z`) : now;
    const from = query.from ? new Date(`${query.from}T00:00:00.000Z`) : new Date(to.getTime() - 28 * dayMs);
    const db = database.db;
    const [carriers, shipments, exceptions] = await Promise.all([
      carriersRepository.listAll(db).then((rows) => rows.map(({ id, code, name }) => ({ id, code, name }))),
      shipmentsRepository.outcomes(db, from.toISOString(), to.toISOString()),
      shipmentsWithExceptions(db, ['lost', 'damaged']),
    ]);
    const lost = new Set(exceptions.filter((e) => e.kind === 'lost').map((e) => e.shipmentId));
    const damaged = new Set(exceptions.filter((e) => e.kind === 'damaged').map((e) => e.shipmentId));
    const complaints = await deps.complaintsPerShipment?.(shipments.map((s) => s.id));
    const outcome = (s: (typeof shipments)[number]): ShipmentOutcome => ({
      shippedAt: new Date(s.shipped_at),
      promisedBy: s.promised_by ? new Date(s.promised_by) : null,
      deliveredAt: s.delivered_at ? new Date(s.delivered_at) : null,
      firstAttemptOk: s.first_attempt_ok === null ? null : s.first_attempt_ok === 1,
      isLost: lost.has(s.id),
      isDamaged: damaged.has(s.id),
      costMinor: Number(s.price_minor),
      // Without the service module nothing records complaints: no data (not zero), so the
      // rating's complaints weight goes to the parts that are measured.
      complaints: complaints ? (complaints.get(s.id) ?? 0) : null,
    });
    const cards = new Map<string, Scorecard>(
      carriers.map((c) => [
        c.id,
        scorecard(shipments.filter((s) => s.carrier_id === c.id).map(outcome), { now }),
      ]),
    );
    const ratings = new Map(rateCarriers(cards).map((r) => [r.carrierId, r.rating]));
    const weekOf = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat("kkkk-'W'WW");
    const weeks = new Map<string, (typeof shipments)[number][]>();
    for (const s of shipments) {
      const key = `${weekOf(s.shipped_at)}\u0000${s.carrier_id}`;
      weeks.set(key, [...(weeks.get(key) ?? []), s]);
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      items: carriers.map((c) => {
        const card = cards.get(c.id)!;
        return {
          carrier: c,
          parcels: card.parcels,
          onTimeRate: card.onTimeRate,
          firstAttemptRate: card.firstAttemptRate,
          lossRate: card.lossRate,
          damageRate: card.damageRate,
          averageTransitHours: card.averageTransitHours,
          costPerParcel:
            card.costPerParcelMinor === null ? null : fromMinor(Math.round(card.costPerParcelMinor), 'CNY'),
          complaintsPer100: card.complaintsPer100,
          // Nothing delivered yet: nothing to rate, however cheap the carrier is.
          rating: card.delivered > 0 ? (ratings.get(c.id) ?? null) : null,
        };
      }),
      weekly: [...weeks]
        .map(([key, list]) => {
          const [week, carrierId] = key.split('\u0000');
          const card = scorecard(list.map(outcome), { now });
          return {
            week,
            carrier: carriers.find((c) => c.id === carrierId)?.code ?? carrierId,
            onTimeRate: card.onTimeRate,
            parcels: card.parcels,
          };
        })
        .sort((a, b) => a.week.localeCompare(b.week) || a.carrier.localeCompare(b.carrier)),
    };
  }

  return { carrierScorecards };
}
