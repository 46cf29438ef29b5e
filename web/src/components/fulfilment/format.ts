import { logisticsCurrency } from '../../api/fulfilment';
import { formatMoney } from '../../format';
import { formatDecimal } from '../inventory/numbers';

/** Parcel weights are kept in grams; shown as kg once they reach one kilogram. */
export function formatWeight(grams: number | null | undefined): string {
  if (grams === null || grams === undefined) return '—';
  return grams >= 1000 ? `${formatDecimal(grams / 1000)} kg` : `${formatDecimal(grams, 0)} g`;
}

/** Freight prices and costs per parcel, in the carriers' billing currency. */
export function formatFreight(amount: string | null | undefined): string {
  return formatMoney(amount, logisticsCurrency);
}
