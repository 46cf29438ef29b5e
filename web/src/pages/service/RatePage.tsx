import { Alert, Button, Card, Rate, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { serviceApi } from '../../api/service';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorText } from '../../errors';
import { usePageTitle } from '../../hooks/usePageTitle';

/** The customer rates how their complaint was resolved, from the link in the resolution mail. */
export default function RatePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [rating, setRating] = useState(0);
  const [isDone, setIsDone] = useState(false);
  const [error, setError] = useState<unknown>();
  usePageTitle(t('service.rate.title'));

  async function submit() {
    try {
      await serviceApi.complaints.rate(token, rating);
      setIsDone(true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      <Card title={t('service.rate.title')} extra={<LanguageSwitch />}>
        {isDone ? (
          <Result status="success" title={t('service.survey.thanks')} data-testid="rate-done" />
        ) : (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Text>{t('service.rate.question')}</Typography.Text>
            <Rate value={rating} onChange={setRating} style={{ fontSize: 36 }} />
            {error ? <Alert type="error" showIcon title={errorText(t, error)} /> : null}
            <Button type="primary" size="large" block disabled={rating === 0} onClick={submit}>
              {t('service.survey.submit')}
            </Button>
          </Space>
        )}
      </Card>
    </div>
  );
}
