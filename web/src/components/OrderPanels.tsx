import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { explanationLang, renderExplanation } from '../../../src/contracts/explanations.ts';
import type { OrderShipment } from '../api/fulfilment';
import type { Order } from '../api/orders';
import { formatCountdown, formatDateTime } from '../format';
import { useNow } from '../hooks/useNow';
import { ShipmentStatusTag } from './fulfilment/FulfilmentTags';
import { EnumText, isDeadlineRunning, PriorityParts, ReviewStageTag, SlaTag } from './StatusTags';

/** How the audit judged the order and where its review stands. */
export function ReviewCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { review } = order;
  const isHighRisk = order.holds.includes('HIGH_RISK');
  return (
    <Card title={t('orderReview.title')} size="small" data-testid="review-card">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'stage',
            label: t('orderReview.stage'),
            children: review.stage ? (
              <ReviewStageTag stage={review.stage} />
            ) : isHighRisk ? (
              <ReviewStageTag stage="processor" />
            ) : (
              <Typography.Text type="secondary">{t('orderReview.noStage')}</Typography.Text>
            ),
          },
          {
            key: 'risk',
            label: t('orderReview.riskScore'),
            children: (
              <Tag
                color={isHighRisk ? 'red' : review.riskScore > 0 ? 'orange' : 'default'}
                data-testid="risk-score"
              >
                {review.riskScore}
              </Tag>
            ),
          },
          {
            key: 'version',
            label: t('orderReview.ruleSetVersion'),
            children:
              review.ruleSetVersion === null ? (
                '—'
              ) : (
                <Link to="/rules/audit" data-testid="rule-set-version">
                  {t('orderReview.version', { version: review.ruleSetVersion })}
                </Link>
              ),
          },
          { key: 'team', label: t('orderReview.team'), children: review.team ?? '—' },
          {
            key: 'claimed',
            label: t('orderReview.claimedBy'),
            children: <span data-testid="claimed-by">{review.claimedBy ?? '—'}</span>,
          },
          ...(review.holdUntil
            ? [
                {
                  key: 'holdUntil',
                  label: t('orderReview.holdUntil'),
                  children: formatDateTime(review.holdUntil),
                },
              ]
            : []),
          ...(review.releaseAt
            ? [
                {
                  key: 'releaseAt',
                  label: t('orderReview.releaseAt'),
                  children: formatDateTime(review.releaseAt),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Numbers of the orders this one was last merged with (from the timeline). */
function mergedWith(order: Order): string[] {
  if (!order.groupId) return [];
  const merged = [...order.events].reverse().find((event) => event.type === 'merged');
  const numbers = merged?.data?.orders;
  return Array.isArray(numbers) ? numbers.map(String).filter((number) => number !== order.number) : [];
}

/** Type and why, priority and its parts, deadline and SLA, shipment grouping. */
export function ClassificationCard({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const parcels = new Set(order.lines.map((line) => line.parcel || 1)).size;
  return (
    <Card title={t('classification.title')} size="small" data-testid="classification-card">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'type',
            label: t('orders.type'),
            children: (
              <Space orientation="vertical" size={0}>
                <Tag color="blue" data-testid="order-type">
                  <EnumText group="orderType" value={order.type} />
                </Tag>
                {order.typeReason ? (
                  <Typography.Text type="secondary" data-testid="type-reason">
                    {t('classification.because', {
                      reason: order.typeExplanation
                        ? renderExplanation(order.typeExplanation, explanationLang(i18n.language))
                        : order.typeReason,
                    })}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'priority',
            label: t('order.priority'),
            children: (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong data-testid="order-priority">
                  {order.priority}
                </Typography.Text>
                <Typography.Text type="secondary">
                  <PriorityParts parts={order.priorityParts} />
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'shipBy',
            label: t('order.shipBy'),
            children: (
              <Space wrap>
                <span data-testid="order-ship-by">{formatDateTime(order.shipBy)}</span>
                {isDeadlineRunning(order.slaStatus, order.shipBy) ? (
                  <Typography.Text type="secondary" data-testid="order-countdown">
                    {formatCountdown(t, order.shipBy, now)}
                  </Typography.Text>
                ) : null}
                <SlaTag status={order.slaStatus} shipBy={order.shipBy} now={now} />
              </Space>
            ),
          },
          {
            key: 'group',
            label: t('classification.shipment'),
            children: (
              <Space wrap>
                {order.groupId ? (
                  <Tag color="cyan" data-testid="merged-tag">
                    {t('classification.merged')}
                  </Tag>
                ) : null}
                {mergedWith(order).map((number) => (
                  <Link key={number} to={`/orders?q=${encodeURIComponent(number)}`}>
                    {number}
                  </Link>
                ))}
                {parcels > 1 ? (
                  <Tag color="geekblue" data-testid="split-tag">
                    {t('classification.parcels', { count: parcels })}
                  </Tag>
                ) : null}
                {!order.groupId && parcels <= 1 ? t('classification.single') : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Where the order's units are reserved (allocation): warehouse, SKU, quantity and state. */
export function AllocationCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  if (order.allocations.length === 0) return null;
  const colors: Record<string, string> = { reserved: 'blue', issued: 'green', released: 'default' };
  return (
    <Card title={t('allocation.title')} size="small" data-testid="allocation-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {order.allocations.map((a) => (
          <Space key={a.id} style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text>
              <Link to={`/inventory/skus/${encodeURIComponent(a.sku)}`}>{a.sku}</Link> × {a.quantity}
            </Typography.Text>
            <Space size="small">
              <Tag>{a.warehouse}</Tag>
              <Tag color={colors[a.status]}>{t(`allocation.status.${a.status}`)}</Tag>
            </Space>
          </Space>
        ))}
      </Space>
    </Card>
  );
}

/** The order's parcels: carrier, tracking number and where each stands, linked to its tracking. */
export function ShipmentsCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  // The order contract leaves shipments open (logistics owns them); these are the fields it lists.
  const shipments = order.shipments as OrderShipment[];
  if (shipments.length === 0) return null;
  return (
    <Card title={t('fulfilment.orderShipments.title')} size="small" data-testid="order-shipments">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {shipments.map((shipment) => (
          <div key={shipment.id} data-testid="order-shipment" data-status={shipment.status}>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text>
                {shipment.carrier}{' '}
                <Link to={`/fulfilment/shipments?shipment=${encodeURIComponent(shipment.id)}`}>
                  {shipment.trackingNumber}
                </Link>
              </Typography.Text>
              <ShipmentStatusTag status={shipment.status} />
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {shipment.deliveredAt
                ? t('fulfilment.orderShipments.delivered', {
                    shipped: formatDateTime(shipment.shippedAt),
                    delivered: formatDateTime(shipment.deliveredAt),
                  })
                : t('fulfilment.orderShipments.shipped', { shipped: formatDateTime(shipment.shippedAt) })}
            </Typography.Text>
          </div>
        ))}
      </Space>
    </Card>
  );
}
