import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type RiskCaseSummary, riskApi } from '../../api/risk';
import { staffApi } from '../../api/staff';
import { useAuth } from '../../auth';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { useNow } from '../../hooks/useNow';
import { usePageTitle } from '../../hooks/usePageTitle';
import { CaseDrawer } from './CaseDrawer';

/** Open cases as a board: a column per owner role, most urgent deadline first; a case opens its checklist. */
export default function RiskCasesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const now = useNow();
  usePageTitle(t('risk.cases.title'));
  const cases = useLoader(() => riskApi.cases.list({ status: 'open', limit: 500 }), []);
  // People to give cases to; a reader without access to them sees ids instead of names.
  const users = useLoader(
    () => (can('risk:manage') ? staffApi.users.directory() : Promise.resolve(null)),
    [],
  );
  const ownerName = (ownerId: string) =>
    users.data?.items.find((u) => u.id === ownerId)?.displayName ?? ownerId;
  // A drill started from the playbook editor arrives with its case open.
  const [params, setParams] = useSearchParams();
  const [openId, setOpenIdState] = useState<string | null>(params.get('case'));
  // The open case is in the address (?case=…), so a link or a reload opens the same one and
  // closing the drawer leaves a page that reloads closed.
  const setOpenId = (id: string | null) => {
    setOpenIdState(id);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('case', id);
        else next.delete('case');
        return next;
      },
      { replace: true },
    );
  };

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
                      {item.ownerId ? (
                        <Typography.Text data-testid="risk-case-owner">
                          {t('risk.cases.owner')}: {ownerName(item.ownerId)}
                        </Typography.Text>
                      ) : null}
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
      <CaseDrawer
        caseId={openId}
        users={users.data?.items ?? []}
        ownerName={ownerName}
        onClose={() => setOpenId(null)}
        onChanged={cases.reload}
      />
    </Space>
  );
}
