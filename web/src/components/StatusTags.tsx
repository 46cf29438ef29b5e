import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../api';

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
