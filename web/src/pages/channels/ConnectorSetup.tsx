import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ConnectorKind, type ConnectorSettings, channelsApi, connectorKinds } from '../../api/channels';
import { FormModal } from '../../components/FormModal';

type SetupValues = {
  id: string;
  name: string;
  connector: ConnectorKind;
  webhookSecret?: string;
  shopUrl?: string;
  apiToken?: string;
  apiKey?: string;
  apiSecret?: string;
  pullEveryMinutes?: number;
};

/** What to do with the connector once it is saved: the URL to paste and, once, the secret. */
export type Connected = { channelId: string; webhookUrl: string; secret?: string; connector: ConnectorKind };

const webhookUrlOf = (settings: ConnectorSettings) => `${window.location.origin}${settings.webhookPath}`;
const blankToUndefined = (value?: string) => (value?.trim() ? value.trim() : undefined);

/** A channel's connector: which platform, its webhook secret and, for pulling shops, the API access. */
export function SetupModal({
  channelId,
  onClose,
  onSaved,
}: {
  channelId: string | null | undefined;
  onClose: () => void;
  onSaved: (connected: Connected) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const connector = Form.useWatch('connector', form) ?? 'none';
  const isNew = channelId === null;

  const submit = async (values: SetupValues) => {
    const settings = {
      connector: values.connector,
      webhookSecret: blankToUndefined(values.webhookSecret),
      shopUrl: blankToUndefined(values.shopUrl),
      apiToken: blankToUndefined(values.apiToken),
      apiKey: blankToUndefined(values.apiKey),
      apiSecret: blankToUndefined(values.apiSecret),
      pullEveryMinutes: values.pullEveryMinutes,
    };
    const saved = isNew
      ? (
          await channelsApi.create({
            id: values.id.trim(),
            name: values.name.trim(),
            kind: 'web',
            ...settings,
          })
        ).connector
      : await channelsApi.configure(channelId!, settings);
    onSaved({
      channelId: saved.channelId,
      webhookUrl: webhookUrlOf(saved),
      secret: saved.generatedWebhookSecret,
      connector: saved.connector,
    });
  };

  return (
    <FormModal<SetupValues>
      title={isNew ? t('integrations.addChannel') : t('integrations.setUpTitle', { channel: channelId })}
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      submit={submit}
      testId="integration-form"
      initialValues={{ connector: 'shopify', pullEveryMinutes: 15 }}
    >
      {isNew && (
        <>
          <Form.Item
            name="id"
            label={t('integrations.channelId')}
            extra={t('integrations.channelIdHint')}
            rules={[
              { required: true, message: t('common.required', { field: t('integrations.channelId') }) },
            ]}
          >
            <Input maxLength={64} data-testid="integration-id" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('integrations.channelName')}
            rules={[
              { required: true, message: t('common.required', { field: t('integrations.channelName') }) },
            ]}
          >
            <Input maxLength={100} data-testid="integration-name" />
          </Form.Item>
        </>
      )}
      <Form.Item name="connector" label={t('integrations.connector')}>
        <Select
          data-testid="integration-connector"
          options={connectorKinds.map((kind) => ({
            value: kind,
            label: t(`integrations.connectors.${kind}`),
          }))}
        />
      </Form.Item>
      {connector !== 'none' && (
        <Form.Item
          name="webhookSecret"
          label={t('integrations.webhookSecret')}
          extra={t(`integrations.secretHint.${connector}`)}
          rules={[{ min: 16, message: t('integrations.secretTooShort') }]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="integration-secret" />
        </Form.Item>
      )}
      {(connector === 'shopify' || connector === 'woocommerce') && (
        <>
          <Form.Item
            name="shopUrl"
            label={t('integrations.shopUrl')}
            extra={t(`integrations.shopUrlHint.${connector}`)}
          >
            <Input maxLength={300} placeholder="https://" data-testid="integration-shop-url" />
          </Form.Item>
          {connector === 'shopify' ? (
            <Form.Item name="apiToken" label={t('integrations.apiToken')}>
              <Input.Password maxLength={300} autoComplete="new-password" />
            </Form.Item>
          ) : (
            <Space.Compact block>
              <Form.Item name="apiKey" label={t('integrations.apiKey')} style={{ flex: 1 }}>
                <Input.Password maxLength={300} autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="apiSecret" label={t('integrations.apiSecret')} style={{ flex: 1 }}>
                <Input.Password maxLength={300} autoComplete="new-password" />
              </Form.Item>
            </Space.Compact>
          )}
          <Form.Item
            name="pullEveryMinutes"
            label={t('integrations.pullEvery')}
            extra={t('integrations.pullEveryHint')}
          >
            <InputNumber min={0} max={1440} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
/** After saving: the webhook URL to paste into the platform, and a generated secret shown once. */
export function ConnectedModal({ connected, onClose }: { connected: Connected | null; onClose: () => void }) {
  const { t } = useTranslation();
  const copyable = (text: string) => ({ text, tooltips: [t('common.copy'), t('common.copied')] });
  return (
    <Modal
      open={connected !== null}
      title={t('integrations.connectedTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="integration-done">
          {t('integrations.done')}
        </Button>
      }
    >
      {connected && connected.connector !== 'none' && (
        <>
          <Typography.Paragraph>{t(`integrations.pasteUrl.${connected.connector}`)}</Typography.Paragraph>
          <Typography.Paragraph copyable={copyable(connected.webhookUrl)}>
            <Typography.Text code data-testid="integration-webhook-url" style={{ wordBreak: 'break-all' }}>
              {connected.webhookUrl}
            </Typography.Text>
          </Typography.Paragraph>
          {(connected.connector === 'shopify' || connected.connector === 'woocommerce') && (
            <Typography.Paragraph type="secondary">
              {t('integrations.webhooks.orRegister')}
            </Typography.Paragraph>
          )}
        </>
      )}
      {connected?.secret && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('integrations.secretShownOnce')}
            style={{ marginBottom: 12 }}
          />
          <Typography.Paragraph copyable={copyable(connected.secret)}>
            <Typography.Text
              code
              data-testid="integration-generated-secret"
              style={{ wordBreak: 'break-all' }}
            >
              {connected.secret}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
