import { App, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, type SkuStock } from '../../api/inventory';
import { staffApi } from '../../api/staff';
import { supplyApi } from '../../api/supply';
import { isMoney } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { FormModal } from '../FormModal';

type Values = { category: string; unitCost: string; supplier?: string | null; ownerUserId?: string | null };

/** Suppliers matching what is typed, plus the current one so it shows by name. */
function SupplierSelect({
  value,
  onChange,
  current,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  current: SkuStock['sku']['supplier'];
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useLoader(() => supplyApi.suppliers.list({ q, limit: 20 }), [q]);
  const options = (found.data?.items ?? []).map((supplier) => ({
    value: supplier.code,
    label: `${supplier.code} · ${supplier.name}`,
  }));
  if (current && !options.some((option) => option.value === current.code))
    options.unshift({ value: current.code, label: `${current.code} · ${current.name}` });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      value={value ?? undefined}
      onChange={(code?: string) => onChange?.(code ?? null)}
      options={options}
      loading={found.isLoading}
      placeholder={t('inventory.sku.noSupplier')}
      data-testid="sku-supplier"
    />
  );
}

/** Category, unit cost, supplier and owner: what planning and the reports need to know of a SKU. */
export function SkuPlanningModal({
  stock,
  onClose,
  onSaved,
}: {
  stock: SkuStock;
  onClose: () => void;
  onSaved: (stock: SkuStock) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The directory is for roles that name people (inventory:manage among them); without it the
  // owner is typed as a user id.
  const users = useLoader(() => staffApi.users.directory(), []);
  const { sku } = stock;

  const submit = async (values: Values) => {
    const saved = await inventoryApi.skus.updatePlanning(sku.code, {
      category: values.category.trim() || null,
      unitCost: values.unitCost.trim() || null,
      supplier: values.supplier || null,
      ownerUserId: values.ownerUserId?.trim() || null,
    });
    message.success(t('inventory.sku.saved', { code: sku.code }));
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      title={t('inventory.sku.editTitle', { code: sku.code })}
      okText={t('common.save')}
      form={form}
      initialValues={{
        category: sku.category ?? '',
        unitCost: sku.unitCost ?? '',
        supplier: sku.supplier?.code ?? null,
        ownerUserId: sku.ownerUserId,
      }}
      onClose={onClose}
      submit={submit}
      testId="sku-planning-form"
      width={600}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="category" label={t('inventory.sku.category')}>
            <Input maxLength={100} data-testid="sku-category" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="unitCost"
            label={t('inventory.sku.unitCost')}
            tooltip={t('inventory.sku.unitCostHelp')}
            rules={[
              {
                validator: async (_, value?: string) => {
                  if (value?.trim() && (!isMoney(value) || value.trim().startsWith('-')))
                    throw new Error(t('inventory.common.moneyInvalid'));
                },
              },
            ]}
          >
            <Input prefix="¥" data-testid="sku-unit-cost" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="supplier" label={t('inventory.sku.supplier')}>
            <SupplierSelect current={sku.supplier} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerUserId" label={t('inventory.sku.owner')}>
            {users.error ? (
              <Input maxLength={64} placeholder={t('inventory.sku.ownerIdPlaceholder')} />
            ) : (
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={users.isLoading}
                options={(users.data?.items ?? []).map((user) => ({
                  value: user.id,
                  label: user.displayName,
                }))}
                placeholder={t('inventory.sku.noOwner')}
                data-testid="sku-owner"
              />
            )}
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
