import { Alert, Button, Drawer, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderReviewApi, type RuleConfig, type RuleSet } from '../api/order-review';
import { useAuth } from '../auth';
import { DataTable } from '../components/DataTable';
import { JsonPreview } from '../components/JsonPreview';
import { errorText, fieldErrors } from '../errors';
import { formatDateTime } from '../format';
import { useLoader } from '../hooks/useLoader';

/** Saving the edited rules as a new active version, with a note on why. */
export function SaveVersionModal({
  rules,
  onClose,
  onSaved,
}: {
  rules: RuleConfig[];
  onClose: () => void;
  onSaved: (saved: RuleSet) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const save = async ({ note }: { note?: string }) => {
    setIsSaving(true);
    setError(null);
    try {
      onSaved(await orderReviewApi.auditRules.save(rules, note?.trim() || undefined));
    } catch (failure) {
      setError(failure);
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('rules.saveTitle')}
      okText={t('rules.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, error)}
          description={fieldErrors(t, error)
            .map((field) => `${field.name.join('.')}: ${field.message}`)
            .join('\n')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={save} data-testid="save-version-form">
        <Form.Item name="note" label={t('rules.versionNote')} extra={t('rules.versionNoteHint')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="version-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Every saved version of the rules, each loadable into the editor. */
export function VersionsDrawer({
  open,
  activeVersion,
  onClose,
  onLoad,
}: {
  open: boolean;
  activeVersion: number | undefined;
  onClose: () => void;
  onLoad: (set: RuleSet) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const versions = useLoader(
    () => (open ? orderReviewApi.auditRules.versions() : Promise.resolve({ items: [] as RuleSet[] })),
    [open],
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('rules.versions')}
      size={720}
      data-testid="versions-drawer"
    >
      {versions.error ? <Alert type="error" showIcon title={errorText(t, versions.error)} /> : null}
      <DataTable<RuleSet>
        rowKey="version"
        size="small"
        loading={versions.isLoading}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        data-testid="versions-table"
        locale={{ emptyText: t('rules.noVersions') }}
        expandable={{ expandedRowRender: (set) => <JsonPreview value={set.rules} /> }}
        columns={[
          {
            title: t('rules.version'),
            dataIndex: 'version',
            render: (version: number) => (
              <Space>
                <Typography.Text strong>v{version}</Typography.Text>
                {version === activeVersion ? <Tag color="green">{t('rules.active')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('rules.savedBy'), dataIndex: 'createdBy', render: (by?: string) => by ?? '—' },
          { title: t('rules.savedAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('rules.versionNote'), dataIndex: 'note', render: (note?: string | null) => note || '—' },
          ...(can('rules:manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'load',
                  render: (_: unknown, set: RuleSet) => (
                    <Button size="small" onClick={() => onLoad(set)}>
                      {t('rules.loadVersion')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}
