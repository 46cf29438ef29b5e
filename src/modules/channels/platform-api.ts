import { arrayOf, idText, objectOf, parseExactJson } from './exact-json.ts';

/** One order from a platform's REST list: its id and its JSON exactly as the platform sent it. */
export interface ListedOrder {
  externalId: string;
  updatedAt: string | null;
  /** The order alone, re-serialised from the exact parse (ids above 2^53 as strings). */
  json: string;
}

export interface ShopApi {
  shopUrl: string;
  apiToken?: string | null;
  apiKey?: string | null;
  apiSecret?: string | null;
}

const maxRetries = 4;
const maxWaitMs = 30_000;
/** The Shopify Admin REST version every call of Ordo's speaks. */
export const shopifyApiVersion = '2024-10';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How Ordo authenticates to a shop: Shopify's access token, WooCommerce's consumer key (Basic). */
export function shopAuthHeaders(connector: string, api: ShopApi): Record<string, string> {
  const base = { Accept: 'application/json' };
  if (connector === 'shopify') return { ...base, 'X-Shopify-Access-Token': api.apiToken ?? '' };
  const auth = Buffer.from(`${api.apiKey ?? ''}:${api.apiSecret ?? ''}`).toString('base64');
  return { ...base, Authorization: `Basic ${auth}` };
}

/**
 * A call with the platforms' rate limits honoured: a 429 waits its Retry-After (seconds) and
 * tries again; a 5xx backs off. Anything else that is not 2xx throws with its status and the
 * start of the platform's answer (which says why).
 */
export async function requestWithRetry(
  url: string,
  init: { method?: string; headers: Record<string, string>; body?: unknown },
): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers =
    init.body === undefined ? init.headers : { ...init.headers, 'Content-Type': 'application/json' };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(20_000) });
    if (response.ok) return response;
    const isRetryable = response.status === 429 || response.status >= 500;
    if (!isRetryable || attempt >= maxRetries) {
      const answer = (await response.text()).slice(0, 200);
      throw new Error(
        `${method} ${new URL(url).pathname} answered ${response.status} ${response.statusText}${answer ? `: ${answer}` : ''}`,
      );
    }
    await response.body?.cancel();
    const retryAfter = Number(response.headers.get('retry-after'));
    const delay = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : 500 * 2 ** attempt;
    await wait(Math.min(delay, maxWaitMs));
  }
}

/** The `rel="next"` URL of a Link header (Shopify's cursor pagination). */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return null;
}

function listedOf(orders: unknown[], updatedField: string): ListedOrder[] {
  return orders.map((entry) => {
    const order = objectOf(entry);
    const updated = order[updatedField];
    return {
      externalId: idText(order.id),
      updatedAt: typeof updated === 'string' ? updated : null,
      json: JSON.stringify(order),
    };
  });
}

/**
 * Shopify Admin REST: `orders.json?status=any&updated_at_min=…`, following the Link header;
 * when the call-limit bucket (X-Shopify-Shop-Api-Call-Limit "used/size") is nearly full it
 * pauses for the bucket to leak (2 calls a second) before the next page.
 */
export async function listShopifyOrders(api: ShopApi, updatedSince: string): Promise<ListedOrder[]> {
  const headers = shopAuthHeaders('shopify', api);
  const params = new URLSearchParams({ status: 'any', updated_at_min: updatedSince, limit: '250' });
  let url: string | null = `${api.shopUrl}/admin/api/${shopifyApiVersion}/orders.json?${params}`;
  const listed: ListedOrder[] = [];
  while (url) {
    const response = await requestWithRetry(url, { headers });
    const body = objectOf(parseExactJson(await response.text()));
    listed.push(...listedOf(arrayOf(body.orders), 'updated_at'));
    url = nextLink(response.headers.get('link'));
    const [used, size] = (response.headers.get('x-shopify-shop-api-call-limit') ?? '').split('/').map(Number);
    if (url && used && size && used >= size - 2) await wait(1000);
  }
  return listed;
}

/**
 * WooCommerce REST v3: `/wp-json/wc/v3/orders?modified_after=…`, page by page up to
 * X-WP-TotalPages, authenticated with the consumer key and secret (HTTP Basic, over HTTPS).
 */
export async function listWooCommerceOrders(api: ShopApi, modifiedAfter: string): Promise<ListedOrder[]> {
  const headers = shopAuthHeaders('woocommerce', api);
  const listed: ListedOrder[] = [];
  for (let page = 1, pages = 1; page <= pages; page++) {
    const params = new URLSearchParams({
      modified_after: modifiedAfter.replace(/\.\d+Z$/, 'Z'),
      dates_are_gmt: 'true',
      per_page: '100',
      page: String(page),
      orderby: 'modified',
      order: 'asc',
    });
    const response = await requestWithRetry(`${api.shopUrl}/wp-json/wc/v3/orders?${params}`, { headers });
    listed.push(...listedOf(arrayOf(parseExactJson(await response.text())), 'date_modified_gmt'));
    pages = Number(response.headers.get('x-wp-totalpages') ?? 1) || 1;
  }
  return listed;
}
