import { CloseCircleOutlined, FilePdfOutlined, InboxOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type PurchaseOrder, type PurchaseOrderStatus, supplyApi } from '../../api/supply';
import { useAuth } from '../../auth';
import { DetailHeading } from '../../components/DetailHeading';
import { isNotFound, NotFoundResult } from '../../components/NotFoundResult';
import { ConfirmModal } from '../../components/supply/ConfirmModal';
import { formatCost, formatDay } from '../../components/supply/format';
import { PurchaseOrderLinesCard } from '../../components/supply/PurchaseOrderLinesCard';
import { ReceiveModal } from '../../components/supply/ReceiveModal';
import { OverdueTag, PurchaseOrderStatusTag } from '../../components/supply/SupplyTags';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

type Dialog = 'send' | 'cancel' | 'receive' | null;

const receivable: readonly PurchaseOrderStatus[] = ['sent', 'partly_received'];
// Cancelling a partly received PO closes what is still outstanding; what arrived stays in stock.
const cancellable: readonly PurchaseOrderStatus[] = ['draft', 'sent', 'partly_received'];

function Facts({ order }: { order: PurchaseOrder }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'supplier',
            label: t('supply.common.supplier'),
            children: `${order.supplier.code} · ${order.supplier.name}`,
          },
          { key: 'warehouse', label: t('supply.common.warehouse'), children: order.warehouse },
          {
            key: 'due',
            label: t('supply.purchaseOrders.dueAt'),
            children: order.isOverdue ? (
              <Typography.Text type="danger">{formatDay(order.dueAt)}</Typography.Text>
            ) : (
              formatDay(order.dueAt)
            ),
          },
          { key: 'owner', label: t('supply.purchaseOrders.owner'), children: order.ownerName ?? '—' },
          { key: 'created', label: t('common.createdAt'), children: formatDateTime(order.createdAt) },
          { key: 'sent', label: t('supply.purchaseOrders.sentAt'), children: formatDateTime(order.sentAt) },
          {
            key: 'closed',
            label: t('supply.purchaseOrders.closedAt'),
            children: formatDateTime(order.closedAt),
          },
          { key: 'note', label: t('supply.common.note'), span: 2, children: order.note || '—' },
        ]}
      />
    </Card>
  );
}

export default function PurchaseOrderDetailPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const loader = useLoader(() => supplyApi.purchaseOrders.get(id), [id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const order = loader.data;
  usePageTitle(
    order
      ? t('supply.purchaseOrders.detailTitle', { number: order.number })
      : t('supply.purchaseOrders.title'),
  );

  if (loader.error) {
    if (isNotFound(loader.error)) {
      return (
        <NotFoundResult
          title={t('supply.purchaseOrders.notFound')}
          backTo="/inventory/purchase-orders"
          backLabel={t('supply.purchaseOrders.backToList')}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(t, loader.error)} />;
  }
  if (!order) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const changed = (updated: PurchaseOrder, text: string) => {
    loader.setData(updated);
    setDialog(null);
    message.success(text);
  };
  const canManage = can('inventory:manage');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="po-detail">
      <Card>
        <DetailHeading
          backTo="/inventory/purchase-orders"
          backLabel={t('supply.purchaseOrders.backToList')}
          title={order.number}
          titleTestId="po-number"
          tags={
            <>
              <PurchaseOrderStatusTag status={order.status} />
              {order.isOverdue ? <OverdueTag /> : null}
              <Typography.Text type="secondary">{formatCost(order.total)}</Typography.Text>
            </>
          }
          actions={
            <Space wrap>
              <Button
                icon={<FilePdfOutlined />}
                href={supplyApi.purchaseOrders.pdfUrl(order.id)}
                target="_blank"
                rel="noopener"
                data-testid="po-pdf"
              >
                {t('supply.purchaseOrders.pdf')}
              </Button>
              {canManage && order.status === 'draft' ? (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  onClick={() => setDialog('send')}
                  data-testid="po-send"
                >
                  {t('supply.purchaseOrders.send')}
                </Button>
              ) : null}
              {can('inventory:write') && receivable.includes(order.status) ? (
                <Button
                  type="primary"
                  icon={<InboxOutlined />}
                  onClick={() => setDialog('receive')}
                  data-testid="po-receive"
                >
                  {t('supply.purchaseOrders.receive')}
                </Button>
              ) : null}
              {canManage && cancellable.includes(order.status) ? (
                <Button
                  danger
                  icon={<CloseCircleOutlined />}
                  onClick={() => setDialog('cancel')}
                  data-testid="po-cancel"
                >
                  {t('supply.purchaseOrders.cancel')}
                </Button>
              ) : null}
            </Space>
          }
        />
      </Card>
      <Facts order={order} />
      <PurchaseOrderLinesCard
        key={order.status}
        order={order}
        onSaved={canManage ? (saved) => loader.setData(saved) : undefined}
      />
      {dialog === 'send' ? (
        <ConfirmModal
          title={t('supply.purchaseOrders.sendTitle', { number: order.number })}
          text={t('supply.purchaseOrders.sendText', { supplier: order.supplier.name })}
          okText={t('supply.purchaseOrders.send')}
          testId="po-send-confirm"
          onClose={() => setDialog(null)}
          onConfirm={async () =>
            changed(
              await supplyApi.purchaseOrders.send(order.id),
              t('supply.purchaseOrders.sent', { number: order.number }),
            )
          }
        />
      ) : null}
      {dialog === 'cancel' ? (
        <ConfirmModal
          title={t('supply.purchaseOrders.cancelTitle', { number: order.number })}
          text={t('supply.purchaseOrders.cancelText')}
          okText={t('supply.purchaseOrders.cancel')}
          isDanger
          testId="po-cancel-confirm"
          onClose={() => setDialog(null)}
          onConfirm={async () =>
            changed(
              await supplyApi.purchaseOrders.cancel(order.id),
              t('supply.purchaseOrders.cancelled', { number: order.number }),
            )
          }
        />
      ) : null}
      {dialog === 'receive' ? (
        <ReceiveModal
          order={order}
          onClose={() => setDialog(null)}
          onReceived={(updated) => {
            loader.setData(updated);
            setDialog(null);
          }}
        />
      ) : null}
    </Space>
  );
}
