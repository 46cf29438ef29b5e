import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type ReturnRequest, type ReturnSummary, serviceApi } from '../../api/service';
import { CursorTable } from '../../components/CursorTable';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

const outcomes = ['restock', 'quarantine', 'scrap'] as const;
type Outcome = (typeof outcomes)[number];

function ReturnDrawer({
  returnId,
  onClose,
  onChanged,
}: {
  returnId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<ReturnRequest | null>(null);
  const [warehouse, setWarehouse] = useState('main');
  const [inspection, setInspection] = useState<Record<number, Outcome>>({});
  const [loadedId, setLoadedId] = useState<string | null>(null);
  if (loadedId !== returnId) {
    setLoadedId(returnId);
    void serviceApi.returns.get(returnId).then(setDetail, (error) => message.error(errorText(t, error)));
  }
  async function act(work: () => Promise<ReturnRequest>) {
    try {
      setDetail(await work());
      onChanged();
    } catch (error) {
      message.error(errorText(t, error));
    }
  }
  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={detail ? `${t('service.returns.title')} · ${detail.orderNumber}` : ''}
    >
      {detail ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('common.status')}>
              <Tag data-testid="return-status">{t(`service.returnStatus.${detail.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('service.returns.kind')}>
              {t(`service.returnKind.${detail.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('service.returns.reason')}>{detail.reason}</Descriptions.Item>
            <Descriptions.Item label={t('service.returns.decision')}>
              {detail.decision ?? '—'}
            </Descriptions.Item>
            {detail.replacementOrderId ? (
              <Descriptions.Item label={t('service.returns.replacement')}>
                <Link to={`/orders/${detail.replacementOrderId}`}>
                  {t('service.returns.openReplacement')}
                </Link>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Table
            size="small"
            rowKey="lineNo"
            pagination={false}
            dataSource={detail.lines}
            columns={[
              { title: 'SKU', dataIndex: 'sku' },
              { title: t('service.returns.quantity'), dataIndex: 'quantity' },
              { title: t('service.returns.unitPrice'), dataIndex: 'unitPrice' },
              {
                title: t('service.returns.inspection'),
                key: 'outcome',
                render: (_, line) =>
                  line.outcome ? (
                    t(`service.outcome.${line.outcome}`)
                  ) : (
                    <Select<Outcome>
                      style={{ width: 140 }}
                      value={inspection[line.lineNo] ?? 'restock'}
                      onChange={(value) => setInspection({ ...inspection, [line.lineNo]: value })}
                      options={outcomes.map((o) => ({ value: o, label: t(`service.outcome.${o}`) }))}
                    />
                  ),
              },
            ]}
          />
          {detail.status === 'requested' ? (
            <Space>
              <Button type="primary" onClick={() => act(() => serviceApi.returns.decide(detail.id, true))}>
                {t('service.returns.approve')}
              </Button>
              <Button danger onClick={() => act(() => serviceApi.returns.decide(detail.id, false))}>
                {t('service.returns.reject')}
              </Button>
            </Space>
          ) : null}
          {detail.status === 'approved' ? (
            <Space>
              <Input
                value={warehouse}
                onChange={(e) => setWarehouse(e.target.value)}
                style={{ width: 140 }}
                aria-label={t('service.returns.warehouse')}
              />
              <Button
                type="primary"
                onClick={() =>
                  act(() =>
                    serviceApi.returns.receive(detail.id, {
                      warehouse,
                      lines: detail.lines.map((l) => ({
                        lineNo: l.lineNo,
                        outcome: inspection[l.lineNo] ?? 'restock',
                      })),
                    }),
                  )
                }
              >
                {t('service.returns.receive')}
              </Button>
            </Space>
          ) : null}
          {detail.status === 'received' && detail.kind === 'return' ? (
            <Button type="primary" onClick={() => act(() => serviceApi.returns.refund(detail.id, {}))}>
              {t('service.returns.refund')}
            </Button>
          ) : null}
          {detail.refunds.map((r) => (
            <Tag key={r.id} color="green">
              {t('service.returns.refunded', { amount: `${r.amount} ${r.currency}`, method: r.method })}
            </Tag>
          ))}
          <div style={{ whiteSpace: 'pre-wrap' }}>{detail.instructions}</div>
        </Space>
      ) : null}
    </Drawer>
  );
}

export default function ReturnsPage() {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useCursorList((page) => serviceApi.returns.list(page), []);
  usePageTitle(t('service.returns.title'));
  const columns: ColumnsType<ReturnSummary> = [
    {
      title: t('service.complaints.order'),
      dataIndex: 'orderNumber',
      render: (number: string, item) => (
        <Button type="link" onClick={() => setOpenId(item.id)}>
          {number}
        </Button>
      ),
    },
    {
      title: t('service.returns.kind'),
      dataIndex: 'kind',
      render: (k: string) => t(`service.returnKind.${k}`),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: string) => <Tag>{t(`service.returnStatus.${s}`)}</Tag>,
    },
    { title: t('service.returns.reason'), dataIndex: 'reason' },
    { title: t('service.complaints.openedAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];
  return (
    <Card
      title={t('service.returns.title')}
      extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />}
    >
      <CursorTable<ReturnSummary>
        list={list}
        testId="returns-table"
        empty={t('service.returns.empty')}
        columns={columns}
        rowKey="id"
      />
      {openId ? (
        <ReturnDrawer returnId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
      ) : null}
    </Card>
  );
}
