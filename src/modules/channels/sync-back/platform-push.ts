import { arrayOf, idText, objectOf, parseExactJson } from '../exact-json.ts';
import { type ShopApi, shopAuthHeaders, shopifyApiVersion } from '../platform-api.ts';

/** One HTTP call made to a platform, as the sync log shows it (no credentials). */
export interface PushCall {
  method: string;
  path: string;
  body: unknown;
}

/** How a push went: `retryAfterMs` is set when the platform asked to try again later. */
export interface PushResult {
  ok: boolean;
  status: number | null;
  calls: PushCall[];
  error: string | null;
  retryable: boolean;
  retryAfterMs: number | null;
}

export interface StockPush {
  externalRef: string;
  locationId: string | null;
  available: number;
}

export interface TrackingPush {
  orderExternalId: string;
  trackingNumber: string;
  carrier: string | null;
}

class PlatformError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function client(connector: string, api: ShopApi, calls: PushCall[]) {
  const headers = { ...shopAuthHeaders(connector, api), 'Content-Type': 'application/json' };
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    calls.push({ method, path, body: body ?? null });
    let response: Response;
    try {
      response = await fetch(`${api.shopUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      throw new PlatformError(null, error instanceof Error ? error.message : String(error), null);
    }
    const text = await response.text();
    if (!response.ok)
      throw new PlatformError(
        response.status,
        `${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`,
        retryAfterMs(response.headers.get('retry-after'), Date.now()),
      );
    return text ? parseExactJson(text) : null;
  };
}

async function run(
  connector: string,
  api: ShopApi,
  work: (call: ReturnType<typeof client>) => Promise<void>,
) {
  const calls: PushCall[] = [];
  try {
    await work(client(connector, api, calls));
    return { ok: true, status: 200, calls, error: null, retryable: false, retryAfterMs: null };
  } catch (error) {
    const status = error instanceof PlatformError ? error.status : null;
    return {
      ok: false,
      status,
      calls,
      error: error instanceof Error ? error.message.slice(0, 500) : String(error),
      // A refused connection, a throttle or a server error may pass; a 4xx will not.
      retryable: status === null || status === 429 || status >= 500,
      retryAfterMs: error instanceof PlatformError ? error.retryAfterMs : null,
    } satisfies PushResult;
  }
}

/**
 * Sets a SKU's available stock on the platform: Shopify `inventory_levels/set.json` at the
 * channel's location, WooCommerce the product's `stock_quantity` (stock managed).
 */
export function pushStock(connector: string, api: ShopApi, push: StockPush): Promise<PushResult> {
  return run(connector, api, async (call) => {
    if (connector === 'shopify') {
      await call('POST', `/admin/api/${shopifyApiVersion}/inventory_levels/set.json`, {
        location_id: rawId(push.locationId ?? ''),
        inventory_item_id: rawId(push.externalRef),
        available: push.available,
      });
    } else {
      await call('PUT', `/wp-json/wc/v3/products/${encodeURIComponent(push.externalRef)}`, {
        manage_stock: true,
        stock_quantity: push.available,
      });
    }
  });
}

/**
 * Tells the platform an order shipped. Shopify: the order's open fulfillment orders are
 * fulfilled with the tracking number and carrier. WooCommerce: the order is set completed and
 * a note with the tracking number is added for the customer.
 */
export function pushTracking(connector: string, api: ShopApi, push: TrackingPush): Promise<PushResult> {
  return run(connector, api, async (call) => {
    const id = encodeURIComponent(push.orderExternalId);
    if (connector === 'shopify') {
      const listed = objectOf(
        await call('GET', `/admin/api/${shopifyApiVersion}/orders/${id}/fulfillment_orders.json`),
      );
      const open = arrayOf(listed.fulfillment_orders)
        .map((f) => objectOf(f))
        .filter((f) => ['open', 'in_progress', 'scheduled'].includes(String(f.status)));
      if (open.length === 0) return; // Already fulfilled on the platform: nothing left to tell.
      await call('POST', `/admin/api/${shopifyApiVersion}/fulfillments.json`, {
        fulfillment: {
          line_items_by_fulfillment_order: open.map((f) => ({ fulfillment_order_id: rawId(idText(f.id)) })),
          tracking_info: { number: push.trackingNumber, company: push.carrier ?? undefined },
          notify_customer: true,
        },
      });
    } else {
      await call('PUT', `/wp-json/wc/v3/orders/${id}`, { status: 'completed' });
      const carrier = push.carrier ? `${push.carrier} ` : '';
      await call('POST', `/wp-json/wc/v3/orders/${id}/notes`, {
        note: `Shipped: ${carrier}${push.trackingNumber}`,
        customer_note: true,
      });
    }
  });
}

/** Ids are kept as text to stay exact; ones that fit a double go back as numbers. */
function rawId(id: string): number | string {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : id;
}
