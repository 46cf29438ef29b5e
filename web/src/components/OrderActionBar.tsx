import {
  AuditOutlined,
  DownOutlined,
  EnvironmentOutlined,
  MergeCellsOutlined,
  PayCircleOutlined,
  SplitCellsOutlined,
  StopOutlined,
  UnlockOutlined,
  UserAddOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BlocklistKind, blocklistKinds, orderReviewApi, reviewOnlyHolds } from '../api/order-review';
import { type Order, ordersApi } from '../api/orders';
import { useAuth } from '../auth';
import { errorText } from '../errors';
import {
  AddressModal,
  MergeModal,
  PaymentModal,
  ReleaseHoldsModal,
  ReviewModal,
  SplitModal,
} from './OrderActionModals';

type Dialog = 'release' | 'review' | 'payment' | 'address' | 'merge' | 'split' | null;

// What will be shipped can change only until stock is allocated.
const editableStatuses: readonly string[] = ['pending_review', 'approved'];

/**
 * What a person may do to the order now, given its state and their permissions. Each action
 * opens its own dialog; every change comes back as the updated order.
 */
export function OrderActionBar({
  order,
  onChanged,
  onCancel,
  canCancel,
}: {
  order: Order;
  onChanged: (order?: Order) => void;
  onCancel: () => void;
  canCancel: boolean;
}) {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);

  const isOnHold = order.status === 'pending_review';
  const isEditable = editableStatuses.includes(order.status);
  const hasHighRisk = order.holds.some((code) => reviewOnlyHolds.includes(code));
  const canRelease =
    isOnHold && can('orders:review') && order.holds.some((code) => !reviewOnlyHolds.includes(code));
  const stage = order.review.stage ?? 'processor';
  const canReview =
    isOnHold && hasHighRisk && (stage === 'finance' ? can('orders:finance_review') : can('orders:review'));
  const isMine = Boolean(user && order.review.claimedBy === user.username);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      onChanged();
    } catch (failure) {
      message.error(errorText(t, failure));
    }
  };

  const block = (kind: BlocklistKind) =>
    modal.confirm({
      title: t('actions.blockConfirm', { what: t(`blocklist.kind.${kind}`) }),
      content: t('actions.blockExplain'),
      okText: t('actions.block'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        run(
          () => orderReviewApi.blocklist.add({ kind, orderId: order.id, note: order.number }),
          t('actions.blocked', { what: t(`blocklist.kind.${kind}`) }),
        ),
    });

  const blockValue: Record<BlocklistKind, string | null> = {
    phone: order.customer.phone || order.shippingAddress.phone,
    email: order.customer.email,
    name: order.customer.name,
    address: order.shippingAddress.line1,
  };

  const more: MenuProps['items'] = [];
  if (isEditable && can('orders:review')) {
    more.push({ key: 'merge', icon: <MergeCellsOutlined />, label: t('actions.merge') });
    if (order.groupId)
      more.push({ key: 'unmerge', icon: <MergeCellsOutlined />, label: t('actions.unmerge') });
    if (order.lines.length > 1)
      more.push({ key: 'split', icon: <SplitCellsOutlined />, label: t('actions.split') });
  }
  if (can('rules:manage')) {
    if (more.length) more.push({ type: 'divider' });
    for (const kind of blocklistKinds) {
      more.push({
        key: `block:${kind}`,
        icon: <StopOutlined />,
        label: t('actions.blockKind', { what: t(`blocklist.kind.${kind}`) }),
        disabled: !blockValue[kind],
      });
    }
  }
  const onMore: MenuProps['onClick'] = ({ key }) => {
    if (key === 'merge' || key === 'split') setDialog(key);
    else if (key === 'unmerge') void run(() => ordersApi.unmerge(order.id), t('actions.unmerged'));
    else if (key.startsWith('block:')) block(key.slice('block:'.length) as BlocklistKind);
  };

  const close = () => setDialog(null);
  const done = (updated: Order) => {
    setDialog(null);
    onChanged(updated);
  };

  return (
    <>
      <Space wrap data-testid="order-actions">
        {canRelease ? (
          <Button
            type="primary"
            icon={<UnlockOutlined />}
            onClick={() => setDialog('release')}
            data-testid="action-release"
          >
            {t('actions.release')}
          </Button>
        ) : null}
        {canReview ? (
          <Button
            type="primary"
            icon={<AuditOutlined />}
            onClick={() => setDialog('review')}
            data-testid="action-review"
          >
            {t('actions.review', { stage: t(`reviewStage.${stage}`) })}
          </Button>
        ) : null}
        {isOnHold && !isMine ? (
          <Button
            icon={<UserAddOutlined />}
            onClick={() => void run(() => orderReviewApi.queue.claim(order.id), t('actions.claimed'))}
            data-testid="action-claim"
          >
            {t('actions.claim')}
          </Button>
        ) : null}
        {isOnHold && isMine ? (
          <Button
            icon={<UserDeleteOutlined />}
            onClick={() => void run(() => orderReviewApi.queue.unclaim(order.id), t('actions.unclaimed'))}
            data-testid="action-unclaim"
          >
            {t('actions.unclaim')}
          </Button>
        ) : null}
        {isEditable && can('orders:write') ? (
          <>
            <Button
              icon={<PayCircleOutlined />}
              onClick={() => setDialog('payment')}
              data-testid="action-payment"
            >
              {t('actions.payment')}
            </Button>
            <Button
              icon={<EnvironmentOutlined />}
              onClick={() => setDialog('address')}
              data-testid="action-address"
            >
              {t('actions.address')}
            </Button>
          </>
        ) : null}
        {more.length ? (
          <Dropdown menu={{ items: more, onClick: onMore }} trigger={['click']}>
            <Button data-testid="action-more">
              <Space>
                {t('actions.more')}
                <DownOutlined />
              </Space>
            </Button>
          </Dropdown>
        ) : null}
        {canCancel ? (
          <Button danger icon={<StopOutlined />} onClick={onCancel} data-testid="order-cancel">
            {t('order.cancel')}
          </Button>
        ) : null}
      </Space>
      {dialog === 'release' ? <ReleaseHoldsModal order={order} onClose={close} onDone={done} /> : null}
      {dialog === 'review' ? <ReviewModal order={order} onClose={close} onDone={done} /> : null}
      {dialog === 'payment' ? <PaymentModal order={order} onClose={close} onDone={done} /> : null}
      {dialog === 'address' ? <AddressModal order={order} onClose={close} onDone={done} /> : null}
      {dialog === 'merge' ? <MergeModal order={order} onClose={close} onDone={done} /> : null}
      {dialog === 'split' ? <SplitModal order={order} onClose={close} onDone={done} /> : null}
    </>
  );
}
