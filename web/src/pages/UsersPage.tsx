import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffApi, type User } from '../api/staff';
import { useAuth } from '../auth';
import { CursorTable } from '../components/CursorTable';
import { FormModal } from '../components/FormModal';
import { RoleSelect } from '../components/RoleSelect';
import { formatDateTime } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { usePageTitle } from '../hooks/usePageTitle';
import { useRowAction } from '../hooks/useRowAction';

const minPasswordLength = 8;

// Integration is a role for API keys only; people never get it.
const machineRoles = ['integration'];

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;
type Values = { username?: string; displayName?: string; email?: string; role?: string; password?: string };

function UserDialog({
  dialog,
  onClose,
  onSaved,
}: {
  dialog: Dialog;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.kind === 'edit')
      form.setFieldsValue({
        displayName: dialog.user.displayName,
        email: dialog.user.email ?? '',
        role: dialog.user.role,
      });
    if (dialog.kind === 'create') form.setFieldsValue({ role: 'order_processor' });
  }, [dialog, form]);

  const save = async (values: Values) => {
    if (!dialog) return;
    if (dialog.kind === 'create') {
      await staffApi.users.create({
        username: values.username?.trim() ?? '',
        displayName: values.displayName?.trim() || undefined,
        email: values.email?.trim() || undefined,
        role: values.role ?? '',
        password: values.password ?? '',
      });
    } else if (dialog.kind === 'edit') {
      await staffApi.users.update(dialog.user.id, {
        displayName: values.displayName?.trim() || undefined,
        email: values.email?.trim() || null,
        role: values.role,
      });
    } else {
      await staffApi.users.update(dialog.user.id, { password: values.password });
    }
    message.success(t('common.saved'));
    onSaved();
  };

  const title =
    dialog?.kind === 'create'
      ? t('users.createTitle')
      : dialog?.kind === 'edit'
        ? t('users.editTitle', { username: dialog.user.username })
        : t('users.passwordTitle', { username: dialog?.user.username });
  const passwordRules = [
    { required: true, message: t('common.required', { field: t('users.password') }) },
    { min: minPasswordLength, message: t('users.passwordTooShort', { min: minPasswordLength }) },
  ];
  return (
    <FormModal<Values>
      open={dialog !== null}
      title={title}
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      submit={save}
      testId="user-form"
    >
      {dialog?.kind === 'create' ? (
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('users.username') }),
            },
          ]}
        >
          <Input autoComplete="off" maxLength={64} data-testid="user-username" />
        </Form.Item>
      ) : null}
      {dialog?.kind !== 'password' ? (
        <>
          <Form.Item name="displayName" label={t('users.displayName')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('users.email')}
            extra={t('users.emailHint')}
            rules={[{ type: 'email', message: t('users.emailInvalid') }]}
          >
            <Input maxLength={200} type="email" />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <RoleSelect exclude={machineRoles} />
          </Form.Item>
        </>
      ) : null}
      {dialog?.kind !== 'edit' ? (
        <Form.Item
          name="password"
          label={dialog?.kind === 'password' ? t('users.newPassword') : t('users.password')}
          rules={passwordRules}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useAuth();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useCursorList((page) => staffApi.users.list(page), []);
  const runRowAction = useRowAction(list.reload);
  usePageTitle(t('users.title'));

  const setActive = (user: User, isActive: boolean) =>
    runRowAction(
      () => staffApi.users.update(user.id, { isActive }),
      t(isActive ? 'users.activated' : 'users.deactivated', { username: user.username }),
    );

  const columns: ColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.role'),
      dataIndex: 'role',
      render: (role: string) => <Tag color="blue">{t(`roles.${role}`, { defaultValue: role })}</Tag>,
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      render: (isActive: boolean) =>
        isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('users.lastLoginAt'), dataIndex: 'lastLoginAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) => (
        <Space wrap>
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', user })}>
            {t('common.edit')}
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'password', user })}>
            {t('users.resetPassword')}
          </Button>
          {user.id === me?.id ? null : user.isActive ? (
            <Popconfirm
              title={t('users.deactivateConfirm', { username: user.username })}
              okText={t('users.deactivate')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setActive(user, false)}
            >
              <Button size="small" danger>
                {t('users.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" onClick={() => setActive(user, true)}>
              {t('users.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ kind: 'create' })}
          data-testid="user-create"
        >
          {t('users.create')}
        </Button>
      }
    >
      <CursorTable<User> list={list} testId="users-table" columns={columns} />
      <UserDialog
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          list.reload();
        }}
      />
    </Card>
  );
}
