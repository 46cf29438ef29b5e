import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Form, Select, Space, Switch, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type MouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogRule, RuleConfig } from '../api/order-review';
import { paramLabel, SchemaInput } from '../components/SchemaInput';

function localised(text: Record<string, string> | undefined, language: string): string {
  return text?.[language] ?? text?.en ?? '';
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

/**
 * The rules in the order they run, each a panel with its switch, its place in the chain and its
 * parameters; rules of the catalogue not in the set can be added.
 */
export function RulesList({
  catalog,
  rules,
  canManage,
  openPanels,
  onOpenPanelsChange,
}: {
  catalog: CatalogRule[];
  rules: RuleConfig[];
  canManage: boolean;
  openPanels: string[];
  onOpenPanelsChange: (panels: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const byCode = useMemo(() => new Map(catalog.map((rule) => [rule.code, rule])), [catalog]);
  const missing = catalog.filter((rule) => !rules.some((r) => r?.code === rule.code));
  return (
    <Form.List name="rules">
      {(fields, { move, add, remove }) => (
        <>
          <Collapse
            activeKey={openPanels}
            onChange={(keys) => onOpenPanelsChange(keys as string[])}
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
  );
}
