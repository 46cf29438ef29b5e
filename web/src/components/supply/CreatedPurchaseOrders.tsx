import { Alert, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PurchaseOrder } from '../../api/supply';
import { formatCost } from './format';

/** What "create purchase orders" made: one draft per supplier, each a link to review and send it. */
export function CreatedPurchaseOrders({ orders, onClose }: { orders: PurchaseOrder[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={t('supply.replenishment.created', { count: orders.length })}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('supply.replenishment.createdHint')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={orders}
            data-testid="created-purchase-orders"
            renderItem={(order) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/inventory/purchase-orders/${order.id}`} data-testid="created-po-link">
                    {order.number}
                  </Link>
                  <Typography.Text>
                    {order.supplier.name} · {order.warehouse} ·{' '}
                    {t('supply.purchaseOrders.lineCount', { count: order.lines.length })} ·{' '}
                    {formatCost(order.total)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
