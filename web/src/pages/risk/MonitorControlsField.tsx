import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { alertLevels, maxControls, measureKinds, notifiableRoles } from '../../../../src/contracts/risk.ts';

type Option = { value: string; label: string };

/** One control: its kind, the level it is taken at, and the fields its kind needs. */
function ControlRow(props: {
  name: number;
  channelOptions: Option[];
  carrierOptions: Option[];
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { name } = props;
  const kind = Form.useWatch(['controls', name, 'kind']) as (typeof measureKinds)[number] | undefined;
  return (
    <Space wrap align="start" data-testid="monitor-control">
      <Form.Item name={[name, 'kind']} label={t('risk.monitors.controlKind')} rules={[{ required: true }]}>
        <Select
          style={{ width: 260 }}
          options={measureKinds.map((k) => ({ value: k, label: t(`risk.measureKind.${k}`) }))}
          data-testid="control-kind"
        />
      </Form.Item>
      <Form.Item name={[name, 'level']} label={t('risk.monitors.measureLevel')}>
        <Select
          style={{ width: 120 }}
          options={alertLevels.map((l) => ({ value: l, label: t(`risk.level.${l}`) }))}
          data-testid="control-level"
        />
      </Form.Item>
      {kind === 'pause_channel_auto_approval' || kind === 'stop_sku_sync' ? (
        <Form.Item name={[name, 'channel']} label={t('risk.monitors.measureChannel')}>
          <Select
            allowClear
            style={{ width: 200 }}
            options={props.channelOptions}
            data-testid="control-channel"
          />
        </Form.Item>
      ) : null}
      {kind === 'switch_default_carrier' ? (
        <Form.Item name={[name, 'carrier']} label={t('risk.monitors.measureCarrier')}>
          <Select
            allowClear
            style={{ width: 200 }}
            options={props.carrierOptions}
            data-testid="control-carrier"
          />
        </Form.Item>
      ) : null}
      {kind === 'stop_sku_sync' ? (
        <Form.Item name={[name, 'sku']} label={t('risk.monitors.measureSku')}>
          <Input style={{ width: 160 }} data-testid="control-sku" />
        </Form.Item>
      ) : null}
      {kind === 'force_review_above_amount' ? (
        <Form.Item name={[name, 'amountMinor']} label={t('risk.monitors.amount')}>
          <InputNumber min={0} precision={2} data-testid="control-amount" />
        </Form.Item>
      ) : null}
      {kind === 'notify_role' ? (
        <Form.Item name={[name, 'role']} label={t('risk.monitors.role')}>
          <Select
            style={{ width: 200 }}
            options={notifiableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            data-testid="control-role"
          />
        </Form.Item>
      ) : null}
      <Form.Item label=" ">
        <Button
          type="text"
          icon={<DeleteOutlined />}
          onClick={props.onRemove}
          aria-label={t('risk.monitors.removeControl')}
          data-testid="remove-control"
        />
      </Form.Item>
    </Space>
  );
}

/** A monitor's controls: rows added and removed, at most five, none meaning the alert only. */
export function MonitorControlsField(props: { channelOptions: Option[]; carrierOptions: Option[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name="controls">
      {(fields, { add, remove }) => (
        <>
          <Typography.Text strong>{t('risk.monitors.controls')}</Typography.Text>
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('risk.monitors.noControls')}</Typography.Paragraph>
          ) : null}
          {fields.map((field) => (
            <ControlRow
              key={field.key}
              name={field.name}
              channelOptions={props.channelOptions}
              carrierOptions={props.carrierOptions}
              onRemove={() => remove(field.name)}
            />
          ))}
          <Form.Item>
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= maxControls}
              onClick={() => add({ level: 'critical' })}
              data-testid="add-control"
            >
              {t('risk.monitors.addControl')}
            </Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
