import { Alert, Button, Card, Checkbox, Input, Rate, Result, Slider, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { serviceApi } from '../../api/service';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { changeLanguage, currentLanguage } from '../../i18n';

const problems = ['late', 'damaged', 'wrong_item', 'missing_item', 'quality', 'service', 'other'] as const;

/** The customer's survey from a mail link: one column, thumb-sized controls, both languages. */
export default function SurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const survey = useLoader(() => serviceApi.surveys.view(token), [token]);
  const [csat, setCsat] = useState(0);
  const [nps, setNps] = useState(8);
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  const [isDone, setIsDone] = useState(false);
  const [error, setError] = useState<unknown>();
  usePageTitle(t('service.survey.title'));
  // The order's language the first time, unless the customer chose one already.
  useEffect(() => {
    if (survey.data && !localStorage.getItem('ordo.lang') && survey.data.language !== currentLanguage()) {
      void changeLanguage(survey.data.language);
    }
  }, [survey.data]);

  async function submit() {
    try {
      await serviceApi.surveys.answer(token, {
        csat,
        nps,
        comment,
        problems: checked as (typeof problems)[number][],
      });
      setIsDone(true);
    } catch (e) {
      setError(e);
    }
  }

  const body = survey.error ? (
    <Result status="error" title={t('service.survey.invalid')} subTitle={errorText(t, survey.error)} />
  ) : !survey.data ? (
    <Spin />
  ) : isDone || survey.data.isAnswered ? (
    <Result status="success" title={t('service.survey.thanks')} data-testid="survey-done" />
  ) : (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Text>{t('service.survey.order', { number: survey.data.orderNumber })}</Typography.Text>
      <div>
        <Typography.Title level={5}>{t('service.survey.csat')}</Typography.Title>
        <Rate value={csat} onChange={setCsat} style={{ fontSize: 36 }} />
      </div>
      <div>
        <Typography.Title level={5}>{t('service.survey.nps')}</Typography.Title>
        <Slider min={0} max={10} value={nps} onChange={setNps} marks={{ 0: '0', 5: '5', 10: '10' }} />
      </div>
      <div>
        <Typography.Title level={5}>{t('service.survey.problems')}</Typography.Title>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          value={checked}
          onChange={(values) => setChecked(values as string[])}
          options={problems.map((p) => ({ value: p, label: t(`service.problem.${p}`) }))}
        />
      </div>
      <Input.TextArea
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('service.survey.comment')}
      />
      {error ? <Alert type="error" showIcon title={errorText(t, error)} /> : null}
      <Button type="primary" size="large" block disabled={csat === 0} onClick={submit}>
        {t('service.survey.submit')}
      </Button>
    </Space>
  );
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      <Card title={t('service.survey.title')} extra={<LanguageSwitch />}>
        {body}
      </Card>
    </div>
  );
}
