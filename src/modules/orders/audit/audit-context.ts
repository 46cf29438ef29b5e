import type { Executor } from '../../../platform/db/database.ts';
import type { Catalog } from '../../catalog/index.ts';
import type { NormalisedOrder } from '../intake/normalise.ts';
import { auditContextRepository as repo } from './audit-context.repository.ts';
import { type AuditContext, addressKey, buyerKey, normaliseName, normalisePhone } from './audit-rules.ts';

/** Statuses whose orders can still be merged with a new one of the same buyer. */
const mergeableStatuses = ['pending_review', 'approved', 'backordered'];
const velocityLookbackMs = 7 * 24 * 3600 * 1000;

/** The keys an order is matched on; null where the order has nothing to match (no phone, no street). */
export interface OrderKeys {
  phoneKey: string | null;
  addressKey: string | null;
  buyerKey: string | null;
}

export function keysOf(order: NormalisedOrder): OrderKeys {
  return {
    phoneKey: normalisePhone(order.shippingAddress.phone, order.shippingAddress.country),
    addressKey: addressKey(order.shippingAddress) || null,
    buyerKey: buyerKey(order) || null,
  };
}

const presentKeys = (keys: readonly (string | null)[]) => [
  ...new Set(keys.filter((k): k is string => k !== null)),
];

function pushTo(map: Map<string, string[]>, key: string | null, value: string): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function blocklistCandidates(orders: readonly NormalisedOrder[], keys: OrderKeys[]): string[] {
  const values = new Set<string>(['']);
  orders.forEach((order, i) => {
    if (keys[i].phoneKey) values.add(keys[i].phoneKey as string);
    const customerPhone = order.customer.phone
      ? normalisePhone(order.customer.phone, order.shippingAddress.country)
      : null;
    if (customerPhone) values.add(customerPhone);
    if (order.customer.email) values.add(order.customer.email.toLowerCase());
    values.add(normaliseName(order.customer.name));
    values.add(normaliseName(order.shippingAddress.name));
    if (keys[i].addressKey) values.add(keys[i].addressKey as string);
  });
  return [...values];
}

/**
 * Everything the audit checks need besides the orders themselves, loaded with a handful of
 * queries per batch (never one per order): catalog state, blocklist, the last week's orders of
 * the same phones and addresses, and the buyers' open orders.
 */
export async function loadAuditContext(
  tx: Executor,
  catalog: Pick<Catalog, 'skuStates'>,
  orders: readonly NormalisedOrder[],
  now: Date,
  /** When re-judging a stored order: leave it out of its own velocity and merge counts. */
  excludeOrderId?: string,
  mergeWindowHours = 48,
): Promise<AuditContext> {
  const keys = orders.map(keysOf);
  const phones = presentKeys(keys.map((k) => k.phoneKey));
  const addresses = presentKeys(keys.map((k) => k.addressKey));
  const buyers = presentKeys(keys.map((k) => k.buyerKey));
  const since = new Date(
    Math.min(now.getTime(), ...orders.map((o) => Date.parse(o.placedAt))) - velocityLookbackMs,
  ).toISOString();
  const recentBy = (column: 'phone_key' | 'address_key', keys: string[]) =>
    repo.recentTimesBy(tx, column, keys, since, excludeOrderId);
  const [skuStates, blocklistRows, phoneRows, addressRows, openRows] = await Promise.all([
    catalog.skuStates(tx, [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))]),
    // Only entries that could match this batch: the blocklist may be long, a batch is not.
    repo.blocklistMatching(tx, blocklistCandidates(orders, keys)),
    recentBy('phone_key', phones),
    recentBy('address_key', addresses),
    repo.buyersOpenOrders(
      tx,
      buyers,
      mergeableStatuses,
      new Date(now.getTime() - mergeWindowHours * 3600_000).toISOString(),
      excludeOrderId,
    ),
  ]);
  const byPhone = new Map<string, string[]>();
  const byAddress = new Map<string, string[]>();
  for (const row of phoneRows) pushTo(byPhone, row.key, row.placed_at);
  for (const row of addressRows) pushTo(byAddress, row.key, row.placed_at);
  // Orders of the same batch count for each other too: a burst often arrives in one file or call.
  // An order's own time never counts for it (the window ends just before its placedAt).
  orders.forEach((order, i) => {
    pushTo(byPhone, keys[i].phoneKey, order.placedAt);
    pushTo(byAddress, keys[i].addressKey, order.placedAt);
  });
  // VELOCITY counts with binary search over ascending times.
  for (const list of [...byPhone.values(), ...byAddress.values()]) list.sort();
  const openOrdersByBuyer = new Map<string, string[]>();
  for (const row of openRows) pushTo(openOrdersByBuyer, row.buyer_key, row.number);
  const blocklist = {
    phones: new Set<string>(),
    emails: new Set<string>(),
    names: new Set<string>(),
    addresses: new Set<string>(),
  };
  const kinds = {
    phone: blocklist.phones,
    email: blocklist.emails,
    name: blocklist.names,
    address: blocklist.addresses,
  } as Record<string, Set<string>>;
  for (const row of blocklistRows) kinds[row.kind]?.add(row.value);
  return { now, skuStates, blocklist, recentOrders: { byPhone, byAddress }, openOrdersByBuyer };
}

/**
 * Customer tier for the priority score, from the buyer's earlier orders (not cancelled):
 * none → new, 1–4 → regular, 5 or more → vip. One grouped query per batch.
 */
export async function loadCustomerTiers(
  tx: Executor,
  orders: readonly NormalisedOrder[],
): Promise<Map<string, 'vip' | 'regular' | 'new'>> {
  const buyers = presentKeys(orders.map((o) => keysOf(o).buyerKey));
  const rows = await repo.buyersOrderCounts(tx, buyers);
  const counts = new Map(rows.map((r) => [r.buyer_key ?? '', Number(r.n)]));
  return new Map(buyers.map((b) => [b, tierOf(counts.get(b) ?? 0)]));
}

export function tierOf(earlierOrders: number): 'vip' | 'regular' | 'new' {
  if (earlierOrders >= 5) return 'vip';
  return earlierOrders >= 1 ? 'regular' : 'new';
}
