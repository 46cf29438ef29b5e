import { Empty, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Explanation, explanationLang, renderExplanation } from '../../../src/contracts/explanations.ts';
import type { Actor, Order, OrderEvent } from '../api/orders';
import { formatDateTimeSeconds, formatMoney } from '../format';
import i18n from '../i18n';

function actorText(t: TFunction, actor: Actor | null): string {
  if (!actor || actor.type === 'system') {
    return t(`timeline.systemActor.${actor?.name ?? ''}`, { defaultValue: t('timeline.actor.system') });
  }
  if (actor.type === 'api_key') return t('timeline.actor.apiKey', { name: actor.name ?? actor.id });
  return actor.name ?? actor.id ?? t('timeline.actor.unknown');
}

/** Hold codes an event carries, whichever of the usual shapes its data has. */
export function eventHoldCodes(data: Record<string, unknown> | null): string[] {
  const raw = data?.holds ?? data?.codes ?? data?.code;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((item) =>
    typeof item === 'object' && item !== null && 'code' in item ? String(item.code) : String(item),
  );
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

function holdList(t: TFunction, data: Record<string, unknown> | null): string {
  return eventHoldCodes(data)
    .map((code) => t(`holds.code.${code}`, { defaultValue: code }))
    .join(t('common.listSeparator'));
}

function stageName(t: TFunction, stage: unknown): string {
  return t(`reviewStage.${text(stage)}`, { defaultValue: text(stage) });
}

function paymentName(t: TFunction, status: unknown): string {
  return t(`paymentStatus.${text(status)}`, { defaultValue: text(status) });
}

/** One human sentence per timeline event, in the console's language. */
export function eventSentence(t: TFunction, event: OrderEvent, order: Order): string {
  const data = event.data ?? {};
  switch (event.type) {
    case 'received':
      return t('timeline.received', { channel: data.channel ?? order.channel });
    case 'held': {
      const holds = holdList(t, event.data);
      return holds ? t('timeline.heldFor', { holds }) : t('timeline.held');
    }
    case 'approved':
      return data.automatic ? t('timeline.approvedAuto') : t('timeline.approved');
    case 'cancelled':
      if (data.review && data.reason)
        return t('timeline.rejectedCancelled', {
          stage: stageName(t, data.review),
          reason: text(data.reason),
        });
      return data.reason
        ? t('timeline.cancelledFor', { reason: text(data.reason) })
        : t('timeline.cancelled');
    case 'hold_released':
      return t(data.automatic ? 'timeline.holdReleasedAuto' : 'timeline.holdReleased', {
        holds: holdList(t, event.data),
      });
    case 'review_approved':
      return t('timeline.reviewApproved', { stage: stageName(t, data.stage) });
    case 'review_rejected':
      return t('timeline.reviewRejected', { stage: stageName(t, data.stage), reason: text(data.reason) });
    case 'payment_updated':
      return data.paidAmount
        ? t('timeline.paymentUpdatedAmount', {
            from: paymentName(t, data.from),
            to: paymentName(t, data.to),
            amount: formatMoney(text(data.paidAmount), order.currency),
          })
        : t('timeline.paymentUpdated', { from: paymentName(t, data.from), to: paymentName(t, data.to) });
    case 'address_corrected':
      return data.by === 'customer'
        ? t('timeline.addressCorrectedByCustomer')
        : t('timeline.addressCorrected');
    case 'note':
      return t(`timeline.note.${text(data.direction)}`, { defaultValue: t('timeline.note.internal') });
    case 'merged': {
      const others = (Array.isArray(data.orders) ? data.orders.map(String) : []).filter(
        (number) => number !== order.number,
      );
      return t(data.automatic ? 'timeline.mergedAuto' : 'timeline.merged', {
        orders: others.join(t('common.listSeparator')) || '—',
      });
    }
    case 'unmerged':
      return t('timeline.unmerged');
    case 'split':
      return t('timeline.split', { count: Array.isArray(data.parcels) ? data.parcels.length : 2 });
    case 'unsplit':
      return t('timeline.unsplit');
    case 'claimed':
      return t('timeline.claimed');
    case 'unclaimed':
      return t('timeline.unclaimed');
    case 'customer_notified':
      return data.isSent === false
        ? t('timeline.customerNotNotifiedNoMail', { to: text(data.to) })
        : t('timeline.customerNotified', { to: text(data.to) });
    case 'customer_not_notified':
      return t('timeline.customerNotNotified', {
        reason: t(`timeline.notNotifiedReason.${text(data.reason).replaceAll(' ', '_')}`, {
          defaultValue: text(data.reason),
        }),
      });
    default:
      return t(`timeline.${event.type}`, { defaultValue: t('timeline.other', { type: event.type }) });
  }
}

/** A second line with what the sentence leaves out: notes, addresses, reasons, classification. */
function eventDetail(t: TFunction, event: OrderEvent): string | null {
  const data = event.data ?? {};
  switch (event.type) {
    case 'received':
      if (!data.type) return null;
      return t('timeline.classifiedAs', {
        type: t(`orderType.${text(data.type)}`, { defaultValue: text(data.type) }),
        reason: data.typeExplanation
          ? renderExplanation(data.typeExplanation as Explanation, explanationLang(i18n.language))
          : text(data.typeReason) || '—',
        version: text(data.ruleSetVersion ?? '—'),
      });
    case 'held':
    case 'approved':
      return typeof data.riskScore === 'number' && data.riskScore > 0
        ? t('timeline.riskScore', { score: data.riskScore })
        : null;
    case 'hold_released':
    case 'review_approved':
      return data.note || data.reason ? text(data.note || data.reason) : null;
    case 'address_corrected':
      return t('timeline.addressChange', {
        before: text(data.before) || '—',
        after: text(data.after) || '—',
      });
    case 'note':
      return text(data.body) || null;
    case 'split':
    case 'unsplit':
      return Array.isArray(data.parcels)
        ? data.parcels
            .map((lines, index) =>
              t('timeline.parcelLines', {
                parcel: index + 1,
                lines: Array.isArray(lines) ? lines.join(', ') : text(lines),
              }),
            )
            .join(' · ')
        : null;
    case 'customer_notified':
      return data.codes ? holdList(t, { codes: data.codes }) : null;
    case 'shipped':
      // Shipments before explanation keys have only the English text: show none rather than English.
      return data.decision
        ? t('timeline.shippedWith', {
            carrier: text(data.carrier),
            trackingNumber: text(data.trackingNumber),
            reason: renderExplanation(data.decision as Explanation, explanationLang(i18n.language)),
          })
        : null;
    default:
      return null;
  }
}

/**
 * Events one change writes share its instant, and their ids do not order them within a
 * millisecond: cause before effect (a payment, then the holds it cleared, then the approval).
 */
const causalRank: Record<string, number> = {
  received: 0,
  held: 1,
  claimed: 2,
  hold_released: 4,
  approved: 5,
  cancelled: 5,
  customer_notified: 6,
  customer_not_notified: 6,
};

const eventColors: Record<string, string> = {
  received: 'blue',
  held: 'red',
  approved: 'green',
  cancelled: 'gray',
  hold_released: 'green',
  review_approved: 'green',
  review_rejected: 'red',
  address_corrected: 'blue',
  payment_updated: 'blue',
  note: 'purple',
  customer_notified: 'purple',
  customer_not_notified: 'orange',
};

export function OrderTimeline({ order }: { order: Order }) {
  const { t } = useTranslation();
  const events = [...order.events].sort(
    (a, b) =>
      a.at.localeCompare(b.at) ||
      (causalRank[a.type] ?? 3) - (causalRank[b.type] ?? 3) ||
      a.id.localeCompare(b.id),
  );
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  return (
    <div data-testid="order-timeline">
      <Timeline
        items={events.map((event) => {
          const detail = eventDetail(t, event);
          return {
            key: event.id,
            color: eventColors[event.type] ?? 'gray',
            content: (
              <div data-testid="timeline-event" data-type={event.type}>
                <Typography.Text strong>{eventSentence(t, event, order)}</Typography.Text>
                {detail ? (
                  <div>
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{detail}</Typography.Text>
                  </div>
                ) : null}
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTimeSeconds(event.at)} · {actorText(t, event.actor)}
                  </Typography.Text>
                </div>
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
