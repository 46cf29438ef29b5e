import {
  type MessageStatus,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationLanguage,
  notificationChannels,
} from '../../../contracts/notifications.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { NewRow } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Mailer } from '../../../platform/mail.ts';
import type { Page } from '../../../platform/pagination.ts';
import { shipmentsForOrders } from '../../logistics/index.ts';
import { jsonHttpSmsGateway, type SendOutcome, type SmsAdapter, sendMail, sendWebhook } from './channels.ts';
import { isChannelOn, type NotificationSettings } from './notification-settings.ts';
import { type MessageRow, notificationsRepository as repo } from './notifications.repository.ts';
import { quietHoursEnd } from './quiet-hours.ts';
import type { NotificationTemplates } from './template-store.ts';
import { renderTemplate } from './templates.ts';

const maxAttempts = 6;
const leaseMs = 5 * 60_000;
const batchSize = 200;
/** Messages sent side by side within a batch: mail and gateways answer slowly, one by one is too few. */
const parallelSends = 16;

/** 1 min, 2, 4 … between attempts, at most 6 hours. */
export function messageRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);
}

/** The customer's language: Chinese for orders shipped to China, English otherwise (as the hold mails). */
export function orderLanguage(order: { ship_country: string }): NotificationLanguage {
  return order.ship_country === 'CN' ? 'zh-CN' : 'en';
}

