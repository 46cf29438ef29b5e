import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orderTypes, requestedServices } from '../../api/orders';
import { RowMoveButtons } from '../RowMoveButtons';

type Option = { value: string; label: string };

/** Rules that set an order's type from what it asks for; the first rule that matches wins. */
export function ClassificationCard({ channelChoices }: { channelChoices: Option[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('settings.classification')} data-testid="classification-rules-card">
      <Typography.Paragraph type="secondary">{t('settings.classificationHint')}</Typography.Paragraph>
      <Form.List name={['policy', 'classification']}>
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
                <Row gutter={8} align="top">
                  <Col xs={24} md={4}>
                    <Form.Item
                      name={[field.name, 'type']}
                      label={t('settings.thenType')}
                      rules={[{ required: true }]}
                    >
                      <Select
                        options={orderTypes.map((type) => ({
                          value: type,
                          label: t(`orderType.${type}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item
                      name={[field.name, 'when', 'requestedService']}
                      label={t('settings.whenService')}
                    >
                      <Select
                        mode="multiple"
                        allowClear
                        options={requestedServices.map((s) => ({ value: s, label: t(`serviceLevel.${s}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item name={[field.name, 'when', 'skuFlag']} label={t('settings.whenSkuFlag')}>
                      <Select
                        allowClear
                        options={['madeToOrder', 'presale'].map((flag) => ({
                          value: flag,
                          label: t(`settings.skuFlag.${flag}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item
                      name={[field.name, 'when', 'customerGroup']}
                      label={t('settings.whenCustomerGroup')}
                    >
                      <Select mode="tags" open={false} tokenSeparators={[',']} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item name={[field.name, 'when', 'channel']} label={t('settings.whenChannel')}>
                      <Select mode="tags" options={channelChoices} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={3}>
                    <RowMoveButtons
                      index={index}
                      count={fields.length}
                      move={move}
                      remove={() => remove(field.name)}
                    />
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[field.name, 'when', 'minQuantity']}
                      label={t('settings.whenMinQuantity')}
                    >
                      <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[field.name, 'when', 'minTotalMinor']}
                      label={t('settings.whenMinTotal')}
                      tooltip={t('settings.minorUnitsHelp')}
                    >
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'urgent', when: {} })}>
              {t('settings.addClassification')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
