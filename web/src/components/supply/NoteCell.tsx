import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../errors';

/** An investigation note that can be edited in place; `save` resolves once the server has it. */
export function NoteCell({
  note,
  canEdit,
  save,
  testId,
}: {
  note: string | null;
  canEdit: boolean;
  save: (note: string) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  if (draft === null) {
    return (
      <Space size={4}>
        <Typography.Text type={note ? undefined : 'secondary'} data-testid={`${testId}-text`}>
          {note || '—'}
        </Typography.Text>
        {canEdit ? (
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setDraft(note ?? '')}
            aria-label={t('supply.variance.editNote')}
            data-testid={`${testId}-edit`}
          />
        ) : null}
      </Space>
    );
  }

  const submit = async () => {
    setIsSaving(true);
    try {
      await save(draft.trim());
      setDraft(null);
    } catch (failure) {
      message.error(errorText(t, failure));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Space.Compact style={{ width: 300 }}>
      <Input
        autoFocus
        value={draft}
        maxLength={1000}
        placeholder={t('supply.variance.notePlaceholder')}
        onChange={(event) => setDraft(event.target.value)}
        onPressEnter={submit}
        data-testid={`${testId}-input`}
      />
      <Button
        type="primary"
        icon={<CheckOutlined />}
        loading={isSaving}
        onClick={submit}
        aria-label={t('common.save')}
        data-testid={`${testId}-save`}
      />
      <Button icon={<CloseOutlined />} onClick={() => setDraft(null)} aria-label={t('common.cancel')} />
    </Space.Compact>
  );
}
