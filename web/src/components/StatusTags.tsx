import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, ReviewStage, SlaStatus } from '../api/orders';
import { formatCountdown, formatDateTime } from '../format';

const statusColors: Record<OrderStatus, string> = {
  pending_review: 'orange',
  approved: 'blue',
  backordered: 'volcano',
  allocated: 'cyan',
  picking: 'geekblue',
  packed: 'purple',
  shipped: 'processing',
  delivered: 'green',
  completed: 'success',
  cancelled: 'default',
};

export function OrderStatusTag({ status, testId }: { status: OrderStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status] ?? 'default'} data-testid={testId} data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** A hold reason code, translated, with its explanation on hover. */
export function HoldTag({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`holds.explain.${code}`, { defaultValue: '' }) || undefined}>
      <Tag color="red" data-testid="hold-tag" data-code={code}>
        {t(`holds.code.${code}`, { defaultValue: code })}
      </Tag>
    </Tooltip>
  );
}

export function EnumText({ group, value }: { group: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <>—</>;
  return <>{t(`${group}.${value}`, { defaultValue: value })}</>;
}

const slaColors: Record<SlaStatus, string> = {
  on_track: 'green',
  at_risk: 'orange',
  breached: 'red',
  none: 'default',
};

/** Whether the order will ship by its deadline, with the deadline and countdown on hover. */
export function SlaTag({ status, shipBy, now }: { status: SlaStatus; shipBy?: string | null; now?: number }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={slaColors[status] ?? 'default'} data-testid="sla-tag" data-sla={status}>
      {t(`sla.status.${status}`, { defaultValue: status })}
    </Tag>
  );
  if (!shipBy) return tag;
  return (
    <Tooltip
      title={`${t('order.shipBy')}: ${formatDateTime(shipBy)} · ${formatCountdown(t, shipBy, now ?? Date.now())}`}
    >
      {tag}
    </Tooltip>
  );
}

export function ReviewStageTag({ stage }: { stage: ReviewStage | null }) {
  const { t } = useTranslation();
  if (!stage) return null;
  return (
    <Tooltip title={t(`reviewStage.explain.${stage}`)}>
      <Tag color={stage === 'finance' ? 'purple' : 'geekblue'} data-testid="review-stage" data-stage={stage}>
        {t(`reviewStage.${stage}`)}
      </Tag>
    </Tooltip>
  );
}

/** The parts of the priority score in words: what each adds, and what they mean. */
export function PriorityParts({ parts }: { parts: Record<string, number> }) {
  const { t } = useTranslation();
  const entries = Object.entries(parts);
  return (
    <div data-testid="priority-parts">
      <div>{t('priority.explain')}</div>
      {entries.map(([part, points]) => (
        <div key={part}>
          {t(`priority.part.${part}`, { defaultValue: part })}: <strong>{points}</strong>
          <span style={{ opacity: 0.75 }}> — {t(`priority.partExplain.${part}`, { defaultValue: '' })}</span>
        </div>
      ))}
    </div>
  );
}

/** The priority score, its parts on hover. */
export function PriorityScore({ priority, parts }: { priority: number; parts: Record<string, number> }) {
  return (
    <Tooltip title={<PriorityParts parts={parts} />}>
      <Tag color="blue" data-testid="priority" style={{ cursor: 'help' }}>
        {priority}
      </Tag>
    </Tooltip>
  );
}
