import type { App } from '../../src/app.ts';
import { signTrackingBody } from '../../src/modules/logistics/index.ts';
import type { TestApp } from '../helpers/app.ts';
import { newCarrier, newOrderInput, newSkuInput, stockUp } from '../helpers/factories.ts';

/*
 * An order's way from intake to the customer's door, through the API the warehouse and the
 * carrier use, for tests about what the customer hears and sees along the way.
 */

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field.
type Json = any;

export async function api(t: TestApp, method: string, url: string, payload?: object): Promise<Json> {
  const response = await t.request({ method: method as 'GET', url: `/api/v1${url}`, payload });
  if (response.statusCode >= 400)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A SKU with stock and a carrier that covers CN; returns the carrier's tracking secret. */
export async function setUpShop(t: TestApp, sku: string): Promise<{ carrier: string; secret: string }> {
  await api(t, 'POST', '/skus', newSkuInput({ code: sku }));
  await stockUp(t.app, { sku, delta: 100 });
  const code = `sf-${sku}`.toLowerCase();
  const carrier = await newCarrier(t.app, { code, name: '顺丰速运', trackingPrefix: 'SF' });
  return { carrier: code, secret: carrier.trackingSecret };
}

export async function placeOrder(
  t: TestApp,
  sku: string,
  overrides: Record<string, unknown> = {},
): Promise<Json> {
  return api(
    t,
    'POST',
    '/orders',
    newOrderInput({
      lines: [{ sku, quantity: 1, unitPrice: '59.90' }],
      total: '69.90',
      payment: { status: 'paid', method: 'alipay', paidAmount: '69.90', paidAt: '2026-11-20T08:01:30Z' },
      ...overrides,
    }),
  );
}

/** Allocates, waves, picks, packs and ships one order; returns its tracking number. */
export async function shipOrder(t: TestApp, orderId: string, sku: string): Promise<string> {
  await t.app.orders.allocation.allocateApproved();
  const wave = await api(t, 'POST', '/waves', { warehouse: 'main' });
  await api(t, 'POST', `/waves/${wave.id}/picks`, { sku, quantity: 1 });
  await api(t, 'POST', `/orders/${orderId}/pack`, { scans: [sku], weightGrams: 400 });
  return (await api(t, 'POST', `/orders/${orderId}/ship`, {})).trackingNumber;
}

/** The carrier pushes a scan (`OutForDelivery`, `Delivered`…), signed as carriers must. */
export async function pushScan(
  t: TestApp,
  shop: { carrier: string; secret: string },
  trackingNumber: string,
  status: string,
  occurredAt: string,
): Promise<void> {
  const body = JSON.stringify({
    events: [{ eventId: `${trackingNumber}-${status}`, trackingNumber, status, occurredAt }],
  });
  const response = await t.server.inject({
    method: 'POST',
    url: `/api/v1/carriers/${shop.carrier}/tracking`,
    payload: body,
    headers: {
      'content-type': 'application/json',
      'x-ordo-signature': `sha256=${signTrackingBody(shop.secret, body)}`,
    },
  });
  if (response.statusCode !== 200) throw new Error(`tracking push: ${response.statusCode} ${response.body}`);
}

/**
 * Delivers every pending outbox event, then delivers all of them a second time (at-least-once
 * delivery: a crash after the handler ran), then sends the messages that are due.
 */
export async function deliverEventsTwice(app: App): Promise<void> {
  const delivered = await app.database.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('status', '=', 'done')
    .executeTakeFirst();
  await app.dispatcher.drain();
  await app.database.db
    .updateTable('outbox')
    .set({ status: 'pending', processed_at: null, available_at: app.clock.now().toISOString() })
    .where('id', '>', Number(delivered?.id ?? 0))
    .execute();
  await app.dispatcher.drain();
  await app.service.notifications.whenIdle();
  await app.service.notifications.deliverDue();
}
