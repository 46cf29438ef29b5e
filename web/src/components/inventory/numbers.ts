import { currentLanguage } from '../../i18n';

/** Whole units with the language's grouping: 12,480 / 12,480. */
export function formatQuantity(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

/** A rate or average with at most `digits` decimals. */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: digits }).format(value);
}

/** A share given as 0–1, shown as a percentage: 0.954 → 95.4%. */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(currentLanguage(), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(share);
}

/** A signed change: +5, −3 (a true minus sign), 0. */
export function formatDelta(value: number): string {
  if (value > 0) return `+${formatQuantity(value)}`;
  if (value < 0) return `−${formatQuantity(-value)}`;
  return '0';
}
