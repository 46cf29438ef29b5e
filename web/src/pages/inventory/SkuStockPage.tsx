import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { inventoryApi, inventoryCurrency, type SkuLevel, type SkuStock } from '../../api/inventory';
import { staffApi } from '../../api/staff';
import { useAuth } from '../../auth';
import { MovementLedger } from '../../components/inventory/MovementLedger';
import { formatQuantity } from '../../components/inventory/numbers';
import { PlanCard } from '../../components/inventory/PlanCard';
import { PlanModal } from '../../components/inventory/PlanModal';
import { SkuLevelsCard } from '../../components/inventory/SkuLevelsCard';
import { SkuPlanningModal } from '../../components/inventory/SkuPlanningModal';
import { AdjustStockModal } from '../../components/inventory/StockModals';
import { isNotFound, NotFoundResult } from '../../components/NotFoundResult';
import { errorText } from '../../errors';
import { formatMoney } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

type Dialog =
  | { kind: 'sku' }
  | { kind: 'plan'; level: SkuLevel }
  | { kind: 'adjust'; level: SkuLevel }
  | null;

/** The SKU's name, totals over all warehouses and the facts planning works from. */
function SkuHeader({ stock, onEdit }: { stock: SkuStock; onEdit?: () => void }) {
  const { t } = useTranslation();
  const { sku, levels } = stock;
  const total = (pick: (level: SkuLevel) => number) =>
    formatQuantity(levels.reduce((sum, level) => sum + pick(level), 0));
  return (
    <Card>
      <Space wrap align="center" style={{ marginBottom: 16 }}>
        <Link to="/inventory/stock" aria-label={t('inventory.sku.backToStock')}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="sku-code">
          {sku.code}
        </Typography.Title>
        <Typography.Text>{sku.name}</Typography.Text>
        {levels.some((level) => level.isLow) ? <Tag color="red">{t('inventory.common.low')}</Tag> : null}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        extra={
          onEdit ? (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="sku-planning-edit">
              {t('inventory.sku.editPlanning')}
            </Button>
          ) : null
        }
        title={t('inventory.sku.planningFields')}
        items={[
          { key: 'onHand', label: t('inventory.sku.totalOnHand'), children: total((level) => level.onHand) },
          {
            key: 'available',
            label: t('inventory.sku.totalAvailable'),
            children: total((level) => level.available),
          },
          {
            key: 'incoming',
            label: t('inventory.sku.totalIncoming'),
            children: total((level) => level.incoming),
          },
          { key: 'category', label: t('inventory.sku.category'), children: sku.category || '—' },
          {
            key: 'unitCost',
            label: t('inventory.sku.unitCost'),
            children: formatMoney(sku.unitCost, inventoryCurrency),
          },
          {
            key: 'supplier',
            label: t('inventory.sku.supplier'),
            children: sku.supplier ? `${sku.supplier.code} · ${sku.supplier.name}` : '—',
          },
          { key: 'owner', label: t('inventory.sku.owner'), children: <OwnerName userId={sku.ownerUserId} /> },
        ]}
      />
    </Card>
  );
}

/** The owner by name where the directory is readable, else the bare id. */
function OwnerName({ userId }: { userId: string | null }) {
  const users = useLoader(
    () => (userId ? staffApi.users.directory() : Promise.resolve({ items: [] })),
    [userId],
  );
  if (!userId) return <>—</>;
  return <>{users.data?.items.find((user) => user.id === userId)?.displayName ?? userId}</>;
}

export default function SkuStockPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { code = '' } = useParams();
  const loader = useLoader(() => inventoryApi.skus.get(code), [code]);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Bumped after a change so the ledger shows the movement it wrote.
  const [ledgerVersion, setLedgerVersion] = useState(0);
  const stock = loader.data;
  usePageTitle(t('inventory.sku.title', { code }));

  if (loader.error) {
    // The server answers an unknown code with 422 UNKNOWN_SKU rather than 404.
    const isMissing =
      isNotFound(loader.error) || (loader.error instanceof ApiError && loader.error.code === 'UNKNOWN_SKU');
    if (isMissing) {
      return (
        <NotFoundResult
          title={t('inventory.sku.notFound', { code })}
          backTo="/inventory/stock"
          backLabel={t('inventory.sku.backToStock')}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(t, loader.error)} />;
  }
  if (!stock) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const saved = (next: SkuStock) => {
    setDialog(null);
    loader.setData(next);
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="sku-stock">
      <SkuHeader
        stock={stock}
        onEdit={can('inventory:manage') ? () => setDialog({ kind: 'sku' }) : undefined}
      />
      <SkuLevelsCard
        stock={stock}
        onAdjust={(level) => setDialog({ kind: 'adjust', level })}
        onPlan={(level) => setDialog({ kind: 'plan', level })}
      />
      <PlanCard stock={stock} />
      <MovementLedger sku={stock.sku.code} version={ledgerVersion} />
      {dialog?.kind === 'sku' ? (
        <SkuPlanningModal stock={stock} onClose={() => setDialog(null)} onSaved={saved} />
      ) : null}
      {dialog?.kind === 'plan' ? (
        <PlanModal
          sku={stock.sku.code}
          level={dialog.level}
          onClose={() => setDialog(null)}
          onSaved={(next) => {
            message.success(t('inventory.plan.saved', { warehouse: dialog.level.warehouse }));
            saved(next);
          }}
        />
      ) : null}
      {dialog?.kind === 'adjust' ? (
        <AdjustStockModal
          target={{ sku: stock.sku.code, warehouse: dialog.level.warehouse }}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            loader.reload();
            setLedgerVersion((version) => version + 1);
          }}
        />
      ) : null}
    </Space>
  );
}
