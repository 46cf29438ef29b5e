import { Button, Card, Col, Drawer, Empty, List, Row, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type RiskCaseSummary, riskApi } from '../../api/risk';
import { useAuth } from '../../auth';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { useNow } from '../../hooks/useNow';
import { usePageTitle } from '../../hooks/usePageTitle';

/** Open cases as a board: a column per owner, most urgent deadline first; a case opens its checklist. */
export default function RiskCasesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const now = useNow();
  usePageTitle(t('risk.cases.title'));
  const cases = useLoader(() => riskApi.cases.list({ status: 'open', limit: 500 }), []);
  // A drill started from the playbook editor arrives with its case open.
  const [params] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(params.get('case'));
  const detail = useLoader(() => (openId ? riskApi.cases.get(openId) : Promise.resolve(null)), [openId]);

  const byOwner = new Map<string, RiskCaseSummary[]>();
  for (const item of cases.data?.items ?? []) {
    byOwner.set(item.ownerRole, [...(byOwner.get(item.ownerRole) ?? []), item]);
  }
  const dueOf = (c: RiskCaseSummary) => c.stepDueAt ?? c.dueAt;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('risk.cases.title')}</Typography.Title>
      {byOwner.size === 0 && !cases.isLoading ? <Empty description={t('risk.cases.none')} /> : null}
      <Row gutter={[16, 16]} data-testid="risk-board">
        {[...byOwner.entries()].map(([owner, items]) => (
          <Col key={owner} xs={24} md={12} xl={8}>
            <Card title={t(`roles.${owner}`, { defaultValue: owner })} data-testid="risk-owner-column">
              <List
                dataSource={[...items].sort((a, b) => dueOf(a).localeCompare(dueOf(b)))}
                renderItem={(item) => (
                  <List.Item
                    onClick={() => setOpenId(item.id)}
                    style={{ cursor: 'pointer' }}
                    data-testid="risk-case"
                    data-case-id={item.id}
                  >
                    <Space direction="vertical" size={0}>
                      <Space>
                        <Tag>{t(`risk.caseType.${item.caseType}`)}</Tag>
                        {item.isDrill ? <Tag color="purple">{t('risk.cases.drill')}</Tag> : null}
                        {item.escalatedAt ? <Tag color="orange">{t('risk.cases.escalated')}</Tag> : null}
                      </Space>
                      <Typography.Text type={Date.parse(dueOf(item)) < now ? 'danger' : undefined}>
                        {t('risk.cases.due')}: {formatDateTime(dueOf(item))}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Drawer open={!!openId} onClose={() => setOpenId(null)} width={560} title={t('risk.cases.detail')}>
        {detail.data ? (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="risk-case-detail">
            <Typography.Text>
              {t(`risk.caseType.${detail.data.caseType}`)} · {t('risk.cases.playbookVersion')}{' '}
              {detail.data.playbookVersion}
            </Typography.Text>
            <Steps
              direction="vertical"
              size="small"
              current={detail.data.currentStep}
              items={detail.data.steps.map((s) => ({
                title: t(`risk.step.${s.code}`, { defaultValue: s.code }),
                description: `${t(`roles.${s.ownerRole}`, { defaultValue: s.ownerRole })} · ${s.limitWorkingHours} h`,
              }))}
            />
            {can('risk:manage') && detail.data.currentStep < detail.data.steps.length ? (
              <Button
                type="primary"
                data-testid="complete-step"
                onClick={async () => {
                  detail.setData(await riskApi.cases.completeStep(detail.data!.id));
                  cases.reload();
                }}
              >
                {t('risk.cases.completeStep')}
              </Button>
            ) : null}
            <Timeline
              items={detail.data.timeline.map((e) => ({
                children: `${formatDateTime(e.at)} · ${t(`risk.event.${e.kind}`, { defaultValue: e.kind })} · ${e.actor}`,
              }))}
            />
          </Space>
        ) : null}
      </Drawer>
    </Space>
  );
}
