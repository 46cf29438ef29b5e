import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { logisticsApi } from '../../api/fulfilment';
import { useLoader } from '../../hooks/useLoader';

/** Picks a carrier by code, labelled "code · name". */
export function CarrierSelect({
  value,
  onChange,
  width = 200,
}: {
  value?: string;
  onChange: (code: string | undefined) => void;
  width?: number;
}) {
  const { t } = useTranslation();
  const carriers = useLoader(() => logisticsApi.carriers.list(), []);
  return (
    <Select
      allowClear
      value={value || undefined}
      onChange={onChange}
      loading={carriers.isLoading}
      status={carriers.error ? 'error' : undefined}
      placeholder={t('fulfilment.common.allCarriers')}
      options={(carriers.data ?? []).map((carrier) => ({
        value: carrier.code,
        label: `${carrier.code} · ${carrier.name}`,
      }))}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width }}
      data-testid="filter-carrier"
    />
  );
}
