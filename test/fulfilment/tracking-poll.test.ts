import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { jsonFeedPoller } from '../../src/modules/logistics/index.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

// A carrier that does not push: Ordo polls its JSON tracking feed over real HTTP.
const requested: string[][] = [];
let feed: http.Server;
let feedUrl = '';
before(async () => {
  feed = http.createServer((request, response) => {
    const numbers = new URL(request.url ?? '/', 'http://feed').searchParams.get('numbers')?.split(',') ?? [];
    requested.push(numbers);
    const events = numbers.map((trackingNumber) => ({
      eventId: `${trackingNumber}-signed`,
      trackingNumber,
      status: '签收',
      occurredAt: '2026-11-22T03:00:00Z',
    }));
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ events }));
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/track`;
});
after(() => new Promise<void>((resolve) => feed.close(() => resolve())));

for (const dialect of testDialects) {
  describe(`tracking by polling on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      (await t.current.request({ method, url: `/api/v1${url}`, payload })).json();

    it('polls the open shipments of a carrier, delivers them, and stores each event once', async () => {
      await api('POST', '/carriers', { code: 'sf', name: '顺丰', trackingPrefix: 'SF' });
      await api('PUT', '/carriers/sf/services', {
        code: 'std',
        name: '标快',
        kind: 'standard',
        rateCard: {
          zones: [{ id: 'cn', regions: ['CN'] }],
          rates: [
            {
              zoneId: 'cn',
              firstWeightGrams: 1000,
              firstPrice: '12.00',
              extraWeightStepGrams: 1000,
              extraPrice: '2.00',
            },
          ],
        },
      });
      await api('POST', '/skus', { code: 'POLL-1', name: 'Polled', price: '59.90' });
      await api('POST', '/inventory/adjustments', {
        sku: 'POLL-1',
        warehouse: 'main',
        delta: 5,
        reason: 'stock',
      });
      const order = await api(
        'POST',
        '/orders',
        newOrderInput({ lines: [{ sku: 'POLL-1', quantity: 2, unitPrice: '59.90' }] }),
      );
      await t.current.app.orders.allocation.allocateApproved();
      const wave = await api('POST', '/waves', { warehouse: 'main' });
      await api('POST', `/waves/${wave.id}/picks`, { sku: 'POLL-1', quantity: 2 });
      await api('POST', `/orders/${order.id}/pack`, { scans: ['POLL-1', 'POLL-1'], weightGrams: 800 });
      const shipment = await api('POST', `/orders/${order.id}/ship`, {});

      const poller = jsonFeedPoller({ carrierCode: 'sf', url: feedUrl });
      const first = await t.current.app.logistics.tracking.poll([poller]);
      assert.deepEqual(first, { accepted: 1, duplicates: 0 });
      assert.deepEqual(requested.at(-1), [shipment.trackingNumber]);
      assert.equal((await api('GET', `/shipments/${shipment.id}`)).status, 'delivered');
      assert.equal((await api('GET', `/orders/${order.id}`)).status, 'delivered');
      const second = await t.current.app.logistics.tracking.poll([poller]);
      assert.deepEqual(second, { accepted: 0, duplicates: 0 }, 'a delivered shipment is not polled again');
    });
  });
}
