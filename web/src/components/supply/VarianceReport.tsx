import { Checkbox, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StocktakeDetail, type StocktakeLine, supplyApi } from '../../api/supply';
import { fromCents, toCents } from '../../format';
import { DataTable } from '../DataTable';
import { formatCost, formatSigned } from './format';
import { NoteCell } from './NoteCell';

// Lines whose count differs from the books: shortages in red, surpluses in amber.
const shortRow = { background: '#fff1f0' };
const overRow = { background: '#fffbe6' };

/**
 * Expected against counted, line by line, with the value of each difference. While the count is in
 * review every line takes an investigation note; approved counts are read-only.
 */
export function VarianceReport({
  stocktake,
  canEditNotes,
  onChanged,
}: {
  stocktake: StocktakeDetail;
  canEditNotes: boolean;
  onChanged: (stocktake: StocktakeDetail) => void;
}) {
  const { t } = useTranslation();
  const [isVarianceOnly, setIsVarianceOnly] = useState(false);
  const withVariance = stocktake.lines.filter((line) => (line.variance ?? 0) !== 0);
  const rows = isVarianceOnly ? withVariance : stocktake.lines;
  const units = stocktake.lines.reduce((sum, line) => sum + (line.variance ?? 0), 0);
  const value =
    stocktake.varianceValue ??
    fromCents(stocktake.lines.reduce((sum, line) => sum + toCents(line.varianceValue), 0));

  const saveNote = async (sku: string, note: string) =>
    onChanged(await supplyApi.stocktakes.setNote(stocktake.id, sku, note));

  const columns: ColumnsType<StocktakeLine> = [
    {
      title: t('supply.common.sku'),
      dataIndex: 'sku',
      render: (sku: string) => <Typography.Text strong>{sku}</Typography.Text>,
    },
    { title: t('supply.common.skuName'), dataIndex: 'skuName' },
    { title: t('supply.countSheet.bin'), dataIndex: 'bin', render: (bin: string | null) => bin ?? '—' },
    {
      title: t('supply.variance.expected'),
      dataIndex: 'expected',
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
    {
      title: t('supply.countSheet.counted'),
      dataIndex: 'counted',
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
    {
      title: t('supply.variance.variance'),
      dataIndex: 'variance',
      align: 'right',
      sorter: (a, b) => (a.variance ?? 0) - (b.variance ?? 0),
      render: (variance: number | null) => (
        <Typography.Text
          strong={Boolean(variance)}
          type={variance && variance < 0 ? 'danger' : undefined}
          data-testid="variance"
        >
          {formatSigned(variance)}
        </Typography.Text>
      ),
    },
    {
      title: t('supply.variance.value'),
      dataIndex: 'varianceValue',
      align: 'right',
      sorter: (a, b) => toCents(a.varianceValue) - toCents(b.varianceValue),
      render: (amount: string | null) => (
        <Typography.Text type={toCents(amount) < 0 ? 'danger' : undefined} data-testid="variance-value">
          {formatCost(amount)}
        </Typography.Text>
      ),
    },
    {
      title: t('supply.variance.note'),
      key: 'note',
      render: (_, line) => (
        <NoteCell
          note={line.note}
          canEdit={canEditNotes}
          save={(note) => saveNote(line.sku, note)}
          testId="line-note"
        />
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space size="large" wrap>
        <Statistic title={t('supply.variance.lines')} value={stocktake.lines.length} />
        <Statistic title={t('supply.variance.linesWithVariance')} value={withVariance.length} />
        <Statistic title={t('supply.variance.units')} value={formatSigned(units)} />
        <Statistic
          title={t('supply.variance.totalValue')}
          value={formatCost(value)}
          data-testid="variance-total"
        />
      </Space>
      <Checkbox checked={isVarianceOnly} onChange={(event) => setIsVarianceOnly(event.target.checked)}>
        {t('supply.variance.onlyVariances')}
      </Checkbox>
      <div data-testid="variance-report">
        <DataTable<StocktakeLine>
          rowKey="sku"
          size="small"
          dataSource={rows}
          empty={t('supply.variance.noVariances')}
          emptyTestId="variance-report-empty"
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(line) => ({
            style: line.variance ? (line.variance < 0 ? shortRow : overRow) : undefined,
            'data-variance': line.variance ?? undefined,
          })}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5} align="right">
                <Typography.Text strong>{t('supply.variance.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{formatSigned(units)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong data-testid="variance-total-value">
                  {formatCost(value)}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} />
            </Table.Summary.Row>
          )}
        />
      </div>
    </Space>
  );
}
