import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../api/catalog';
import { ChannelRulesCard } from '../../components/inventory/ChannelRulesCard';
import { ChannelStockPreview } from '../../components/inventory/ChannelStockPreview';
import { InventorySettingsForm } from '../../components/inventory/InventorySettingsForm';
import { InventoryToolsCard } from '../../components/inventory/InventoryToolsCard';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

export default function InventorySettingsPage() {
  const { t } = useTranslation();
  const channels = useLoader(() => catalogApi.channels.list(), []);
  const channelOptions = (channels.data?.items ?? []).map((channel) => ({
    value: channel.id,
    label: channel.name,
  }));
  usePageTitle(t('inventory.settings.title'));
  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%' }}
      data-testid="inventory-settings-page"
    >
      <InventorySettingsForm />
      {channels.error ? <Alert type="error" showIcon title={errorText(t, channels.error)} /> : null}
      <ChannelRulesCard channels={channelOptions} />
      <ChannelStockPreview channels={channelOptions} />
      <InventoryToolsCard />
    </Space>
  );
}
