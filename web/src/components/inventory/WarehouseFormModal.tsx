import { App, Col, Form, Input, Row, Select, Switch, TimePicker } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, type Warehouse } from '../../api/inventory';
import { isMoney } from '../../format';
import { clockTimeProps, timeZoneList } from '../clock-time';
import { FormModal } from '../FormModal';

type Values = Omit<Warehouse, 'id' | 'isActive'> & { isActive: boolean };

const regionPattern = /^[A-Z]{2}(\/[^/]{1,60}){0,2}$/;
const addressParts = ['province', 'city', 'district'] as const;

const emptyWarehouse: Values = {
  code: '',
  name: '',
  address: { country: 'CN', province: '', city: '', district: '', line1: '', postalCode: '' },
  timeZone: 'Asia/Shanghai',
  cutOff: '16:00',
  coverage: [],
  costPerOrder: '0.00',
  isActive: true,
};

function timeZoneOptions(current: string) {
  return timeZoneList(current).map((zone) => ({
    value: zone,
    label: zone,
  }));
}

/** Create a warehouse (`warehouse` undefined) or edit one; a warehouse's code is fixed. */
export function WarehouseFormModal({
  warehouse,
  onClose,
  onSaved,
}: {
  warehouse?: Warehouse;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const zones = useMemo(() => timeZoneOptions(warehouse?.timeZone ?? 'Asia/Shanghai'), [warehouse]);
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field }),
  });

  const save = async (values: Values) => {
    const { code, isActive, ...changes } = values;
    const body = { ...changes, costPerOrder: values.costPerOrder.trim() };
    const saved = warehouse
      ? await inventoryApi.warehouses.update(warehouse.id, { ...body, isActive })
      : await inventoryApi.warehouses.create({ ...body, code: code.trim() });
    message.success(
      t(warehouse ? 'inventory.warehouses.updated' : 'inventory.warehouses.created', { code: saved.code }),
    );
    onSaved();
  };

  return (
    <FormModal<Values>
      title={
        warehouse
          ? t('inventory.warehouses.editTitle', { code: warehouse.code })
          : t('inventory.warehouses.createTitle')
      }
      okText={t('common.save')}
      form={form}
      initialValues={warehouse ?? emptyWarehouse}
      onClose={onClose}
      submit={save}
      testId="warehouse-form"
      width={720}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="code"
            label={t('inventory.warehouses.code')}
            rules={[required(t('inventory.warehouses.code'))]}
          >
            <Input disabled={Boolean(warehouse)} maxLength={64} data-testid="warehouse-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="name"
            label={t('inventory.warehouses.name')}
            rules={[required(t('inventory.warehouses.name'))]}
          >
            <Input maxLength={200} data-testid="warehouse-name" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={['address', 'country']}
            label={t('address.country')}
            rules={[{ required: true, len: 2 }]}
          >
            <Input maxLength={2} />
          </Form.Item>
        </Col>
        {addressParts.map((part) => (
          <Col span={6} key={part}>
            <Form.Item name={['address', part]} label={t(`address.${part}`)}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        ))}
        <Col span={18}>
          <Form.Item name={['address', 'line1']} label={t('address.line1')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['address', 'postalCode']} label={t('address.postalCode')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="timeZone" label={t('inventory.warehouses.timeZone')} rules={[{ required: true }]}>
            <Select showSearch options={zones} data-testid="warehouse-time-zone" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item
            name="cutOff"
            label={t('inventory.warehouses.cutOff')}
            tooltip={t('inventory.warehouses.cutOffHelp')}
            rules={[
              { required: true, message: t('common.required', { field: t('inventory.warehouses.cutOff') }) },
            ]}
            {...clockTimeProps}
          >
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item
            name="costPerOrder"
            label={t('inventory.warehouses.costPerOrder')}
            tooltip={t('inventory.warehouses.costPerOrderHelp')}
            rules={[
              {
                validator: async (_, value?: string) => {
                  if (!value || !isMoney(value) || value.trim().startsWith('-'))
                    throw new Error(t('inventory.common.moneyInvalid'));
                },
              },
            ]}
          >
            <Input prefix="¥" data-testid="warehouse-cost" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="coverage"
            label={t('inventory.warehouses.coverage')}
            extra={t('inventory.warehouses.coverageHelp')}
            rules={[
              {
                validator: async (_, regions?: string[]) => {
                  const wrong = (regions ?? []).find((region) => !regionPattern.test(region));
                  if (wrong) throw new Error(t('inventory.warehouses.coverageInvalid', { region: wrong }));
                },
              },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ';', '；']}
              open={false}
              suffixIcon={null}
              placeholder={t('inventory.warehouses.coveragePlaceholder')}
              data-testid="warehouse-coverage"
            />
          </Form.Item>
        </Col>
        {warehouse ? (
          <Col span={24}>
            <Form.Item
              name="isActive"
              label={t('inventory.warehouses.active')}
              valuePropName="checked"
              extra={t('inventory.warehouses.activeHelp')}
            >
              <Switch />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </FormModal>
  );
}
