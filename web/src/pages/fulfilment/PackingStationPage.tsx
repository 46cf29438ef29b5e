import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Steps, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Explanation } from '../../../../src/contracts/explanations.ts';
import { ApiError } from '../../api/client';
import type { OrderStatus } from '../../api/orders';
import { useAuth } from '../../auth';
import { PackingItems } from '../../components/fulfilment/PackingItems';
import { ParcelForm } from '../../components/fulfilment/ParcelForm';
import { ScanInput } from '../../components/fulfilment/ScanInput';
import { ShipResult } from '../../components/fulfilment/ShipResult';
import { useScanFeedback } from '../../components/fulfilment/scan-feedback';
import {
  type PackingStage,
  type PackingStation,
  usePackingStation,
} from '../../components/fulfilment/usePackingStation';
import { OrderStatusTag } from '../../components/StatusTags';
import { errorText } from '../../errors';
import { useExplain } from '../../explain';
import { usePageTitle } from '../../hooks/usePageTitle';

const stepOf: Record<PackingStage, number> = { order: 0, items: 1, packed: 3, shipped: 4 };

/** The server's reasons, line by line: what is missing or extra, or why no carrier service fits. */
function failureLines(t: TFunction, explain: ReturnType<typeof useExplain>, failure: unknown): string[] {
  if (!(failure instanceof ApiError)) return [];
  const { missing, extra, considered } = failure.details as {
    missing?: { sku: string; quantity: number }[];
    extra?: { scan: string; quantity: number }[];
    considered?: { serviceId: string; reason: string; explanation?: Explanation }[];
  };
  return [
    ...(missing ?? []).map((m) => t('fulfilment.packing.missingLine', { sku: m.sku, count: m.quantity })),
    ...(extra ?? []).map((e) => t('fulfilment.packing.extraLine', { code: e.scan, count: e.quantity })),
    ...(considered ?? []).map((c) => `${c.serviceId}: ${explain(c.explanation, c.reason)}`),
  ];
}

function StationError({ station }: { station: PackingStation }) {
  const { t } = useTranslation();
  if (station.refusal)
    return (
      <Alert
        type="error"
        showIcon
        title={<span style={{ fontSize: 18 }}>{station.refusal}</span>}
        description={t('fulfilment.packing.refusalHelp')}
        action={
          <Button danger onClick={station.clearRefusal} data-testid="packing-error-clear">
            {t('fulfilment.packing.removedIt')}
          </Button>
        }
        data-testid="packing-error"
      />
    );
  if (!station.failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(t, station.failure)}
      description={<FailureDetails failure={station.failure} />}
      data-testid="packing-error"
    />
  );
}

/** The reasons under the error's title, and where to set up what is missing when the server says. */
function FailureDetails({ failure }: { failure: unknown }) {
  const { t } = useTranslation();
  const explain = useExplain();
  if (!(failure instanceof ApiError)) return null;
  const { setUpAt, hasServices } = failure.details as { setUpAt?: string; hasServices?: boolean };
  const lines = failureLines(t, explain, failure);
  if (!setUpAt) return lines.length > 0 ? lines.map((line) => <div key={line}>{line}</div>) : failure.message;
  return (
    <Space orientation="vertical" size={4}>
      <span>{hasServices ? t('fulfilment.packing.noServiceFits') : t('fulfilment.packing.noServices')}</span>
      {hasServices ? lines.map((line) => <div key={line}>{line}</div>) : null}
      <Link to={setUpAt} data-testid="packing-error-setup">
        {t('fulfilment.packing.setUpCarriers')}
      </Link>
    </Space>
  );
}

