import { Alert, type ButtonProps, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, showFieldErrors } from '../errors';

/**
 * A dialog around one form: shows the server's refusal above the form and on the fields it
 * names. Without `open` it is mounted only while open, so every opening starts from a fresh
 * form. With `open` it stays mounted (its form instance lives on between openings, so the
 * caller resets the fields) and the last refusal is cleared each time it opens.
 */
export function FormModal<V>({
  open,
  title,
  okText,
  isDanger,
  form,
  onClose,
  submit,
  testId,
  width,
  initialValues,
  isOkDisabled,
  children,
}: {
  open?: boolean;
  title: string;
  initialValues?: Partial<V>;
  isOkDisabled?: boolean;
  okText: string;
  isDanger?: boolean;
  form: FormInstance<V>;
  onClose: () => void;
  submit: (values: V) => Promise<void>;
  testId: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const finish = async (values: V) => {
    setIsBusy(true);
    setError(null);
    try {
      await submit(values);
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Modal
      open={open ?? true}
      forceRender={open !== undefined}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={
        {
          loading: isBusy,
          danger: isDanger,
          disabled: isOkDisabled,
          'data-testid': `${testId}-ok`,
        } as ButtonProps
      }
      onOk={() => form.submit()}
      onCancel={onClose}
      width={width}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, error)}
          style={{ marginBottom: 16 }}
          data-testid={`${testId}-error`}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={finish}
        data-testid={testId}
      >
        {children}
      </Form>
    </Modal>
  );
}