export function toMessage(row: MessageRow) {
  return {
    id: row.id,
    orderId: row.order_id,
    event: row.event,
    channel: row.channel as NotificationChannel,
    language: row.language as NotificationLanguage,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status as MessageStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export interface CustomerMessage {
  orderId: string;
  event: NotificationEvent;
  params?: Record<string, string>;
  /** Params that differ by the order's language (a text another module wrote in both). */
  paramsByLanguage?: Partial<Record<NotificationLanguage, Record<string, string>>>;
  /** What makes this message one of a kind; a second message with the same key is not sent. */
  dedupeKey?: string;
  /** The channels it may go by, when not every one (their switches still apply). */
  channels?: readonly NotificationChannel[];
}

/** The public lookup page of an order: every message links there. */
export function trackUrlOf(publicUrl: string, number: string): string {
  return `${publicUrl.replace(/\/$/, '')}/track?number=${encodeURIComponent(number)}`;
}

export function createNotifications(deps: {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  publicUrl: string;
  settings: NotificationSettings;
  templates: NotificationTemplates;
  /** Another SMS provider than the built-in JSON gateway (tests, custom adapters). */
  smsAdapter?: SmsAdapter;
}) {
  const { database, clock } = deps;

  /** The values every template may use, from the order (and its parcels for shipping events). */
  async function paramsFor(
    order: NonNullable<Awaited<ReturnType<typeof repo.order>>>,
    event: NotificationEvent,
    extra: Record<string, string>,
  ): Promise<Record<string, string>> {
    const params: Record<string, string> = {
      number: order.number,
      customerName: order.customer_name ?? '',
      shop: order.shop_name ?? '',
      trackUrl: trackUrlOf(deps.publicUrl, order.number),
    };
    if (event === 'shipped' || event === 'out_for_delivery') {
      const parcels = (await shipmentsForOrders(database.db, [order.id])).get(order.id) ?? [];
      const parcel = extra.trackingNumber
        ? parcels.find((p) => p.trackingNumber === extra.trackingNumber)
        : parcels.at(-1);
      params.carrier = parcel?.carrier ?? '';
      params.trackingNumber = parcel?.trackingNumber ?? '';
    }
    return { ...params, ...extra };
  }

  function recipientOf(
    channel: NotificationChannel,
    order: NonNullable<Awaited<ReturnType<typeof repo.order>>>,
    settings: Awaited<ReturnType<NotificationSettings['current']>>,
  ): string | null {
    if (channel === 'email') return deps.mailer.isConfigured ? order.customer_email : null;
    if (channel === 'sms')
      return settings.sms.url || deps.smsAdapter ? (order.customer_phone ?? order.ship_phone) : null;
    return settings.webhook.url;
  }

  /**
   * Queues the messages an event means for the order's customer, one per switched-on channel,
   * and wakes delivery. Idempotent: the key is the event, the order (or `dedupeKey`) and the channel.
   */
  async function notifyCustomer(message: CustomerMessage, only?: NotificationChannel): Promise<number> {
    const order = await repo.order(database.db, message.orderId);
    if (!order) return 0;
    const settings = await deps.settings.current();
    const language = orderLanguage(order);
    const now = clock.now();
    const rows: NewRow<'notification_messages'>[] = [];
    let params: Record<string, string> | undefined;
    for (const channel of only ? [only] : (message.channels ?? notificationChannels)) {
      if (!only && !isChannelOn(settings, order.channel_id, message.event, channel)) continue;
      const recipient = recipientOf(channel, order, settings);
      if (!recipient) continue;
      params ??= await paramsFor(order, message.event, {
        ...message.params,
        ...message.paramsByLanguage?.[language],
      });
      const text = renderTemplate(await deps.templates.forSending(message.event, language, channel), params);
      const quietUntil = settings.quietHours.deferredChannels.includes(channel)
        ? quietHoursEnd(settings.quietHours, now)
        : null;
      rows.push({
        id: uuidv7(now.getTime()),
        dedupe_key: `${message.event}:${message.dedupeKey ?? order.id}:${channel}`,
        order_id: order.id,
        event: message.event,
        channel,
        language,
        recipient,
        subject: text.subject,
        body: text.body,
        status: quietUntil ? 'deferred' : 'pending',
        attempts: 0,
        next_attempt_at: (quietUntil ?? now).toISOString(),
        created_at: now.toISOString(),
      });
    }
    const added = await repo.insertMessages(database.db, rows);
    if (added > 0) wake();
    return added;
  }

  async function send(message: MessageRow, orderNumber: string): Promise<SendOutcome> {
    const settings = await deps.settings.current();
    const outgoing = {
      id: message.id,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      event: message.event,
      orderId: message.order_id,
      orderNumber,
      language: message.language,
    };
    if (message.channel === 'email') return sendMail(deps.mailer, outgoing);
    if (message.channel === 'sms') {
      const adapter =
        deps.smsAdapter ??
        (settings.sms.url ? jsonHttpSmsGateway({ url: settings.sms.url, token: settings.sms.token }) : null);
      if (!adapter) return { kind: 'retry', error: 'no SMS gateway configured' };
      return adapter.send({ to: message.recipient, text: message.body, reference: message.id });
    }
    return sendWebhook({ url: message.recipient, secret: settings.webhook.secret }, outgoing, clock.now());
  }

  /** What one attempt leaves on the message. */
  function outcomeChanges(message: MessageRow, outcome: SendOutcome, at: Date): Partial<MessageRow> {
    const attempts = message.attempts + 1;
    if (outcome.kind === 'sent')
      return { status: 'sent', attempts, sent_at: at.toISOString(), next_attempt_at: null, last_error: null };
    const status: MessageStatus =
      outcome.kind === 'bounced' ? 'bounced' : attempts >= maxAttempts ? 'failed' : 'pending';
    if (status !== 'pending')
      deps.logger.warn({ messageId: message.id, error: outcome.error }, `notification ${status}`);
    return {
      status,
      attempts,
      last_error: outcome.error.slice(0, 1000),
      next_attempt_at:
        status === 'pending' ? new Date(at.getTime() + messageRetryDelayMs(attempts)).toISOString() : null,
    };
  }

  /** Leases a batch, sends it side by side, and records every outcome in one transaction. */
  async function deliverBatch(ids: readonly string[]): Promise<void> {
    const now = clock.now();
    const leased = await repo.lease(
      database.db,
      ids,
      now.toISOString(),
      new Date(now.getTime() + leaseMs).toISOString(),
    );
    const numbers = await repo.orderNumbers(
      database.db,
      leased.filter((m) => m.channel === 'webhook').map((m) => m.order_id),
    );
    const results: { message: MessageRow; changes: Partial<MessageRow> }[] = [];
    let next = 0;
    const sendNext = async (): Promise<void> => {
      while (next < leased.length) {
        const message = leased[next++]!;
        const outcome = await send(message, numbers.get(message.order_id) ?? '');
        results.push({ message, changes: outcomeChanges(message, outcome, clock.now()) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallelSends, leased.length) }, sendNext));
    await inTransaction(database, async (tx) => {
      for (const { message, changes } of results) await repo.update(tx, message.id, changes);
    });
  }

  /** Sends every due message (retries and quiet-hour deferrals included); returns how many it tried. */
  async function deliverDue(): Promise<number> {
    let tried = 0;
    for (;;) {
      const due = await repo.due(database.db, clock.now().toISOString(), batchSize);
      if (due.length === 0) return tried;
      await deliverBatch(due.map((m) => m.id));
      tried += due.length;
      if (due.length < batchSize) return tried;
    }
  }

  let running: Promise<number> | null = null;
  let isAgain = false;
  /** Starts a delivery pass, or asks the running one to look again when it ends. */
  function wake(): Promise<number> {
    if (running) {
      isAgain = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        isAgain = false;
        total += await deliverDue();
      } while (isAgain);
      return total;
    })()
      .catch((error) => {
        deps.logger.error({ err: error }, 'notification delivery failed');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  /** The placeholders of a real order (template previews); null when no order has that number. */
  async function paramsOfOrder(
    number: string,
    event: NotificationEvent,
  ): Promise<Record<string, string> | null> {
    const found = await repo.orderByNumber(database.db, number);
    const order = found && (await repo.order(database.db, found.id));
    return order ? paramsFor(order, event, {}) : null;
  }

  /** Sends a failed or bounced message again (the console's retry). */
  async function retry(id: string) {
    const message = await repo.find(database.db, id);
    if (!message) throw notFound('notification message', id);
    if (message.status !== 'failed' && message.status !== 'bounced')
      throw new AppError('INVALID_TRANSITION', `a ${message.status} message cannot be retried`, {
        status: message.status,
      });
    await repo.update(database.db, id, { status: 'pending', next_attempt_at: clock.now().toISOString() });
    await wake();
    return toMessage((await repo.find(database.db, id))!);
  }

  function list(filter: {
    status?: string;
    event?: string;
    orderId?: string;
    limit: number;
    cursor?: string;
  }) {
    return repo.list(database.db, filter, filter, toMessage) as Promise<Page<ReturnType<typeof toMessage>>>;
  }

  return {
    notifyCustomer,
    deliverDue,
    wake,
    whenIdle: () => running ?? Promise.resolve(0),
    paramsOfOrder,
    retry,
    list,
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
