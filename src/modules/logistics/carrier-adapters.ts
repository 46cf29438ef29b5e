import { sql } from 'kysely';
import type { z } from 'zod';
import type { trackingPush } from '../../contracts/fulfilment.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';

/** One tracking event as carriers report it, pushed or polled. */
export type CarrierEvent = z.output<typeof trackingPush>['events'][number];

/**
 * What Ordo needs from a carrier to ship: book the parcel and get its tracking number. Carriers
 * with an API get an adapter of their own; those without one use the built-in adapter.
 */
export interface CarrierAdapter {
  createShipment(tx: Executor, carrier: Row<'carriers'>): Promise<{ trackingNumber: string }>;
}

/**
 * The built-in carrier adapter, for carriers without an API: the next number of the carrier's
 * configured range, taken with one guarded update so two packing stations never share one.
 */
export async function nextTrackingNumber(tx: Executor, carrier: Row<'carriers'>): Promise<string> {
  const taken = await sql<{ number: number }>`
    update carriers set range_next = range_next + 1
    where id = ${carrier.id} and range_next <= range_end
    returning range_next - 1 as number`.execute(tx);
  const number = taken.rows[0]?.number;
  if (number === undefined)
    throw new AppError(
      'TRACKING_RANGE_EXHAUSTED',
      `carrier ${carrier.code} has no tracking numbers left in its range`,
      {
        carrier: carrier.code,
      },
    );
  return `${carrier.tracking_prefix}${String(number).padStart(10, '0')}`;
}

/** Carriers without an API: the next number of the range configured on the carrier. */
export const builtInAdapter: CarrierAdapter = {
  createShipment: async (tx, carrier) => ({ trackingNumber: await nextTrackingNumber(tx, carrier) }),
};

/** For carriers that do not push: asked periodically for the events of open shipments. */
export interface TrackingPoller {
  carrierCode: string;
  poll(trackingNumbers: readonly string[]): Promise<CarrierEvent[]>;
}

/**
 * A poller for carriers and aggregators that publish tracking as JSON: GET
 * `url?numbers=a,b,c` answering `{"events":[…]}` in the shape of a tracking push.
 */
export function jsonFeedPoller(options: {
  carrierCode: string;
  url: string;
  timeoutMs?: number;
}): TrackingPoller {
  return {
    carrierCode: options.carrierCode,
    async poll(trackingNumbers) {
      const events: CarrierEvent[] = [];
      // In slices, so a long list of open parcels does not make an over-long URL.
      for (let start = 0; start < trackingNumbers.length; start += 50) {
        const url = new URL(options.url);
        url.searchParams.set('numbers', trackingNumbers.slice(start, start + 50).join(','));
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
        if (!response.ok) throw new Error(`tracking feed ${url.host} answered ${response.status}`);
        const body = (await response.json()) as { events?: CarrierEvent[] };
        events.push(...(body.events ?? []));
      }
      return events;
    },
  };
}
