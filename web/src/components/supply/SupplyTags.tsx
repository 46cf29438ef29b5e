import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderStatus, Stocktake, StocktakeStatus } from '../../api/supply';

// Typed as complete records, so a status the contract adds fails the typecheck here.
const poColors: Record<PurchaseOrderStatus, string> = {
  draft: 'default',
  sent: 'blue',
  partly_received: 'orange',
  received: 'green',
  cancelled: 'default',
};
const stocktakeColors: Record<StocktakeStatus, string> = {
  counting: 'blue',
  review: 'orange',
  approved: 'green',
  cancelled: 'default',
};

export const purchaseOrderStatuses = Object.keys(poColors) as PurchaseOrderStatus[];
export const stocktakeStatuses = Object.keys(stocktakeColors) as StocktakeStatus[];

export function PurchaseOrderStatusTag({ status }: { status: PurchaseOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={poColors[status]} data-testid="po-status" data-status={status}>
      {t(`supply.poStatus.${status}`)}
    </Tag>
  );
}

export function StocktakeStatusTag({ status }: { status: StocktakeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={stocktakeColors[status]} data-testid="stocktake-status" data-status={status}>
      {t(`supply.stocktakeStatus.${status}`)}
    </Tag>
  );
}

/** "Overdue" in red: the PO passed its due date without being fully received. */
export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="po-overdue">
      {t('supply.purchaseOrders.overdue')}
    </Tag>
  );
}

/** "Full count" or "Cycle count · A B". */
export function StocktakeKind({ stocktake }: { stocktake: Pick<Stocktake, 'kind' | 'classes'> }) {
  const { t } = useTranslation();
  const kind = t(`supply.stocktakeKind.${stocktake.kind}`);
  return <>{stocktake.classes?.length ? `${kind} · ${stocktake.classes.join(' ')}` : kind}</>;
}
