import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type PeriodReport, reportsApi, type StageKey, type WeeklyReport } from '../../api/reports';
import { errorText } from '../../errors';
import { useChannelNames } from '../../hooks/useChannelNames';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

dayjs.extend(isoWeek);

const stages: StageKey[] = [
  'receivedToApproved',
  'approvedToShipped',
  'shippedToDelivered',
  'receivedToDelivered',
];
const zones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Europe/London',
  'America/New_York',
  'UTC',
];
const weekOf = (value: Dayjs) => `${value.isoWeekYear()}-W${String(value.isoWeek()).padStart(2, '0')}`;
const day = (value: Dayjs) => value.format('YYYY-MM-DD');
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const hours = (value: number) => value.toFixed(1);

function Figures({ report }: { report: PeriodReport }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Statistic
          title={t('reports.received')}
          value={report.orders.received}
          data-testid="report-received"
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('reports.delivered')} value={report.delivery.delivered} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('reports.lateRate')}
          value={percent(report.delivery.lateRate)}
          suffix={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.lateOf', { late: report.delivery.late, promised: report.delivery.withPromise })}
            </Typography.Text>
          }
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('reports.p50ReceivedToDelivered')}
          value={hours(report.stageHours.receivedToDelivered.p50)}
          suffix={t('reports.h')}
        />
      </Col>
    </Row>
  );
}

function StageChart({ report }: { report: PeriodReport }) {
  const { t } = useTranslation();
  const data = stages.map((stage) => ({ stage: t(`reports.stage.${stage}`), ...report.stageHours[stage] }));
  if (stages.every((stage) => report.stageHours[stage].n === 0))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.noDelivered')} />;
  return (
    <div style={{ height: 300 }} data-testid="stage-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 16, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="stage" />
          <YAxis unit={t('reports.h')} />
          <Tooltip formatter={(value) => `${hours(Number(value))} ${t('reports.h')}`} />
          <Legend />
          <Bar dataKey="p50" name="p50" fill="#1677ff" isAnimationActive={false} />
          <Bar dataKey="p90" name="p90" fill="#fa8c16" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Orders counted by a code (a status, a hold reason) or by a channel, each named for the reader. */
function Counts({
  title,
  counts,
  nameOf,
}: {
  title: string;
  counts: Record<string, number>;
  nameOf: (key: string) => string;
}) {
  const { t } = useTranslation();
  const rows = Object.entries(counts).map(([key, n]) => ({ key, name: nameOf(key), n }));
  return (
    <Table
      size="small"
      pagination={false}
      title={() => title}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('reports.key'), dataIndex: 'name' },
        { title: t('reports.orders'), dataIndex: 'n', align: 'right' },
      ]}
      locale={{ emptyText: t('reports.none') }}
    />
  );
}

