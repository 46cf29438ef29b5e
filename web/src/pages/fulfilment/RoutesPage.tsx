import { NodeIndexOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Input, Row, Space, Statistic, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logisticsApi, type RoutePlan } from '../../api/fulfilment';
import { RouteMap } from '../../components/fulfilment/RouteMap';
import { RouteSheets } from '../../components/fulfilment/RouteSheets';
import { SameDayRuns } from '../../components/fulfilment/SameDayRuns';
import {
  exampleStopList,
  readStopList,
  type VehicleRoute,
  vehicleRoutes,
} from '../../components/fulfilment/stop-list';
import { formatDecimal } from '../../components/inventory/numbers';
import { errorText } from '../../errors';
import { usePageTitle } from '../../hooks/usePageTitle';

/**
 * Route planning for the shop's own riders: from the same-day orders waiting on the shelf, or
 * from a stop list with coordinates; one route per rider out, on screen and on paper. A hidden
 * tab is not displayed, so only the open tab's sheets print.
 */
export default function RoutesPage() {
  const { t } = useTranslation();
  usePageTitle(t('fulfilment.routes.title'));
  return (
    <Tabs
      items={[
        { key: 'orders', label: t('fulfilment.routes.sameDay.title'), children: <SameDayRuns /> },
        { key: 'list', label: t('fulfilment.routes.sameDay.fromStopList'), children: <StopListPlanner /> },
      ]}
      data-testid="routes-tabs"
    />
  );
}

/** A stop list in (pasted, uploaded or the example), planned by distance. */
function StopListPlanner() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [plan, setPlan] = useState<{ routes: VehicleRoute[]; totalDistance: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [isPlanning, setIsPlanning] = useState(false);

  const read = text.trim() ? readStopList(text) : null;
  const list = read && 'list' in read ? read.list : null;

  const edit = (value: string) => {
    setText(value);
    setPlan(null);
    setFailure(null);
  };
  const planRoutes = async () => {
    if (!read || !('json' in read)) return;
    setIsPlanning(true);
    setFailure(null);
    try {
      const result: RoutePlan = await logisticsApi.routes.plan(read.json);
      setPlan({ routes: vehicleRoutes(result, read.list), totalDistance: result.totalDistance });
    } catch (error) {
      setFailure(error);
      setPlan(null);
    } finally {
      setIsPlanning(false);
    }
  };

  const km = (value: number) => t('fulfilment.routes.km', { value: formatDecimal(value, 2) });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        className="ordo-no-print"
        title={t('fulfilment.routes.title')}
        extra={
          <Space wrap>
            <Button
              onClick={() => edit(JSON.stringify(exampleStopList, null, 2))}
              data-testid="routes-example"
            >
              {t('fulfilment.routes.example')}
            </Button>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then(edit);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('fulfilment.routes.upload')}</Button>
            </Upload>
            <Button
              type="primary"
              icon={<NodeIndexOutlined />}
              disabled={!list}
              loading={isPlanning}
              onClick={planRoutes}
              data-testid="routes-plan"
            >
              {t('fulfilment.routes.plan')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('fulfilment.routes.help')}</Typography.Paragraph>
        <Input.TextArea
          value={text}
          onChange={(event) => edit(event.target.value)}
          rows={10}
          spellCheck={false}
          placeholder={t('fulfilment.routes.placeholder')}
          style={{ fontFamily: 'monospace' }}
          data-testid="routes-input"
        />
        {read && 'error' in read ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('fulfilment.routes.unreadable', { reason: read.error })}
            data-testid="routes-unreadable"
          />
        ) : null}
        {failure ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={errorText(t, failure)}
            description={failure instanceof Error ? failure.message : undefined}
            data-testid="routes-error"
          />
        ) : null}
      </Card>
      {list ? (
        <Card className="ordo-no-print" title={list.name ?? t('fulfilment.routes.map')}>
          {plan ? (
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={12} md={6}>
                <Statistic title={t('fulfilment.routes.vehicles')} value={plan.routes.length} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('fulfilment.routes.stops')} value={list.stops.length} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('fulfilment.routes.totalLoad')}
                  value={list.stops.reduce((sum, stop) => sum + stop.demand, 0)}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('fulfilment.routes.totalDistance')}
                  value={km(plan.totalDistance)}
                  data-testid="routes-total"
                />
              </Col>
            </Row>
          ) : null}
          <RouteMap list={list} routes={plan?.routes ?? []} />
        </Card>
      ) : null}
      {list && plan ? (
        <Card
          className="ordo-print-area"
          title={
            list.name ? `${t('fulfilment.routes.sheets')} · ${list.name}` : t('fulfilment.routes.sheets')
          }
          extra={
            <Button
              className="ordo-no-print"
              icon={<PrinterOutlined />}
              onClick={() => window.print()}
              data-testid="routes-print"
            >
              {t('fulfilment.routes.print')}
            </Button>
          }
        >
          <RouteSheets list={list} routes={plan.routes} />
        </Card>
      ) : null}
    </Space>
  );
}
