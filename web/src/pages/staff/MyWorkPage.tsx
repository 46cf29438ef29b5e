import { Alert, Card, Col, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { performanceApi, type TodayWindow } from '../../api/performance';
import { useAuth } from '../../auth';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { MyJobDescriptionCard } from './MyJobDescriptionCard';
import { ShiftsCard } from './ShiftsCard';
import { blankFigure, figureKeys, figureText, TeamChart, TeamTable } from './TeamPerformance';

function MyFigures({ today }: { today: TodayWindow }) {
  const { t } = useTranslation();
  const mine = useLoader(() => performanceApi.mine(today.from, today.to), [today.from, today.to]);
  const figures = mine.data?.items[0];
  return (
    <Card
      title={`${t('staffJobs.myToday')} (${today.date})`}
      loading={mine.isLoading}
      data-testid="my-figures"
    >
      {!mine.isLoading && figures?.hoursWorked == null && (
        <Alert type="info" showIcon message={t('staffJobs.noShiftHelp')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        {figureKeys.map((key) => (
          <Col key={key} xs={12} md={6} lg={4}>
            <Statistic
              title={t(`staffJobs.figures.${key}`)}
              value={figureText(figures ? figures[key] : blankFigure(key))}
              data-testid={`my-${key}`}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export default function MyWorkPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  usePageTitle(t('staffJobs.myWork'));
  // "Today" is the shop's day (its time zone in the order settings), not the browser's.
  const today = useLoader(() => performanceApi.today(), []);
  const window = today.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {window ? <MyFigures today={window} /> : <Card loading data-testid="my-figures-loading" />}
      {window && can('audit:read') && <TeamTable from={window.from} to={window.to} />}
      {window && can('audit:read') && <TeamChart today={window} />}
      {window && can('review:manage') && <ShiftsCard today={window} />}
      <MyJobDescriptionCard />
    </Space>
  );
}
