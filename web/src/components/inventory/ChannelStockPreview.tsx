import { Card, Empty, Input, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import { type ChannelStock, inventoryApi } from '../../api/inventory';
import { useExplain } from '../../explain';
import { useCursorList } from '../../hooks/useCursorList';
import { CursorTable } from '../CursorTable';
import type { ChannelOption } from './ChannelRulesCard';
import { formatQuantity } from './numbers';
import { SkuCell } from './StockTags';

const noPage: Page<ChannelStock> = { items: [], nextCursor: null };

/** What one channel would be told it may sell, SKU by SKU, under the rules as they stand. */
export function ChannelStockPreview({ channels }: { channels: ChannelOption[] }) {
  const { t } = useTranslation();
  const explain = useExplain();
  const [channel, setChannel] = useState<string>();
  const [q, setQ] = useState('');
  const list = useCursorList(
    (page) =>
      channel
        ? inventoryApi.channelStock.list({ ...page, channel, q: q || undefined })
        : Promise.resolve(noPage),
    [channel, q],
    20,
  );
  const columns: ColumnsType<ChannelStock> = [
    {
      title: t('inventory.common.sku'),
      dataIndex: 'sku',
      render: (code: string, row) => <SkuCell code={code} name={row.skuName} />,
    },
    {
      title: t('inventory.common.available'),
      dataIndex: 'available',
      align: 'right',
      render: formatQuantity,
    },
    {
      title: t('inventory.rules.availableToSell'),
      dataIndex: 'availableToSell',
      align: 'right',
      render: (value: number) => <Typography.Text strong>{formatQuantity(value)}</Typography.Text>,
    },
    {
      title: t('inventory.rules.appliedRule'),
      dataIndex: 'rule',
      render: (rule: string, row) => (
        <Typography.Text type="secondary">{explain(row.ruleExplanation, rule)}</Typography.Text>
      ),
    },
  ];
  return (
    <Card title={t('inventory.rules.previewTitle')} data-testid="ats-preview">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          value={channel}
          onChange={setChannel}
          options={channels}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('inventory.rules.chooseChannel')}
          style={{ width: 240 }}
          data-testid="ats-channel"
        />
        <Input.Search
          allowClear
          disabled={!channel}
          placeholder={t('inventory.stock.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 280 }}
        />
      </Space>
      <CursorTable<ChannelStock>
        list={list}
        testId="ats-table"
        rowKey="sku"
        size="small"
        columns={columns}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={channel ? t('inventory.rules.previewEmpty') : t('inventory.rules.previewPick')}
            />
          ),
        }}
      />
    </Card>
  );
}
