import { AutoComplete, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi, type Sku } from '../api/catalog';
import { formatMoney } from '../format';

type Props = {
  value?: string;
  onChange?: (code: string) => void;
  /** Called when a catalogue SKU is chosen from the suggestions. */
  onPick?: (sku: Sku) => void;
  'data-testid'?: string;
};

const searchDelayMs = 250;

/** A SKU code input that suggests catalogue SKUs matching what is typed (code, name or barcode). */
export function SkuPicker({ value, onChange, onPick, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const [skus, setSkus] = useState<Sku[]>([]);
  const [isSearching, setIsSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const request = ++latest.current;
      setIsSearching(true);
      catalogApi.skus
        .list({ q: text.trim(), limit: 10 })
        .then((page) => {
          if (request === latest.current) setSkus(page.items.filter((sku) => sku.isActive));
        })
        .catch(() => {
          if (request === latest.current) setSkus([]);
        })
        .finally(() => {
          if (request === latest.current) setIsSearching(false);
        });
    }, searchDelayMs);
  };

  return (
    <AutoComplete
      value={value}
      onChange={(code: string) => onChange?.(code)}
      onSearch={search}
      onFocus={() => search(value ?? '')}
      onSelect={(code: string) => {
        const sku = skus.find((candidate) => candidate.code === code);
        if (sku) onPick?.(sku);
      }}
      options={skus.map((sku) => ({
        value: sku.code,
        label: (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>
              <Typography.Text strong>{sku.code}</Typography.Text> {sku.name}
            </span>
            <Typography.Text type="secondary">{formatMoney(sku.price, sku.currency)}</Typography.Text>
          </div>
        ),
      }))}
      notFoundContent={isSearching ? t('common.searching') : t('newOrder.noSkuFound')}
      placeholder={t('newOrder.skuPlaceholder')}
      popupMatchSelectWidth={420}
      data-testid={testId}
    />
  );
}
