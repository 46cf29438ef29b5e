import { createHmac } from 'node:crypto';
import type { Mailer } from '../../../platform/mail.ts';

/** What a channel answers for one message. */
export type SendOutcome =
  | { kind: 'sent' }
  /** Worth another try later (network, 5xx, 4xx SMTP). */
  | { kind: 'retry'; error: string }
  /** Never worth retrying (SMTP 5xx: the address does not exist; gateway refused the request). */
  | { kind: 'bounced'; error: string };

export interface OutgoingMessage {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  event: string;
  orderId: string;
  orderNumber: string;
  language: string;
}

/** An SMS provider. One built-in adapter speaks a generic JSON HTTP API; others implement this. */
export interface SmsAdapter {
  send(message: { to: string; text: string; reference: string }): Promise<SendOutcome>;
}

const timeoutMs = 10_000;

async function post(url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return { kind: 'sent' };
    const error = `HTTP ${response.status}`;
    // 408 and 429 say "later"; other 4xx say the request itself is wrong.
    const isLater = response.status >= 500 || response.status === 408 || response.status === 429;
    return isLater ? { kind: 'retry', error } : { kind: 'bounced', error };
  } catch (failure) {
    return { kind: 'retry', error: (failure as Error).message };
  }
}

/**
 * The generic JSON SMS gateway (docs/notifications.md): POST `{"to","text","reference"}` with
 * `Authorization: Bearer <token>`; any 2xx is accepted.
 */
export function jsonHttpSmsGateway(config: { url: string; token: string | null }): SmsAdapter {
  return {
    send: (message) =>
      post(
        config.url,
        JSON.stringify(message),
        config.token ? { authorization: `Bearer ${config.token}` } : {},
      ),
  };
}

/** The body's HMAC-SHA256 under the shared secret, hex, as sent in `X-Ordo-Signature: sha256=…`. */
export function signWebhookBody(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** The outgoing webhook: one JSON POST per message, signed when a secret is set. */
export function sendWebhook(
  target: { url: string; secret: string | null },
  message: OutgoingMessage,
  at: Date,
): Promise<SendOutcome> {
  const body = JSON.stringify({
    id: message.id,
    event: message.event,
    orderId: message.orderId,
    orderNumber: message.orderNumber,
    language: message.language,
    subject: message.subject,
    text: message.body,
    at: at.toISOString(),
  });
  const headers: Record<string, string> = { 'x-ordo-message-id': message.id };
  if (target.secret) headers['x-ordo-signature'] = `sha256=${signWebhookBody(target.secret, body)}`;
  return post(target.url, body, headers);
}

/** Mail through the platform mailer; an SMTP 5xx answer (no such mailbox) is a bounce. */
export async function sendMail(mailer: Mailer, message: OutgoingMessage): Promise<SendOutcome> {
  try {
    const { isSent } = await mailer.send({
      to: message.recipient,
      subject: message.subject,
      text: message.body,
    });
    return isSent ? { kind: 'sent' } : { kind: 'retry', error: 'SMTP_URL is not set' };
  } catch (failure) {
    const code = (failure as { responseCode?: number }).responseCode;
    const error = (failure as Error).message;
    return code !== undefined && code >= 500 ? { kind: 'bounced', error } : { kind: 'retry', error };
  }
}
