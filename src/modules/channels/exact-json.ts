import { isSafeNumber, parse } from 'lossless-json';

/**
 * Parses a platform's JSON keeping every integer exact: numbers beyond 2^53 (Shopify order,
 * line and customer ids) come back as their decimal string; safe numbers as numbers.
 * `JSON.parse` would round 820982911946154508 to 820982911946154500.
 */
export function parseExactJson(text: string): unknown {
  return parse(text, null, (digits) => (isSafeNumber(digits) ? Number(digits) : digits));
}

/** An id as the platform sent it (number or string), as a decimal string; empty when missing. */
export function idText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A money amount as a decimal string; platforms send strings ("199.00") or numbers (3). */
export function amountText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
