import { AppError } from './errors.ts';

const fractionDigitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (CNY 2, JPY 0, KWD 3), from the runtime's ISO 4217 data. */
export function currencyDigits(currency: string): number {
  let digits = fractionDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
    fractionDigitsCache.set(currency, digits);
  }
  return digits;
}

export function isKnownCurrency(currency: string): boolean {
  if (!/^[A-Z]{3}$/.test(currency)) return false;
  try {
    currencyDigits(currency);
    return true;
  } catch {
    return false;
  }
}

const decimalPattern = /^(-)?(\d{1,15})(?:\.(\d+))?$/;

/** "59.90" in CNY → 5990. More decimals than the currency has is an error, not a rounding. */
export function toMinor(amount: string, currency: string, field: string): number {
  const match = decimalPattern.exec(amount);
  if (!match) throw new AppError('INVALID_MONEY', `${field}: "${amount}" is not a decimal amount`, { field });
  const [, sign, whole, fraction = ''] = match;
  const digits = currencyDigits(currency);
  if (fraction.length > digits) {
    throw new AppError('INVALID_MONEY', `${field}: ${currency} has ${digits} decimal places`, { field });
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return sign ? -minor : minor;
}

/** 5990 in CNY → "59.90". */
export function fromMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
}
