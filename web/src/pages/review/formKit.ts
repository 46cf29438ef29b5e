import { Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, showFieldErrors } from '../../errors';

/** What the review's forms share: choices, empty-to-null, saving with the server's field errors. */

export const departments = ['customer_service', 'logistics', 'finance', 'it', 'operations'] as const;

export const emptyToNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

export interface ModalFormProps {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Saves through `save`; a refused save puts the server's field errors onto the form. */
export function useSubmit<T>(save: (values: T) => Promise<unknown>, onSaved: () => void) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await save(values);
      form.resetFields();
      onSaved();
    } catch (failure) {
      if (showFieldErrors(form, t, failure).length === 0) setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, error, submit };
}
