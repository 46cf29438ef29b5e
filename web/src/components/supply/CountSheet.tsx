import { SaveOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, InputNumber, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Count, type StocktakeDetail, type StocktakeLine, supplyApi } from '../../api/supply';
import { errorText } from '../../errors';
import { DataTable } from '../DataTable';
import { CountImport } from './CountImport';

type Edit = { counted?: number | null; note?: string };

/** The counts typed on this sheet that differ from what the server holds. */
function changedCounts(lines: StocktakeLine[], edits: Record<string, Edit>): Count[] {
  const counts: Count[] = [];
  for (const line of lines) {
    const edit = edits[line.sku];
    if (!edit) continue;
    const counted = edit.counted === undefined ? line.counted : edit.counted;
    const note = edit.note ?? line.note ?? '';
    if (counted === null) continue;
    if (counted === line.counted && note === (line.note ?? '')) continue;
    counts.push({ sku: line.sku, counted, note: note.trim() || undefined });
  }
  return counts;
}

/**
 * A blind count sheet: what to count and where, never how many the books expect, so that the
 * counter reports what is on the shelf rather than confirming a number.
 */
export function CountSheet({
  stocktake,
  canCount,
  onChanged,
  onSubmit,
}: {
  stocktake: StocktakeDetail;
  canCount: boolean;
  /** The saved sheet, or null when the server changed it another way (an import) and it must be reloaded. */
  onChanged: (stocktake: StocktakeDetail | null) => void;
  /** Asks to submit the count for review; offered once every line is counted and saved. */
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [isSaving, setIsSaving] = useState(false);
  const [q, setQ] = useState('');
  const [isUncountedOnly, setIsUncountedOnly] = useState(false);
  const pending = changedCounts(stocktake.lines, edits);

  const edit = (sku: string, change: Edit) =>
    setEdits((current) => ({ ...current, [sku]: { ...current[sku], ...change } }));
  const save = async () => {
    setIsSaving(true);
    try {
      const saved = await supplyApi.stocktakes.saveCounts(stocktake.id, pending);
      setEdits({});
      message.success(t('supply.countSheet.saved', { count: pending.length }));
      onChanged(saved);
    } catch (failure) {
      message.error(errorText(t, failure));
    } finally {
      setIsSaving(false);
    }
  };

  const uncounted = stocktake.lineCount - stocktake.countedCount;
  const submitBlocker =
    pending.length > 0
      ? t('supply.countSheet.saveBeforeSubmit')
      : uncounted > 0
        ? t('supply.countSheet.stillToCount', { count: uncounted })
        : null;

  const needle = q.trim().toLowerCase();
  const rows = stocktake.lines.filter(
    (line) =>
      (!needle || line.sku.toLowerCase().includes(needle) || line.skuName.toLowerCase().includes(needle)) &&
      (!isUncountedOnly || line.counted === null),
  );
  const columns: ColumnsType<StocktakeLine> = [
    {
      title: t('supply.common.sku'),
      dataIndex: 'sku',
      render: (sku: string) => <Typography.Text strong>{sku}</Typography.Text>,
    },
    { title: t('supply.common.skuName'), dataIndex: 'skuName' },
    { title: t('supply.countSheet.bin'), dataIndex: 'bin', render: (bin: string | null) => bin ?? '—' },
    {
      title: t('supply.countSheet.counted'),
      key: 'counted',
      align: 'right',
      render: (_, line) => {
        const value = edits[line.sku]?.counted === undefined ? line.counted : edits[line.sku].counted;
        if (!canCount) return value ?? '—';
        return (
          <InputNumber
            min={0}
            max={10_000_000}
            precision={0}
            value={value}
            onChange={(counted) => edit(line.sku, { counted })}
            placeholder={t('supply.countSheet.countedPlaceholder')}
            style={{ width: 120 }}
            data-testid="count-input"
            data-sku={line.sku}
          />
        );
      },
    },
    {
      title: t('supply.common.note'),
      key: 'note',
      render: (_, line) => {
        const value = edits[line.sku]?.note ?? line.note ?? '';
        if (!canCount) return value || '—';
        return (
          <Input
            value={value}
            maxLength={1000}
            onChange={(event) => edit(line.sku, { note: event.target.value })}
            style={{ width: 240 }}
            data-testid="count-note"
            data-sku={line.sku}
          />
        );
      },
    },
    {
      title: t('common.status'),
      key: 'state',
      render: (_, line) =>
        line.counted === null ? (
          <Tag>{t('supply.countSheet.notCounted')}</Tag>
        ) : (
          <Tag color="green">{t('supply.countSheet.isCounted')}</Tag>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('supply.countSheet.search')}
            onChange={(event) => setQ(event.target.value)}
            style={{ width: 280 }}
          />
          <Checkbox checked={isUncountedOnly} onChange={(event) => setIsUncountedOnly(event.target.checked)}>
            {t('supply.countSheet.onlyUncounted')}
          </Checkbox>
        </Space>
        {canCount ? (
          <Space wrap>
            {pending.length > 0 ? (
              <Typography.Text type="warning" data-testid="count-unsaved">
                {t('supply.countSheet.unsaved', { count: pending.length })}
              </Typography.Text>
            ) : null}
            <Button icon={<UndoOutlined />} disabled={pending.length === 0} onClick={() => setEdits({})}>
              {t('supply.countSheet.discard')}
            </Button>
            <CountImport
              stocktakeId={stocktake.id}
              isBlocked={pending.length > 0}
              onImported={() => onChanged(null)}
            />
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={pending.length === 0}
              loading={isSaving}
              onClick={save}
              data-testid="count-save"
            >
              {t('supply.countSheet.save')}
            </Button>
            <Tooltip title={submitBlocker}>
              <Button
                icon={<SendOutlined />}
                disabled={Boolean(submitBlocker)}
                onClick={onSubmit}
                data-testid="stocktake-submit"
              >
                {t('supply.countSheet.submit')}
              </Button>
            </Tooltip>
          </Space>
        ) : null}
      </div>
      <div data-testid="count-sheet">
        <DataTable<StocktakeLine>
          rowKey="sku"
          size="small"
          dataSource={rows}
          empty={t('supply.countSheet.noMatch')}
          emptyTestId="count-sheet-empty"
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </div>
    </Space>
  );
}
