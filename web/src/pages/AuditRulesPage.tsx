import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  ExperimentOutlined,
  HistoryOutlined,
  PlusOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Drawer,
  Form,
  type FormInstance,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { type MouseEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CatalogRule,
  type DryRunResult,
  orderReviewApi,
  type RuleConfig,
  type RuleSet,
} from '../api/order-review';
import { useAuth } from '../auth';
import { BlocklistPanel } from '../components/BlocklistPanel';
import { DryRunResultView } from '../components/DryRunResult';
import { JsonPreview } from '../components/JsonPreview';
import { paramLabel, SchemaInput } from '../components/SchemaInput';
import { errorText, fieldErrors } from '../errors';
import { formatDateTime } from '../format';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

type FormValues = { rules: RuleConfig[] };
const dryRunDays = [1, 3, 7, 14, 30, 90];

function localised(text: Record<string, string> | undefined, language: string): string {
  return text?.[language] ?? text?.en ?? '';
}

/** The rules as the API takes them, in the editor's order. */
function rulesOf(form: FormInstance<FormValues>): RuleConfig[] {
  const rules = (form.getFieldValue('rules') ?? []) as RuleConfig[];
  return rules.map((rule) => ({
    code: rule.code,
    enabled: Boolean(rule.enabled),
    params: Object.fromEntries(Object.entries(rule.params ?? {}).filter(([, value]) => value !== undefined)),
  }));
}

/** "Hold · 40 points" for an order rule, "threshold 60" for the score: the gist of a collapsed rule. */
function ruleGist(t: TFunction, rule: RuleConfig | undefined): string {
  const params = rule?.params ?? {};
  const parts: string[] = [];
  if (typeof params.action === 'string') parts.push(t(`rules.enum.${params.action}`));
  if (typeof params.riskPoints === 'number') parts.push(t('rules.points', { count: params.riskPoints }));
  if (typeof params.threshold === 'number')
    parts.push(t('rules.thresholdGist', { threshold: params.threshold }));
  return parts.join(' · ');
}

const stop = (event: MouseEvent) => event.stopPropagation();

