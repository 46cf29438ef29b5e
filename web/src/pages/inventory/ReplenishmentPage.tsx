import { ReloadOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Typography } from 'antd';
import { type Key, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type PurchaseOrder, type Suggestion, supplyApi } from '../../api/supply';
import { useAuth } from '../../auth';
import { WarehouseSelect } from '../../components/inventory/WarehouseSelect';
import { CreatedPurchaseOrders } from '../../components/supply/CreatedPurchaseOrders';
import { formatCost } from '../../components/supply/format';
import { SuggestionsTable, suggestionKey } from '../../components/supply/SuggestionsTable';
import { SupplierSelect } from '../../components/supply/SupplierSelect';
import { errorText } from '../../errors';
import { fromCents, toCents } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

/** The chosen rows grouped by warehouse: one request per warehouse, one draft per supplier in it. */
function byWarehouse(rows: { warehouse: string; sku: string; quantity: number }[]) {
  const groups = new Map<string, { sku: string; quantity: number }[]>();
  for (const row of rows) {
    groups.set(row.warehouse, [
      ...(groups.get(row.warehouse) ?? []),
      { sku: row.sku, quantity: row.quantity },
    ]);
  }
  return [...groups];
}

export default function ReplenishmentPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const warehouse = params.get('warehouse') ?? '';
  const supplier = params.get('supplier') ?? '';
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [selected, setSelected] = useState<Key[]>([]);
  const [created, setCreated] = useState<PurchaseOrder[]>([]);
  const [isCreating, setIsCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  const suggestions = useLoader(
    () => supplyApi.suggestions({ warehouse: warehouse || undefined, supplier: supplier || undefined }),
    [warehouse, supplier],
  );
  const canOrder = can('inventory:manage');
  usePageTitle(t('supply.replenishment.title'));

  const items = suggestions.data?.items ?? [];
  const quantityOf = (row: Suggestion) => quantities[suggestionKey(row)] ?? row.quantity;
  const chosen = items.filter((row) => row.supplier && selected.includes(suggestionKey(row)));
  const estimate = chosen.reduce((sum, row) => sum + quantityOf(row) * toCents(row.unitCost), 0);

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    setSelected([]);
  };

  const createOrders = async () => {
    setIsCreating(true);
    setCreateError(null);
    const made: PurchaseOrder[] = [];
    try {
      const rows = chosen.map((row) => ({
        warehouse: row.warehouse,
        sku: row.sku,
        quantity: quantityOf(row),
      }));
      for (const [code, lines] of byWarehouse(rows)) {
        const result = await supplyApi.purchaseOrders.fromSuggestions({ warehouse: code, items: lines });
        made.push(...result.items);
      }
      setSelected([]);
      setQuantities({});
    } catch (failure) {
      setCreateError(failure);
    } finally {
      setCreated(made);
      setIsCreating(false);
      if (made.length > 0) suggestions.reload();
    }
  };

  const selectionText = () => {
    if (chosen.length === 0) return t('supply.replenishment.selectHint');
    if (chosen.some((row) => row.unitCost === null))
      return t('supply.replenishment.selectionNoCost', { count: chosen.length });
    return t('supply.replenishment.selection', {
      count: chosen.length,
      value: formatCost(fromCents(estimate)),
    });
  };

  const hasFilters = Boolean(warehouse || supplier);
  return (
    <Card
      title={t('supply.replenishment.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={suggestions.reload} aria-label={t('common.refresh')} />
      }
    >
      <Typography.Paragraph type="secondary">{t('supply.replenishment.intro')}</Typography.Paragraph>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: 16,
          flexWrap: 'wrap',
          marginBottom: 16,
        }}
      >
        <Space wrap>
          <WarehouseSelect
            allowClear
            placeholder={t('supply.common.allWarehouses')}
            value={warehouse || undefined}
            onChange={(value) => setFilter('warehouse', typeof value === 'string' ? value : undefined)}
            width={220}
            data-testid="filter-warehouse"
          />
          <SupplierSelect
            allowClear
            placeholder={t('supply.common.allSuppliers')}
            value={supplier || undefined}
            onChange={(value) => setFilter('supplier', value)}
            style={{ width: 240 }}
            data-testid="filter-supplier"
          />
        </Space>
        {canOrder ? (
          <Space wrap>
            <Typography.Text type="secondary" data-testid="selection-summary">
              {selectionText()}
            </Typography.Text>
            <Button
              type="primary"
              icon={<ShoppingCartOutlined />}
              disabled={chosen.length === 0}
              loading={isCreating}
              onClick={createOrders}
              data-testid="create-purchase-orders"
            >
              {t('supply.replenishment.createOrders')}
            </Button>
          </Space>
        ) : null}
      </div>
      {created.length > 0 ? <CreatedPurchaseOrders orders={created} onClose={() => setCreated([])} /> : null}
      {createError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, createError)}
          style={{ marginBottom: 16 }}
          data-testid="create-pos-error"
        />
      ) : null}
      {suggestions.error ? (
        <Alert type="error" showIcon title={errorText(t, suggestions.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <SuggestionsTable
        items={items}
        isLoading={suggestions.isLoading}
        quantities={quantities}
        onQuantity={(key, quantity) => setQuantities((current) => ({ ...current, [key]: quantity }))}
        selected={selected}
        onSelect={setSelected}
        canOrder={canOrder}
        emptyText={
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={hasFilters ? t('supply.replenishment.noMatches') : t('supply.replenishment.empty')}
            data-testid="suggestions-empty"
          />
        }
      />
    </Card>
  );
}
