import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type SystemStatus, systemApi } from '../api/system';
import { useAuth } from '../auth';

/**
 * A warning on every page while no SMTP server is configured: customer and low-stock mails are
 * not sent, and nothing else in the console would say so. Checked every five minutes.
 */
export function MailWarning() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [status, setStatus] = useState<SystemStatus | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const load = () =>
      systemApi
        .status()
        .then((result) => isCurrent && setStatus(result))
        .catch(() => {});
    void load();
    const timer = setInterval(load, 5 * 60_000);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, []);
  if (!status || status.mail.isConfigured) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      style={{ marginBottom: 16 }}
      title={
        status.mail.undeliverable > 0
          ? t('system.mailNotConfigured', { count: status.mail.undeliverable })
          : t('system.mailNotConfiguredNone')
      }
      description={t('system.mailNotConfiguredHelp')}
      action={
        can('system:read') ? (
          <Link to="/admin/outbox?status=undeliverable">{t('system.showUnsent')}</Link>
        ) : undefined
      }
      data-testid="mail-warning"
    />
  );
}
