import { CheckCircleFilled } from '@ant-design/icons';
import { Progress, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { percentOf } from '../supply/format';
import type { PackingItem, ScannedCounts } from './packing-session';

/** What goes in the parcel and how much of it is scanned; a finished line turns green. */
export function PackingItems({ items, counts }: { items: PackingItem[]; counts: ScannedCounts }) {
  const { t } = useTranslation();
  return (
    <div data-testid="packing-items">
      <Table<PackingItem>
        rowKey="sku"
        size="middle"
        pagination={false}
        dataSource={items}
        onRow={(item) => ({
          style: (counts[item.sku] ?? 0) >= item.quantity ? { background: '#f6ffed' } : undefined,
        })}
        columns={[
          {
            title: t('fulfilment.common.sku'),
            dataIndex: 'sku',
            render: (sku: string, item) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text code style={{ fontSize: 16 }}>
                  {sku}
                </Typography.Text>
                {item.barcode ? <Typography.Text type="secondary">{item.barcode}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: t('fulfilment.common.skuName'), dataIndex: 'name' },
          {
            title: t('fulfilment.packing.scanned'),
            key: 'scanned',
            width: 220,
            render: (_, item) => {
              const scanned = counts[item.sku] ?? 0;
              return (
                <Space data-testid="packing-item" data-sku={item.sku} data-scanned={scanned}>
                  <Typography.Text strong style={{ fontSize: 20 }}>
                    {scanned} / {item.quantity}
                  </Typography.Text>
                  {scanned >= item.quantity ? (
                    <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
                  ) : (
                    <Progress
                      type="circle"
                      size={24}
                      percent={percentOf(scanned, item.quantity)}
                      showInfo={false}
                    />
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </div>
  );
}
