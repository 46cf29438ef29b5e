import { Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../api/staff';

/** The console page of an audit target, where it has one. */
const targetPages: Record<string, (targetId: string) => string> = {
  order: (targetId) => `/orders/${encodeURIComponent(targetId)}`,
  purchase_order: (targetId) => `/inventory/purchase-orders/${encodeURIComponent(targetId)}`,
  stocktake: (targetId) => `/inventory/stocktakes/${encodeURIComponent(targetId)}`,
  wave: (targetId) => `/fulfilment/waves/${encodeURIComponent(targetId)}`,
  user: () => '/admin/users',
  api_key: () => '/admin/api-keys',
  sku: () => '/catalog/skus',
  carrier: () => '/logistics/carriers',
  case: (targetId) => `/risk/cases?case=${encodeURIComponent(targetId)}`,
  supplier: () => '/inventory/suppliers',
  warehouse: () => '/inventory/warehouses',
  team: () => '/rules/settings',
  setting: () => '/rules/settings',
  audit_rule_set: () => '/rules/audit',
  blocklist: () => '/rules/audit',
};

/** The words a target is known by: its number, code or name from the details, else a short id. */
function targetName(entry: AuditEntry): string {
  for (const key of ['number', 'code', 'username', 'name', 'key']) {
    const value = entry.details[key];
    if (typeof value === 'string' && value) return value;
  }
  if (!entry.targetId) return '';
  return entry.targetId.length > 12 ? `${entry.targetId.slice(0, 8)}…` : entry.targetId;
}

export function actionLabel(t: TFunction, action: string): string {
  return t(`auditAction.${action.replaceAll('.', '_')}`, { defaultValue: action });
}

/** "Order · SO-1042", linked to the order's page. */
export function AuditTarget({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.targetType) return <>—</>;
  const kind = t(`auditTarget.${entry.targetType}`, { defaultValue: entry.targetType });
  const name = targetName(entry);
  const label = name ? `${kind} · ${name}` : kind;
  const page = targetPages[entry.targetType];
  if (!page || (!entry.targetId && page.length > 0)) return <span data-testid="audit-target">{label}</span>;
  return (
    <Link to={page(entry.targetId ?? '')} data-testid="audit-target" title={entry.targetId ?? undefined}>
      {label}
    </Link>
  );
}

function valueText(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('audit.none');
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => valueText(t, item)).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${t(`auditDetail.${key}`, { defaultValue: key })}: ${detailText(t, key, inner)}`)
    .join('; ');
}

// Details whose values are codes the console has words for: the group each is said under.
const codeGroups: Record<string, string> = { role: 'roles' };

function detailText(t: TFunction, key: string, value: unknown): string {
  const group = codeGroups[key];
  if (group && typeof value === 'string') return t(`${group}.${value}`, { defaultValue: value });
  return valueText(t, value);
}

/** The details as "label: value" pairs in the reader's language, not as JSON. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(details);
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} data-testid="audit-details">
      {entries.map(([key, value]) => (
        <span key={key}>
          <Typography.Text type="secondary">
            {t(`auditDetail.${key}`, { defaultValue: key })}:{' '}
          </Typography.Text>
          <span style={{ wordBreak: 'break-word' }}>{detailText(t, key, value)}</span>
        </span>
      ))}
    </Space>
  );
}
