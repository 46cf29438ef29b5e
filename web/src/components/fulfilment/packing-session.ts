import type { PackingView } from '../../api/fulfilment';

export type PackingItem = PackingView['items'][number];
/** Units accepted so far, by SKU code. */
export type ScannedCounts = Record<string, number>;

export type ScanVerdict =
  | { kind: 'accepted'; item: PackingItem; scanned: number }
  /** Not in this order at all: the wrong item was picked or put in the tote. */
  | { kind: 'wrong'; code: string }
  /** In the order, but every unit of it is already in the parcel. */
  | { kind: 'extra'; item: PackingItem };

/**
 * What one scan at the bench means, before anything is counted. The same matching as the
 * server's check when the parcel closes: a SKU code or its barcode stands for one unit.
 */
export function judgeScan(items: readonly PackingItem[], scanned: ScannedCounts, code: string): ScanVerdict {
  const item = items.find((candidate) => candidate.sku === code || candidate.barcode === code);
  if (!item) return { kind: 'wrong', code };
  const count = scanned[item.sku] ?? 0;
  if (count >= item.quantity) return { kind: 'extra', item };
  return { kind: 'accepted', item, scanned: count + 1 };
}

export function unitsOf(items: readonly PackingItem[]): number {
  return items.reduce((sum, item) => sum + item.quantity, 0);
}

export function unitsScanned(scanned: ScannedCounts): number {
  return Object.values(scanned).reduce((sum, count) => sum + count, 0);
}
