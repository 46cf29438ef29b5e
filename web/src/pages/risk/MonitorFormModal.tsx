import { Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type alertLevels,
  type measureKinds,
  monitorMetrics,
  type notifiableRoles,
  ratioMetrics,
} from '../../../../src/contracts/risk.ts';
import { catalogApi } from '../../api/catalog';
import { logisticsApi } from '../../api/fulfilment';
import { type MonitorInput, type RiskMonitor, riskApi } from '../../api/risk';
import { FormModal } from '../../components/FormModal';
import { useLoader } from '../../hooks/useLoader';
import { MonitorControlsField } from './MonitorControlsField';

type Metric = RiskMonitor['metric'];
type ControlFields = {
  kind: (typeof measureKinds)[number];
  level?: (typeof alertLevels)[number];
  channel?: string;
  carrier?: string;
  sku?: string;
  /** In currency units; the API's amountMinor. */
  amountMinor?: number;
  role?: (typeof notifiableRoles)[number];
};
/** The form's values: levels in % for shares, amounts in currency units, empty choices undefined. */
type Fields = {
  name: string;
  metric: Metric;
  channel?: string;
  carrier?: string;
  sku?: string;
  warning: number;
  critical: number;
  windowMinutes: number;
  minVolume: number;
  controls?: ControlFields[];
  notify?: { emails?: string[]; webhookUrl?: string };
  isEnabled: boolean;
};

/** A share is entered as a percentage; demand against the forecast as a multiple. */
const isRatio = (metric: Metric) => ratioMetrics.includes(metric);
const round = (value: number) => Math.round(value * 1e6) / 1e6;
const text = (value?: string) => (value?.trim() ? value.trim() : undefined);

function toFields(m: RiskMonitor | null): Partial<Fields> {
  if (!m) return { metric: 'hold_rate', windowMinutes: 60, minVolume: 20, isEnabled: true };
  const scale = isRatio(m.metric) ? 1 : 100;
  return {
    name: m.name,
    metric: m.metric,
    channel: m.channel ?? undefined,
    carrier: m.carrier ?? undefined,
    sku: m.sku ?? undefined,
    warning: round(m.warning * scale),
    critical: round(m.critical * scale),
    windowMinutes: m.windowMinutes,
    minVolume: m.minVolume,
    controls: m.controls.map((c) => ({
      ...c,
      amountMinor: c.amountMinor === undefined ? undefined : c.amountMinor / 100,
    })),
    notify: { emails: m.notify.emails, webhookUrl: m.notify.webhookUrl ?? undefined },
    isEnabled: m.isEnabled,
  };
}

function toInput(v: Fields): MonitorInput {
  const scale = isRatio(v.metric) ? 1 : 100;
  return {
    name: v.name,
    metric: v.metric,
    channel: v.channel ?? null,
    carrier: v.carrier ?? null,
    sku: text(v.sku) ?? null,
    warning: round(v.warning / scale),
    critical: round(v.critical / scale),
    windowMinutes: v.windowMinutes,
    minVolume: v.minVolume,
    controls: (v.controls ?? []).map((c) => ({
      kind: c.kind,
      level: c.level ?? 'critical',
      channel: c.channel,
      carrier: c.carrier,
      sku: text(c.sku),
      amountMinor: typeof c.amountMinor === 'number' ? Math.round(c.amountMinor * 100) : undefined,
      role: c.role,
    })),
    notify: { emails: v.notify?.emails ?? [], webhookUrl: text(v.notify?.webhookUrl) ?? null },
  };
}

/** Creates a monitor, or edits one: every field of the definition, with the server's refusals on their fields. */
export function MonitorFormModal(props: {
  monitor: RiskMonitor | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const channels = useLoader(() => catalogApi.channels.list(), []);
  const carriers = useLoader(() => logisticsApi.carriers.list(), []);
  const metric = Form.useWatch('metric', form) ?? props.monitor?.metric ?? 'hold_rate';
  const channelOptions = (channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const carrierOptions = (carriers.data ?? []).map((c) => ({ value: c.code, label: c.name }));
  const levelUnit = isRatio(metric) ? '×' : '%';

  return (
    <FormModal<Fields>
      title={t(props.monitor ? 'risk.monitors.editTitle' : 'risk.monitors.newTitle')}
      okText={t('common.save')}
      form={form}
      testId="monitor-form"
      width={720}
      initialValues={toFields(props.monitor)}
      onClose={props.onClose}
      submit={async (values) => {
        const input = toInput(values);
        if (props.monitor) {
          await riskApi.monitors.update(props.monitor.id, { ...input, isEnabled: values.isEnabled });
        } else {
          const created = await riskApi.monitors.create(input);
          if (!values.isEnabled) await riskApi.monitors.update(created.id, { isEnabled: false });
        }
        props.onSaved();
      }}
    >
      <Form.Item name="name" label={t('risk.monitors.name')} rules={[{ required: true }]}>
        <Input data-testid="monitor-name" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="metric" label={t('risk.monitors.metric')}>
          <Select
            style={{ width: 220 }}
            data-testid="monitor-metric"
            options={monitorMetrics.map((m) => ({ value: m, label: t(`risk.metric.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="isEnabled" label={t('risk.monitors.enabled')} valuePropName="checked">
          <Switch data-testid="monitor-enabled" />
        </Form.Item>
      </Space>
      <Typography.Text strong>{t('risk.monitors.scope')}</Typography.Text>
      <Space wrap align="start">
        <Form.Item name="channel" label={t('risk.monitors.channel')}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('risk.monitors.allChannels')}
            options={channelOptions}
            data-testid="monitor-channel"
          />
        </Form.Item>
        <Form.Item name="carrier" label={t('risk.monitors.carrier')}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('risk.monitors.allCarriers')}
            options={carrierOptions}
            data-testid="monitor-carrier"
          />
        </Form.Item>
        <Form.Item name="sku" label={t('risk.monitors.sku')}>
          <Input style={{ width: 160 }} data-testid="monitor-sku" />
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary">{t('risk.monitors.shareHint')}</Typography.Paragraph>
      <Space wrap align="start">
        <Form.Item name="warning" label={t('risk.monitors.warning')} rules={[{ required: true }]}>
          <InputNumber min={0} addonAfter={levelUnit} data-testid="monitor-warning" />
        </Form.Item>
        <Form.Item name="critical" label={t('risk.monitors.critical')} rules={[{ required: true }]}>
          <InputNumber min={0} addonAfter={levelUnit} data-testid="monitor-critical" />
        </Form.Item>
        <Form.Item name="windowMinutes" label={t('risk.monitors.window')} rules={[{ required: true }]}>
          <InputNumber min={5} precision={0} data-testid="monitor-window" />
        </Form.Item>
        <Form.Item name="minVolume" label={t('risk.monitors.minVolume')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} data-testid="monitor-min-volume" />
        </Form.Item>
      </Space>
      <MonitorControlsField channelOptions={channelOptions} carrierOptions={carrierOptions} />
      <Form.Item name={['notify', 'emails']} label={t('risk.monitors.emails')}>
        <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
      </Form.Item>
      <Form.Item name={['notify', 'webhookUrl']} label={t('risk.monitors.webhook')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
