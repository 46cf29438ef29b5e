import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BlocklistEntry, type BlocklistKind, blocklistKinds, orderReviewApi } from '../api/order-review';
import { errorText, showFieldErrors } from '../errors';
import { formatDateTime } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { CursorPager } from './CursorPager';

// An address is blocked from one of its orders (the order page's "Block" menu), never typed.
const typedKinds = blocklistKinds.filter((kind) => kind !== 'address');

type Values = { kind: BlocklistKind; value: string; note?: string };

/** Phones, emails, names and addresses whose orders the BLOCKLISTED rule holds. */
export function BlocklistPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isAdding, setIsAdding] = useState(false);
  const list = useCursorList((page) => orderReviewApi.blocklist.list(page), []);

  const add = async (values: Values) => {
    setIsAdding(true);
    setError(null);
    try {
      const entry = await orderReviewApi.blocklist.add({
        kind: values.kind,
        value: values.value.trim(),
        note: values.note?.trim() || undefined,
      });
      message.success(t('blocklist.added', { value: entry.value }));
      form.resetFields(['value', 'note']);
      list.reload();
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
    } finally {
      setIsAdding(false);
    }
  };

  const remove = async (entry: BlocklistEntry) => {
    try {
      await orderReviewApi.blocklist.remove(entry.id);
      message.success(t('blocklist.removed', { value: entry.value }));
      list.reload();
    } catch (failure) {
      message.error(errorText(t, failure));
    }
  };

  return (
    <div data-testid="blocklist">
      <Typography.Paragraph type="secondary">{t('blocklist.explain')}</Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="inline"
        onFinish={add}
        initialValues={{ kind: 'phone' }}
        data-testid="blocklist-form"
      >
        <Form.Item name="kind">
          <Select
            style={{ width: 120 }}
            options={typedKinds.map((kind) => ({ value: kind, label: t(`blocklist.kind.${kind}`) }))}
            data-testid="blocklist-kind"
          />
        </Form.Item>
        <Form.Item
          name="value"
          rules={[{ required: true, whitespace: true, message: t('blocklist.valueRequired') }]}
        >
          <Input
            placeholder={t('blocklist.valuePlaceholder')}
            style={{ width: 240 }}
            data-testid="blocklist-value"
          />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('blocklist.notePlaceholder')} style={{ width: 240 }} maxLength={500} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={isAdding}
          data-testid="blocklist-add"
        >
          {t('blocklist.add')}
        </Button>
      </Form>
      <Table<BlocklistEntry>
        rowKey="id"
        size="middle"
        style={{ marginTop: 16 }}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        data-testid="blocklist-table"
        locale={{ emptyText: t('blocklist.empty') }}
        columns={[
          {
            title: t('blocklist.kindColumn'),
            dataIndex: 'kind',
            render: (kind: BlocklistKind) => <Tag>{t(`blocklist.kind.${kind}`)}</Tag>,
          },
          {
            title: t('blocklist.value'),
            dataIndex: 'value',
            render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
          },
          { title: t('blocklist.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
          { title: t('blocklist.createdBy'), dataIndex: 'createdBy' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, entry) => (
              <Popconfirm
                title={t('blocklist.removeConfirm', { value: entry.value })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(entry)}
              >
                <Space>
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid="blocklist-remove">
                    {t('common.delete')}
                  </Button>
                </Space>
              </Popconfirm>
            ),
          },
        ]}
      />
      <CursorPager list={list} />
    </div>
  );
}
