import { Alert, App, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { jobDescriptionsApi } from '../../api/job-descriptions';
import { formatDateTimeSeconds } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { JobDescriptionView } from './JobDescriptionView';

/** The signed-in person's job description, with the button that acknowledges having read it. */
export function MyJobDescriptionCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = useLoader(() => jobDescriptionsApi.mine(), []);
  const description = mine.data?.jobDescription;

  async function acknowledge() {
    if (!description) return;
    try {
      mine.setData(await jobDescriptionsApi.acknowledge(description.id));
      message.success(t('staffJobs.acknowledged'));
    } catch (failure) {
      message.error(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <Card
      title={description ? `${t('staffJobs.mine')}: ${description.title}` : t('staffJobs.mine')}
      loading={mine.isLoading}
      data-testid="my-job-description"
      extra={
        description &&
        (mine.data?.acknowledgedAt ? (
          <Tag color="green" data-testid="job-description-acknowledged">
            {t('staffJobs.acknowledgedAt', { at: formatDateTimeSeconds(mine.data.acknowledgedAt) })}
          </Tag>
        ) : (
          <Button type="primary" onClick={acknowledge} data-testid="acknowledge-job-description">
            {t('staffJobs.acknowledge')}
          </Button>
        ))
      }
    >
      {description ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {!mine.data?.acknowledgedAt && (
            <Alert type="warning" showIcon message={t('staffJobs.pleaseRead')} />
          )}
          <JobDescriptionView description={description} />
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('staffJobs.noneForRole')}</Typography.Text>
      )}
    </Card>
  );
}