function SaveVersionModal({
  rules,
  onClose,
  onSaved,
}: {
  rules: RuleConfig[];
  onClose: () => void;
  onSaved: (saved: RuleSet) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const save = async ({ note }: { note?: string }) => {
    setIsSaving(true);
    setError(null);
    try {
      onSaved(await orderReviewApi.auditRules.save(rules, note?.trim() || undefined));
    } catch (failure) {
      setError(failure);
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('rules.saveTitle')}
      okText={t('rules.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, error)}
          description={fieldErrors(t, error)
            .map((field) => `${field.name.join('.')}: ${field.message}`)
            .join('\n')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={save} data-testid="save-version-form">
        <Form.Item name="note" label={t('rules.versionNote')} extra={t('rules.versionNoteHint')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="version-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VersionsDrawer({
  open,
  activeVersion,
  onClose,
  onLoad,
}: {
  open: boolean;
  activeVersion: number | undefined;
  onClose: () => void;
  onLoad: (set: RuleSet) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const versions = useLoader(
    () => (open ? orderReviewApi.auditRules.versions() : Promise.resolve({ items: [] as RuleSet[] })),
    [open],
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('rules.versions')}
      size={720}
      data-testid="versions-drawer"
    >
      {versions.error ? <Alert type="error" showIcon title={errorText(t, versions.error)} /> : null}
      <Table<RuleSet>
        rowKey="version"
        size="small"
        loading={versions.isLoading}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        data-testid="versions-table"
        locale={{ emptyText: t('rules.noVersions') }}
        expandable={{ expandedRowRender: (set) => <JsonPreview value={set.rules} /> }}
        columns={[
          {
            title: t('rules.version'),
            dataIndex: 'version',
            render: (version: number) => (
              <Space>
                <Typography.Text strong>v{version}</Typography.Text>
                {version === activeVersion ? <Tag color="green">{t('rules.active')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('rules.savedBy'), dataIndex: 'createdBy', render: (by?: string) => by ?? '—' },
          { title: t('rules.savedAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('rules.versionNote'), dataIndex: 'note', render: (note?: string | null) => note || '—' },
          ...(can('rules:manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'load',
                  render: (_: unknown, set: RuleSet) => (
                    <Button size="small" onClick={() => onLoad(set)}>
                      {t('rules.loadVersion')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}

function RuleParams({
  rule,
  fieldName,
  canManage,
}: {
  rule: CatalogRule | undefined;
  fieldName: number;
  canManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const properties = Object.entries(rule?.paramsSchema.properties ?? {});
  return (
    <>
      <Typography.Paragraph type="secondary">
        {localised(rule?.description, i18n.language)}
      </Typography.Paragraph>
      {rule?.code === 'HIGH_RISK' ? (
        <Alert type="info" showIcon title={t('rules.highRiskLast')} style={{ marginBottom: 12 }} />
      ) : null}
      {properties.length === 0 ? (
        <Typography.Text type="secondary">{t('rules.noParams')}</Typography.Text>
      ) : null}
      {properties.map(([name, schema]) => (
        <Form.Item
          key={name}
          name={[fieldName, 'params', name]}
          label={paramLabel(t, name)}
          tooltip={t(`rules.paramHelp.${name}`, { defaultValue: '' }) || undefined}
          style={{ marginBottom: 12 }}
        >
          <SchemaInput schema={schema} disabled={!canManage} testId={`param-${rule?.code}-${name}`} />
        </Form.Item>
      ))}
    </>
  );
}

function RulesEditor({ catalog, initial }: { catalog: CatalogRule[]; initial: RuleSet }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const canManage = can('rules:manage');
  const [form] = Form.useForm<FormValues>();
  const [active, setActive] = useState(initial);
  const [openPanels, setOpenPanels] = useState<string[]>([]);
  const [days, setDays] = useState(14);
  const [dryRun, setDryRun] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isDryRunning, setIsDryRunning] = useState(false);
  const [isSaveOpen, setIsSaveOpen] = useState(false);
  const [isVersionsOpen, setIsVersionsOpen] = useState(false);
  const [isDirty, setIsDirty] = useState(false);
  const byCode = useMemo(() => new Map(catalog.map((rule) => [rule.code, rule])), [catalog]);
  // preserve: the code of each rule has no input of its own, yet the list needs it.
  const rules = (Form.useWatch('rules', { form, preserve: true }) ?? initial.rules) as RuleConfig[];
  const missing = catalog.filter((rule) => !rules.some((r) => r?.code === rule.code));

  const load = (set: RuleSet) => {
    form.setFieldValue('rules', structuredClone(set.rules));
    setDryRun(null);
    setError(null);
  };

  /** Server errors name `rules.3.params.maxOrders`: open that rule and mark the parameter. */
  const showErrors = (failure: unknown) => {
    setError(failure);
    const current = rulesOf(form);
    for (const field of fieldErrors(t, failure)) {
      const [root, index, part, param] = field.name;
      if (root !== 'rules' || typeof index !== 'number') continue;
      const code = current[index]?.code;
      if (code) setOpenPanels((panels) => (panels.includes(code) ? panels : [...panels, code]));
      if (part === 'params' && param !== undefined)
        form.setFields([{ name: ['rules', index, 'params', param], errors: [field.message] }]);
    }
  };

  const runDryRun = async () => {
    setIsDryRunning(true);
    setError(null);
    try {
      setDryRun(await orderReviewApi.auditRules.dryRun(rulesOf(form), days));
    } catch (failure) {
      showErrors(failure);
    } finally {
      setIsDryRunning(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Typography.Text data-testid="active-version">
            {t('rules.activeVersion', { version: active.version })}
          </Typography.Text>
          {active.createdBy ? (
            <Typography.Text type="secondary">
              {t('rules.savedByAt', { by: active.createdBy, at: formatDateTime(active.createdAt) })}
            </Typography.Text>
          ) : null}
          {isDirty ? <Tag color="orange">{t('rules.unsaved')}</Tag> : null}
        </Space>
        <Space wrap>
          <Button
            icon={<HistoryOutlined />}
            onClick={() => setIsVersionsOpen(true)}
            data-testid="versions-open"
          >
            {t('rules.versions')}
          </Button>
          {canManage ? (
            <>
              <Button
                icon={<UndoOutlined />}
                disabled={!isDirty}
                onClick={() => {
                  load(active);
                  setIsDirty(false);
                }}
              >
                {t('rules.reset')}
              </Button>
              <Select
                value={days}
                onChange={setDays}
                options={dryRunDays.map((value) => ({ value, label: t('rules.lastDays', { count: value }) }))}
                style={{ width: 150 }}
                data-testid="dry-run-days"
              />
              <Button
                icon={<ExperimentOutlined />}
                loading={isDryRunning}
                onClick={() => void runDryRun()}
                data-testid="dry-run"
              >
                {t('rules.dryRun.run')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                onClick={() => setIsSaveOpen(true)}
                data-testid="save-version"
              >
                {t('rules.save')}
              </Button>
            </>
          ) : null}
        </Space>
      </Space>
      {canManage ? null : <Alert type="info" showIcon title={t('rules.readOnly')} />}
      {error ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setError(null) }}
          title={errorText(t, error)}
          description={fieldErrors(t, error)
            .map((field) => `${field.name.join('.')}: ${field.message}`)
            .join('\n')}
          data-testid="rules-error"
        />
      ) : null}
      {dryRun ? <DryRunResultView result={dryRun} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ rules: structuredClone(initial.rules) }}
        onValuesChange={() => {
          setIsDirty(true);
          setDryRun(null);
        }}
        data-testid="rules-form"
      >
        <Typography.Paragraph type="secondary">{t('rules.orderHint')}</Typography.Paragraph>
        <Form.List name="rules">
          {(fields, { move, add, remove }) => (
            <>
              <Collapse
                activeKey={openPanels}
                onChange={(keys) => setOpenPanels(keys as string[])}
                data-testid="rules-list"
                items={fields.map((field, index) => {
                  const config = rules[index];
                  const code = config?.code ?? String(field.key);
                  const rule = byCode.get(code);
                  return {
                    key: code,
                    forceRender: true,
                    label: (
                      <Space wrap data-testid={`rule-${code}`}>
                        <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                        <Typography.Text strong delete={config?.enabled === false}>
                          {localised(rule?.title, i18n.language) || code}
                        </Typography.Text>
                        <Tag>{code}</Tag>
                        <Typography.Text type="secondary">{ruleGist(t, config)}</Typography.Text>
                        {!rule ? <Tag color="red">{t('rules.unknownRule')}</Tag> : null}
                      </Space>
                    ),
                    extra: (
                      // biome-ignore lint/a11y/noStaticElementInteractions: keeps the header from toggling
                      // biome-ignore lint/a11y/useKeyWithClickEvents: the controls inside handle keys
                      <span onClick={stop}>
                        <Space>
                          <Form.Item name={[field.name, 'enabled']} valuePropName="checked" noStyle>
                            <Switch
                              size="small"
                              disabled={!canManage}
                              aria-label={t('rules.enabled')}
                              data-testid={`rule-enabled-${code}`}
                            />
                          </Form.Item>
                          {canManage ? (
                            <>
                              <Button
                                size="small"
                                icon={<ArrowUpOutlined />}
                                disabled={index === 0}
                                aria-label={t('rules.moveUp')}
                                onClick={() => move(index, index - 1)}
                                data-testid={`rule-up-${code}`}
                              />
                              <Button
                                size="small"
                                icon={<ArrowDownOutlined />}
                                disabled={index === fields.length - 1}
                                aria-label={t('rules.moveDown')}
                                onClick={() => move(index, index + 1)}
                                data-testid={`rule-down-${code}`}
                              />
                              {!rule ? (
                                <Button size="small" danger onClick={() => remove(index)}>
                                  {t('common.remove')}
                                </Button>
                              ) : null}
                            </>
                          ) : null}
                        </Space>
                      </span>
                    ),
                    children: <RuleParams rule={rule} fieldName={field.name} canManage={canManage} />,
                  };
                })}
              />
              {canManage && missing.length ? (
                <Space style={{ marginTop: 12 }}>
                  <Select
                    placeholder={t('rules.addRule')}
                    style={{ width: 280 }}
                    value={null}
                    options={missing.map((rule) => ({
                      value: rule.code,
                      label: localised(rule.title, i18n.language) || rule.code,
                    }))}
                    onChange={(code: string) => {
                      const rule = byCode.get(code);
                      if (rule) add({ code, enabled: true, params: structuredClone(rule.defaultParams) });
                    }}
                  />
                  <PlusOutlined />
                </Space>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
      {isSaveOpen ? (
        <SaveVersionModal
          rules={rulesOf(form)}
          onClose={() => setIsSaveOpen(false)}
          onSaved={(saved) => {
            setIsSaveOpen(false);
            setActive(saved);
            load(saved);
            setIsDirty(false);
            message.success(t('rules.saved', { version: saved.version }));
          }}
        />
      ) : null}
      <VersionsDrawer
        open={isVersionsOpen}
        activeVersion={active.version}
        onClose={() => setIsVersionsOpen(false)}
        onLoad={(set) => {
          load(set);
          setIsDirty(true);
          setIsVersionsOpen(false);
          message.info(t('rules.loaded', { version: set.version }));
        }}
      />
    </Space>
  );
}

export default function AuditRulesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  usePageTitle(t('rules.title'));
  const data = useLoader(
    () => Promise.all([orderReviewApi.auditRules.catalog(), orderReviewApi.auditRules.active()]),
    [],
  );
  const [tab, setTab] = useState('rules');
  useEffect(() => {
    if (window.location.hash === '#blocklist') setTab('blocklist');
  }, []);

  let rulesTab = <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (data.error) rulesTab = <Alert type="error" showIcon title={errorText(t, data.error)} />;
  else if (data.data) rulesTab = <RulesEditor catalog={data.data[0].items} initial={data.data[1]} />;

  return (
    <Card title={t('rules.title')} data-testid="rules-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'rules', label: t('rules.tabRules'), children: rulesTab },
          ...(can('rules:manage')
            ? [{ key: 'blocklist', label: t('rules.tabBlocklist'), children: <BlocklistPanel /> }]
            : []),
        ]}
      />
    </Card>
  );
}
