import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orderTypes } from '../../api/orders';

type Option = { value: string; label: string };

function SlaRow({
  name,
  remove,
  channelOptions,
}: {
  name: number;
  remove: () => void;
  channelOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const isSameDay = Form.useWatch(['policy', 'slas', name, 'sameDayBeforeCutoff']);
  return (
    <Row gutter={8} align="top" data-testid="sla-row">
      <Col xs={12} md={5}>
        <Form.Item
          name={[name, 'channel']}
          rules={[{ required: true, message: t('settings.channelRequired') }]}
        >
          <Select showSearch options={channelOptions} placeholder={t('orders.channel')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={[name, 'type']} rules={[{ required: true }]}>
          <Select
            options={[
              { value: '*', label: t('settings.anyType') },
              ...orderTypes.map((type) => ({ value: type, label: t(`orderType.${type}`) })),
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[name, 'shipWithinWorkingHours']}>
          <InputNumber
            min={1}
            max={10000}
            disabled={Boolean(isSameDay)}
            addonAfter={t('settings.workingHoursUnit')}
            placeholder={t('settings.noDeadline')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={10} md={6}>
        <Form.Item name={[name, 'sameDayBeforeCutoff']} valuePropName="checked">
          <Checkbox>{t('settings.sameDay')}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={2}>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={remove}
          aria-label={t('common.remove')}
        />
      </Col>
    </Row>
  );
}

/** Shipping deadlines per channel and order type. */
export function SlasCard({ channelOptions }: { channelOptions: Option[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('settings.slas')} data-testid="slas-card">
      <Typography.Paragraph type="secondary">{t('settings.slasHint')}</Typography.Paragraph>
      <Form.List name={['policy', 'slas']}>
        {(fields, { add, remove }) => (
          <>
            <Row gutter={8} style={{ fontWeight: 500, marginBottom: 8 }}>
              <Col xs={12} md={5}>
                {t('orders.channel')}
              </Col>
              <Col xs={12} md={5}>
                {t('orders.type')}
              </Col>
              <Col xs={12} md={6}>
                {t('settings.shipWithin')}
              </Col>
              <Col xs={12} md={6}>
                {t('settings.orSameDay')}
              </Col>
            </Row>
            {fields.map((field) => (
              <SlaRow
                key={field.key}
                name={field.name}
                remove={() => remove(field.name)}
                channelOptions={channelOptions}
              />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ channel: '*', type: 'normal', shipWithinWorkingHours: 48 })}
            >
              {t('settings.addSla')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
