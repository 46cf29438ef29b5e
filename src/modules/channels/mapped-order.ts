/** A platform's order read into Ordo's canonical order, with what the platform says of its state. */
export interface MappedOrder {
  externalId: string;
  /** The canonical order (CONTRACT.md) for intake, which keeps what it can and holds the rest. */
  order: CanonicalOrderInput;
  /** The platform cancelled (or deleted, or refunded) the order. */
  isCancelled: boolean;
  /** When the platform last changed the order, if it says. */
  updatedAt?: string;
}

/** The canonical order as a sender writes it: intake parses and salvages it. */
export interface CanonicalOrderInput {
  channel: string;
  externalId: string;
  placedAt?: string;
  currency?: string;
  customer?: { name?: string; email?: string; phone?: string };
  shippingAddress?: {
    name?: string;
    phone?: string;
    country?: string;
    province?: string;
    city?: string;
    line1?: string;
    line2?: string;
    postalCode?: string;
  };
  lines: { sku?: string; quantity?: unknown; unitPrice?: string; name?: string }[];
  shippingFee?: string;
  discount?: string;
  total?: string;
  payment?: { status: string; method?: string; paidAmount?: string; paidAt?: string };
  buyerNote?: string;
  sellerNote?: string;
}

/** A signed delivery whose body cannot be read as an order: kept, shown and replayable. */
export class UnmappablePayload extends Error {}

/** Sum of decimal strings in minor units of 2 decimals, back as a decimal string. */
export function sumAmounts(amounts: readonly (string | undefined)[]): string {
  let cents = 0n;
  for (const amount of amounts) {
    if (!amount) continue;
    const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(amount);
    if (!match) continue;
    const value = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
    cents += match[1] ? -value : value;
  }
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function joinName(...parts: unknown[]): string | undefined {
  const name = parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .join(' ');
  return name || undefined;
}
