import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { inventoryApi } from '../../api/inventory';
import { useLoader } from '../../hooks/useLoader';

type Props = {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  isMultiple?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  /** Inactive warehouses hold stock that can still be moved out, so pickers offer them on request. */
  includeInactive?: boolean;
  width?: number | string;
  'data-testid'?: string;
};

/** Picks warehouses by code, labelled "code · name". */
export function WarehouseSelect({
  value,
  onChange,
  isMultiple,
  allowClear,
  placeholder,
  includeInactive,
  width = '100%',
  'data-testid': testId,
}: Props) {
  const { t } = useTranslation();
  const warehouses = useLoader(() => inventoryApi.warehouses.all(), []);
  const options = (warehouses.data ?? [])
    .filter((warehouse) => includeInactive || warehouse.isActive)
    .map((warehouse) => ({
      value: warehouse.code,
      label: warehouse.isActive
        ? `${warehouse.code} · ${warehouse.name}`
        : `${warehouse.code} · ${warehouse.name} (${t('common.inactive')})`,
    }));
  return (
    <Select
      mode={isMultiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={onChange}
      options={options}
      loading={warehouses.isLoading}
      status={warehouses.error ? 'error' : undefined}
      notFoundContent={warehouses.error ? t('inventory.warehouses.loadFailed') : undefined}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('inventory.common.warehouse')}
      style={{ width }}
      data-testid={testId}
    />
  );
}
