import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderReviewApi, type Team } from '../../api/order-review';
import { staffApi } from '../../api/staff';
import { useAuth } from '../../auth';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { FormModal } from '../FormModal';

type TeamValues = { id: string; name: string; members: string[] };

const teamIdPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function TeamModal({
  team,
  onClose,
  onSaved,
}: {
  team: Team | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamValues>();
  // Whoever may edit teams (rules:manage) may read the user directory.
  const canListUsers = can('rules:manage');
  const users = useLoader(
    () => (canListUsers ? staffApi.users.directory() : Promise.resolve({ items: [] })),
    [canListUsers],
  );
  return (
    <FormModal<TeamValues>
      title={team ? t('settings.editTeam', { name: team.name }) : t('settings.newTeam')}
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      testId="team-form"
      initialValues={team ?? { id: '', name: '', members: [] }}
      submit={async (values) => {
        await orderReviewApi.teams.save(team?.id ?? values.id.trim(), {
          name: values.name.trim(),
          members: values.members ?? [],
        });
        message.success(t('settings.teamSaved', { name: values.name }));
        onSaved();
      }}
    >
      <Form.Item
        name="id"
        label={t('settings.teamId')}
        extra={team ? undefined : t('settings.teamIdHint')}
        rules={[
          { required: true, message: t('common.required', { field: t('settings.teamId') }) },
          { pattern: teamIdPattern, message: t('settings.teamIdHint') },
        ]}
      >
        <Input disabled={Boolean(team)} data-testid="team-id" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('settings.teamName')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: t('settings.teamName') }),
          },
        ]}
      >
        <Input maxLength={100} data-testid="team-name" />
      </Form.Item>
      <Form.Item
        name="members"
        label={t('settings.members')}
        extra={canListUsers ? undefined : t('settings.membersFreeText')}
      >
        <Select
          mode={canListUsers ? 'multiple' : 'tags'}
          loading={users.isLoading}
          options={(users.data?.items ?? []).map((user) => ({
            value: user.username,
            label:
              user.displayName && user.displayName !== user.username
                ? `${user.displayName} (${user.username})`
                : user.username,
          }))}
          data-testid="team-members"
        />
      </Form.Item>
    </FormModal>
  );
}

export function TeamsCard() {
  const { t } = useTranslation();
  const teams = useLoader(() => orderReviewApi.teams.list(), []);
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  return (
    <Card
      title={t('settings.teams')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="team-create">
          {t('settings.newTeam')}
        </Button>
      }
      data-testid="teams-card"
    >
      {teams.error ? <Alert type="error" showIcon title={errorText(t, teams.error)} /> : null}
      <Table<Team>
        rowKey="id"
        size="small"
        pagination={false}
        loading={teams.isLoading}
        dataSource={teams.data?.items ?? []}
        locale={{ emptyText: t('settings.noTeams') }}
        columns={[
          {
            title: t('settings.teamId'),
            dataIndex: 'id',
            render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
          },
          { title: t('settings.teamName'), dataIndex: 'name' },
          {
            title: t('settings.members'),
            dataIndex: 'members',
            render: (members: string[]) =>
              members.length ? members.map((m) => <Tag key={m}>{m}</Tag>) : '—',
          },
          {
            title: t('common.actions'),
            key: 'edit',
            render: (_, team) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(team)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined ? (
        <TeamModal
          team={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            teams.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
