import { CalendarOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Progress, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type Stocktake, supplyApi } from '../../api/supply';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { ConfirmModal } from '../../components/supply/ConfirmModal';
import { formatCost, percentOf } from '../../components/supply/format';
import { NewStocktakeModal } from '../../components/supply/NewStocktakeModal';
import { StocktakeKind, StocktakeStatusTag, stocktakeStatuses } from '../../components/supply/SupplyTags';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

export default function StocktakesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const [dialog, setDialog] = useState<'new' | 'plan' | null>(null);
  const list = useCursorList((page) => supplyApi.stocktakes.list({ ...page, status }), [status]);
  usePageTitle(t('supply.stocktakes.title'));

  const planCycleCounts = async () => {
    const planned = await supplyApi.stocktakes.planCycle();
    setDialog(null);
    if (planned.items.length === 0) message.info(t('supply.stocktakes.nothingDue'));
    else message.success(t('supply.stocktakes.planned', { count: planned.items.length }));
    list.reload();
  };

  const columns: ColumnsType<Stocktake> = [
    {
      title: t('supply.stocktakes.number'),
      dataIndex: 'number',
      render: (number: string, stocktake) => (
        <Link to={`/inventory/stocktakes/${stocktake.id}`} onClick={(event) => event.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    { title: t('supply.common.warehouse'), dataIndex: 'warehouse' },
    {
      title: t('supply.stocktakes.kind'),
      key: 'kind',
      render: (_, stocktake) => <StocktakeKind stocktake={stocktake} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (value: Stocktake['status']) => <StocktakeStatusTag status={value} />,
    },
    {
      title: t('supply.stocktakes.progress'),
      key: 'progress',
      width: 200,
      render: (_, stocktake) => (
        <Progress
          percent={percentOf(stocktake.countedCount, stocktake.lineCount)}
          size="small"
          format={() => `${stocktake.countedCount}/${stocktake.lineCount}`}
        />
      ),
    },
    {
      title: t('supply.stocktakes.varianceValue'),
      dataIndex: 'varianceValue',
      align: 'right',
      render: formatCost,
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('supply.stocktakes.closedAt'), dataIndex: 'closedAt', render: formatDateTime },
  ];

  const canWrite = can('inventory:write');
  return (
    <Card
      title={t('supply.stocktakes.title')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          {canWrite ? (
            <Button
              icon={<CalendarOutlined />}
              onClick={() => setDialog('plan')}
              data-testid="stocktake-plan"
            >
              {t('supply.stocktakes.planCycle')}
            </Button>
          ) : null}
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('new')}
              data-testid="stocktake-create"
            >
              {t('supply.stocktakes.create')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Select
        allowClear
        placeholder={t('supply.common.allStatuses')}
        value={status || undefined}
        onChange={(value?: string) => setParams(value ? { status: value } : {}, { replace: true })}
        options={stocktakeStatuses.map((value) => ({ value, label: t(`supply.stocktakeStatus.${value}`) }))}
        style={{ width: 180, marginBottom: 16 }}
        data-testid="filter-status"
      />
      <CursorTable<Stocktake>
        list={list}
        testId="stocktakes-table"
        columns={columns}
        onRow={(stocktake) => ({
          onClick: () => navigate(`/inventory/stocktakes/${stocktake.id}`),
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={status ? t('supply.stocktakes.noMatches') : t('supply.stocktakes.empty')}
              data-testid="stocktakes-empty"
            />
          ),
        }}
      />
      {dialog === 'new' ? (
        <NewStocktakeModal
          onClose={() => setDialog(null)}
          onCreated={(stocktake) => navigate(`/inventory/stocktakes/${stocktake.id}`)}
        />
      ) : null}
      {dialog === 'plan' ? (
        <ConfirmModal
          title={t('supply.stocktakes.planCycle')}
          text={t('supply.stocktakes.planCycleText')}
          okText={t('supply.stocktakes.planCycleConfirm')}
          testId="stocktake-plan-confirm"
          onClose={() => setDialog(null)}
          onConfirm={planCycleCounts}
        />
      ) : null}
    </Card>
  );
}
