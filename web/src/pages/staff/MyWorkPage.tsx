import { Card, Col, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type PersonFigures, performanceApi } from '../../api/performance';
import { useAuth } from '../../auth';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { MyJobDescriptionCard } from './MyJobDescriptionCard';

const figureKeys = ['pickLines', 'pickedUnits', 'shortUnits', 'parcelsPacked', 'ordersReviewed'] as const;

/** Today's window in the browser's time zone, as ISO instants. */
function today() {
  const start = dayjs().startOf('day');
  return { from: start.toISOString(), to: start.add(1, 'day').toISOString() };
}

function TeamTable({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const team = useLoader(() => performanceApi.team(from, to), [from, to]);
  return (
    <Card title={t('staffJobs.teamToday')}>
      <Table<PersonFigures>
        data-testid="team-figures"
        rowKey="person"
        size="small"
        loading={team.isLoading}
        dataSource={team.data?.items ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (row) => (
            <Space orientation="vertical" data-testid="figure-sources">
              {(['pickLines', 'parcels', 'reviews'] as const).map((kind) => (
                <span key={kind}>
                  {t(`staffJobs.sources.${kind}`)}: {row.sources[kind].join(', ') || '—'}
                </span>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: t('staffJobs.person'), dataIndex: 'person' },
          ...figureKeys.map((key) => ({
            title: t(`staffJobs.figures.${key}`),
            dataIndex: key,
            sorter: (a: PersonFigures, b: PersonFigures) => a[key] - b[key],
          })),
        ]}
      />
    </Card>
  );
}

export default function MyWorkPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  usePageTitle(t('staffJobs.myWork'));
  const { from, to } = today();
  const mine = useLoader(() => performanceApi.mine(from, to), [from, to]);
  const figures = mine.data?.items[0];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('staffJobs.myToday')} loading={mine.isLoading} data-testid="my-figures">
        <Row gutter={16}>
          {figureKeys.map((key) => (
            <Col key={key} xs={12} md={4}>
              <Statistic
                title={t(`staffJobs.figures.${key}`)}
                value={figures?.[key] ?? 0}
                data-testid={`my-${key}`}
              />
            </Col>
          ))}
        </Row>
      </Card>
      {can('audit:read') && <TeamTable from={from} to={to} />}
      <MyJobDescriptionCard />
    </Space>
  );
}
