import { Card, Empty, Segmented, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { inventoryApi, type StockAlert } from '../../api/inventory';
import { CursorTable } from '../../components/CursorTable';
import { formatQuantity } from '../../components/inventory/numbers';
import { SkuCell } from '../../components/inventory/StockTags';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

type AlertStatus = 'open' | 'all';

export default function StockAlertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status: AlertStatus = params.get('status') === 'all' ? 'all' : 'open';
  const list = useCursorList((page) => inventoryApi.alerts.list({ ...page, status }), [status]);
  usePageTitle(t('inventory.alerts.title'));

  const columns: ColumnsType<StockAlert> = [
    {
      title: t('inventory.common.sku'),
      dataIndex: 'sku',
      render: (code: string, alert) => <SkuCell code={code} name={alert.skuName} />,
    },
    {
      title: t('inventory.common.warehouse'),
      dataIndex: 'warehouse',
      render: (warehouse: string, alert) => (
        <Link
          to={`/inventory/stock?sku=${encodeURIComponent(alert.sku)}&warehouse=${encodeURIComponent(warehouse)}`}
        >
          {warehouse}
        </Link>
      ),
    },
    {
      title: t('inventory.common.available'),
      dataIndex: 'available',
      align: 'right',
      render: (available: number) => (
        <Typography.Text type="danger" strong>
          {formatQuantity(available)}
        </Typography.Text>
      ),
    },
    {
      title: t('inventory.common.warningLine'),
      dataIndex: 'warningLine',
      align: 'right',
      render: formatQuantity,
    },
    {
      title: t('inventory.alerts.shortBy'),
      key: 'short',
      align: 'right',
      render: (_, alert) => formatQuantity(Math.max(0, alert.warningLine - alert.available)),
    },
    { title: t('inventory.alerts.raisedAt'), dataIndex: 'raisedAt', render: formatDateTime },
    {
      title: t('common.status'),
      dataIndex: 'clearedAt',
      render: (clearedAt: string | null) =>
        clearedAt ? (
          <Tag color="green">{t('inventory.alerts.clearedAt', { at: formatDateTime(clearedAt) })}</Tag>
        ) : (
          <Tag color="red">{t('inventory.alerts.open')}</Tag>
        ),
    },
  ];

  return (
    <Card
      title={t('inventory.alerts.title')}
      extra={
        <Segmented<AlertStatus>
          value={status}
          onChange={(value) => setParams(value === 'all' ? { status: 'all' } : {}, { replace: true })}
          options={[
            { value: 'open', label: t('inventory.alerts.showOpen') },
            { value: 'all', label: t('inventory.alerts.showAll') },
          ]}
          data-testid="alerts-status"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('inventory.alerts.intro')}</Typography.Paragraph>
      <CursorTable<StockAlert>
        list={list}
        testId="alerts-table"
        columns={columns}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={status === 'open' ? t('inventory.alerts.noneOpen') : t('inventory.alerts.none')}
            />
          ),
        }}
      />
    </Card>
  );
}
