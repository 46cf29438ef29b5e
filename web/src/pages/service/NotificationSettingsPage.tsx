import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  channelsOf,
  complaintMailEvents,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationSettings,
  type NotificationSettingsInput,
  notificationChannels,
  notificationEvents,
  notificationsApi,
} from '../../api/notifications';
import { useAuth } from '../../auth';
import { errorText, showFieldErrors } from '../../errors';
import { useChannelNames } from '../../hooks/useChannelNames';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

type Switches = NotificationSettings['events'];
type FormValues = Omit<NotificationSettingsInput, 'events' | 'shops'> & {
  sms: { url: string | null; token?: string | null };
  webhook: { url: string | null; secret?: string | null };
};

/** The switch matrix: events down, channels across; for a shop, what it changes of the defaults. */
function SwitchMatrix({
  value,
  defaults,
  onChange,
  isReadOnly,
}: {
  value: Switches;
  defaults?: Switches;
  onChange: (next: Switches) => void;
  isReadOnly: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<{ event: NotificationEvent }>
      size="small"
      pagination={false}
      rowKey="event"
      data-testid="notify-switches"
      dataSource={notificationEvents.map((event) => ({ event }))}
      columns={[
        { title: t('notify.event'), dataIndex: 'event', render: (event) => t(`notify.events.${event}`) },
        ...notificationChannels.map((channel: NotificationChannel) => ({
          title: t(`notify.channels.${channel}`),
          key: channel,
          render: (_: unknown, { event }: { event: NotificationEvent }) => {
            if (!channelsOf(event).includes(channel)) return '—';
            // The complaint's own mails always go: they carry the conversation and its reply token.
            if (channel === 'email' && complaintMailEvents.includes(event))
              return (
                <Tooltip title={t('notify.settings.complaintMail')}>
                  <Switch size="small" disabled checked data-testid={`switch-${event}-${channel}`} />
                </Tooltip>
              );
            return (
              <Switch
                size="small"
                disabled={isReadOnly}
                checked={value[event]?.[channel] ?? defaults?.[event]?.[channel] ?? false}
                data-testid={`switch-${event}-${channel}`}
                onChange={(on) => onChange({ ...value, [event]: { ...value[event], [channel]: on } })}
              />
            );
          },
        })),
      ]}
    />
  );
}

