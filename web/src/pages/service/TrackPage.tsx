import { Alert, Button, Card, Empty, Form, Input, List, Space, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { notificationsApi, type OrderLookup } from '../../api/notifications';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { usePageTitle } from '../../hooks/usePageTitle';
import { TrackComplaint } from './TrackComplaint';

/**
 * The customer's own order page, public and phone-sized: number (or the shop's order id) and
 * the phone or e-mail on the order. Below the order the customer can file a complaint about it;
 * `actions` replaces that with other buttons.
 */
export default function TrackPage({ actions }: { actions?: (order: OrderLookup) => ReactNode }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ number: string; contact: string }>();
  const [order, setOrder] = useState<OrderLookup | null>(null);
  const [proof, setProof] = useState({ number: '', contact: '' });
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(false);
  usePageTitle(t('notify.track.title'));

  const lookUp = async ({ number, contact }: { number: string; contact: string }) => {
    setIsLoading(true);
    setError(null);
    try {
      setOrder(await notificationsApi.lookup(number.trim(), contact.trim()));
      setProof({ number: number.trim(), contact: contact.trim() });
    } catch (failure) {
      setOrder(null);
      setError(failure);
    } finally {
      setIsLoading(false);
    }
  };
  const code = error instanceof ApiError ? error.code : null;

  return (
    <div style={{ maxWidth: 520, margin: '0 auto', padding: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('notify.track.title')}
        </Typography.Title>
        <LanguageSwitch />
      </Space>
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ number: params.get('number') ?? '', contact: '' }}
          onFinish={lookUp}
          requiredMark={false}
        >
          <Form.Item
            name="number"
            label={t('notify.track.number')}
            extra={t('notify.track.numberHelp')}
            rules={[{ required: true, whitespace: true, message: t('notify.track.required') }]}
          >
            <Input size="large" autoComplete="off" data-testid="track-number" />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('notify.track.contact')}
            extra={t('notify.track.contactHelp')}
            rules={[{ required: true, whitespace: true, message: t('notify.track.required') }]}
          >
            <Input size="large" autoComplete="tel" data-testid="track-contact" />
          </Form.Item>
          <Button
            type="primary"
            size="large"
            htmlType="submit"
            block
            loading={isLoading}
            data-testid="track-submit"
          >
            {t('notify.track.submit')}
          </Button>
        </Form>
      </Card>
      {error !== null && (
        <Alert
          style={{ marginTop: 16 }}
          type={code === 'NOT_FOUND' ? 'warning' : 'error'}
          showIcon
          data-testid="track-error"
          title={
            code === 'NOT_FOUND'
              ? t('notify.track.notFound')
              : code === 'RATE_LIMITED'
                ? t('notify.track.rateLimited')
                : errorText(t, error)
          }
        />
      )}
      {order && (
        <Card style={{ marginTop: 16 }} data-testid="track-result">
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Space wrap>
              <Typography.Text strong data-testid="track-order-number">
                {order.number}
              </Typography.Text>
              <Tag color="blue" data-testid="track-status">
                {t(`status.${order.status}`)}
              </Tag>
            </Space>
            <div>
              <Typography.Title level={5}>{t('notify.track.parcels')}</Typography.Title>
              {order.shipments.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.track.noParcels')} />
              ) : (
                <List
                  size="small"
                  dataSource={order.shipments}
                  data-testid="track-shipments"
                  renderItem={(s) => (
                    <List.Item>
                      <Space orientation="vertical" size={0}>
                        <Typography.Text>{s.carrier}</Typography.Text>
                        <Typography.Text copyable code>
                          {s.trackingNumber}
                        </Typography.Text>
                      </Space>
                      <Tag>{t(`notify.shipmentStatus.${s.status}`, { defaultValue: s.status })}</Tag>
                    </List.Item>
                  )}
                />
              )}
            </div>
            <div>
              <Typography.Title level={5}>{t('notify.track.history')}</Typography.Title>
              <Timeline
                data-testid="track-history"
                items={[...order.events].reverse().map((e, i) => ({
                  key: `${e.status}-${i}`,
                  content: (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>{t(`status.${e.status}`)}</Typography.Text>
                      <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                    </Space>
                  ),
                }))}
              />
            </div>
            <div data-testid="track-actions">
              {actions ? actions(order) : <TrackComplaint key={proof.number} {...proof} />}
            </div>
          </Space>
        </Card>
      )}
    </div>
  );
}
