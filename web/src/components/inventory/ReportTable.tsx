import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { type InventoryReport, inventoryCurrency } from '../../api/inventory';
import { formatDateTime, formatMoney } from '../../format';
import { formatDecimal, formatPercent } from './numbers';
import { abcColors } from './ReportChart';
import { SkuLink } from './StockTags';

type Cell = string | number | null;
type Row = Record<string, Cell> & { rowKey: number };
type Column = InventoryReport['columns'][number];

function renderCell(column: Column, value: Cell) {
  if (value === null || value === undefined || value === '') return '—';
  if (column.key === 'sku' && typeof value === 'string') return <SkuLink code={value} />;
  if (column.key === 'class') return <Tag color={abcColors[String(value)]}>{value}</Tag>;
  // Times travel as ISO strings in text columns (e.g. lastSaleAt).
  if (column.key.endsWith('At') && typeof value === 'string') return formatDateTime(value);
  switch (column.type) {
    case 'money':
      return formatMoney(String(value), inventoryCurrency);
    case 'percent':
      return formatPercent(Number(value));
    case 'number':
      return formatDecimal(Number(value));
    default:
      return String(value);
  }
}

function compare(left: Cell, right: Cell): number {
  if (left === null) return right === null ? 0 : -1;
  if (right === null) return 1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const [a, b] = [Number(left), Number(right)];
  return Number.isFinite(a) && Number.isFinite(b) ? a - b : String(left).localeCompare(String(right));
}

/** A report as the server laid it out: its columns in its order, each shown by its type. */
export function ReportTable({ report, isLoading }: { report?: InventoryReport; isLoading: boolean }) {
  const { t } = useTranslation();
  const rows: Row[] = (report?.rows ?? []).map((row, rowKey) => ({ ...row, rowKey }));
  const columns: ColumnsType<Row> = (report?.columns ?? []).map((column) => ({
    key: column.key,
    title: t(`inventory.reports.columns.${column.key}`, { defaultValue: column.key }),
    dataIndex: column.key,
    align: column.type === 'text' ? 'left' : 'right',
    // Product names are long (often in two languages); the rest of the row matters more.
    ...(column.key === 'name' ? { ellipsis: true, width: 260 } : {}),
    sorter: (left, right) => compare(left[column.key] ?? null, right[column.key] ?? null),
    render: (value: Cell) => renderCell(column, value),
  }));
  return (
    <Table<Row>
      rowKey="rowKey"
      size="small"
      loading={isLoading}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 'max-content' }}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.reports.empty')} />,
      }}
      data-testid="report-table"
    />
  );
}
