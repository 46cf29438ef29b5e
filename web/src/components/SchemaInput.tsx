import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '../api/order-review';

/** camelCase → "Camel case": the label of a parameter the translations do not name. */
export function humanise(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function paramLabel(t: TFunction, name: string): string {
  return t(`rules.param.${name}`, { defaultValue: humanise(name) });
}

function enumLabel(t: TFunction, value: unknown): string {
  return t(`rules.enum.${String(value)}`, { defaultValue: String(value) });
}

/** What a new entry of this schema starts as. */
function emptyValue(schema: JsonSchema | undefined): unknown {
  if (!schema) return '';
  if (schema.default !== undefined) return structuredClone(schema.default);
  switch (schema.type) {
    case 'array':
      return [];
    case 'object':
      return {};
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    default:
      return schema.enum?.[0] ?? '';
  }
}

// Limits such as Number.MAX_SAFE_INTEGER mean "no limit" to a person.
const sensible = (limit: number | undefined) =>
  limit !== undefined && Math.abs(limit) < 1e12 ? limit : undefined;

type InputProps = {
  schema: JsonSchema;
  value?: unknown;
  onChange?: (value: unknown) => void;
  disabled?: boolean;
  testId?: string;
};

/** A value that has no better editor, as JSON text; applied only while it parses. */
function JsonInput({ value, onChange, disabled, testId }: InputProps) {
  const { t } = useTranslation();
  const valueJson = JSON.stringify(value ?? null);
  const [text, setText] = useState(valueJson);
  const [isValid, setIsValid] = useState(true);
  // Follow changes from outside unless the text already says the same.
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current)) === valueJson ? current : valueJson;
      } catch {
        return current;
      }
    });
  }, [valueJson]);
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 6 }}
        value={text}
        status={isValid ? undefined : 'error'}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => {
          setText(event.target.value);
          try {
            onChange?.(JSON.parse(event.target.value));
            setIsValid(true);
          } catch {
            setIsValid(false);
          }
        }}
      />
      {isValid ? null : <Typography.Text type="danger">{t('rules.jsonInvalid')}</Typography.Text>}
    </Space>
  );
}

type Row = { id: number; key: string; value: unknown };
const recordOf = (rows: Row[]) =>
  Object.fromEntries(rows.filter((row) => row.key !== '').map((row) => [row.key, row.value]));

function keyMatches(schema: JsonSchema | undefined, key: string): boolean {
  if (!schema) return true;
  if (schema.anyOf) return schema.anyOf.some((option) => keyMatches(option, key));
  if (schema.const !== undefined) return key === schema.const;
  if (schema.pattern) return new RegExp(schema.pattern).test(key);
  return true;
}

/**
 * A map such as "required address parts per country": one row per key, each value edited by
 * the schema of `additionalProperties`. Rows are kept while a key is being typed.
 */
function RecordInput({ schema, value, onChange, disabled, testId }: InputProps) {
  const { t } = useTranslation();
  const valueSchema =
    typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const nextId = useRef(0);
  const toRows = (entries: Record<string, unknown>): Row[] =>
    Object.entries(entries).map(([key, entry]) => ({ id: nextId.current++, key, value: entry }));
  const [rows, setRows] = useState<Row[]>(() => toRows(record));
  const recordJson = JSON.stringify(record);
  // Follow changes from outside (a reset, a loaded version) but keep rows whose key is being typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: toRows only numbers the rows
  useEffect(() => {
    setRows((current) =>
      JSON.stringify(recordOf(current)) === recordJson
        ? current
        : toRows(JSON.parse(recordJson) as Record<string, unknown>),
    );
  }, [recordJson]);
  const update = (next: Row[]) => {
    setRows(next);
    onChange?.(recordOf(next));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      {rows.map(({ id, key, value: entry }) => (
        <Space key={id} align="start" style={{ width: '100%' }} wrap>
          <Input
            value={key}
            placeholder={t('rules.key')}
            status={key && !keyMatches(schema.propertyNames, key) ? 'error' : undefined}
            disabled={disabled}
            style={{ width: 110 }}
            onChange={(event) =>
              update(rows.map((row) => (row.id === id ? { ...row, key: event.target.value } : row)))
            }
          />
          <div style={{ minWidth: 260, flex: 1 }}>
            <SchemaInput
              schema={valueSchema ?? {}}
              value={entry}
              disabled={disabled}
              onChange={(next) => update(rows.map((row) => (row.id === id ? { ...row, value: next } : row)))}
            />
          </div>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={disabled}
            aria-label={t('common.remove')}
            onClick={() => update(rows.filter((row) => row.id !== id))}
          />
        </Space>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        disabled={disabled}
        onClick={() => update([...rows, { id: nextId.current++, key: '', value: emptyValue(valueSchema) }])}
      >
        {t('rules.addEntry')}
      </Button>
    </Space>
  );
}

/**
 * The editor a parameter's JSON schema calls for: numbers, text, a choice, several choices,
 * a list of phrases as tags, a switch, or a map; anything else as JSON.
 */
export function SchemaInput(props: InputProps) {
  const { t } = useTranslation();
  const { schema, value, onChange, disabled, testId } = props;
  if (schema.type === 'boolean') {
    return (
      <Switch
        checked={Boolean(value)}
        onChange={(checked) => onChange?.(checked)}
        disabled={disabled}
        data-testid={testId}
      />
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const isInteger = schema.type === 'integer';
    return (
      <InputNumber
        value={typeof value === 'number' ? value : null}
        onChange={(next) => onChange?.(next ?? undefined)}
        min={sensible(schema.minimum ?? schema.exclusiveMinimum)}
        max={sensible(schema.maximum ?? schema.exclusiveMaximum)}
        precision={isInteger ? 0 : undefined}
        step={1}
        disabled={disabled}
        style={{ width: 180 }}
        data-testid={testId}
      />
    );
  }
  if (schema.type === 'string' && schema.enum) {
    return (
      <Select
        value={value as string | undefined}
        onChange={(next) => onChange?.(next)}
        options={schema.enum.map((option) => ({ value: String(option), label: enumLabel(t, option) }))}
        disabled={disabled}
        style={{ minWidth: 180 }}
        data-testid={testId}
      />
    );
  }
  if (schema.type === 'string') {
    return (
      <Input
        value={(value as string | undefined) ?? ''}
        onChange={(event) => onChange?.(event.target.value)}
        maxLength={schema.maxLength}
        disabled={disabled}
        data-testid={testId}
      />
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'string') {
    const choices = schema.items.enum;
    return (
      <Select
        mode={choices ? 'multiple' : 'tags'}
        value={Array.isArray(value) ? (value as string[]) : []}
        onChange={(next: string[]) => onChange?.(next)}
        options={choices?.map((option) => ({ value: String(option), label: enumLabel(t, option) }))}
        tokenSeparators={choices ? undefined : [',', '，']}
        placeholder={choices ? undefined : t('rules.tagsPlaceholder')}
        open={choices ? undefined : false}
        disabled={disabled}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    );
  }
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    return <RecordInput {...props} />;
  }
  return <JsonInput {...props} />;
}
