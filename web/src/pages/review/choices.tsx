import { Select } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionOwner, type KpiChoice, reviewApi } from '../../api/review';

/** A KPI's name in the console's language: the insights KPIs, and the review's live counts. */
export function kpiLabel(t: TFunction, key: string, name = key): string {
  return t(`review.kpi.${key}`, { defaultValue: t(`insights.kpi.${key}`, { defaultValue: name }) });
}

interface ChoiceProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId: string;
  allowClear?: boolean;
  placeholder?: string;
}

/** One of the KPIs Ordo measures (GET /review-kpis), searchable by its name. */
export function KpiSelect({ value, onChange, testId, allowClear, placeholder }: ChoiceProps) {
  const { t } = useTranslation();
  const [kpis, setKpis] = useState<KpiChoice[]>([]);
  useEffect(() => {
    void reviewApi.kpis().then((r) => setKpis(r.items));
  }, []);
  return (
    <Select
      data-testid={testId}
      style={{ minWidth: 200 }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      options={kpis.map((k) => ({ value: k.key, label: kpiLabel(t, k.key, k.name) }))}
    />
  );
}

/** An active user to own an action item (GET /action-owners), by display name. */
export function OwnerSelect({ value, onChange, testId, placeholder }: ChoiceProps) {
  const [owners, setOwners] = useState<ActionOwner[]>([]);
  useEffect(() => {
    void reviewApi.owners().then((r) => setOwners(r.items));
  }, []);
  return (
    <Select
      data-testid={testId}
      style={{ minWidth: 180 }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      options={owners.map((o) => ({
        value: o.username,
        label: o.displayName === o.username ? o.username : `${o.displayName} (${o.username})`,
      }))}
    />
  );
}
