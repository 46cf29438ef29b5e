import { Alert, Button, Card, Divider, Form, Input, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { type AddressFix, type AddressInput, orderReviewApi } from '../api/order-review';
import { AddressFields, trimAddress } from '../components/AddressFields';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorText, fieldErrors, showFieldErrors } from '../errors';
import { useExplain } from '../explain';
import { formatDateTime } from '../format';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

/** Why a link cannot be used, in words a customer understands. */
function LinkRefused({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : '';
  const isExpired = code === 'LINK_EXPIRED';
  const isInvalid = code === 'INVALID_LINK' || code === 'NOT_FOUND' || code === 'VALIDATION_FAILED';
  return (
    <Result
      status={isExpired ? 'warning' : 'error'}
      title={
        isExpired
          ? t('addressFix.expiredTitle')
          : isInvalid
            ? t('addressFix.invalidTitle')
            : t('addressFix.failedTitle')
      }
      subTitle={
        isExpired
          ? t('addressFix.expiredText')
          : isInvalid
            ? t('addressFix.invalidText')
            : errorText(t, error)
      }
      data-testid="address-fix-refused"
      data-code={code}
    />
  );
}

/** The shop's messages and the customer's answers, with a box to write one more. */
function Conversation({
  token,
  fix,
  onChanged,
}: {
  token: string;
  fix: AddressFix;
  onChanged: (fix: AddressFix) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string }>();
  const [error, setError] = useState<unknown>(null);
  const [isSending, setIsSending] = useState(false);
  const [isSent, setIsSent] = useState(false);
  const messages = fix.messages ?? [];
  const send = async ({ body }: { body: string }) => {
    setIsSending(true);
    setError(null);
    setIsSent(false);
    try {
      onChanged(await orderReviewApi.publicLinks.sendMessage(token, body.trim()));
      form.resetFields();
      setIsSent(true);
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
    } finally {
      setIsSending(false);
    }
  };
  return (
    <div data-testid="address-fix-conversation">
      <Typography.Title level={5}>{t('addressFix.messages')}</Typography.Title>
      {messages.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('addressFix.noMessages')}</Typography.Paragraph>
      ) : (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          {messages.map((message) => (
            <div
              key={`${message.at}-${message.direction}`}
              data-testid="address-fix-message"
              data-direction={message.direction}
              style={{
                padding: '8px 12px',
                borderRadius: 8,
                background: message.direction === 'from_customer' ? '#f0f5ff' : '#fafafa',
                marginLeft: message.direction === 'from_customer' ? 48 : 0,
                marginRight: message.direction === 'from_customer' ? 0 : 48,
              }}
            >
              <Typography.Text type="secondary">
                {message.direction === 'from_customer' ? t('addressFix.fromYou') : t('addressFix.fromShop')}
                {' · '}
                {formatDateTime(message.at)}
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {message.body}
              </Typography.Paragraph>
            </div>
          ))}
        </Space>
      )}
      {error ? <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 8 }} /> : null}
      {isSent ? (
        <Alert
          type="success"
          showIcon
          title={t('addressFix.sent')}
          style={{ marginBottom: 8 }}
          data-testid="address-fix-sent"
        />
      ) : null}
      <Form form={form} onFinish={send} data-testid="address-fix-message-form">
        <Form.Item
          name="body"
          rules={[{ required: true, whitespace: true, message: t('addressFix.messageRequired') }]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            rows={3}
            maxLength={4000}
            placeholder={t('addressFix.messagePlaceholder')}
            data-testid="address-fix-message-body"
          />
        </Form.Item>
        <Button htmlType="submit" loading={isSending} data-testid="address-fix-message-send">
          {t('addressFix.send')}
        </Button>
      </Form>
    </div>
  );
}

function FixForm({
  token,
  fix,
  onFixed,
}: {
  token: string;
  fix: AddressFix;
  onFixed: (fix: AddressFix) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ shippingAddress: AddressInput }>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async ({ shippingAddress }: { shippingAddress: AddressInput }) => {
    setIsSaving(true);
    setError(null);
    try {
      onFixed(await orderReviewApi.publicLinks.submitAddressFix(token, trimAddress(shippingAddress)));
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
      setIsSaving(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ shippingAddress: fix.shippingAddress }}
      onFinish={submit}
      disabled={isSaving}
      data-testid="address-fix-form"
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, error)}
          description={
            fieldErrors(t, error).length
              ? t('addressFix.checkFields')
              : error instanceof ApiError
                ? error.message
                : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid="address-fix-error"
        />
      ) : null}
      <AddressFields />
      <Button
        type="primary"
        htmlType="submit"
        loading={isSaving}
        size="large"
        block
        data-testid="address-fix-submit"
      >
        {t('addressFix.submit')}
      </Button>
    </Form>
  );
}

/**
 * The page behind the link in a "please check your address" mail: no sign-in, no console
 * around it; the signed token in the URL is the customer's only credential.
 */
export default function AddressFixPage() {
  const { t } = useTranslation();
  const explain = useExplain();
  const { token = '' } = useParams();
  const loader = useLoader(() => orderReviewApi.publicLinks.addressFix(token), [token]);
  const [isFixed, setIsFixed] = useState(false);
  usePageTitle(t('addressFix.title'));
  const fix = loader.data;

  let body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (loader.error) body = <LinkRefused error={loader.error} />;
  else if (fix && isFixed) {
    body = (
      <Result
        status="success"
        title={t('addressFix.doneTitle')}
        subTitle={
          fix.problems.length
            ? t('addressFix.doneStillProblems')
            : t('addressFix.doneText', { number: fix.number })
        }
        data-testid="address-fix-done"
      />
    );
  } else if (fix) {
    const isClosed = fix.status !== 'pending_review' && fix.status !== 'approved';
    body = (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('addressFix.intro', { number: fix.number })}</Typography.Paragraph>
        {fix.problems.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('addressFix.problems')}
            data-testid="address-fix-problems"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {fix.problems.map((problem) => (
                  <li key={problem.code} data-code={problem.code}>
                    <strong>{t(`holds.code.${problem.code}`, { defaultValue: problem.code })}</strong>
                    {' — '}
                    {t(`holds.customer.${problem.code}`, { defaultValue: problem.message })}
                    <div>
                      <Typography.Text type="secondary" data-testid="address-fix-problem-detail">
                        {explain(problem.explanation, problem.message)}
                      </Typography.Text>
                    </div>
                  </li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon title={t('addressFix.noProblems')} />
        )}
        {isClosed ? (
          <Alert type="info" showIcon title={t('addressFix.closed')} />
        ) : (
          <FixForm
            token={token}
            fix={fix}
            onFixed={(next) => {
              loader.setData(next);
              setIsFixed(true);
            }}
          />
        )}
      </Space>
    );
  }

  return (
    <div
      style={{ minHeight: '100vh', background: '#f5f5f5', padding: '32px 16px' }}
      data-testid="address-fix-page"
    >
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}
        >
          <Typography.Title level={3} style={{ margin: 0 }}>
            Ordo
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Card
          title={
            <Space>
              {t('addressFix.title')}
              {fix ? <Tag data-testid="address-fix-number">{fix.number}</Tag> : null}
            </Space>
          }
        >
          {body}
          {fix && !loader.error ? (
            <>
              <Divider />
              <Conversation token={token} fix={fix} onChanged={loader.setData} />
            </>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
