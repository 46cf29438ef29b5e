import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorText } from '../errors';
import { usePageTitle } from '../hooks/usePageTitle';

type Credentials = { username: string; password: string };

/** Only same-site paths are followed after login, never an absolute URL from the query string. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  usePageTitle(t('auth.title'));

  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async ({ username, password }: Credentials) => {
    setIsSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (failure) {
      setError(failure);
      setIsSubmitting(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#f0f2f5' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
        <LanguageSwitch />
      </div>
      <div
        style={{
          flex: 1,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          paddingBottom: '10vh',
        }}
      >
        <Card style={{ width: 380 }}>
          <Space
            orientation="vertical"
            size="small"
            style={{ width: '100%', marginBottom: 24, textAlign: 'center' }}
          >
            <Typography.Title level={2} style={{ margin: 0 }}>
              Ordo
            </Typography.Title>
            <Typography.Text type="secondary">{t('auth.tagline')}</Typography.Text>
          </Space>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={errorText(t, error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          ) : null}
          <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} disabled={isSubmitting}>
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="login-submit">
              {t('auth.login')}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}
