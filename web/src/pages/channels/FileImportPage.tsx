import { DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mappedFields, requiredMappedFields } from '../../../../src/contracts/file-imports.ts';
import { catalogApi } from '../../api/catalog';
import {
  type ColumnMapping,
  fileImportsApi,
  type ImportJob,
  type MappedField,
  type Preview,
  type PreviewRow,
  type SavedMapping,
  type UploadedFile,
} from '../../api/file-imports';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

const emptyMapping = (): ColumnMapping => ({
  columns: { externalId: '', sku: '', quantity: '' },
  dateOrder: 'ymd',
  decimalComma: false,
  paymentStatusValues: {},
});

/**
 * A marketplace export (CSV or XLSX) into orders: choose the channel and upload, pick or edit
 * the column mapping (and save it for the channel), preview the first rows with their problems,
 * import with a progress bar, then download the lines that failed.
 */
export default function FileImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('imports.title'));
  const channels = useLoader(() => catalogApi.channels.list(), []);
  const [channel, setChannel] = useState<string>();
  const [uploaded, setUploaded] = useState<UploadedFile>();
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [mappingName, setMappingName] = useState<string>();
  const [mapping, setMapping] = useState<ColumnMapping>(emptyMapping);
  const [saveName, setSaveName] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setIsBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  const chooseMapping = (name: string | undefined, list = saved) => {
    setMappingName(name);
    const found = list.find((m) => m.name === name);
    if (found) {
      setMapping(found.mapping);
      setSaveName(found.isPreset ? `${channel ?? ''}-${found.name}` : found.name);
    }
    setPreview(undefined);
  };

  const uploadFile = (file: File) =>
    run(async () => {
      if (!channel) return;
      const [result, list] = await Promise.all([
        fileImportsApi.upload(channel, file),
        fileImportsApi.mappings(channel),
      ]);
      setSaved(list.items);
      setUploaded(result);
      setJob(undefined);
      setPreview(undefined);
      if (result.suggestedMapping) chooseMapping(result.suggestedMapping, list.items);
      else {
        setMappingName(undefined);
        setMapping(emptyMapping());
      }
    });

  const showPreview = () =>
    run(async () => {
      if (uploaded) setPreview(await fileImportsApi.preview(uploaded.id, mapping));
    });

  const saveMapping = () =>
    run(async () => {
      if (!channel || !saveName) return;
      const result = await fileImportsApi.saveMapping(channel, saveName, mapping);
      const list = await fileImportsApi.mappings(channel);
      setSaved(list.items);
      setMappingName(result.name);
      message.success(t('imports.mappingSaved', { name: result.name }));
    });

  const startImport = () =>
    run(async () => {
      if (uploaded) setJob(await fileImportsApi.start(uploaded.id, mapping));
    });

  // Progress: poll the running import until it ends.
  useEffect(() => {
    if (!job || (job.status !== 'running' && job.status !== 'uploaded')) return;
    const timer = setTimeout(() => {
      fileImportsApi.job(job.id).then(setJob, setError);
    }, 500);
    return () => clearTimeout(timer);
  }, [job]);

  const setColumn = (field: MappedField, column: string | undefined) =>
    setMapping((m) => ({ ...m, columns: { ...m.columns, [field]: column ?? undefined } }));
  const columnOptions = (uploaded?.columns ?? []).map((c) => ({ value: c, label: c }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('imports.title')}>
        <Space wrap>
          <Select
            placeholder={t('imports.channel')}
            style={{ minWidth: 220 }}
            value={channel}
            onChange={(value) => {
              setChannel(value);
              setUploaded(undefined);
              setPreview(undefined);
              setJob(undefined);
            }}
            options={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.id})` }))}
            data-testid="import-channel"
          />
          <Upload
            accept=".csv,.xlsx,.txt"
            showUploadList={false}
            disabled={!channel || isBusy}
            beforeUpload={(file) => {
              void uploadFile(file);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              disabled={!channel}
              loading={isBusy}
              data-testid="import-upload"
            >
              {t('imports.upload')}
            </Button>
          </Upload>
          {uploaded && (
            <Typography.Text data-testid="import-file">
              {t('imports.fileSummary', { name: uploaded.fileName, rows: uploaded.rowCount })}
            </Typography.Text>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('imports.hint')}
        </Typography.Paragraph>
      </Card>

      {error !== undefined && (
        <Alert type="error" showIcon message={errorText(t, error)} data-testid="import-error" />
      )}

      {uploaded && (
        <Card
          title={t('imports.mapping')}
          extra={
            <Select
              placeholder={t('imports.chooseMapping')}
              style={{ minWidth: 220 }}
              value={mappingName}
              onChange={(name) => chooseMapping(name)}
              options={saved.map((m) => ({
                value: m.name,
                label: m.isPreset ? `${m.name} (${t('imports.preset')})` : m.name,
              }))}
              data-testid="import-mapping"
            />
          }
        >
          <Form layout="vertical">
            <Row gutter={12}>
              {mappedFields.map((field) => (
                <Col key={field} xs={24} sm={12} md={8} lg={6}>
                  <Form.Item
                    label={t(`imports.fields.${field}`)}
                    required={(requiredMappedFields as readonly string[]).includes(field)}
                    style={{ marginBottom: 8 }}
                  >
                    <Select
                      allowClear
                      showSearch
                      value={mapping.columns[field] || undefined}
                      onChange={(column) => setColumn(field, column)}
                      options={columnOptions}
                      data-testid={`map-${field}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Space wrap align="end">
              <Form.Item label={t('imports.dateOrder')} style={{ marginBottom: 0 }}>
                <Select
                  style={{ width: 200 }}
                  value={mapping.dateOrder}
                  onChange={(dateOrder) => setMapping((m) => ({ ...m, dateOrder }))}
                  options={(['ymd', 'dmy', 'mdy'] as const).map((v) => ({
                    value: v,
                    label: t(`imports.dateOrders.${v}`),
                  }))}
                />
              </Form.Item>
              <Form.Item label={t('imports.decimalComma')} style={{ marginBottom: 0 }}>
                <Switch
                  checked={mapping.decimalComma}
                  onChange={(decimalComma) => setMapping((m) => ({ ...m, decimalComma }))}
                />
              </Form.Item>
              <Form.Item label={t('imports.defaultCurrency')} style={{ marginBottom: 0 }}>
                <Input
                  style={{ width: 100 }}
                  value={mapping.defaultCurrency ?? ''}
                  maxLength={3}
                  onChange={(e) =>
                    setMapping((m) => ({ ...m, defaultCurrency: e.target.value.toUpperCase() || undefined }))
                  }
                />
              </Form.Item>
              <Form.Item label={t('imports.saveAs')} style={{ marginBottom: 0 }}>
                <Space.Compact>
                  <Input
                    value={saveName}
                    onChange={(e) => setSaveName(e.target.value)}
                    data-testid="mapping-name"
                  />
                  <Button
                    icon={<SaveOutlined />}
                    onClick={saveMapping}
                    disabled={!saveName}
                    data-testid="mapping-save"
                  >
                    {t('imports.save')}
                  </Button>
                </Space.Compact>
              </Form.Item>
              <Button onClick={showPreview} loading={isBusy} data-testid="import-preview">
                {t('imports.preview')}
              </Button>
              <Button
                type="primary"
                onClick={startImport}
                disabled={!!job}
                loading={isBusy}
                data-testid="import-start"
              >
                {t('imports.start')}
              </Button>
            </Space>
          </Form>
        </Card>
      )}

      {preview && <PreviewTable preview={preview} />}
      {job && <JobResult job={job} />}
    </Space>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const text = (value: string | null) => value ?? '—';
  const columns: ColumnsType<PreviewRow> = [
    { title: t('imports.line'), dataIndex: 'line', width: 70 },
    { title: t('imports.fields.externalId'), dataIndex: 'externalId', render: text },
    { title: t('imports.fields.placedAt'), dataIndex: 'placedAt', render: text },
    { title: t('imports.fields.sku'), dataIndex: 'sku', render: text },
    { title: t('imports.fields.quantity'), dataIndex: 'quantity', render: text },
    { title: t('imports.fields.unitPrice'), dataIndex: 'unitPrice', render: text },
    { title: t('imports.fields.total'), dataIndex: 'total', render: text },
    { title: t('imports.fields.currency'), dataIndex: 'currency', render: text },
    { title: t('imports.fields.customerName'), dataIndex: 'customerName', render: text },
    {
      title: t('imports.problems'),
      dataIndex: 'problems',
      render: (problems: PreviewRow['problems']) =>
        problems.length === 0 ? (
          <Tag color="green">{t('imports.ok')}</Tag>
        ) : (
          problems.map((p) => (
            <Tag key={`${p.field}${p.message}`} color={p.severity === 'error' ? 'red' : 'orange'}>
              {t(`imports.fields.${p.field}`, { defaultValue: p.field })}: {p.message}
            </Tag>
          ))
        ),
    },
  ];
  return (
    <Card title={t('imports.previewTitle', { orders: preview.orders })}>
      <Table
        rowKey="line"
        size="small"
        columns={columns}
        dataSource={preview.rows}
        pagination={false}
        scroll={{ x: true }}
        data-testid="import-preview-table"
      />
    </Card>
  );
}

function JobResult({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const percent = Math.round(job.progress * 100);
  return (
    <Card title={t('imports.progress')} data-testid="import-job">
      <Progress
        percent={percent}
        status={job.status === 'failed' ? 'exception' : job.status === 'finished' ? 'success' : 'active'}
        data-testid="import-progress"
      />
      <Typography.Paragraph data-testid="import-status">
        {t(`imports.statuses.${job.status}`)} ·{' '}
        {t('imports.rowsDone', { done: job.rowsDone, total: job.rowCount })}
      </Typography.Paragraph>
      {job.error && <Alert type="error" showIcon message={job.error} />}
      <Row gutter={16}>
        <Col>
          <Statistic title={t('imports.created')} value={job.created} />
        </Col>
        <Col>
          <Statistic title={t('imports.duplicate')} value={job.duplicate} />
        </Col>
        <Col>
          <Statistic title={t('imports.failed')} value={job.failed} />
        </Col>
      </Row>
      {job.hasResultFile && (
        <Button
          style={{ marginTop: 12 }}
          icon={<DownloadOutlined />}
          href={fileImportsApi.resultUrl(job.id)}
          data-testid="import-result-file"
        >
          {t('imports.resultFile')}
        </Button>
      )}
    </Card>
  );
}
