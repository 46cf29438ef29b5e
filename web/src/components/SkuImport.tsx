import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SkuImportResult } from '../api';
import { errorText } from '../errors';

export const skuCsvHeader = 'code,name,price,barcode,weightGrams,lengthMm,widthMm,heightMm';

/** CSV upload: the file is read in the browser and sent as text; the result is summarised. */
export function SkuImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [isImporting, setIsImporting] = useState(false);
  const [result, setResult] = useState<SkuImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const importFile = async (file: File) => {
    setIsImporting(true);
    setError(null);
    try {
      setResult(await api.skus.importCsv(await file.text()));
      onImported();
    } catch (failure) {
      setError(failure);
      setResult(null);
    } finally {
      setIsImporting(false);
    }
  };

  return (
    <>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void importFile(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={isImporting} data-testid="sku-import">
          {t('skus.import')}
        </Button>
      </Upload>
      <Modal
        open={Boolean(result || error)}
        title={t('skus.importResult')}
        onCancel={() => {
          setResult(null);
          setError(null);
        }}
        footer={null}
        width={720}
      >
        {error ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="error" showIcon title={errorText(t, error)} />
            <Typography.Text type="secondary">
              {t('skus.importHint')} <Typography.Text code>{skuCsvHeader}</Typography.Text>
            </Typography.Text>
          </Space>
        ) : null}
        {result ? (
          <Space
            orientation="vertical"
            size="middle"
            style={{ width: '100%' }}
            data-testid="sku-import-result"
          >
            <Space size="large">
              <Statistic title={t('skus.importCreated')} value={result.created} />
              <Statistic title={t('skus.importUpdated')} value={result.updated} />
              <Statistic title={t('skus.importRejected')} value={result.rejected.length} />
            </Space>
            {result.rejected.length ? (
              <Table
                size="small"
                rowKey={(row) => `${row.line}-${row.code ?? ''}`}
                dataSource={result.rejected}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('skus.importLine'), dataIndex: 'line', width: 80 },
                  { title: t('skus.code'), dataIndex: 'code', render: (code?: string) => code ?? '—' },
                  { title: t('skus.importReason'), dataIndex: 'message' },
                ]}
              />
            ) : null}
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
