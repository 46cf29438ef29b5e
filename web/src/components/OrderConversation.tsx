import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NoteInput, type OrderNote, orderReviewApi } from '../api/order-review';
import type { Order } from '../api/orders';
import { useAuth } from '../auth';
import { errorText, showFieldErrors } from '../errors';
import { formatDateTime } from '../format';
import { useLoader } from '../hooks/useLoader';

type Direction = NoteInput['direction'];

const directionColors: Record<string, string> = {
  internal: 'default',
  to_customer: 'blue',
  from_customer: 'green',
};

function NoteItem({ note }: { note: OrderNote }) {
  const { t } = useTranslation();
  return (
    <div
      data-testid="note"
      data-direction={note.direction}
      style={{
        padding: '8px 12px',
        borderRadius: 8,
        background: note.direction === 'internal' ? '#fafafa' : '#f0f5ff',
        marginLeft: note.direction === 'from_customer' ? 0 : 24,
        marginRight: note.direction === 'from_customer' ? 24 : 0,
      }}
    >
      <Space size={8} wrap>
        <Tag color={directionColors[note.direction] ?? 'default'}>
          {t(`conversation.direction.${note.direction}`, { defaultValue: note.direction })}
        </Tag>
        <Typography.Text strong>{note.author}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(note.at)}</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
        {note.body}
      </Typography.Paragraph>
    </div>
  );
}

/** The order's conversation: internal notes and messages to the customer (which are mailed). */
export function OrderConversation({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const notes = useLoader(() => orderReviewApi.notes.list(order.id), [order.id]);
  const [form] = Form.useForm<{ body: string }>();
  const [direction, setDirection] = useState<Direction>('internal');
  const [error, setError] = useState<unknown>(null);
  const [isSending, setIsSending] = useState(false);
  const email = order.customer.email;

  const send = async ({ body }: { body: string }) => {
    setIsSending(true);
    setError(null);
    try {
      await orderReviewApi.notes.add(order.id, { direction, body: body.trim() });
      message.success(
        direction === 'to_customer' ? t('conversation.sentToCustomer') : t('conversation.added'),
      );
      form.resetFields();
      notes.reload();
      onChanged();
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
    } finally {
      setIsSending(false);
    }
  };

  const items = notes.data?.items ?? [];
  return (
    <Card title={t('conversation.title')} data-testid="conversation">
      {notes.error ? <Alert type="error" showIcon title={errorText(t, notes.error)} /> : null}
      {items.length === 0 && !notes.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conversation.empty')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="notes">
          {items.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </Space>
      )}
      {can('orders:write') ? (
        <Form form={form} onFinish={send} style={{ marginTop: 16 }} data-testid="note-form">
          <Segmented<Direction>
            value={direction}
            onChange={setDirection}
            options={[
              { value: 'internal', label: t('conversation.direction.internal') },
              { value: 'to_customer', label: t('conversation.direction.to_customer') },
            ]}
            style={{ marginBottom: 8 }}
            data-testid="note-direction"
          />
          {direction === 'to_customer' ? (
            <Typography.Paragraph type={email ? 'secondary' : 'warning'} style={{ marginBottom: 8 }}>
              {email ? t('conversation.mailedTo', { email }) : t('conversation.noEmail')}
            </Typography.Paragraph>
          ) : null}
          {error ? (
            <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 8 }} />
          ) : null}
          <Form.Item
            name="body"
            rules={[{ required: true, whitespace: true, message: t('conversation.bodyRequired') }]}
            style={{ marginBottom: 8 }}
          >
            <Input.TextArea
              rows={3}
              maxLength={4000}
              placeholder={
                direction === 'to_customer'
                  ? t('conversation.placeholderCustomer')
                  : t('conversation.placeholder')
              }
              data-testid="note-body"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SendOutlined />}
            loading={isSending}
            data-testid="note-send"
          >
            {direction === 'to_customer' ? t('conversation.send') : t('conversation.add')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
