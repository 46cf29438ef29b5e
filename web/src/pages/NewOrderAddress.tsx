import { Alert, Button, Card, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type AddressPart,
  type AddressRequirements,
  addressPartsNeeded,
  defaultAddressRequirements,
} from '../../../src/contracts/order-holds.ts';
import { type AddressInput, orderReviewApi, type RuleSet } from '../api/order-review';
import { useLoader } from '../hooks/useLoader';
import { TextField } from './NewOrderFields';
import type { FormValues } from './NewOrderValues';

const addressLabel: Record<AddressPart, string> = {
  name: 'order.recipient',
  phone: 'order.phone',
  province: 'address.province',
  city: 'address.city',
  district: 'address.district',
  line1: 'address.line1',
  postalCode: 'address.postalCode',
};

/**
 * The address parts the active ADDRESS_INCOMPLETE rule will hold an order for, by the same
 * function the audit uses; none when the rule is off or only flags.
 */
function partsHeldIfMissing(ruleSet: RuleSet | undefined, country: string): AddressPart[] {
  const rule = ruleSet?.rules.find((r) => r.code === 'ADDRESS_INCOMPLETE');
  if (!rule?.enabled || (rule.params.action ?? 'hold') !== 'hold') return [];
  const requirements = { ...defaultAddressRequirements, ...rule.params } as AddressRequirements;
  return addressPartsNeeded(country.trim().toUpperCase(), requirements);
}

/** The shipping address, warning before submit which missing parts the audit will hold the order for. */
export function AddressCard() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FormValues>();
  const ruleSet = useLoader(() => orderReviewApi.auditRules.active(), []);
  const address = Form.useWatch('shippingAddress', form) as AddressInput | undefined;
  const heldIfMissing = partsHeldIfMissing(ruleSet.data ?? undefined, address?.country ?? '');
  const willBeHeldFor = heldIfMissing.filter((part) => !(address?.[part] ?? '').trim());

  const copyCustomerToAddress = () => {
    const customer = form.getFieldValue('customer') as FormValues['customer'] | undefined;
    form.setFieldValue(['shippingAddress', 'name'], customer?.name ?? '');
    form.setFieldValue(['shippingAddress', 'phone'], customer?.phone ?? '');
  };

  const field = (part: keyof AddressInput, label: string, isRequired = false, testId?: string) => (
    <TextField
      name={['shippingAddress', part]}
      label={label}
      isRequired={isRequired}
      testId={testId}
      isNeededToShip={heldIfMissing.includes(part as AddressPart)}
    />
  );

  return (
    <Card
      title={t('newOrder.addressSection')}
      extra={
        <Button size="small" onClick={copyCustomerToAddress}>
          {t('newOrder.sameAsCustomer')}
        </Button>
      }
    >
      {willBeHeldFor.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('newOrder.willBeHeld', {
            parts: willBeHeldFor.map((part) => t(addressLabel[part])).join(t('newOrder.listSeparator')),
          })}
          description={t('newOrder.willBeHeldHelp')}
          data-testid="new-order-will-hold"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          {field('name', t('order.recipient'), true, 'new-order-address-name')}
        </Col>
        <Col xs={24} md={8}>
          {field('phone', t('order.phone'), true, 'new-order-address-phone')}
        </Col>
        <Col xs={24} md={8}>
          {field('country', t('address.country'), true)}
        </Col>
        <Col xs={24} md={6}>
          {field('province', t('address.province'))}
        </Col>
        <Col xs={24} md={6}>
          {field('city', t('address.city'), true, 'new-order-address-city')}
        </Col>
        <Col xs={24} md={6}>
          {field('district', t('address.district'))}
        </Col>
        <Col xs={24} md={6}>
          {field('postalCode', t('address.postalCode'))}
        </Col>
        <Col xs={24} md={12}>
          {field('line1', t('address.line1'), true, 'new-order-address-line1')}
        </Col>
        <Col xs={24} md={12}>
          {field('line2', t('address.line2'))}
        </Col>
      </Row>
    </Card>
  );
}
