import dayjs from 'dayjs';
import { inventoryCurrency } from '../../api/inventory';
import { formatMoney } from '../../format';

/** A calendar day (due dates, arrival dates): the time of day would be noise. */
export function formatDay(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** A stock difference with its sign, "+3" or "−2" (a real minus sign, as in the reports). */
export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value > 0) return `+${value}`;
  return value < 0 ? `−${-value}` : '0';
}

/** Costs, totals and variance values: the inventory books carry no currency of their own. */
export function formatCost(amount: string | null | undefined): string {
  return formatMoney(amount, inventoryCurrency);
}

/** Progress as a whole percentage, 0 when there is nothing to do. */
export function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.min(100, Math.round((done / total) * 100));
}
