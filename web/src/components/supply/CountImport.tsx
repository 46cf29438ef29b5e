import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { countCsvHeader, supplyApi } from '../../api/supply';
import { CsvImport } from '../CsvImport';

/** Counts from a scanner or spreadsheet: a CSV read in the browser and sent as text. */
export function CountImport({
  stocktakeId,
  isBlocked,
  onImported,
}: {
  stocktakeId: string;
  /** Unsaved counts on the sheet would hide what the file brings, so they are saved first. */
  isBlocked: boolean;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  return (
    <CsvImport
      upload={(csv) => supplyApi.stocktakes.importCounts(stocktakeId, csv)}
      onImported={onImported}
      label={t('supply.countImport.button')}
      title={t('supply.countImport.title')}
      hint={
        <Typography.Text type="secondary">
          {t('supply.countImport.hint')} <Typography.Text code>{countCsvHeader}</Typography.Text>
        </Typography.Text>
      }
      tooltip={isBlocked ? t('supply.countImport.saveFirst') : undefined}
      isDisabled={isBlocked}
      stats={(result) => [
        { title: t('supply.countImport.counted'), value: result.counted },
        { title: t('supply.countImport.rejected'), value: result.rejected.length },
      ]}
      rejected={(result) => result.rejected.map((r) => ({ line: r.line, key: r.sku, message: r.message }))}
      columns={{
        line: t('supply.countImport.line'),
        key: t('supply.common.sku'),
        reason: t('supply.countImport.reason'),
      }}
      testId="count-import"
    />
  );
}
