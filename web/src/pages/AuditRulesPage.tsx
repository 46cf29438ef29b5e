import { Alert, Card, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderReviewApi } from '../api/order-review';
import { useAuth } from '../auth';
import { BlocklistPanel } from '../components/BlocklistPanel';
import { errorText } from '../errors';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';
import { RulesEditor } from './AuditRulesEditor';

/** The audit rules an incoming order runs through and, for managers, the blocklist. */
export default function AuditRulesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  usePageTitle(t('rules.title'));
  const data = useLoader(
    () => Promise.all([orderReviewApi.auditRules.catalog(), orderReviewApi.auditRules.active()]),
    [],
  );
  const [tab, setTab] = useState('rules');
  useEffect(() => {
    if (window.location.hash === '#blocklist') setTab('blocklist');
  }, []);

  let rulesTab = <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (data.error) rulesTab = <Alert type="error" showIcon title={errorText(t, data.error)} />;
  else if (data.data) rulesTab = <RulesEditor catalog={data.data[0].items} initial={data.data[1]} />;

  return (
    <Card title={t('rules.title')} data-testid="rules-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'rules', label: t('rules.tabRules'), children: rulesTab },
          ...(can('rules:manage')
            ? [{ key: 'blocklist', label: t('rules.tabBlocklist'), children: <BlocklistPanel /> }]
            : []),
        ]}
      />
    </Card>
  );
}
