import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fulfilmentApi, type PackingView, type Shipment } from '../../api/fulfilment';
import { errorText } from '../../errors';
import { judgeScan, type ScannedCounts, unitsOf, unitsScanned } from './packing-session';
import type { ScanOutcome } from './scan-feedback';

/** order: waiting for an order scan · items: scanning units · packed: ready to ship · shipped: done. */
export type PackingStage = 'order' | 'items' | 'packed' | 'shipped';
export type Parcel = { weightGrams: number; lengthMm?: number; widthMm?: number; heightMm?: number };
type Notice = { outcome: ScanOutcome; text: string };

const initial = {
  stage: 'order' as PackingStage,
  view: null as PackingView | null,
  /** Accepted scans exactly as scanned, one per unit: what the server checks again on closing. */
  scans: [] as string[],
  counts: {} as ScannedCounts,
  notice: null as Notice | null,
  /** A wrong or extra item: the parcel stays shut until the packer confirms it is out. */
  refusal: null as string | null,
  /** A request the server refused (a mismatch on closing, no carrier service). */
  failure: null as unknown,
  shipment: null as Shipment | null,
};
type State = typeof initial;

/**
 * The packing bench as a small state machine: scan the order (or its tote), scan every unit,
 * weigh and close, ship. Wrong or extra items are refused on the spot and never counted.
 */
export function usePackingStation(signal: (outcome: ScanOutcome) => void) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>(initial);
  const [isBusy, setIsBusy] = useState(false);
  const update = (change: Partial<State>) => setState((current) => ({ ...current, ...change }));
  const reset = useCallback(() => setState(initial), []);

  const run = async (action: () => Promise<void>) => {
    setIsBusy(true);
    try {
      await action();
    } finally {
      setIsBusy(false);
    }
  };

  const openOrder = (reference: string) =>
    run(async () => {
      try {
        const view = await fulfilmentApi.packing.find(reference);
        if (view.status !== 'picking' && view.status !== 'packed') {
          signal('error');
          const status = t(`status.${view.status}`, { defaultValue: view.status });
          update({
            ...initial,
            notice: {
              outcome: 'error',
              text: t('fulfilment.packing.notPackable', { number: view.number, status }),
            },
          });
          return;
        }
        signal('ok');
        const isPacked = view.status === 'packed';
        setState({
          ...initial,
          stage: isPacked ? 'packed' : 'items',
          view,
          notice: {
            outcome: 'ok',
            text: t(isPacked ? 'fulfilment.packing.resumePacked' : 'fulfilment.packing.orderOpened', {
              number: view.number,
            }),
          },
        });
      } catch (failure) {
        signal('error');
        const text =
          failure instanceof ApiError && failure.status === 404
            ? t('fulfilment.packing.orderNotFound', { reference })
            : errorText(t, failure);
        update({ ...initial, notice: { outcome: 'error', text } });
      }
    });

  const scanItem = (code: string) => {
    if (!state.view) return;
    // The tote's label scanned again is not an item: say so instead of refusing it.
    if (code === state.view.number) {
      update({ notice: { outcome: 'ok', text: t('fulfilment.packing.orderOpened', { number: code }) } });
      return;
    }
    const verdict = judgeScan(state.view.items, state.counts, code);
    if (verdict.kind === 'accepted') {
      signal('ok');
      const counts = { ...state.counts, [verdict.item.sku]: verdict.scanned };
      const isComplete = unitsScanned(counts) === unitsOf(state.view.items);
      update({
        counts,
        scans: [...state.scans, code],
        failure: null,
        notice: {
          outcome: 'ok',
          text: isComplete
            ? t('fulfilment.packing.allScanned')
            : t('fulfilment.packing.accepted', {
                sku: verdict.item.sku,
                scanned: verdict.scanned,
                quantity: verdict.item.quantity,
              }),
        },
      });
      return;
    }
    signal('error');
    const text =
      verdict.kind === 'wrong'
        ? t('fulfilment.packing.wrongItem', { code, number: state.view.number })
        : t('fulfilment.packing.extraItem', { sku: verdict.item.sku, quantity: verdict.item.quantity });
    // The refusal itself is the message: it stays until the packer confirms the item is out.
    update({ refusal: text, notice: null });
  };

  const scan = (code: string) => (state.stage === 'items' ? scanItem(code) : openOrder(code));

  const close = (parcel: Parcel) =>
    run(async () => {
      if (!state.view) return;
      try {
        const view = await fulfilmentApi.packing.pack(state.view.orderId, { scans: state.scans, ...parcel });
        signal('ok');
        update({
          stage: 'packed',
          view,
          failure: null,
          notice: { outcome: 'ok', text: t('fulfilment.packing.closed', { number: view.number }) },
        });
      } catch (failure) {
        signal('error');
        update({ failure });
      }
    });

  const ship = () =>
    run(async () => {
      if (!state.view) return;
      try {
        const shipment = await fulfilmentApi.packing.ship(state.view.orderId);
        signal('ok');
        update({
          stage: 'shipped',
          shipment,
          view: { ...state.view, status: 'shipped' },
          failure: null,
          notice: null,
        });
      } catch (failure) {
        signal('error');
        update({ failure });
      }
    });

  const isComplete = state.view !== null && unitsScanned(state.counts) === unitsOf(state.view.items);
  return {
    ...state,
    isBusy,
    isComplete,
    scan,
    close,
    ship,
    clearRefusal: () => update({ refusal: null }),
    reset,
  };
}

export type PackingStation = ReturnType<typeof usePackingStation>;
