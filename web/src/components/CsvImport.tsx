import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Statistic, Tooltip, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import { DataTable } from './DataTable';

export interface RejectedLine {
  line: number;
  key?: string;
  message: string;
}

/**
 * A CSV upload: the file is read in the browser and sent as text; the result is summarised
 * (counts, then the rejected lines with their reasons) or the error shown with the expected
 * header. SKU imports, count sheets and other imports differ only in their words and figures.
 */
export function CsvImport<R>({
  upload,
  onImported,
  label,
  title,
  hint,
  stats,
  rejected,
  columns,
  testId,
  isDisabled = false,
  tooltip,
}: {
  upload: (csv: string) => Promise<R>;
  onImported: () => void;
  label: string;
  title: string;
  /** The expected header, shown with an error and as the button's tooltip. */
  hint: ReactNode;
  stats: (result: R) => { title: string; value: number }[];
  rejected: (result: R) => RejectedLine[];
  columns: { line: string; key: string; reason: string };
  /** `x` gives the button `x` and the result `x-result`. */
  testId: string;
  isDisabled?: boolean;
  tooltip?: ReactNode;
}) {
  const { t } = useTranslation();
  const [isImporting, setIsImporting] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);

  const importFile = async (file: File) => {
    setIsImporting(true);
    setError(null);
    try {
      setResult(await upload(await file.text()));
      onImported();
    } catch (failure) {
      setError(failure);
      setResult(null);
    } finally {
      setIsImporting(false);
    }
  };
  const close = () => {
    setResult(null);
    setError(null);
  };
  const lines = result ? rejected(result) : [];

  return (
    <>
      <Tooltip title={tooltip ?? hint}>
        <span>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            disabled={isDisabled}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={isImporting}
              disabled={isDisabled}
              data-testid={testId}
            >
              {label}
            </Button>
          </Upload>
        </span>
      </Tooltip>
      <Modal open={Boolean(result || error)} title={title} onCancel={close} footer={null} width={680}>
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
            data-testid={`${testId}-result`}
          >
            <Space size="large">
              {stats(result).map((stat) => (
                <Statistic key={stat.title} title={stat.title} value={stat.value} />
              ))}
            </Space>
            {lines.length ? (
              <DataTable
                size="small"
                rowKey={(row) => `${row.line}-${row.key ?? ''}`}
                dataSource={lines}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: columns.line, dataIndex: 'line', width: 80, align: 'right' },
                  { title: columns.key, dataIndex: 'key', render: (key?: string) => key ?? '—' },
                  { title: columns.reason, dataIndex: 'message' },
                ]}
              />
            ) : null}
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
