import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incidentKinds, severities } from '../../../../src/contracts/risk.ts';
import { logisticsApi } from '../../api/fulfilment';
import { type IncidentInput, type IncidentPreview, type IncidentSummary, riskApi } from '../../api/risk';
import { staffApi } from '../../api/staff';
import { useAuth } from '../../auth';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { AffectedOrders } from './AffectedOrders';
import { IncidentDrawer } from './IncidentDrawer';

const severityColor = { low: 'default', medium: 'gold', high: 'orange', critical: 'red' } as const;

type SelectionFields = {
  sku?: string;
  batch?: [Dayjs | null, Dayjs | null] | null;
  channel?: string;
  carrier?: string;
  province?: string;
};
type DeclareFields = Omit<IncidentInput, 'selection'> & { selection: SelectionFields };

/** The form's selection as the API's: empty fields left out, the batch as a placed-at range. */
function toSelection(fields: SelectionFields): IncidentInput['selection'] {
  const text = (value?: string) => (value?.trim() ? value.trim() : undefined);
  const [from, to] = fields.batch ?? [];
  const selection = {
    sku: text(fields.sku),
    channel: text(fields.channel),
    carrier: fields.carrier,
    province: text(fields.province),
    placedFrom: from ? from.startOf('day').toISOString() : undefined,
    placedTo: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
  };
  return Object.fromEntries(Object.entries(selection).filter(([, v]) => v !== undefined));
}

/** Incidents: declared with a selection of affected orders, worked in a drawer, closed with a review. */
export default function RiskIncidentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  usePageTitle(t('risk.incidents.title'));
  const incidents = useLoader(() => riskApi.incidents.list({ limit: 200 }), []);
  const [isDeclaring, setIsDeclaring] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [preview, setPreview] = useState<IncidentPreview | null>(null);
  const [form] = Form.useForm<DeclareFields>();
  // People and carriers to choose from; a reader without access to them sees ids instead of names.
  const users = useLoader(
    () => (can('risk:manage') ? staffApi.users.directory() : Promise.resolve(null)),
    [],
  );
  const carriers = useLoader(
    () => (can('risk:manage') ? logisticsApi.carriers.list() : Promise.resolve([])),
    [],
  );
  const ownerName = (ownerId: string) =>
    users.data?.items.find((u) => u.id === ownerId)?.displayName ?? ownerId;

  const runPreview = async () => {
    try {
      setPreview(await riskApi.incidents.preview(toSelection(form.getFieldValue('selection') ?? {})));
    } catch (failure) {
      setPreview(null);
      message.error(errorText(t, failure));
    }
  };

  return (
    <Card
      title={t('risk.incidents.title')}
      extra={
        can('risk:manage') ? (
          <Button type="primary" data-testid="declare-incident" onClick={() => setIsDeclaring(true)}>
            {t('risk.incidents.declare')}
          </Button>
        ) : null
      }
    >
      <Table<IncidentSummary>
        rowKey="id"
        data-testid="incidents-table"
        loading={incidents.isLoading}
        dataSource={incidents.data?.items ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('risk.incidents.empty')}
              data-testid="incidents-empty"
            />
          ),
        }}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('risk.incidents.titleField'), dataIndex: 'title' },
          {
            title: t('risk.incidents.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`risk.incidentKind.${k}`),
          },
          {
            title: t('risk.incidents.severity'),
            dataIndex: 'severity',
            render: (s: keyof typeof severityColor) => (
              <Tag color={severityColor[s]}>{t(`risk.severity.${s}`)}</Tag>
            ),
          },
          {
            title: t('risk.incidents.status'),
            dataIndex: 'status',
            render: (s: string) => t(`risk.incidents.${s}`),
          },
          {
            title: t('risk.incidents.declaredAt'),
            dataIndex: 'declaredAt',
            render: (at: string) => formatDateTime(at),
          },
        ]}
      />
      {isDeclaring ? (
        <FormModal<DeclareFields>
          title={t('risk.incidents.declare')}
          okText={t('risk.incidents.declare')}
          form={form}
          testId="declare-incident-form"
          width={720}
          initialValues={{ kind: 'quality_recall', severity: 'high', team: [] }}
          onClose={() => {
            setIsDeclaring(false);
            setPreview(null);
          }}
          submit={async (values) => {
            const declared = await riskApi.incidents.declare({
              ...values,
              ownerId: values.ownerId ?? null,
              selection: toSelection(values.selection ?? {}),
            });
            setIsDeclaring(false);
            setPreview(null);
            incidents.reload();
            setOpenId(declared.id);
          }}
        >
          <Form.Item name="title" label={t('risk.incidents.titleField')} rules={[{ required: true }]}>
            <Input data-testid="incident-title" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t('risk.incidents.kind')}>
              <Select
                style={{ width: 200 }}
                options={incidentKinds.map((k) => ({ value: k, label: t(`risk.incidentKind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="severity" label={t('risk.incidents.severity')}>
              <Select
                style={{ width: 140 }}
                options={severities.map((s) => ({ value: s, label: t(`risk.severity.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="ownerId" label={t('risk.incidents.owner')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: 220 }}
                placeholder={t('risk.incidents.ownerPlaceholder')}
                data-testid="incident-owner"
                options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="team" label={t('risk.incidents.team')}>
            <Select mode="tags" tokenSeparators={[',']} open={false} />
          </Form.Item>
          <Card size="small" title={t('risk.incidents.selection')}>
            <Space wrap>
              <Form.Item name={['selection', 'sku']} label={t('risk.incidents.sku')}>
                <Input data-testid="selection-sku" />
              </Form.Item>
              <Form.Item name={['selection', 'batch']} label={t('risk.incidents.batch')}>
                <DatePicker.RangePicker allowEmpty={[true, true]} />
              </Form.Item>
              <Form.Item name={['selection', 'channel']} label={t('risk.incidents.channel')}>
                <Input />
              </Form.Item>
              <Form.Item name={['selection', 'carrier']} label={t('risk.incidents.carrier')}>
                <Select
                  allowClear
                  style={{ width: 200 }}
                  placeholder={t('risk.incidents.carrierPlaceholder')}
                  data-testid="incident-carrier"
                  options={(carriers.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
                />
              </Form.Item>
              <Form.Item name={['selection', 'province']} label={t('risk.incidents.region')}>
                <Input />
              </Form.Item>
            </Space>
            <Button onClick={runPreview} data-testid="preview-selection">
              {t('risk.incidents.preview')}
            </Button>
            {preview ? <AffectedOrders preview={preview} /> : null}
          </Card>
        </FormModal>
      ) : null}
      <IncidentDrawer
        incidentId={openId}
        ownerName={ownerName}
        onClose={() => setOpenId(null)}
        onChanged={incidents.reload}
      />
    </Card>
  );
}
