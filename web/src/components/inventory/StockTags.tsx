import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MovementKind, PlanMode } from '../../api/inventory';
import { formatDelta } from './numbers';

const movementColors = {
  receipt: 'green',
  reservation: 'blue',
  release: 'cyan',
  issue: 'geekblue',
  adjustment: 'orange',
  transfer_out: 'purple',
  transfer_in: 'purple',
  count_variance: 'gold',
} as const satisfies Record<MovementKind, string>;
/** Every movement kind, in the order filters offer them. */
export const movementKinds = Object.keys(movementColors) as MovementKind[];

export function MovementKindTag({ kind }: { kind: MovementKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={movementColors[kind] ?? 'default'} data-kind={kind}>
      {t(`inventory.movementKind.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

const planModeColors = { computed: 'blue', manual: 'gold', off: 'default' } as const satisfies Record<
  PlanMode,
  string
>;
export const planModes = Object.keys(planModeColors) as PlanMode[];

export function PlanModeTag({ mode }: { mode: PlanMode }) {
  const { t } = useTranslation();
  return (
    <Tag color={planModeColors[mode]} data-testid="plan-mode" data-mode={mode}>
      {t(`inventory.planMode.${mode}`)}
    </Tag>
  );
}

export function LowStockTag({ isLow }: { isLow: boolean }) {
  const { t } = useTranslation();
  return isLow ? (
    <Tag color="red" data-testid="low-tag">
      {t('inventory.common.low')}
    </Tag>
  ) : (
    <Tag color="green">{t('inventory.common.ok')}</Tag>
  );
}

/** A ledger change, green when stock comes in and red when it goes out. */
export function Delta({ value }: { value: number }) {
  if (value === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return <Typography.Text type={value > 0 ? 'success' : 'danger'}>{formatDelta(value)}</Typography.Text>;
}

/** A SKU code that opens the SKU's stock and planning page. */
export function SkuLink({ code }: { code: string }) {
  return (
    <Link to={`/inventory/skus/${encodeURIComponent(code)}`} data-testid="sku-link">
      <Typography.Text strong style={{ color: 'inherit' }}>
        {code}
      </Typography.Text>
    </Link>
  );
}

/** The SKU code (a link to its page) above the product name, to keep wide tables narrow. */
export function SkuCell({ code, name }: { code: string; name: string }) {
  return (
    <div style={{ maxWidth: 320 }}>
      <SkuLink code={code} />
      <Typography.Paragraph type="secondary" ellipsis={{ tooltip: name }} style={{ margin: 0, fontSize: 12 }}>
        {name}
      </Typography.Paragraph>
    </div>
  );
}
