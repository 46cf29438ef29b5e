import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChannelRule, inventoryApi } from '../../api/inventory';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { useRowAction } from '../../hooks/useRowAction';
import { FormModal } from '../FormModal';
import { SkuPicker } from '../SkuPicker';
import { WarehouseSelect } from './WarehouseSelect';

export type ChannelOption = { value: string; label: string };
type Values = {
  channel: string;
  sku?: string | null;
  percent: number;
  buffer: number;
  minimum: number;
  warehouses?: string[];
};

/** A rule is keyed by channel and SKU (the server upserts on them), so editing keeps both fixed. */
function ChannelRuleModal({
  rule,
  channels,
  onClose,
  onSaved,
}: {
  rule?: ChannelRule;
  channels: ChannelOption[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = async (values: Values) => {
    const saved = await inventoryApi.channelRules.save({
      channel: values.channel,
      sku: rule ? rule.sku : values.sku?.trim() || null,
      percent: values.percent,
      buffer: values.buffer ?? 0,
      minimum: values.minimum ?? 0,
      warehouses: values.warehouses?.length ? values.warehouses : null,
    });
    const channel = channels.find((option) => option.value === saved.channel)?.label ?? saved.channel;
    message.success(t('inventory.rules.saved', { channel }));
    onSaved();
  };
  const number = (name: keyof Values, label: string, help: string, max: number) => (
    <Col span={8}>
      <Form.Item
        name={name}
        label={label}
        tooltip={help}
        rules={[{ required: true, message: t('common.required', { field: label }) }]}
      >
        <InputNumber
          min={0}
          max={max}
          precision={0}
          style={{ width: '100%' }}
          suffix={name === 'percent' ? '%' : undefined}
          data-testid={`rule-${name}`}
        />
      </Form.Item>
    </Col>
  );
  return (
    <FormModal<Values>
      title={rule ? t('inventory.rules.editTitle') : t('inventory.rules.createTitle')}
      okText={t('common.save')}
      form={form}
      initialValues={
        rule
          ? { ...rule, warehouses: rule.warehouses ?? [] }
          : { percent: 100, buffer: 0, minimum: 0, warehouses: [] }
      }
      onClose={onClose}
      submit={submit}
      testId="rule-form"
      width={620}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="channel"
            label={t('inventory.rules.channel')}
            rules={[
              { required: true, message: t('common.required', { field: t('inventory.rules.channel') }) },
            ]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={channels}
              disabled={Boolean(rule)}
              data-testid="rule-channel"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          {rule ? (
            <Form.Item label={t('inventory.common.sku')}>
              <Input disabled value={rule.sku ?? t('inventory.rules.channelDefault')} />
            </Form.Item>
          ) : (
            <Form.Item name="sku" label={t('inventory.common.sku')} extra={t('inventory.rules.skuHelp')}>
              <SkuPicker data-testid="rule-sku" />
            </Form.Item>
          )}
        </Col>
        {number('percent', t('inventory.rules.percent'), t('inventory.rules.percentHelp'), 100)}
        {number('buffer', t('inventory.rules.buffer'), t('inventory.rules.bufferHelp'), 10_000_000)}
        {number('minimum', t('inventory.rules.minimum'), t('inventory.rules.minimumHelp'), 10_000_000)}
        <Col span={24}>
          <Form.Item
            name="warehouses"
            label={t('inventory.rules.warehouses')}
            extra={t('inventory.rules.warehousesHelp')}
          >
            <WarehouseSelect isMultiple allowClear placeholder={t('inventory.rules.allWarehouses')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

/** How much of the available stock each sales channel may sell. */
export function ChannelRulesCard({ channels }: { channels: ChannelOption[] }) {
  const { t } = useTranslation();
  const rules = useLoader(() => inventoryApi.channelRules.list(), []);
  // undefined: closed; null: adding; a rule: editing it.
  const [editing, setEditing] = useState<ChannelRule | null | undefined>(undefined);
  const runRowAction = useRowAction(rules.reload);
  const channelName = (id: string) => channels.find((channel) => channel.value === id)?.label ?? id;

  const columns: ColumnsType<ChannelRule> = [
    { title: t('inventory.rules.channel'), dataIndex: 'channel', render: channelName },
    {
      title: t('inventory.common.sku'),
      dataIndex: 'sku',
      render: (sku: string | null) =>
        sku ? (
          <Typography.Text code>{sku}</Typography.Text>
        ) : (
          <Tag color="blue">{t('inventory.rules.channelDefault')}</Tag>
        ),
    },
    {
      title: t('inventory.rules.percent'),
      dataIndex: 'percent',
      align: 'right',
      render: (percent: number) => `${percent}%`,
    },
    { title: t('inventory.rules.buffer'), dataIndex: 'buffer', align: 'right' },
    { title: t('inventory.rules.minimum'), dataIndex: 'minimum', align: 'right' },
    {
      title: t('inventory.rules.warehouses'),
      dataIndex: 'warehouses',
      render: (codes: string[] | null) =>
        codes?.length
          ? codes.map((code) => <Tag key={code}>{code}</Tag>)
          : t('inventory.rules.allWarehouses'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, rule) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(rule)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('inventory.rules.deleteConfirm')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              runRowAction(() => inventoryApi.channelRules.remove(rule.id), t('inventory.rules.deleted'))
            }
          >
            <Button size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('inventory.rules.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="rule-create">
          {t('inventory.rules.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('inventory.rules.intro')}</Typography.Paragraph>
      {rules.error ? (
        <Alert type="error" showIcon title={errorText(t, rules.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<ChannelRule>
        rowKey="id"
        size="small"
        loading={rules.isLoading}
        dataSource={rules.data ?? []}
        columns={columns}
        pagination={false}
        data-testid="rules-table"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.rules.empty')} />,
        }}
      />
      {editing !== undefined ? (
        <ChannelRuleModal
          rule={editing ?? undefined}
          channels={channels}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            rules.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
