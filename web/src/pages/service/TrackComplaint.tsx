import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintCategories } from '../../../../src/contracts/aftersales.ts';
import { serviceApi } from '../../api/service';
import { errorText } from '../../errors';

type Values = { category: (typeof complaintCategories)[number]; message: string };

/**
 * The customer's complaint about the order they just looked up on /track. The number and
 * contact that opened the order are the proof; the answer comes back by e-mail.
 */
export function TrackComplaint({ number, contact }: { number: string; contact: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [isOpen, setIsOpen] = useState(false);
  const [isSending, setIsSending] = useState(false);
  const [filed, setFiled] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (filed)
    return (
      <Alert type="success" showIcon data-testid="track-complaint-filed" message={t('service.track.filed')} />
    );
  if (!isOpen)
    return (
      <Button data-testid="track-complaint-open" onClick={() => setIsOpen(true)}>
        {t('service.track.complain')}
      </Button>
    );

  const send = async (values: Values) => {
    setIsSending(true);
    setError(null);
    try {
      await serviceApi.complaints.file({
        number,
        contact,
        category: values.category,
        message: values.message,
      });
      setFiled(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={send}
      requiredMark={false}
      data-testid="track-complaint-form"
    >
      <Typography.Title level={5}>{t('service.track.complain')}</Typography.Title>
      <Form.Item
        name="category"
        label={t('service.track.category')}
        rules={[{ required: true, message: t('service.track.required') }]}
      >
        <Select
          data-testid="track-complaint-category"
          options={complaintCategories.map((value) => ({ value, label: t(`service.category.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="message"
        label={t('service.track.message')}
        rules={[{ required: true, whitespace: true, message: t('service.track.required') }]}
      >
        <Input.TextArea data-testid="track-complaint-message" rows={4} maxLength={5000} showCount />
      </Form.Item>
      {error !== null && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(t, error)} />
      )}
      <Button type="primary" htmlType="submit" loading={isSending} data-testid="track-complaint-send">
        {t('service.track.send')}
      </Button>
    </Form>
  );
}
