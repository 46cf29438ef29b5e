import { Alert, Card, Descriptions, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { OrderStatus } from '../../api/orders';
import { type CustomerView, serviceApi } from '../../api/service';
import { DataTable } from '../../components/DataTable';
import { OrderStatusTag } from '../../components/StatusTags';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

const empty: CustomerView = {
  customer: { name: null, email: null, phone: null },
  orders: [],
  complaints: [],
  returns: [],
  surveys: [],
};

/** One search box (phone, e-mail, order number, channel order id); everything about the customer below. */
export default function CustomerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const view = useLoader(() => (q ? serviceApi.customers.find(q) : Promise.resolve(empty)), [q]);
  usePageTitle(t('service.customer.title'));
  const v = view.data ?? empty;
  // Before a search the tables say what to type; after one, what this customer has none of.
  const emptyText = (found: string) => (q ? t(found, { q }) : t('service.customer.searchFirst'));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('service.customer.title')}>
        <Input.Search
          defaultValue={q}
          allowClear
          enterButton
          placeholder={t('service.customer.search')}
          onSearch={(value) => setParams(value ? { q: value.trim() } : {})}
          data-testid="customer-search"
        />
        {view.error ? (
          <Alert type="error" showIcon title={errorText(t, view.error)} style={{ marginTop: 16 }} />
        ) : null}
        {q && v.orders.length > 0 ? (
          <Descriptions style={{ marginTop: 16 }} size="small" column={3}>
            <Descriptions.Item label={t('service.customer.name')}>{v.customer.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('service.customer.email')}>
              {v.customer.email ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('service.customer.phone')}>
              {v.customer.phone ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <Card title={t('service.customer.orders')} size="small">
        <DataTable
          size="small"
          rowKey="id"
          pagination={false}
          loading={view.isLoading}
          dataSource={v.orders}
          data-testid="customer-orders"
          empty={q ? t('service.customer.noOrders', { q }) : t('service.customer.beforeSearch')}
          emptyTestId="customer-orders-empty"
          columns={[
            {
              title: '#',
              dataIndex: 'number',
              render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link>,
            },
            {
              title: t('service.customer.channel'),
              key: 'channel',
              render: (_, o) => `${o.channel} ${o.externalId ?? ''}`,
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: OrderStatus) => <OrderStatusTag status={s} />,
            },
            {
              title: t('service.customer.total'),
              key: 'total',
              render: (_, o) => `${o.total} ${o.currency}`,
            },
            { title: t('service.customer.placedAt'), dataIndex: 'placedAt', render: formatDateTime },
          ]}
        />
      </Card>
      <Card title={t('service.complaints.title')} size="small">
        <DataTable
          size="small"
          rowKey="id"
          pagination={false}
          loading={view.isLoading}
          dataSource={v.complaints}
          empty={emptyText('service.customer.noComplaints')}
          emptyTestId="customer-complaints-empty"
          columns={[
            {
              title: t('service.complaints.subject'),
              dataIndex: 'subject',
              render: (s: string, c) => <Link to={`/service/complaints/${c.id}`}>{s}</Link>,
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: string) => t(`service.status.${s}`),
            },
            { title: t('service.complaints.openedAt'), dataIndex: 'createdAt', render: formatDateTime },
          ]}
        />
      </Card>
      <Card title={t('service.returns.title')} size="small">
        <DataTable
          size="small"
          rowKey="id"
          pagination={false}
          loading={view.isLoading}
          dataSource={v.returns}
          empty={emptyText('service.customer.noReturns')}
          emptyTestId="customer-returns-empty"
          columns={[
            { title: '#', dataIndex: 'orderNumber' },
            {
              title: t('service.returns.kind'),
              dataIndex: 'kind',
              render: (k: string) => t(`service.returnKind.${k}`),
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: string) => t(`service.returnStatus.${s}`),
            },
          ]}
        />
      </Card>
      <Card title={t('service.surveys.title')} size="small">
        <DataTable
          size="small"
          rowKey="orderId"
          pagination={false}
          loading={view.isLoading}
          dataSource={v.surveys}
          empty={emptyText('service.customer.noSurveys')}
          emptyTestId="customer-surveys-empty"
          columns={[
            { title: 'CSAT', dataIndex: 'csat' },
            { title: 'NPS', dataIndex: 'nps' },
            { title: t('service.surveys.comment'), dataIndex: 'comment' },
          ]}
        />
      </Card>
    </Space>
  );
}
