import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedCarrier } from '../../api/fulfilment';

/** The tracking signing secret is shown once, like an API key: only the carrier's pushes use it. */
export function CarrierSecretModal({
  carrier,
  onClose,
}: {
  carrier: CreatedCarrier | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={carrier !== null}
      title={t('fulfilment.carriers.secretTitle', { name: carrier?.name ?? '' })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="carrier-secret-done">
          {t('fulfilment.carriers.secretDone')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        title={t('fulfilment.carriers.secretOnce')}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph>
        {t('fulfilment.carriers.secretUse', { code: carrier?.code ?? '' })}
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: carrier?.trackingSecret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
      >
        <Typography.Text code data-testid="carrier-secret" style={{ wordBreak: 'break-all' }}>
          {carrier?.trackingSecret}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
