import { PrinterOutlined, ShopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logisticsApi, type ZoneRunPlan } from '../../api/fulfilment';
import { errorText } from '../../errors';
import { seriesColors } from './OnTimeChart';
import './route-sheet.css';

type Stop = ZoneRunPlan['runs'][number]['stops'][number];

/**
 * Riders' runs from the same-day orders packed and waiting: the fleet in, one sheet per rider
 * out, stops by district and street since orders carry no coordinates (docs/routes.md).
 */
export function SameDayRuns() {
  const { t } = useTranslation();
  const [capacity, setCapacity] = useState<number>(20);
  const [riders, setRiders] = useState<number | null>(null);
  const [plan, setPlan] = useState<ZoneRunPlan | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [isPlanning, setIsPlanning] = useState(false);
  const planRuns = async () => {
    setIsPlanning(true);
    setFailure(null);
    try {
      setPlan(await logisticsApi.routes.sameDay({ capacity, riders: riders ?? undefined }));
    } catch (error) {
      setFailure(error);
      setPlan(null);
    } finally {
      setIsPlanning(false);
    }
  };
  return (
    <Card
      className="ordo-print-area"
      title={t('fulfilment.routes.sameDay.title')}
      extra={
        plan && plan.runs.length > 0 ? (
          <Button className="ordo-no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('fulfilment.routes.print')}
          </Button>
        ) : null
      }
    >
      <div className="ordo-no-print">
        <Typography.Paragraph type="secondary">{t('fulfilment.routes.sameDay.help')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('fulfilment.routes.sameDay.capacity')}</span>
          <InputNumber
            min={1}
            max={1000}
            precision={0}
            value={capacity}
            onChange={(value) => setCapacity(value ?? 1)}
            data-testid="same-day-capacity"
          />
          <span>{t('fulfilment.routes.sameDay.riders')}</span>
          <InputNumber
            min={1}
            max={500}
            precision={0}
            value={riders}
            placeholder={t('fulfilment.routes.sameDay.ridersPlaceholder')}
            onChange={(value) => setRiders(value)}
            style={{ width: 180 }}
            data-testid="same-day-riders"
          />
          <Button
            type="primary"
            icon={<ShopOutlined />}
            loading={isPlanning}
            onClick={() => void planRuns()}
            data-testid="routes-from-orders"
          >
            {t('fulfilment.routes.sameDay.plan')}
          </Button>
        </Space>
        {failure ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={errorText(t, failure)}
            description={failure instanceof Error ? failure.message : undefined}
            data-testid="same-day-error"
          />
        ) : null}
      </div>
      {plan && plan.runs.length === 0 ? (
        <Empty description={t('fulfilment.routes.sameDay.empty')} data-testid="same-day-empty" />
      ) : null}
      {plan ? <RunSheets plan={plan} /> : null}
    </Card>
  );
}

function RunSheets({ plan }: { plan: ZoneRunPlan }) {
  const { t } = useTranslation();
  return (
    <div data-testid="same-day-runs" style={{ marginTop: 16 }}>
      {plan.runs.map((run, index) => (
        <Card
          key={run.stops[0].id}
          size="small"
          className="ordo-route-sheet"
          style={{ marginBottom: 16, borderLeft: `4px solid ${seriesColors[index % seriesColors.length]}` }}
          title={t('fulfilment.routes.vehicle', { n: index + 1 })}
          data-testid="same-day-run"
        >
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'stops', label: t('fulfilment.routes.stops'), children: run.stops.length },
              { key: 'load', label: t('fulfilment.routes.load'), children: `${run.load} / ${plan.capacity}` },
              { key: 'zones', label: t('fulfilment.routes.sameDay.zones'), children: run.zones.join('、') },
            ]}
          />
          <Table<Stop & { n: number }>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={run.stops.map((stop, n) => ({ ...stop, n: n + 1 }))}
            columns={[
              { title: '#', dataIndex: 'n', width: 48 },
              { title: t('fulfilment.routes.sameDay.zone'), dataIndex: 'zone' },
              {
                title: t('fulfilment.routes.sameDay.street'),
                dataIndex: 'street',
                render: (street: string) => <Typography.Text strong>{street}</Typography.Text>,
              },
              {
                title: t('fulfilment.routes.sameDay.orders'),
                dataIndex: 'orders',
                render: (orders: string[]) => orders.join(', '),
              },
              { title: t('fulfilment.routes.demand'), dataIndex: 'demand', align: 'right' },
              { title: t('fulfilment.routes.done'), key: 'done', width: 90, render: () => '☐' },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
