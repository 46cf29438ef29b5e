import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { stepActions } from '../../../../src/contracts/risk.ts';
import { RoleSelect } from '../../components/RoleSelect';

/** A step's number and its code, named in the reader's language when it is a known one. */
function StepTitle({ index, name }: { index: number; name: number }) {
  const { t } = useTranslation();
  const code = Form.useWatch(['steps', name, 'code']) as string | undefined;
  return (
    <span>
      {index + 1}. {code ? t(`risk.step.${code}`, { defaultValue: code }) : ''}
    </span>
  );
}

/** A playbook's owner role and its checklist: per step owner, time limit, escalation and actions. */
export function PlaybookStepsField() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="ownerRole" label={t('risk.playbooks.ownerRole')} rules={[{ required: true }]}>
        <RoleSelect />
      </Form.Item>
      <Typography.Title level={5}>{t('risk.playbooks.steps')}</Typography.Title>
      <Form.List name="steps">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid="playbook-step"
                title={<StepTitle index={index} name={field.name} />}
                extra={
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('risk.playbooks.removeStep')}
                  />
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'code']}
                      label={t('risk.playbooks.stepCode')}
                      rules={[{ required: true }]}
                    >
                      <Input data-testid="step-code" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'ownerRole']}
                      label={t('risk.playbooks.ownerRole')}
                      rules={[{ required: true }]}
                    >
                      <RoleSelect />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'limitWorkingHours']}
                      label={t('risk.playbooks.limit')}
                      rules={[{ required: true }]}
                    >
                      <InputNumber
                        min={0.25}
                        step={1}
                        addonAfter="h"
                        data-testid="step-limit"
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'escalation', 'toRole']}
                      label={t('risk.playbooks.escalateTo')}
                    >
                      <RoleSelect />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'escalation', 'afterWorkingHours']}
                      label={t('risk.playbooks.escalateAfter')}
                    >
                      <InputNumber min={0} step={1} addonAfter="h" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'actions']}
                      label={t('risk.playbooks.actions')}
                      initialValue={[]}
                    >
                      <Select
                        mode="multiple"
                        options={stepActions.map((a) => ({ value: a, label: t(`risk.action.${a}`) }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({ code: '', ownerRole: undefined, limitWorkingHours: 4, escalation: null, actions: [] })
              }
              style={{ marginBottom: 16 }}
            >
              {t('risk.playbooks.addStep')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
