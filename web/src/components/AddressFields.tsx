import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AddressInput } from '../api/order-review';
import type { Address } from '../api/orders';

const parts = [
  { name: 'name', label: 'order.recipient', isRequired: true, span: 12 },
  { name: 'phone', label: 'order.phone', isRequired: true, span: 12 },
  { name: 'country', label: 'address.country', isRequired: true, span: 8 },
  { name: 'province', label: 'address.province', isRequired: false, span: 8 },
  { name: 'city', label: 'address.city', isRequired: true, span: 8 },
  { name: 'district', label: 'address.district', isRequired: false, span: 8 },
  { name: 'postalCode', label: 'address.postalCode', isRequired: false, span: 8 },
  { name: 'line1', label: 'address.line1', isRequired: true, span: 24 },
  { name: 'line2', label: 'address.line2', isRequired: false, span: 24 },
] as const satisfies readonly {
  name: keyof AddressInput;
  label: string;
  isRequired: boolean;
  span: number;
}[];

/** The shipping address as the form expects it: every part a string. */
export function toAddressInput(address: Address | AddressInput): AddressInput {
  return {
    name: address.name ?? '',
    phone: address.phone ?? '',
    country: address.country ?? '',
    province: address.province ?? '',
    city: address.city ?? '',
    district: address.district ?? '',
    line1: address.line1 ?? '',
    line2: address.line2 ?? '',
    postalCode: address.postalCode ?? '',
  };
}

/** Trimmed parts, as the API takes them. */
export function trimAddress(address: AddressInput): AddressInput {
  return Object.fromEntries(
    Object.entries(address).map(([key, value]) => [key, (value ?? '').trim()]),
  ) as AddressInput;
}

/**
 * The address inputs of a form, named `[...prefix, part]` so that the server's field errors
 * (`shippingAddress.city`) land on the right input.
 */
export function AddressFields({ prefix = ['shippingAddress'] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      {parts.map((part) => (
        <Col key={part.name} xs={24} sm={part.span}>
          <Form.Item
            name={[...prefix, part.name]}
            label={t(part.label)}
            rules={
              part.isRequired
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t('common.required', { field: t(part.label) }),
                    },
                  ]
                : undefined
            }
          >
            <Input
              data-testid={`address-${part.name}`}
              maxLength={part.name.startsWith('line') ? 300 : 100}
            />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
