import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Statistic, Table, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../errors';
import { type CountImportResult, countCsvHeader, supplyApi } from '../../supply-api';

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
  const [isImporting, setIsImporting] = useState(false);
  const [result, setResult] = useState<CountImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const importFile = async (file: File) => {
    setIsImporting(true);
    setError(null);
    try {
      setResult(await supplyApi.stocktakes.importCounts(stocktakeId, await file.text()));
      onImported();
    } catch (failure) {
      setError(failure);
      setResult(null);
    } finally {
      setIsImporting(false);
    }
  };

  const hint = (
    <Typography.Text type="secondary">
      {t('supply.countImport.hint')} <Typography.Text code>{countCsvHeader}</Typography.Text>
    </Typography.Text>
  );
  return (
    <>
      <Tooltip title={isBlocked ? t('supply.countImport.saveFirst') : hint}>
        <span>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            disabled={isBlocked}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={isImporting}
              disabled={isBlocked}
              data-testid="count-import"
            >
              {t('supply.countImport.button')}
            </Button>
          </Upload>
        </span>
      </Tooltip>
      <Modal
        open={Boolean(result || error)}
        title={t('supply.countImport.title')}
        onCancel={() => {
          setResult(null);
          setError(null);
        }}
        footer={null}
        width={640}
      >
        {error ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="error" showIcon title={errorText(t, error)} />
            {hint}
          </Space>
        ) : null}
        {result ? (
          <Space
            orientation="vertical"
            size="middle"
            style={{ width: '100%' }}
            data-testid="count-import-result"
          >
            <Space size="large">
              <Statistic title={t('supply.countImport.counted')} value={result.counted} />
              <Statistic title={t('supply.countImport.rejected')} value={result.rejected.length} />
            </Space>
            {result.rejected.length ? (
              <Table
                size="small"
                rowKey={(row) => `${row.line}-${row.sku ?? ''}`}
                dataSource={result.rejected}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('supply.countImport.line'), dataIndex: 'line', width: 80, align: 'right' },
                  { title: t('supply.common.sku'), dataIndex: 'sku', render: (sku?: string) => sku ?? '—' },
                  { title: t('supply.countImport.reason'), dataIndex: 'message' },
                ]}
              />
            ) : null}
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
