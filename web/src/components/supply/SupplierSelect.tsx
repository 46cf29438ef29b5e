import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { supplyApi } from '../../api/supply';
import { useLoader } from '../../hooks/useLoader';

type Props = {
  value?: string;
  onChange?: (code: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: SelectProps['style'];
  /** New purchase orders go to active suppliers only; filters offer every supplier. */
  onlyActive?: boolean;
  'data-testid'?: string;
};

/** Chooses a supplier by code, searching code and name. */
export function SupplierSelect({ placeholder, onlyActive, ...props }: Props) {
  const { t } = useTranslation();
  // Supplier lists are short; one page of the largest size is all of them in practice.
  const suppliers = useLoader(() => supplyApi.suppliers.list({ limit: 500 }), []);
  const options = (suppliers.data?.items ?? [])
    .filter((supplier) => !onlyActive || supplier.isActive)
    .map((supplier) => ({ value: supplier.code, label: `${supplier.code} · ${supplier.name}` }));
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={suppliers.isLoading}
      placeholder={placeholder ?? t('supply.common.chooseSupplier')}
      options={options}
      status={suppliers.error ? 'error' : undefined}
      notFoundContent={suppliers.error ? t('supply.common.loadFailed') : undefined}
      {...props}
    />
  );
}
