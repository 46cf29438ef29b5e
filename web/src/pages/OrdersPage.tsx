import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { catalogApi } from '../api/catalog';
import { type OrderListItem, orderStatuses, ordersApi } from '../api/orders';
import { useAuth } from '../auth';
import { CursorTable } from '../components/CursorTable';
import { EnumText, HoldTag, OrderStatusTag } from '../components/StatusTags';
import { formatDateTime, formatMoney } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

export default function OrdersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  // Filters live in the URL so that "back" from an order returns to the same list.
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const channel = params.get('channel') ?? '';
  const q = params.get('q') ?? '';
  usePageTitle(t('orders.title'));

  const channels = useLoader(() => catalogApi.channels.list(), []);
  const channelNames = new Map((channels.data?.items ?? []).map((c) => [c.id, c.name || c.id]));
  const list = useCursorList((page) => ordersApi.list({ ...page, status, channel, q }), [status, channel, q]);

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<OrderListItem> = [
    {
      title: t('orders.number'),
      dataIndex: 'number',
      render: (number: string, order) => (
        <Link to={`/orders/${order.id}`} onClick={(event) => event.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    { title: t('orders.placedAt'), dataIndex: 'placedAt', render: formatDateTime },
    { title: t('orders.channel'), dataIndex: 'channel', render: (id: string) => channelNames.get(id) ?? id },
    { title: t('orders.externalId'), dataIndex: 'externalId' },
    { title: t('orders.customer'), dataIndex: 'customerName' },
    {
      title: t('orders.status'),
      dataIndex: 'status',
      render: (value: OrderListItem['status']) => <OrderStatusTag status={value} testId="order-row-status" />,
    },
    {
      title: t('orders.holds'),
      dataIndex: 'holds',
      render: (holds: string[]) =>
        holds.length ? holds.map((code) => <HoldTag key={code} code={code} />) : null,
    },
    {
      title: t('orders.type'),
      dataIndex: 'type',
      render: (type: string) => <EnumText group="orderType" value={type} />,
    },
    { title: t('orders.lineCount'), dataIndex: 'lineCount', align: 'right' },
    {
      title: t('orders.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string, order) => formatMoney(total, order.currency),
    },
  ];

  const hasFilters = Boolean(status || channel || q);
  return (
    <Card
      title={t('orders.title')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          {can('orders:write') ? (
            <Link to="/orders/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-order">
                {t('orders.new')}
              </Button>
            </Link>
          ) : null}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('orders.allStatuses')}
          value={status || undefined}
          onChange={(value?: string) => setFilter('status', value)}
          options={orderStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          style={{ width: 180 }}
          data-testid="filter-status"
        />
        <Select
          allowClear
          placeholder={t('orders.allChannels')}
          value={channel || undefined}
          onChange={(value?: string) => setFilter('channel', value)}
          options={[...channelNames].map(([value, label]) => ({ value, label }))}
          loading={channels.isLoading}
          style={{ width: 180 }}
          data-testid="filter-channel"
        />
        <Input.Search
          allowClear
          defaultValue={q}
          key={q}
          placeholder={t('orders.searchPlaceholder')}
          onSearch={(value) => setFilter('q', value.trim())}
          style={{ width: 340 }}
          data-testid="filter-search"
        />
      </Space>
      <CursorTable<OrderListItem>
        list={list}
        testId="orders-table"
        columns={columns}
        onRow={(order) => ({
          onClick: () => navigate(`/orders/${order.id}`),
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={hasFilters ? t('orders.noMatches') : t('orders.empty')}
              data-testid="orders-empty"
            />
          ),
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('orders.searchHint')}
      </Typography.Paragraph>
    </Card>
  );
}