export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const isReadOnly = !can('service:manage');
  const loaded = useLoader(() => notificationsApi.settings.get(), []);
  const { names } = useChannelNames();
  const [form] = Form.useForm<FormValues>();
  const [events, setEvents] = useState<Switches | null>(null);
  const [shops, setShops] = useState<NotificationSettings['shops']>({});
  const [shop, setShop] = useState<string>('');
  const [isSaving, setIsSaving] = useState(false);
  usePageTitle(t('notify.settings.title'));

  useEffect(() => {
    const s = loaded.data;
    if (!s) return;
    setEvents(s.events);
    setShops(s.shops);
    form.setFieldsValue({
      quietHours: s.quietHours,
      returnWindowDays: s.returnWindowDays,
      sms: { url: s.sms.url, token: undefined },
      webhook: { url: s.webhook.url, secret: undefined },
      replyAddress: s.replyAddress ?? '',
    });
  }, [loaded.data, form]);

  const save = async (values: FormValues) => {
    if (!events) return;
    setIsSaving(true);
    try {
      const saved = await notificationsApi.settings.save({
        ...values,
        events,
        shops,
        sms: { url: values.sms.url || null, ...(values.sms.token ? { token: values.sms.token } : {}) },
        webhook: {
          url: values.webhook.url || null,
          ...(values.webhook.secret ? { secret: values.webhook.secret } : {}),
        },
        replyAddress: values.replyAddress?.trim() || null,
      });
      loaded.setData(saved);
      message.success(t('notify.settings.saved'));
    } catch (failure) {
      showFieldErrors(form, t, failure);
      message.error(errorText(t, failure));
    } finally {
      setIsSaving(false);
    }
  };

  const data = loaded.data;
  return (
    <Card title={t('notify.settings.title')} loading={!data || !events}>
      {data && events && (
        <Form form={form} layout="vertical" onFinish={save} disabled={isReadOnly}>
          {!data.isEmailConfigured && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('notify.settings.noSmtp')} />
          )}
          <Typography.Title level={5}>{t('notify.settings.switches')}</Typography.Title>
          <Space style={{ marginBottom: 8 }} wrap>
            <Typography.Text>{t('notify.settings.shop')}</Typography.Text>
            <Select
              style={{ minWidth: 220 }}
              value={shop}
              onChange={setShop}
              data-testid="notify-shop"
              options={[
                { value: '', label: t('notify.settings.allShops') },
                ...[...names].map(([id, name]) => ({ value: id, label: name })),
              ]}
            />
          </Space>
          {shop === '' ? (
            <SwitchMatrix value={events} onChange={setEvents} isReadOnly={isReadOnly} />
          ) : (
            <SwitchMatrix
              value={(shops[shop] ?? {}) as Switches}
              defaults={events}
              onChange={(next) => setShops({ ...shops, [shop]: next })}
              isReadOnly={isReadOnly}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('notify.settings.quietHours')}
          </Typography.Title>
          <Space wrap align="start">
            <Form.Item
              name={['quietHours', 'isEnabled']}
              label={t('notify.settings.quietOn')}
              valuePropName="checked"
            >
              <Switch data-testid="quiet-on" />
            </Form.Item>
            <Form.Item name={['quietHours', 'start']} label={t('notify.settings.quietStart')}>
              <Input style={{ width: 90 }} placeholder="21:00" />
            </Form.Item>
            <Form.Item name={['quietHours', 'end']} label={t('notify.settings.quietEnd')}>
              <Input style={{ width: 90 }} placeholder="08:00" />
            </Form.Item>
            <Form.Item name={['quietHours', 'timeZone']} label={t('notify.settings.timeZone')}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name={['quietHours', 'deferredChannels']} label={t('notify.settings.deferred')}>
              <Checkbox.Group
                options={notificationChannels.map((c) => ({ value: c, label: t(`notify.channels.${c}`) }))}
              />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t('notify.settings.sms')}</Typography.Title>
          <Space wrap align="start">
            <Form.Item name={['sms', 'url']} label={t('notify.settings.gatewayUrl')}>
              <Input style={{ width: 360 }} placeholder="https://sms.example/send" />
            </Form.Item>
            <Form.Item name={['sms', 'token']} label={t('notify.settings.token')}>
              <Input.Password
                style={{ width: 240 }}
                placeholder={data.sms.hasToken ? t('notify.settings.keep') : ''}
                autoComplete="new-password"
              />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t('notify.settings.webhook')}</Typography.Title>
          <Space wrap align="start">
            <Form.Item name={['webhook', 'url']} label={t('notify.settings.webhookUrl')}>
              <Input style={{ width: 360 }} placeholder="https://crm.example/ordo" />
            </Form.Item>
            <Form.Item
              name={['webhook', 'secret']}
              label={t('notify.settings.secret')}
              extra={t('notify.settings.secretHelp')}
            >
              <Input.Password
                style={{ width: 240 }}
                placeholder={data.webhook.hasSecret ? t('notify.settings.keep') : ''}
                autoComplete="new-password"
              />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t('notify.settings.complaintReplies')}</Typography.Title>
          <Form.Item
            name="replyAddress"
            label={t('notify.settings.replyAddress')}
            extra={t('notify.settings.replyAddressHelp')}
          >
            <Input style={{ width: 360 }} placeholder="service@shop.example" data-testid="reply-address" />
          </Form.Item>
          <Form.Item
            name="returnWindowDays"
            label={t('notify.settings.returnWindow')}
            extra={t('notify.settings.returnWindowHelp')}
          >
            <InputNumber min={0} max={365} />
          </Form.Item>
          {!isReadOnly && (
            <Button type="primary" htmlType="submit" loading={isSaving} data-testid="notify-save">
              {t('common.save')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
