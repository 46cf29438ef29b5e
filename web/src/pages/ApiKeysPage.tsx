import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiKey, staffApi } from '../api/staff';
import { CursorTable } from '../components/CursorTable';
import { FormModal } from '../components/FormModal';
import { RoleSelect } from '../components/RoleSelect';
import { formatDateTime } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { usePageTitle } from '../hooks/usePageTitle';
import { useRowAction } from '../hooks/useRowAction';

type Values = { name: string; role: string };

function CreateKeyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (key: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const create = async (values: Values) => {
    const { key } = await staffApi.apiKeys.create({ name: values.name.trim(), role: values.role });
    // The dialog stays mounted, so the next key starts from an empty form.
    form.resetFields();
    onCreated(key);
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('apiKeys.createTitle')}
      okText={t('apiKeys.create')}
      form={form}
      onClose={onClose}
      submit={create}
      testId="api-key-form"
      initialValues={{ role: 'integration' }}
    >
      <Form.Item
        name="name"
        label={t('apiKeys.name')}
        extra={t('apiKeys.nameHint')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('apiKeys.name') }) },
        ]}
      >
        <Input maxLength={100} data-testid="api-key-name" />
      </Form.Item>
      <Form.Item name="role" label={t('apiKeys.role')} rules={[{ required: true }]}>
        <RoleSelect />
      </Form.Item>
    </FormModal>
  );
}

/** The new key is shown once: the server keeps only its hash. */
function NewKeyModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={t('apiKeys.newKeyTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-done">
          {t('apiKeys.copiedIt')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('apiKeys.shownOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
      >
        <Typography.Text code data-testid="api-key-secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const [isCreateOpen, setIsCreateOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const list = useCursorList((page) => staffApi.apiKeys.list(page), []);
  const runRowAction = useRowAction(list.reload);
  usePageTitle(t('apiKeys.title'));

  const revoke = (key: ApiKey) =>
    runRowAction(() => staffApi.apiKeys.revoke(key.id), t('apiKeys.revoked', { name: key.name }));

  const columns: ColumnsType<ApiKey> = [
    { title: t('apiKeys.name'), dataIndex: 'name' },
    {
      title: t('apiKeys.role'),
      dataIndex: 'role',
      render: (role: string) => <Tag color="blue">{t(`roles.${role}`, { defaultValue: role })}</Tag>,
    },
    {
      title: t('apiKeys.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('apiKeys.createdBy'), dataIndex: 'createdBy', render: (by: string | null) => by ?? '—' },
    { title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
    {
      title: t('common.status'),
      dataIndex: 'revokedAt',
      render: (revokedAt: string | null) =>
        revokedAt ? (
          <Tag>{t('apiKeys.revokedAt', { at: formatDateTime(revokedAt) })}</Tag>
        ) : (
          <Tag color="green">{t('common.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, key) =>
        key.revokedAt ? null : (
          <Popconfirm
            title={t('apiKeys.revokeConfirm', { name: key.name })}
            okText={t('apiKeys.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(key)}
          >
            <Button size="small" danger icon={<StopOutlined />}>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('apiKeys.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setIsCreateOpen(true)}
          data-testid="api-key-create"
        >
          {t('apiKeys.create')}
        </Button>
      }
    >
      <CursorTable<ApiKey> list={list} testId="api-keys-table" empty={t('apiKeys.empty')} columns={columns} />
      <CreateKeyModal
        open={isCreateOpen}
        onClose={() => setIsCreateOpen(false)}
        onCreated={(key) => {
          setIsCreateOpen(false);
          setSecret(key);
          list.reload();
        }}
      />
      <NewKeyModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
