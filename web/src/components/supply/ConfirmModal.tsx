import { Form, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from '../FormModal';

/**
 * "Are you sure?" for an action that changes stock or paperwork: the dialog stays open and shows
 * the server's refusal when the action fails. Mount it only while it is open.
 */
export function ConfirmModal({
  title,
  text,
  okText,
  isDanger,
  testId,
  onConfirm,
  onClose,
}: {
  title: string;
  text: ReactNode;
  okText: string;
  isDanger?: boolean;
  testId: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Record<string, never>>();
  return (
    <FormModal<Record<string, never>>
      title={title}
      okText={okText}
      isDanger={isDanger}
      form={form}
      onClose={onClose}
      submit={onConfirm}
      testId={testId}
    >
      <Typography.Paragraph style={{ marginBottom: 0 }}>{text}</Typography.Paragraph>
    </FormModal>
  );
}
