import dayjs from 'dayjs';
import { currentLanguage } from './i18n';

/** Money travels as decimal strings; display it in the console's language. */
export function formatMoney(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  try {
    return new Intl.NumberFormat(currentLanguage(), {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDateTimeSeconds(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';
}

const decimalPattern = /^-?\d+(\.\d{1,2})?$/;

/** True for the decimal strings the API accepts as money (at most two decimals). */
export function isMoney(value: string): boolean {
  return decimalPattern.test(value.trim());
}

/**
 * Totals in the new-order form are summed in integer cents so that 0.1 + 0.2 stays 0.30;
 * every currency the form offers has two decimals.
 */
export function toCents(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  const text = String(value).trim();
  if (!decimalPattern.test(text)) return Number.NaN;
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -cents : cents;
}

export function fromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
