import fs from 'node:fs';
import path from 'node:path';
import { signBody } from '../../src/modules/channels/index.ts';
import type { TestApp } from '../helpers/app.ts';

export const fixture = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/channels', name), 'utf8');

/** Shopify's sample with changes, as text: big ids are replaced in the text so they stay exact. */
export function shopifySample(changes: Record<string, unknown> = {}, id = '820982911946154508'): string {
  let text = fixture('shopify-orders-create.json').replace('"id": 820982911946154508', `"id": ${id}`);
  for (const [key, value] of Object.entries(changes)) {
    const pattern = new RegExp(`\\n  "${key}": [^\\n]*?(,?)\\n`);
    text = text.replace(pattern, (_m, comma) => `\n  "${key}": ${JSON.stringify(value)}${comma}\n`);
  }
  return text;
}

export const headerNames = {
  shopify: { signature: 'x-shopify-hmac-sha256', topic: 'x-shopify-topic', id: 'x-shopify-webhook-id' },
  woocommerce: {
    signature: 'x-wc-webhook-signature',
    topic: 'x-wc-webhook-topic',
    id: 'x-wc-webhook-delivery-id',
  },
  webhook: { signature: 'x-ordo-signature', topic: 'x-ordo-topic', id: 'x-ordo-delivery-id' },
} as const;

/** Posts a body to a channel's webhook as the platform does: signed over the raw bytes. */
export function deliver(
  t: TestApp,
  channelId: string,
  connector: keyof typeof headerNames,
  body: string,
  options: { secret?: string | null; topic?: string; deliveryId?: string; contentType?: string } = {},
) {
  const names = headerNames[connector];
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  if (options.secret !== null)
    headers[names.signature] = signBody(options.secret ?? secretOf(channelId), body);
  if (options.topic) headers[names.topic] = options.topic;
  if (options.deliveryId) headers[names.id] = options.deliveryId;
  return t.server.inject({
    method: 'POST',
    url: `/api/v1/channels/${channelId}/webhook`,
    headers,
    payload: body,
  });
}

export const secretOf = (channelId: string) => `${channelId}-secret-0123456789abcdef`;

export async function connectChannel(
  t: TestApp,
  id: string,
  connector: string,
  extra: Record<string, unknown> = {},
) {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/channels',
    payload: { id, name: `${connector} shop`, kind: 'web', connector, webhookSecret: secretOf(id), ...extra },
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json();
}

export async function ordersOf(t: TestApp, channel: string) {
  const response = await t.request({ method: 'GET', url: `/api/v1/orders?channel=${channel}&limit=500` });
  return response.json().items as { id: string; externalId: string; status: string }[];
}

export async function deliveriesOf(t: TestApp, channel: string, outcome?: string) {
  const query = outcome ? `?outcome=${outcome}` : '';
  const response = await t.request({ method: 'GET', url: `/api/v1/channels/${channel}/deliveries${query}` });
  return response.json().items as {
    id: string;
    outcome: string;
    error: string | null;
    orderId: string | null;
  }[];
}
