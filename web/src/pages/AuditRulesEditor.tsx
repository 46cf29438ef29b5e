import { ExperimentOutlined, HistoryOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, type FormInstance, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CatalogRule,
  type DryRunResult,
  orderReviewApi,
  type RuleConfig,
  type RuleSet,
} from '../api/order-review';
import { useAuth } from '../auth';
import { DryRunResultView } from '../components/DryRunResult';
import { errorText, fieldErrors } from '../errors';
import { formatDateTime } from '../format';
import { RulesList } from './AuditRulesList';
import { SaveVersionModal, VersionsDrawer } from './AuditRulesVersions';

type FormValues = { rules: RuleConfig[] };
const dryRunDays = [1, 3, 7, 14, 30, 90];

/** The rules as the API takes them, in the editor's order. */
function rulesOf(form: FormInstance<FormValues>): RuleConfig[] {
  const rules = (form.getFieldValue('rules') ?? []) as RuleConfig[];
  return rules.map((rule) => ({
    code: rule.code,
    enabled: Boolean(rule.enabled),
    params: Object.fromEntries(Object.entries(rule.params ?? {}).filter(([, value]) => value !== undefined)),
  }));
}

/** The active rule set in an editor: dry run against recent orders, save as a version, load an old one. */
export function RulesEditor({ catalog, initial }: { catalog: CatalogRule[]; initial: RuleSet }) {
  const { t } = useTranslation();
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
  // preserve: the code of each rule has no input of its own, yet the list needs it.
  const rules = (Form.useWatch('rules', { form, preserve: true }) ?? initial.rules) as RuleConfig[];

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
        <RulesList
          catalog={catalog}
          rules={rules}
          canManage={canManage}
          openPanels={openPanels}
          onOpenPanelsChange={setOpenPanels}
        />
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
