import { InboxOutlined } from '@ant-design/icons';
import { Button, Form, type GetRef, InputNumber, type InputNumberProps, Space, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Parcel } from './usePackingStation';

type Values = {
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
};

const size = (props: InputNumberProps<number>) => (
  <InputNumber<number> min={1} max={100_000} precision={0} style={{ width: 110 }} {...props} />
);

/**
 * Weight (from the scale) and, for a large box, its sides; Enter in the weight closes the
 * parcel. Closing is offered only when every unit is scanned and no refused item is pending.
 */
export function ParcelForm({
  isReady,
  blocker,
  isBusy,
  onClose,
}: {
  isReady: boolean;
  blocker: string | null;
  isBusy: boolean;
  onClose: (parcel: Parcel) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // The weight is asked for, not scolded: its error shows only after a try to close without it.
  const [hasTriedClose, setHasTriedClose] = useState(false);
  const weightRef = useRef<GetRef<typeof InputNumber>>(null);
  useEffect(() => {
    if (isReady) weightRef.current?.focus();
    else setHasTriedClose(false);
  }, [isReady]);

  const submit = (values: Values) => {
    if (!isReady || !values.weightGrams) return;
    onClose({
      weightGrams: values.weightGrams,
      lengthMm: values.lengthMm ?? undefined,
      widthMm: values.widthMm ?? undefined,
      heightMm: values.heightMm ?? undefined,
    });
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      onFinishFailed={() => setHasTriedClose(true)}
      style={{ rowGap: 12 }}
      data-testid="parcel-form"
    >
      <Form.Item
        name="weightGrams"
        label={t('fulfilment.packing.weight')}
        rules={[{ required: true, message: t('fulfilment.packing.weightRequired') }]}
        validateTrigger={hasTriedClose ? 'onChange' : []}
      >
        <InputNumber<number>
          ref={weightRef}
          size="large"
          min={1}
          max={10_000_000}
          precision={0}
          suffix="g"
          disabled={!isReady}
          style={{ width: 180 }}
          data-testid="packing-weight"
        />
      </Form.Item>
      <Form.Item label={t('fulfilment.packing.dimensions')} extra={t('fulfilment.packing.dimensionsHelp')}>
        <Space>
          <Form.Item name="lengthMm" noStyle>
            {size({
              placeholder: t('fulfilment.packing.length'),
              disabled: !isReady,
              'aria-label': t('fulfilment.packing.length'),
            })}
          </Form.Item>
          <Form.Item name="widthMm" noStyle>
            {size({
              placeholder: t('fulfilment.packing.width'),
              disabled: !isReady,
              'aria-label': t('fulfilment.packing.width'),
            })}
          </Form.Item>
          <Form.Item name="heightMm" noStyle>
            {size({
              placeholder: t('fulfilment.packing.height'),
              disabled: !isReady,
              'aria-label': t('fulfilment.packing.height'),
            })}
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item>
        <Tooltip title={blocker}>
          <Button
            type="primary"
            size="large"
            htmlType="submit"
            icon={<InboxOutlined />}
            disabled={Boolean(blocker)}
            loading={isBusy}
            data-testid="packing-close"
          >
            {t('fulfilment.packing.close')}
          </Button>
        </Tooltip>
      </Form.Item>
    </Form>
  );
}
