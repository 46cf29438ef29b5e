import { Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type StocktakeDetail, supplyApi } from '../../api/supply';
import { FormModal } from '../FormModal';
import { WarehouseSelect } from '../inventory/WarehouseSelect';

type Values = { warehouse: string; kind: 'full' | 'cycle'; classes?: ('A' | 'B' | 'C')[]; note?: string };

/** Opens a count: every SKU stocked in the warehouse, or (cycle) only those of some ABC classes. */
export function NewStocktakeModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (stocktake: StocktakeDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  const create = async (values: Values) => {
    onCreated(
      await supplyApi.stocktakes.create({
        warehouse: values.warehouse,
        kind: values.kind,
        classes: values.kind === 'cycle' ? values.classes : undefined,
        note: values.note?.trim() || null,
      }),
    );
  };

  return (
    <FormModal<Values>
      title={t('supply.newStocktake.title')}
      okText={t('supply.newStocktake.create')}
      form={form}
      onClose={onClose}
      submit={create}
      testId="stocktake-form"
      width={560}
      initialValues={{ kind: 'full', classes: ['A'] }}
    >
      <Form.Item
        name="warehouse"
        label={t('supply.common.warehouse')}
        rules={[{ required: true, message: t('common.required', { field: t('supply.common.warehouse') }) }]}
      >
        <WarehouseSelect placeholder={t('supply.common.chooseWarehouse')} data-testid="stocktake-warehouse" />
      </Form.Item>
      <Form.Item name="kind" label={t('supply.newStocktake.kind')}>
        <Radio.Group
          options={[
            { value: 'full', label: t('supply.stocktakeKind.full') },
            { value: 'cycle', label: t('supply.stocktakeKind.cycle') },
          ]}
          data-testid="stocktake-kind"
        />
      </Form.Item>
      {kind === 'cycle' ? (
        <Form.Item
          name="classes"
          label={t('supply.newStocktake.classes')}
          extra={t('supply.newStocktake.classesHint')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('supply.newStocktake.classesRequired') },
          ]}
        >
          <Checkbox.Group
            options={['A', 'B', 'C'].map((value) => ({
              value,
              label: t('supply.newStocktake.class', { value }),
            }))}
          />
        </Form.Item>
      ) : (
        <Form.Item>
          <span style={{ opacity: 0.65 }}>{t('supply.newStocktake.fullHint')}</span>
        </Form.Item>
      )}
      <Form.Item name="note" label={t('supply.common.note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
