import { PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, Form, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { holdCodes } from '../../api/order-review';
import { orderTypes } from '../../api/orders';
import { RowMoveButtons } from '../RowMoveButtons';

type Option = { value: string; label: string };

/** Rules that route an order to a team; the first rule that matches wins. */
export function AssignmentCard({
  channelChoices,
  teamOptions,
}: {
  channelChoices: Option[];
  teamOptions: Option[];
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('settings.assignment')} data-testid="assignment-card">
      <Typography.Paragraph type="secondary">{t('settings.assignmentHint')}</Typography.Paragraph>
      <Form.List name="assignment">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top" data-testid="assignment-row">
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[field.name, 'team']}
                    label={index === 0 ? t('settings.team') : undefined}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('common.required', { field: t('settings.team') }),
                      },
                    ]}
                  >
                    <AutoComplete options={teamOptions} placeholder={t('settings.team')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[field.name, 'types']}
                    label={index === 0 ? t('settings.types') : undefined}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('settings.anyType')}
                      options={orderTypes.map((type) => ({ value: type, label: t(`orderType.${type}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'holdCodes']}
                    label={index === 0 ? t('settings.holdCodes') : undefined}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('settings.anyHold')}
                      options={holdCodes.map((code) => ({ value: code, label: t(`holds.code.${code}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[field.name, 'channels']}
                    label={index === 0 ? t('settings.channels') : undefined}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('settings.anyChannel')}
                      options={channelChoices}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item label={index === 0 ? ' ' : undefined}>
                    <RowMoveButtons
                      index={index}
                      count={fields.length}
                      move={move}
                      remove={() => remove(field.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ team: '' })}>
              {t('settings.addAssignment')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
