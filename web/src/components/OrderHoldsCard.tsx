import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { explanationLang, renderExplanation } from '../../../src/contracts/explanations.ts';
import type { HoldDetail } from '../api/orders';
import { formatDateTime } from '../format';
import { HoldTag } from './StatusTags';

/**
 * The translated explanation of a hold code, plus the server's own message when it says more
 * than that (e.g. which line names an unknown SKU).
 */
function HoldExplanation({ hold }: { hold: HoldDetail }) {
  const { t, i18n } = useTranslation();
  const explanation = t(`holds.explain.${hold.code}`, { defaultValue: '' });
  const english = i18n.getFixedT('en')(`holds.explain.${hold.code}`, { defaultValue: '' }).toLowerCase();
  const addsDetail = hold.message && !english.includes(hold.message.toLowerCase());
  // Holds stored before explanations existed have only the server's English message.
  const detail = hold.explanation
    ? renderExplanation(hold.explanation, explanationLang(i18n.language))
    : hold.message;
  return (
    <Space orientation="vertical" size={0}>
      <span>{explanation || detail}</span>
      {explanation && addsDetail ? (
        <Typography.Text type="secondary" data-testid="hold-detail">
          {detail}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

export function HoldsCard({ holds }: { holds: HoldDetail[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('order.holds')} data-testid="order-holds">
      <Table<HoldDetail>
        rowKey={(hold) => `${hold.code}-${hold.createdAt}`}
        size="small"
        pagination={false}
        dataSource={holds}
        columns={[
          {
            title: t('order.holdCode'),
            dataIndex: 'code',
            render: (code: string) => <HoldTag code={code} />,
          },
          {
            title: t('order.holdExplanation'),
            key: 'explanation',
            render: (_, hold) => <HoldExplanation hold={hold} />,
          },
          { title: t('order.riskPoints'), dataIndex: 'riskPoints', align: 'right' },
          { title: t('order.heldAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('order.holdState'),
            dataIndex: 'releasedAt',
            render: (releasedAt: string | null) =>
              releasedAt ? (
                <Tag>{t('order.releasedAt', { at: formatDateTime(releasedAt) })}</Tag>
              ) : (
                <Tag color="red">{t('order.holdActive')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
