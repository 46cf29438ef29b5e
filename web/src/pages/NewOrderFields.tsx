import { Form, Input, InputNumber, Space, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export const requiredRules = (t: TFunction, label: string) => [
  { required: true, whitespace: true, message: t('common.required', { field: label }) },
];

export function MoneyInput(props: {
  value?: string;
  onChange?: (value: string) => void;
  'data-testid'?: string;
}) {
  return (
    <InputNumber<string>
      stringMode
      min="0"
      step="0.01"
      precision={2}
      style={{ width: '100%' }}
      value={props.value}
      onChange={(value) => props.onChange?.(value ?? '')}
      data-testid={props['data-testid']}
    />
  );
}

/**
 * A text input of the new-order form. `isNeededToShip`: not required to create, but the audit
 * holds the order without it — marked, so nobody is surprised.
 */
export function TextField({
  name,
  label,
  isRequired = false,
  testId,
  isNeededToShip = false,
}: {
  name: (string | number)[];
  label: string;
  isRequired?: boolean;
  testId?: string;
  isNeededToShip?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={
        !isRequired && isNeededToShip ? (
          <Space size={4} data-testid={`needed-to-ship-${String(name[1])}`}>
            {label}
            <Tag color="orange">{t('newOrder.neededToShip')}</Tag>
          </Space>
        ) : (
          label
        )
      }
      rules={isRequired ? requiredRules(t, label) : undefined}
    >
      <Input data-testid={testId ?? `new-order-${name.join('-')}`} />
    </Form.Item>
  );
}
