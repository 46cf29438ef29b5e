import { CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { PickLine } from '../../api/fulfilment';
import { IconAction } from '../inventory/IconAction';
import { percentOf } from '../supply/format';

export const remainingOf = (line: PickLine) => line.quantity - line.pickedQuantity;

/**
 * The pick list in walking order (by bin), each line with its progress; a picker may tick a
 * line (took all that is left) or mark it short (the bin holds no more).
 */
export function PickListTable({
  lines,
  highlightSku,
  canPick,
  onTick,
  onShort,
}: {
  lines: PickLine[];
  highlightSku: string | null;
  canPick: boolean;
  onTick: (line: PickLine) => void;
  onShort: (line: PickLine) => void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<PickLine> = [
    {
      title: t('fulfilment.common.bin'),
      dataIndex: 'bin',
      render: (bin: string | null) =>
        bin ? (
          <Typography.Text strong>{bin}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('fulfilment.wave.noBin')}</Typography.Text>
        ),
    },
    {
      title: t('fulfilment.common.sku'),
      dataIndex: 'sku',
      render: (sku: string, line) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text code>{sku}</Typography.Text>
          {line.barcode ? <Typography.Text type="secondary">{line.barcode}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t('fulfilment.common.skuName'), dataIndex: 'skuName' },
    {
      title: t('fulfilment.wave.picked'),
      key: 'picked',
      width: 180,
      render: (_, line) => (
        <Progress
          percent={percentOf(line.pickedQuantity, line.quantity)}
          size="small"
          status={line.pickedQuantity >= line.quantity ? 'success' : 'active'}
          format={() => `${line.pickedQuantity}/${line.quantity}`}
          data-testid="pick-progress"
        />
      ),
    },
    {
      title: t('fulfilment.wave.short'),
      dataIndex: 'shortQuantity',
      align: 'right',
      render: (short: number) => (short > 0 ? <Tag color="orange">{short}</Tag> : '—'),
    },
    {
      title: t('fulfilment.wave.forOrders'),
      dataIndex: 'orders',
      render: (orders: string[]) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {orders.join(t('common.listSeparator'))}
        </Typography.Text>
      ),
    },
  ];
  if (canPick)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, line) =>
        remainingOf(line) > 0 ? (
          <Space>
            <IconAction
              icon={<CheckOutlined />}
              label={t('fulfilment.wave.tick', { count: remainingOf(line) })}
              onClick={() => onTick(line)}
              testId="pick-tick"
            />
            <IconAction
              icon={<ExclamationCircleOutlined />}
              label={t('fulfilment.wave.markShort')}
              onClick={() => onShort(line)}
              testId="pick-short"
            />
          </Space>
        ) : (
          <Tag color="green" icon={<CheckOutlined />}>
            {t('fulfilment.wave.lineDone')}
          </Tag>
        ),
    });
  return (
    <div data-testid="pick-list">
      <Table<PickLine>
        rowKey="sku"
        size="middle"
        dataSource={lines}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(line) => ({
          'data-sku': line.sku,
          style: line.sku === highlightSku ? { background: '#f6ffed' } : undefined,
        })}
        locale={{ emptyText: t('fulfilment.wave.noLines') }}
      />
    </div>
  );
}
