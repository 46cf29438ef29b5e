import { Alert, Col, Form, InputNumber, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { inventoryApi, type PlanMode, type SkuLevel, type SkuStock } from '../../api/inventory';
import { FormModal } from '../FormModal';
import { planModes } from './StockTags';

type Values = { mode: PlanMode; warningLine?: number | null; safetyStock?: number | null };

/** How one SKU is planned in one warehouse: computed from demand, a manual warning line, or not at all. */
export function PlanModal({
  sku,
  level,
  onClose,
  onSaved,
}: {
  sku: string;
  level: SkuLevel;
  onClose: () => void;
  onSaved: (stock: SkuStock) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? level.mode;

  const submit = async (values: Values) => {
    const isManual = values.mode === 'manual';
    onSaved(
      await inventoryApi.plans.save({
        sku,
        warehouse: level.warehouse,
        mode: values.mode,
        warningLine: isManual ? (values.warningLine ?? null) : undefined,
        safetyStock: isManual ? (values.safetyStock ?? null) : undefined,
      }),
    );
  };

  return (
    <FormModal<Values>
      title={t('inventory.plan.editTitle', { sku, warehouse: level.warehouse })}
      okText={t('common.save')}
      form={form}
      initialValues={{
        mode: level.mode,
        warningLine: level.manualWarningLine,
        safetyStock: level.manualSafetyStock,
      }}
      onClose={onClose}
      submit={submit}
      testId="plan-form"
      width={560}
    >
      <Form.Item name="mode" label={t('inventory.plan.mode')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={planModes.map((value) => ({ value, label: t(`inventory.planMode.${value}`) }))}
          data-testid="plan-mode-choice"
        />
      </Form.Item>
      <Alert type="info" showIcon title={t(`inventory.plan.modeHelp.${mode}`)} style={{ marginBottom: 16 }} />
      {mode === 'manual' ? (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="warningLine"
              label={t('inventory.common.warningLine')}
              tooltip={t('inventory.plan.warningLineHelp')}
              dependencies={['safetyStock']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value?: number | null) => {
                    if ((value ?? null) === null && (getFieldValue('safetyStock') ?? null) === null)
                      throw new Error(t('inventory.plan.manualNeedsLine'));
                  },
                }),
              ]}
            >
              <InputNumber
                min={0}
                max={10_000_000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="plan-warning-line"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="safetyStock"
              label={t('inventory.common.safetyStock')}
              tooltip={t('inventory.plan.safetyStockHelp')}
            >
              <InputNumber
                min={0}
                max={10_000_000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="plan-safety-stock"
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </FormModal>
  );
}
