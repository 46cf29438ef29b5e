import { Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { JobDescription } from '../../api/job-descriptions';
import { formatDateTimeSeconds } from '../../format';

/** One job description version: duties, workflow steps linking to their screens, standards, KPIs. */
export function JobDescriptionView({ description }: { description: JobDescription }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="job-description">
      <Typography.Text type="secondary">
        {t('staffJobs.version', { version: description.version })} ·{' '}
        {formatDateTimeSeconds(description.publishedAt)} · {description.publishedBy}
      </Typography.Text>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('staffJobs.duties')}>
          <List
            size="small"
            dataSource={description.duties}
            renderItem={(duty) => <List.Item>{duty}</List.Item>}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('staffJobs.workflow')}>
          <List
            size="small"
            dataSource={description.workflow}
            renderItem={(step, index) => (
              <List.Item>
                {index + 1}. {step.step}{' '}
                <Link to={step.screen}>
                  <Button type="link" size="small">
                    {step.screen}
                  </Button>
                </Link>
              </List.Item>
            )}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('staffJobs.standards')}>
          <List
            size="small"
            dataSource={description.standards}
            renderItem={(standard) => <List.Item>{standard}</List.Item>}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('staffJobs.kpis')}>
          {description.kpis.map((kpi) => (
            <Tag key={kpi.name}>
              {kpi.name}: {kpi.target} {kpi.unit}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}
