import { Button, Card, Input, List, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, ResponsiveContainer } from 'recharts';
import { formatMonitorValue } from '../../../../src/contracts/risk.ts';
import { type RiskAlert, type RiskMonitor, riskApi } from '../../api/risk';
import { useAuth } from '../../auth';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { MonitorFormModal } from './MonitorFormModal';

type Measure = RiskMonitor['measures'][number];

/** A share reads as a percentage, demand against the forecast as a multiple, a health figure as a number. */
const formatValue = formatMonitorValue;

/** Monitors with a sparkline of their recent values, open alerts (acknowledged with a note) and measures (with undo). */
export default function RiskMonitorsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  usePageTitle(t('risk.monitors.title'));
  const monitors = useLoader(() => riskApi.monitors.list(), []);
  const [acknowledging, setAcknowledging] = useState<RiskAlert | null>(null);
  const [note, setNote] = useState('');
  /** The monitor being edited; `'new'` while one is created. */
  const [editing, setEditing] = useState<RiskMonitor | 'new' | null>(null);

  /** What the measure acted on: channel, carrier, SKU, role or amount, in the reader's language. */
  const measureTarget = (measure: Measure) => {
    const p = measure.params;
    if (typeof p.error === 'string') return t('risk.monitors.measureFailed');
    if (measure.kind === 'stop_sku_sync') return `${p.sku} · ${p.channel}`;
    if (measure.kind === 'notify_role')
      return t('risk.monitors.mailed', { role: t(`roles.${p.role}`), count: Number(p.mailed) });
    if (measure.kind === 'force_review_above_amount') return (Number(p.amountMinor) / 100).toFixed(2);
    return String(p.channel ?? p.carrier ?? '');
  };

  const scopeOf = (m: RiskMonitor) =>
    [m.channel, m.carrier, m.sku].filter((part): part is string => !!part).join(' · ') ||
    t('risk.monitors.everything');

  return (
    <Card
      title={t('risk.monitors.title')}
      extra={
        can('risk:manage') ? (
          <Button type="primary" data-testid="new-monitor" onClick={() => setEditing('new')}>
            {t('risk.monitors.new')}
          </Button>
        ) : null
      }
    >
      <Table<RiskMonitor>
        rowKey="id"
        data-testid="risk-monitors"
        loading={monitors.isLoading}
        dataSource={monitors.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('risk.monitors.name'),
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                {m.name}
                {m.isEnabled ? null : <Tag data-testid="monitor-paused">{t('risk.monitors.paused')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('risk.monitors.on'),
            render: (_, m) => (
              <Switch
                size="small"
                data-testid={`monitor-enabled-${m.id}`}
                aria-label={`${t('risk.monitors.on')}: ${m.name}`}
                checked={m.isEnabled}
                disabled={!can('risk:manage')}
                onChange={async (isEnabled) => {
                  await riskApi.monitors.setEnabled(m.id, isEnabled);
                  monitors.reload();
                }}
              />
            ),
          },
          {
            title: t('risk.monitors.metric'),
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                {t(`risk.metric.${m.metric}`)}
                <Typography.Text type="secondary">{scopeOf(m)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('risk.monitors.levels'),
            render: (_, m) => `${formatValue(m.metric, m.warning)} / ${formatValue(m.metric, m.critical)}`,
          },
          {
            title: t('risk.monitors.controls'),
            render: (_, m) => (
              <Space direction="vertical" size={2} data-testid="monitor-controls">
                {m.controls.map((c) => (
                  <Tag key={`${c.kind}@${c.level}`} color={c.level === 'critical' ? 'red' : 'orange'}>
                    {t(`risk.measureKind.${c.kind}`)} · {t(`risk.level.${c.level}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('risk.monitors.trend'),
            render: (_, m) => (
              <div style={{ width: 140, height: 36 }}>
                <ResponsiveContainer>
                  <LineChart data={m.samples}>
                    <Line type="monotone" dataKey="value" dot={false} isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
              </div>
            ),
          },
          {
            title: t('risk.monitors.alerts'),
            render: (_, m) => (
              <Space direction="vertical">
                {m.openAlerts.map((a) => (
                  <Space key={a.id} size={4}>
                    <Tag color={a.level === 'critical' ? 'red' : 'orange'}>
                      {t(`risk.level.${a.level}`)} {formatValue(m.metric, a.value)} ·{' '}
                      {formatDateTime(a.openedAt)}
                    </Tag>
                    {a.status === 'acknowledged' ? (
                      <Typography.Text type="secondary">{a.note}</Typography.Text>
                    ) : can('risk:manage') ? (
                      <Button size="small" onClick={() => setAcknowledging(a)}>
                        {t('risk.monitors.acknowledge')}
                      </Button>
                    ) : null}
                  </Space>
                ))}
              </Space>
            ),
          },
          {
            title: t('risk.monitors.measures'),
            // A monitor without measures shows a dash, not a list's "no data" picture in every row.
            render: (_, m) =>
              m.measures.length === 0 ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={m.measures}
                  renderItem={(measure) => (
                    <List.Item>
                      <Typography.Text delete={!!measure.undoneAt}>
                        {t(`risk.measure.${measure.kind}`)} {measureTarget(measure)}
                        {typeof measure.params.level === 'string'
                          ? ` · ${t(`risk.level.${measure.params.level}`)}`
                          : ''}
                      </Typography.Text>
                      {!measure.undoneAt && can('risk:manage') ? (
                        <Button
                          size="small"
                          onClick={async () => {
                            await riskApi.monitors.undo(measure.id);
                            monitors.reload();
                          }}
                        >
                          {t('risk.monitors.undo')}
                        </Button>
                      ) : null}
                    </List.Item>
                  )}
                />
              ),
          },
          ...(can('risk:manage')
            ? [
                {
                  key: 'edit',
                  render: (_: unknown, m: RiskMonitor) => (
                    <Button size="small" data-testid="edit-monitor" onClick={() => setEditing(m)}>
                      {t('risk.monitors.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <MonitorFormModal
          monitor={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            monitors.reload();
          }}
        />
      ) : null}
      <Modal
        open={acknowledging !== null}
        title={t('risk.monitors.acknowledge')}
        okButtonProps={{ disabled: note.trim() === '' }}
        onCancel={() => setAcknowledging(null)}
        onOk={async () => {
          if (!acknowledging) return;
          await riskApi.monitors.acknowledge(acknowledging.id, note.trim());
          setAcknowledging(null);
          setNote('');
          monitors.reload();
        }}
      >
        <Input.TextArea
          data-testid="acknowledge-note"
          value={note}
          placeholder={t('risk.monitors.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
