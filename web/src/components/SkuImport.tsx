import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../api/catalog';
import { CsvImport } from './CsvImport';

export const skuCsvHeader = 'code,name,price,barcode,weightGrams,lengthMm,widthMm,heightMm';

/** SKUs from a CSV: created or updated by code, bad lines reported with their reason. */
export function SkuImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  return (
    <CsvImport
      upload={(csv) => catalogApi.skus.importCsv(csv)}
      onImported={onImported}
      label={t('skus.import')}
      title={t('skus.importResult')}
      hint={
        <Typography.Text type="secondary">
          {t('skus.importHint')} <Typography.Text code>{skuCsvHeader}</Typography.Text>
        </Typography.Text>
      }
      stats={(result) => [
        { title: t('skus.importCreated'), value: result.created },
        { title: t('skus.importUpdated'), value: result.updated },
        { title: t('skus.importRejected'), value: result.rejected.length },
      ]}
      rejected={(result) => result.rejected.map((r) => ({ line: r.line, key: r.code, message: r.message }))}
      columns={{ line: t('skus.importLine'), key: t('skus.code'), reason: t('skus.importReason') }}
      testId="sku-import"
    />
  );
}