function OrderFacts({ station }: { station: PackingStation }) {
  const { t } = useTranslation();
  const view = station.view;
  if (!view) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'number',
            label: t('fulfilment.common.order'),
            children: (
              <Space>
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="packing-order">
                  {view.number}
                </Typography.Text>
                <OrderStatusTag status={view.status as OrderStatus} />
              </Space>
            ),
          },
          { key: 'customer', label: t('fulfilment.packing.customer'), children: view.customerName },
          { key: 'city', label: t('fulfilment.packing.city'), children: view.city },
        ]}
      />
      {view.buyerNote ? (
        <Alert type="warning" showIcon title={t('fulfilment.packing.buyerNote', { note: view.buyerNote })} />
      ) : null}
    </Space>
  );
}

export default function PackingStationPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params] = useSearchParams();
  const [panelRef, signal] = useScanFeedback<HTMLDivElement>();
  const station = usePackingStation(signal);
  const shipRef = useRef<HTMLButtonElement>(null);
  usePageTitle(t('fulfilment.packing.title'));

  const { reset, scan, stage } = station;
  // A link from a wave opens its order at once, as if its number had been scanned.
  const linked = params.get('order');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new link opens an order
  useEffect(() => {
    if (linked) scan(linked);
  }, [linked]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('.ant-modal-wrap')) reset();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reset]);
  useEffect(() => {
    if (stage === 'packed') shipRef.current?.focus();
  }, [stage]);

  const canWrite = can('fulfilment:write');
  const view = station.view;
  const blocker = station.refusal
    ? t('fulfilment.packing.blockedByRefusal')
    : station.isComplete
      ? null
      : t('fulfilment.packing.stillToScan');
  const placeholder =
    stage === 'items' ? t('fulfilment.packing.scanItem') : t('fulfilment.packing.scanOrder');

  return (
    <Card
      title={t('fulfilment.packing.title')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('fulfilment.packing.escHint')}</Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={reset} data-testid="packing-reset">
            {t('fulfilment.packing.startOver')}
          </Button>
        </Space>
      }
      data-testid="packing-station"
      data-stage={stage}
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Steps
          size="small"
          current={stage === 'items' && station.isComplete ? 2 : stepOf[stage]}
          items={['stepOrder', 'stepItems', 'stepClose', 'stepShip'].map((key) => ({
            title: t(`fulfilment.packing.${key}`),
          }))}
        />
        {!canWrite ? <Alert type="info" showIcon title={t('fulfilment.packing.readOnly')} /> : null}
        <div ref={panelRef} style={{ padding: 16, borderRadius: 8, border: '1px solid #f0f0f0' }}>
          <ScanInput
            onScan={scan}
            // Without the write permission an order can be looked up, not packed.
            isDisabled={stage === 'packed' || station.isBusy || (!canWrite && stage === 'items')}
            isBusy={station.isBusy}
            placeholder={placeholder}
            testId="packing-scan"
          />
          {station.notice ? (
            <Typography.Paragraph
              type={station.notice.outcome === 'ok' ? 'success' : 'danger'}
              strong
              style={{ fontSize: 18, margin: '12px 0 0' }}
              data-testid="packing-notice"
              data-outcome={station.notice.outcome}
            >
              {station.notice.text}
            </Typography.Paragraph>
          ) : null}
        </div>
        <StationError station={station} />
        <OrderFacts station={station} />
        {view && stage === 'items' ? (
          <>
            <PackingItems items={view.items} counts={station.counts} />
            {canWrite ? (
              <ParcelForm
                isReady={station.isComplete}
                blocker={blocker}
                isBusy={station.isBusy}
                onClose={station.close}
              />
            ) : null}
          </>
        ) : null}
        {stage === 'packed' && canWrite ? (
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('fulfilment.packing.shipHint')}</Typography.Text>
            <Button
              ref={shipRef}
              type="primary"
              size="large"
              icon={<SendOutlined />}
              loading={station.isBusy}
              onClick={station.ship}
              data-testid="packing-ship"
            >
              {t('fulfilment.packing.ship')}
            </Button>
          </Space>
        ) : null}
        {stage === 'shipped' && station.shipment ? (
          <ShipResult shipment={station.shipment} onNext={reset} />
        ) : null}
      </Space>
    </Card>
  );
}
