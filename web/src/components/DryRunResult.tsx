import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DryRunCode, DryRunResult } from '../api/order-review';
import { HoldTag } from './StatusTags';

function Examples({ numbers }: { numbers: string[] }) {
  if (numbers.length === 0) return <>—</>;
  return (
    <Space size={[8, 0]} wrap>
      {numbers.map((number) => (
        <Link key={number} to={`/orders?q=${encodeURIComponent(number)}`} data-testid="dry-run-example">
          {number}
        </Link>
      ))}
    </Space>
  );
}

function Delta({ value }: { value: number }) {
  if (value === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return <Tag color={value > 0 ? 'red' : 'green'}>{value > 0 ? `+${value}` : value}</Tag>;
}

/** What a proposed rule set would change over the last days: totals, a chart and examples by reason. */
export function DryRunResultView({ result }: { result: DryRunResult }) {
  const { t } = useTranslation();
  const rows = result.byCode.filter((row) => row.current > 0 || row.proposed > 0);
  const chart = rows.map((row) => ({
    name: t(`holds.code.${row.code}`, { defaultValue: row.code }),
    current: row.current,
    proposed: row.proposed,
  }));
  const heldDelta = result.held.proposed - result.held.current;
  return (
    <Card title={t('rules.dryRun.title', { days: result.days })} data-testid="dry-run-result">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('rules.dryRun.orders')} value={result.orders} data-testid="dry-run-orders" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('rules.dryRun.heldCurrent', { version: result.currentVersion })}
            value={result.held.current}
            data-testid="dry-run-held-current"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('rules.dryRun.heldProposed')}
            value={result.held.proposed}
            data-testid="dry-run-held-proposed"
            suffix={
              heldDelta !== 0 ? (
                <Typography.Text type={heldDelta > 0 ? 'danger' : 'success'} style={{ fontSize: 14 }}>
                  ({heldDelta > 0 ? `+${heldDelta}` : heldDelta})
                </Typography.Text>
              ) : null
            }
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('rules.dryRun.elapsed')} value={result.elapsedMs} suffix="ms" />
        </Col>
      </Row>
      {chart.length ? (
        <div style={{ height: 280, marginTop: 16 }} data-testid="dry-run-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={chart} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar
                dataKey="current"
                name={t('rules.dryRun.current')}
                fill="#8c8c8c"
                radius={[4, 4, 0, 0]}
                isAnimationActive={false}
              />
              <Bar
                dataKey="proposed"
                name={t('rules.dryRun.proposed')}
                fill="#1677ff"
                radius={[4, 4, 0, 0]}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('rules.dryRun.nothingHeld')}
        </Typography.Paragraph>
      )}
      <Table<DryRunCode>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        style={{ marginTop: 16 }}
        data-testid="dry-run-table"
        locale={{ emptyText: t('rules.dryRun.nothingHeld') }}
        columns={[
          { title: t('home.hold'), dataIndex: 'code', render: (code: string) => <HoldTag code={code} /> },
          { title: t('rules.dryRun.current'), dataIndex: 'current', align: 'right' },
          { title: t('rules.dryRun.proposed'), dataIndex: 'proposed', align: 'right' },
          {
            title: t('rules.dryRun.delta'),
            dataIndex: 'delta',
            align: 'right',
            render: (v: number) => <Delta value={v} />,
          },
          {
            title: t('rules.dryRun.newlyHeld'),
            dataIndex: 'newlyHeld',
            render: (numbers: string[]) => <Examples numbers={numbers} />,
          },
          {
            title: t('rules.dryRun.noLongerHeld'),
            dataIndex: 'noLongerHeld',
            render: (numbers: string[]) => <Examples numbers={numbers} />,
          },
        ]}
      />
    </Card>
  );
}
