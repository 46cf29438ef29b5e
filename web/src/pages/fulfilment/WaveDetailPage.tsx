import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Spin, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { fulfilmentApi, type PickLine, type Wave } from '../../api/fulfilment';
import type { OrderStatus } from '../../api/orders';
import { useAuth } from '../../auth';
import { WaveStatusTag } from '../../components/fulfilment/FulfilmentTags';
import { PickListTable, remainingOf } from '../../components/fulfilment/PickListTable';
import { ScanInput } from '../../components/fulfilment/ScanInput';
import { ShortPickModal } from '../../components/fulfilment/ShortPickModal';
import { type ScanOutcome, useScanFeedback } from '../../components/fulfilment/scan-feedback';
import { isNotFound, NotFoundResult } from '../../components/NotFoundResult';
import { OrderStatusTag } from '../../components/StatusTags';
import { percentOf } from '../../components/supply/format';
import { errorText } from '../../errors';
import { formatZonedDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

const lineOf = (wave: Wave, code: string) =>
  wave.lines.find((line) => line.sku === code || line.barcode === code) ?? null;

/** Why a scan was refused, in the picker's words: not on this list, or already all picked. */
function refusalText(t: TFunction, failure: unknown, code: string): string {
  if (failure instanceof ApiError && failure.code === 'OVER_PICK')
    return t('fulfilment.wave.overPick', { code });
  if (failure instanceof ApiError && failure.details.field === 'sku')
    return t('fulfilment.wave.notOnList', { code });
  return errorText(t, failure);
}

function WaveOrders({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  return (
    <Card title={t('fulfilment.wave.ordersTitle', { count: wave.orders.length })} data-testid="wave-orders">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={wave.orders}
        locale={{ emptyText: t('fulfilment.wave.noOrders') }}
        columns={[
          {
            title: t('fulfilment.common.order'),
            dataIndex: 'number',
            render: (number: string, order) => <Link to={`/orders/${order.id}`}>{number}</Link>,
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: string) => <OrderStatusTag status={status as OrderStatus} />,
          },
          {
            title: t('common.actions'),
            key: 'pack',
            render: (_, order) =>
              order.status === 'picking' || order.status === 'packed' ? (
                <Link to={`/fulfilment/packing?order=${encodeURIComponent(order.number)}`}>
                  {t('fulfilment.wave.toPacking')}
                </Link>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

export default function WaveDetailPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const loader = useLoader(() => fulfilmentApi.waves.get(id), [id]);
  const [scanRef, signal] = useScanFeedback<HTMLDivElement>();
  const [last, setLast] = useState<{ outcome: ScanOutcome; text: string; sku: string | null } | null>(null);
  const [shortLine, setShortLine] = useState<PickLine | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const wave = loader.data;
  usePageTitle(wave ? t('fulfilment.wave.title', { number: wave.number }) : t('fulfilment.waves.title'));

  if (loader.error && !wave) {
    if (isNotFound(loader.error))
      return (
        <NotFoundResult
          title={t('fulfilment.wave.notFound')}
          backTo="/fulfilment/waves"
          backLabel={t('fulfilment.wave.backToList')}
        />
      );
    return <Alert type="error" showIcon title={errorText(t, loader.error)} />;
  }
  if (!wave) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const tell = (outcome: ScanOutcome, text: string, sku: string | null) => {
    signal(outcome);
    setLast({ outcome, text, sku });
  };
  const scan = async (code: string) => {
    setIsBusy(true);
    try {
      const updated = await fulfilmentApi.waves.pick(wave.id, { sku: code, quantity: 1 });
      loader.setData(updated);
      const line = lineOf(updated, code);
      tell(
        'ok',
        t('fulfilment.wave.scanned', {
          sku: line?.sku ?? code,
          picked: line?.pickedQuantity ?? 0,
          quantity: line?.quantity ?? 0,
        }),
        line?.sku ?? null,
      );
    } catch (failure) {
      tell('error', refusalText(t, failure, code), lineOf(wave, code)?.sku ?? null);
    } finally {
      setIsBusy(false);
    }
  };
  const tick = async (line: PickLine) => {
    try {
      loader.setData(await fulfilmentApi.waves.pick(wave.id, { sku: line.sku, quantity: remainingOf(line) }));
      tell('ok', t('fulfilment.wave.ticked', { sku: line.sku, count: remainingOf(line) }), line.sku);
    } catch (failure) {
      message.error(errorText(t, failure));
    }
  };
  const markShort = async (line: PickLine, found: number) => {
    loader.setData(
      await fulfilmentApi.waves.pick(wave.id, { sku: line.sku, quantity: found, isShort: true }),
    );
    setShortLine(null);
    message.warning(t('fulfilment.wave.shortDone', { sku: line.sku, count: remainingOf(line) - found }));
  };

  const canPick = wave.status === 'picking' && can('fulfilment:write');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="wave-detail">
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
          <Space wrap align="center">
            <Link to="/fulfilment/waves" aria-label={t('fulfilment.wave.backToList')}>
              <ArrowLeftOutlined />
            </Link>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="wave-number">
              {wave.number}
            </Typography.Title>
            <WaveStatusTag status={wave.status} />
          </Space>
          <Button
            icon={<FilePdfOutlined />}
            href={fulfilmentApi.waves.pickListUrl(wave.id)}
            target="_blank"
            rel="noopener"
            data-testid="wave-pdf"
          >
            {t('fulfilment.wave.pickListPdf')}
          </Button>
        </div>
        <Descriptions
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'warehouse', label: t('fulfilment.common.warehouse'), children: wave.warehouse },
            { key: 'orders', label: t('fulfilment.waves.orders'), children: wave.orderCount },
            { key: 'by', label: t('fulfilment.waves.createdBy'), children: wave.createdBy },
            {
              key: 'at',
              label: t('common.createdAt'),
              children: <span data-testid="wave-created">{formatZonedDateTime(wave.createdAt)}</span>,
            },
            {
              key: 'progress',
              label: t('fulfilment.waves.progress'),
              span: 2,
              children: (
                <Progress
                  percent={percentOf(wave.pickedUnits, wave.unitCount)}
                  format={() =>
                    t('fulfilment.wave.unitsPicked', { picked: wave.pickedUnits, total: wave.unitCount })
                  }
                  style={{ maxWidth: 360 }}
                  data-testid="wave-progress"
                />
              ),
            },
          ]}
        />
      </Card>
      {canPick ? (
        <Card title={t('fulfilment.wave.scanTitle')}>
          <div ref={scanRef} style={{ padding: 12, borderRadius: 8 }}>
            <ScanInput
              onScan={scan}
              isBusy={isBusy}
              placeholder={t('fulfilment.wave.scanPlaceholder')}
              testId="pick-scan"
            />
            {last ? (
              <Alert
                style={{ marginTop: 12 }}
                type={last.outcome === 'ok' ? 'success' : 'error'}
                showIcon
                title={last.text}
                data-testid="pick-feedback"
                data-outcome={last.outcome}
              />
            ) : (
              // A walk in bin order is promised only when the stock has bins to walk.
              <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }} data-testid="pick-hint">
                {wave.lines.some((line) => line.bin)
                  ? t('fulfilment.wave.scanHint')
                  : t('fulfilment.wave.scanHintNoBins')}
              </Typography.Paragraph>
            )}
          </div>
        </Card>
      ) : wave.status === 'picked' ? (
        <Alert type="success" showIcon title={t('fulfilment.wave.allPicked')} data-testid="wave-picked" />
      ) : null}
      <Card title={t('fulfilment.wave.pickList')}>
        <PickListTable
          lines={wave.lines}
          highlightSku={last?.sku ?? null}
          canPick={canPick}
          onTick={tick}
          onShort={setShortLine}
        />
      </Card>
      <WaveOrders wave={wave} />
      {shortLine ? (
        <ShortPickModal
          line={shortLine}
          onClose={() => setShortLine(null)}
          onConfirm={(found) => markShort(shortLine, found)}
        />
      ) : null}
    </Space>
  );
}
