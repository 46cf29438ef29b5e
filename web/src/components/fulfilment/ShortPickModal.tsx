import { Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickLine } from '../../api/fulfilment';
import { FormModal } from '../FormModal';
import { remainingOf } from './PickListTable';

/**
 * "The bin holds no more": how many of what is left were still found; the rest is short. The
 * orders that can no longer be served leave the wave and are allocated elsewhere, with a case.
 */
export function ShortPickModal({
  line,
  onClose,
  onConfirm,
}: {
  line: PickLine;
  onClose: () => void;
  onConfirm: (found: number) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ found: number }>();
  const found = Form.useWatch('found', form) ?? 0;
  const remaining = remainingOf(line);
  return (
    <FormModal<{ found: number }>
      title={t('fulfilment.shortPick.title', { sku: line.sku })}
      okText={t('fulfilment.shortPick.confirm')}
      isDanger
      form={form}
      onClose={onClose}
      submit={(values) => onConfirm(values.found ?? 0)}
      testId="short-pick"
      initialValues={{ found: 0 }}
    >
      <Typography.Paragraph>
        {t('fulfilment.shortPick.text', { remaining, bin: line.bin ?? t('fulfilment.wave.noBin') })}
      </Typography.Paragraph>
      <Form.Item name="found" label={t('fulfilment.shortPick.found')}>
        <InputNumber min={0} max={remaining - 1} precision={0} data-testid="short-pick-found" />
      </Form.Item>
      <Typography.Text type="warning" data-testid="short-pick-missing">
        {t('fulfilment.shortPick.missing', { count: remaining - found })}
      </Typography.Text>
    </FormModal>
  );
}
