import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type DeliveryCase, fulfilmentApi } from '../../api/fulfilment';
import { FormModal } from '../FormModal';

/** Closes a case with what was done about it (reshipped, refunded, found…). */
export function ResolveCaseModal({
  deliveryCase,
  onClose,
  onResolved,
}: {
  deliveryCase: DeliveryCase;
  onClose: () => void;
  onResolved: (resolved: DeliveryCase) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormModal<{ note: string }>
      title={t('fulfilment.cases.resolveTitle', { number: deliveryCase.orderNumber })}
      okText={t('fulfilment.cases.resolve')}
      form={form}
      onClose={onClose}
      submit={async ({ note }) => onResolved(await fulfilmentApi.cases.resolve(deliveryCase.id, note.trim()))}
      testId="case-resolve"
    >
      {deliveryCase.note ? (
        <Typography.Paragraph type="secondary">{deliveryCase.note}</Typography.Paragraph>
      ) : null}
      <Form.Item
        name="note"
        label={t('fulfilment.cases.resolution')}
        rules={[{ required: true, whitespace: true, message: t('fulfilment.cases.resolutionRequired') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          showCount
          placeholder={t('fulfilment.cases.resolutionPlaceholder')}
          data-testid="case-resolve-note"
        />
      </Form.Item>
    </FormModal>
  );
}
