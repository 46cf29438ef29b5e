import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { fulfilmentApi, type WaveSummary } from '../../api/fulfilment';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { WaveStatusTag, waveStatuses } from '../../components/fulfilment/FulfilmentTags';
import { NewWaveModal } from '../../components/fulfilment/NewWaveModal';
import { percentOf } from '../../components/supply/format';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

/** The rule a wave was built by, in words: "multi-item · express · due before 11-23 16:00". */
function ruleText(t: TFunction, rule: Record<string, unknown>): string {
  const parts: string[] = [];
  if (rule.itemMix && rule.itemMix !== 'any') parts.push(t(`fulfilment.itemMix.${String(rule.itemMix)}`));
  if (rule.requestedService) parts.push(t(`serviceLevel.${String(rule.requestedService)}`));
  if (typeof rule.shipByBefore === 'string')
    parts.push(t('fulfilment.waves.dueBefore', { at: formatDateTime(rule.shipByBefore) }));
  if (typeof rule.minPriority === 'number')
    parts.push(t('fulfilment.waves.minPriority', { value: rule.minPriority }));
  if (typeof rule.maxOrders === 'number')
    parts.push(t('fulfilment.waves.maxOrders', { count: rule.maxOrders }));
  return parts.join(' · ');
}

export default function WavesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const [isCreating, setIsCreating] = useState(false);
  const list = useCursorList((page) => fulfilmentApi.waves.list({ ...page, status }), [status]);
  usePageTitle(t('fulfilment.waves.title'));

  const columns: ColumnsType<WaveSummary> = [
    {
      title: t('fulfilment.waves.number'),
      dataIndex: 'number',
      render: (number: string, wave) => (
        <Link to={`/fulfilment/waves/${wave.id}`} onClick={(event) => event.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    { title: t('fulfilment.common.warehouse'), dataIndex: 'warehouse' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (value: WaveSummary['status']) => <WaveStatusTag status={value} />,
    },
    { title: t('fulfilment.waves.orders'), dataIndex: 'orderCount', align: 'right' },
    {
      title: t('fulfilment.waves.progress'),
      key: 'progress',
      width: 200,
      render: (_, wave) => (
        <Progress
          percent={percentOf(wave.pickedUnits, wave.unitCount)}
          size="small"
          format={() => `${wave.pickedUnits}/${wave.unitCount}`}
        />
      ),
    },
    {
      title: t('fulfilment.waves.rule'),
      dataIndex: 'rule',
      render: (rule: WaveSummary['rule']) => (
        <Typography.Text type="secondary">{ruleText(t, rule) || '—'}</Typography.Text>
      ),
    },
    { title: t('fulfilment.waves.createdBy'), dataIndex: 'createdBy' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];

  return (
    <Card
      title={t('fulfilment.waves.title')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          {can('fulfilment:write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="wave-create"
            >
              {t('fulfilment.waves.create')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Select
        allowClear
        placeholder={t('fulfilment.common.allStatuses')}
        value={status || undefined}
        onChange={(value?: string) => setParams(value ? { status: value } : {}, { replace: true })}
        options={waveStatuses.map((value) => ({ value, label: t(`fulfilment.waveStatus.${value}`) }))}
        style={{ width: 180, marginBottom: 16 }}
        data-testid="filter-status"
      />
      <CursorTable<WaveSummary>
        list={list}
        testId="waves-table"
        columns={columns}
        onRow={(wave) => ({
          onClick: () => navigate(`/fulfilment/waves/${wave.id}`),
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={status ? t('fulfilment.waves.noMatches') : t('fulfilment.waves.empty')}
              data-testid="waves-empty"
            />
          ),
        }}
      />
      {isCreating ? (
        <NewWaveModal
          onClose={() => setIsCreating(false)}
          onCreated={(wave) => navigate(`/fulfilment/waves/${wave.id}`)}
        />
      ) : null}
    </Card>
  );
}