function WeeksChart({ report }: { report: WeeklyReport }) {
  const { t } = useTranslation();
  const data = [
    ...[...report.previousWeeks]
      .reverse()
      .map((w) => ({ week: w.week, received: w.received, delivered: w.delivered })),
    { week: report.week, received: report.orders.received, delivered: report.delivery.delivered },
    {
      week: `${report.lastYear.week} (${t('reports.lastYearShort')})`,
      received: report.lastYear.received,
      delivered: report.lastYear.delivered,
    },
  ];
  return (
    <div style={{ height: 300 }} data-testid="weeks-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 16, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="received" name={t('reports.received')} fill="#1677ff" isAnimationActive={false} />
          <Bar dataKey="delivered" name={t('reports.delivered')} fill="#52c41a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function Report({ report }: { report: PeriodReport | WeeklyReport }) {
  const { t } = useTranslation();
  const channels = useChannelNames();
  const weekly = 'week' in report ? report : null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Figures report={report} />
      </Card>
      <Card title={t('reports.stageHours')}>
        <Typography.Paragraph type="secondary">{t('reports.stageHelp')}</Typography.Paragraph>
        <StageChart report={report} />
        <Table
          size="small"
          pagination={false}
          rowKey="stage"
          dataSource={stages.map((stage) => ({ stage, ...report.stageHours[stage] }))}
          columns={[
            {
              title: t('reports.stageColumn'),
              dataIndex: 'stage',
              render: (stage: StageKey) => t(`reports.stage.${stage}`),
            },
            { title: 'n', dataIndex: 'n', align: 'right' },
            { title: 'p50', dataIndex: 'p50', align: 'right', render: hours },
            { title: 'p90', dataIndex: 'p90', align: 'right', render: hours },
          ]}
          data-testid="stage-table"
        />
      </Card>
      {weekly ? (
        <Card title={t('reports.comparison')}>
          <WeeksChart report={weekly} />
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('reports.previousAverage')}>
              {t('reports.averageText', {
                received: weekly.previousAverage.received,
                lateRate: percent(weekly.previousAverage.lateRate),
                p50: hours(weekly.previousAverage.receivedToDeliveredP50),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.lastYear')}>
              {t('reports.averageText', {
                received: weekly.lastYear.received,
                lateRate: percent(weekly.lastYear.lateRate),
                p50: hours(weekly.lastYear.receivedToDeliveredP50),
              })}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={weekly ? 8 : 12}>
          <Counts
            title={t('reports.byStatus')}
            counts={report.orders.byStatus}
            nameOf={(status) => t(`status.${status}`, { defaultValue: status })}
          />
        </Col>
        <Col xs={24} md={weekly ? 8 : 12}>
          <Counts title={t('reports.byChannel')} counts={report.orders.byChannel} nameOf={channels.nameOf} />
        </Col>
        {weekly ? (
          <Col xs={24} md={8}>
            <Counts
              title={t('reports.exceptions', { n: weekly.exceptions.heldOrders })}
              counts={weekly.exceptions.byReason}
              nameOf={(code) => t(`holds.code.${code}`, { defaultValue: code })}
            />
          </Col>
        ) : null}
      </Row>
    </Space>
  );
}

export default function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const [mode, setMode] = useState<'weekly' | 'period'>('weekly');
  // `?week=2026-W47` opens that week (links from mails and other pages).
  const [week, setWeek] = useState<Dayjs>(() => {
    const asked = /^(\d{4})-W(\d{2})$/.exec(new URLSearchParams(window.location.search).get('week') ?? '');
    return asked
      ? dayjs(`${asked[1]}-01-04`).isoWeek(Number(asked[2])).startOf('isoWeek')
      : dayjs().subtract(1, 'week');
  });
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(28, 'day'), dayjs()]);
  const [tz, setTz] = useState<string | undefined>();
  const weekQuery = { week: weekOf(week), tz };
  const periodQuery = { from: day(range[0]), to: day(range[1]), tz };
  const report = useLoader<PeriodReport | WeeklyReport>(
    () => (mode === 'weekly' ? reportsApi.weekly(weekQuery) : reportsApi.period(periodQuery)),
    [mode, weekQuery.week, periodQuery.from, periodQuery.to, tz],
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('reports.title')}
        extra={
          <Space wrap>
            <Segmented
              value={mode}
              onChange={(value) => setMode(value as 'weekly' | 'period')}
              options={[
                { value: 'weekly', label: t('reports.weekly') },
                { value: 'period', label: t('reports.period') },
              ]}
              data-testid="report-mode"
            />
            {mode === 'weekly' ? (
              <DatePicker
                picker="week"
                value={week}
                allowClear={false}
                onChange={(value) => value && setWeek(value)}
                format={(value) => weekOf(value)}
                data-testid="report-week"
              />
            ) : (
              <DatePicker.RangePicker
                value={range}
                allowClear={false}
                onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
                data-testid="report-range"
              />
            )}
            <Select
              allowClear
              placeholder={t('reports.shopZone')}
              value={tz}
              onChange={setTz}
              options={zones.map((zone) => ({ value: zone, label: zone }))}
              style={{ width: 180 }}
              data-testid="report-tz"
            />
            <Button icon={<ReloadOutlined />} onClick={report.reload} aria-label={t('common.refresh')} />
            {mode === 'weekly' ? (
              <Button
                icon={<DownloadOutlined />}
                href={reportsApi.weeklyPdfUrl(weekQuery)}
                data-testid="download-pdf"
              >
                PDF
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              href={
                mode === 'weekly' ? reportsApi.weeklyCsvUrl(weekQuery) : reportsApi.periodCsvUrl(periodQuery)
              }
              data-testid="download-csv"
            >
              CSV
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {report.data
            ? t('reports.span', { from: report.data.from, to: report.data.to, zone: report.data.timeZone })
            : t('reports.help')}
        </Typography.Paragraph>
        {report.error ? <Alert type="error" showIcon title={errorText(t, report.error)} /> : null}
      </Card>
      {report.data ? <Report report={report.data} /> : null}
    </Space>
  );
}
