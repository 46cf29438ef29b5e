import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
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

/**
 * The shop's time zone (the business calendar's), once the console has read it: operational
 * times are shown in it, as the pick lists and labels print them. Null = the browser's zone.
 */
let shopTimeZone: string | null = null;

export function setShopTimeZone(timeZone: string | null): void {
  shopTimeZone = timeZone;
}

/** `iso` as YYYY-MM-DD HH:mm(:ss) in the shop's zone, or the browser's before it is known. */
function inShopZone(iso: string, withSeconds: boolean): string {
  const pattern = withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm';
  if (!shopTimeZone) return dayjs(iso).format(pattern);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: shopTimeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const time = `${parts.hour}:${parts.minute}${withSeconds ? `:${parts.second}` : ''}`;
  return `${parts.year}-${parts.month}-${parts.day} ${time}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? inShopZone(iso, false) : '—';
}

export function formatDateTimeSeconds(iso: string | null | undefined): string {
  return iso ? inShopZone(iso, true) : '—';
}

/** "UTC+8 Asia/Shanghai": the zone's offset now and its name, for a hint beside the times. */
export function zoneLabel(timeZone: string, at = new Date()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return `${(name ?? 'GMT').replace('GMT', 'UTC')} ${timeZone}`;
}

/**
 * An operational time with its zone named, "2026-11-16 10:30 (UTC+8 Asia/Shanghai)", written as
 * the pick list and the label print it, so screen and paper can be compared at a glance.
 */
export function formatZonedDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const zone = shopTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${inShopZone(iso, false)} (${zoneLabel(zone, new Date(iso))})`;
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

/** A span of minutes as "2d 3h", "3h 20m" or "45m" in the console's language. */
export function formatDuration(t: TFunction, minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0) return t('duration.dh', { d: days, h: hours });
  if (hours > 0) return t('duration.hm', { h: hours, m: rest });
  return t('duration.m', { m: rest });
}

/** "due in 3h 20m" or "2h overdue" for a ship-by deadline, relative to `now` (epoch ms). */
export function formatCountdown(t: TFunction, iso: string | null, now: number): string {
  if (!iso) return t('sla.noDeadline');
  const minutes = (Date.parse(iso) - now) / 60_000;
  return minutes >= 0
    ? t('sla.dueIn', { time: formatDuration(t, minutes) })
    : t('sla.overdue', { time: formatDuration(t, -minutes) });
}
