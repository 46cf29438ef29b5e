import { Alert, Card, Col, Row, Spin, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type SurveyResults, serviceApi } from '../../api/service';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

type Group = SurveyResults['byCarrier'][number];

function GroupTable({ title, rows, testId }: { title: string; rows: Group[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title}>
      <DataTable<Group>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        empty={t('service.surveys.groupEmpty')}
        emptyTestId={`${testId}-empty`}
        columns={[
          { title: title, dataIndex: 'key' },
          { title: t('service.surveys.answered'), dataIndex: 'answered' },
          { title: 'CSAT', dataIndex: 'csat' },
          { title: 'NPS', dataIndex: 'nps' },
        ]}
      />
    </Card>
  );
}

export default function SurveyResultsPage() {
  const { t } = useTranslation();
  const results = useLoader(() => serviceApi.surveys.results(), []);
  usePageTitle(t('service.surveys.title'));
  if (results.error) return <Alert type="error" showIcon title={errorText(t, results.error)} />;
  const r = results.data;
  if (!r) return <Spin />;
  return (
    <Card title={t('service.surveys.title')}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t('service.surveys.sent')} value={r.sent} />
        </Col>
        <Col span={6}>
          <Statistic title={t('service.surveys.answered')} value={r.answered} />
        </Col>
        <Col span={6}>
          <Statistic title="CSAT" value={r.csat ?? '—'} data-testid="survey-csat" />
        </Col>
        <Col span={6}>
          <Statistic title="NPS" value={r.nps ?? '—'} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('service.surveys.trend')}>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={r.byDay}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="key" />
                <YAxis yAxisId="csat" domain={[1, 5]} />
                <YAxis yAxisId="nps" orientation="right" domain={[-100, 100]} />
                <Tooltip />
                <Legend />
                <Line yAxisId="csat" dataKey="csat" name="CSAT" stroke="#1677ff" />
                <Line yAxisId="nps" dataKey="nps" name="NPS" stroke="#52c41a" />
              </LineChart>
            </ResponsiveContainer>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('service.surveys.problems')}>
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={r.problems.map((p) => ({ ...p, label: t(`service.problem.${p.key}`) }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name={t('service.surveys.count')} fill="#fa8c16" />
              </BarChart>
            </ResponsiveContainer>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <GroupTable title={t('service.surveys.byCarrier')} rows={r.byCarrier} testId="surveys-by-carrier" />
        </Col>
        <Col xs={24} lg={12}>
          <GroupTable title={t('service.surveys.byChannel')} rows={r.byChannel} testId="surveys-by-channel" />
        </Col>
        <Col xs={24} lg={12}>
          <GroupTable title={t('service.surveys.byTeam')} rows={r.byTeam} testId="surveys-by-team" />
        </Col>
        <Col xs={24} lg={12}>
          <GroupTable title={t('service.surveys.bySku')} rows={r.bySku} testId="surveys-by-sku" />
        </Col>
      </Row>
    </Card>
  );
}
