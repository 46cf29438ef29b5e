import type { ComplaintCategory } from '../../../contracts/aftersales.ts';
import type { ComplaintMailEvent, NotificationLanguage } from '../../../contracts/notifications.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { EventMap } from '../../../platform/events/event-map.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { notificationsRepository } from '../notifications/notifications.repository.ts';
import { orderLanguage, trackUrlOf } from '../notifications/notifications.ts';
import type { NotificationTemplates } from '../notifications/template-store.ts';
import { renderTemplate } from '../notifications/templates.ts';
import {
  complaintMessages,
  complaintRow,
  markMessageMailed,
  messageMailedAt,
} from './aftersales.repository.ts';

/** What a complaint mail needs of the complaint. */
export interface MailedComplaint {
  id: string;
  order_id: string | null;
  order_number: string | null;
  subject: string;
  category: string;
  reply_token: string;
  customer_name: string | null;
  customer_email: string | null;
}

/**
 * The customer's language: the order's, as for every notification; without an order, Chinese
 * when the customer wrote in Chinese, else English.
 */
export function complaintLanguage(
  order: { ship_country: string } | undefined,
  customerText: string,
): NotificationLanguage {
  if (order) return orderLanguage(order);
  return /\p{Script=Han}/u.test(customerText) ? 'zh-CN' : 'en';
}

const categoryNames: Record<ComplaintCategory, Record<NotificationLanguage, string>> = {
  delivery_delay: { en: 'delivery delay', 'zh-CN': '物流延误' },
  damaged: { en: 'damaged', 'zh-CN': '商品破损' },
  wrong_item: { en: 'wrong item', 'zh-CN': '发错商品' },
  missing_item: { en: 'missing item', 'zh-CN': '少发漏发' },
  quality: { en: 'quality', 'zh-CN': '质量问题' },
  service: { en: 'service', 'zh-CN': '服务问题' },
  refund: { en: 'refund', 'zh-CN': '退款问题' },
  other: { en: 'other', 'zh-CN': '其他问题' },
};

/** The subject a complaint filed from the order lookup gets: the order and the category, in a language. */
export function lookupSubject(number: string, category: ComplaintCategory, language: NotificationLanguage) {
  const name = categoryNames[category][language];
  return language === 'zh-CN' ? `订单 ${number}：${name}` : `Order ${number}: ${name}`;
}

/**
 * The complaint's subject as the customer reads it: one the lookup wrote (stored in English, as
 * staff see it in the queue) in the customer's language; anything a person wrote as it is.
 */
export function customerSubject(
  complaint: Pick<MailedComplaint, 'subject' | 'category' | 'order_number'>,
  language: NotificationLanguage,
): string {
  const category = complaint.category as ComplaintCategory;
  if (!complaint.order_number || !(category in categoryNames)) return complaint.subject;
  if (complaint.subject !== lookupSubject(complaint.order_number, category, 'en')) return complaint.subject;
  return lookupSubject(complaint.order_number, category, language);
}

/** The subject keeps the reply token whatever an edited template says: inbound replies are matched by it. */
export function withReplyToken(subject: string, token: string): string {
  const tag = `[#${token}]`;
  return subject.includes(tag) ? subject : `${subject.trim()} ${tag}`.trim();
}

/**
 * The complaint's own reply address: the shop's reply mailbox plus-addressed with the token
 * (service@shop.example → service+TOKEN@shop.example), so a reply finds its complaint even when
 * the customer's mail client rewrites the subject.
 */
export function replyAddressFor(mailbox: string, token: string): string {
  const at = mailbox.lastIndexOf('@');
  return `${mailbox.slice(0, at)}+${token}${mailbox.slice(at)}`;
}

/**
 * The complaint's own mails (opened, answered, resolved), rendered from the notification
 * templates (editable in the console) in the customer's language. They go straight to the
 * mailer, not the notification pipeline: a complaint need not have an order, and the reply
 * must come back to the same mailbox with its token.
 */
export function complaintMails(deps: {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  templates: Pick<NotificationTemplates, 'forSending'>;
  /** The reply mailbox of the notification settings; null when none is set (no Reply-To). */
  replyAddress: () => Promise<string | null>;
}) {
  async function languageOf(complaint: MailedComplaint, order: { ship_country: string } | undefined) {
    if (order) return complaintLanguage(order, '');
    const messages = await complaintMessages(deps.database.db, complaint.id);
    const customerText = messages.filter((m) => m.kind === 'customer').map((m) => m.body);
    return complaintLanguage(undefined, [complaint.subject, ...customerText].join('\n'));
  }

  /**
   * Sends `event`'s mail to the complaint's customer; nothing without an e-mail address. Returns
   * whether the mail left (false too when no SMTP server is configured).
   */
  async function send(
    event: ComplaintMailEvent,
    complaint: MailedComplaint,
    params: Record<string, string>,
  ): Promise<boolean> {
    if (!complaint.customer_email) return false;
    const order = complaint.order_id
      ? await notificationsRepository.order(deps.database.db, complaint.order_id)
      : undefined;
    const language = await languageOf(complaint, order);
    const number = order?.number ?? complaint.order_number ?? '';
    const text = renderTemplate(await deps.templates.forSending(event, language, 'email'), {
      number,
      customerName: complaint.customer_name ?? order?.customer_name ?? '',
      shop: order?.shop_name ?? '',
      trackUrl: number ? trackUrlOf(deps.publicUrl, number) : '',
      complaintId: complaint.id,
      subject: customerSubject(complaint, language),
      token: complaint.reply_token,
      ...params,
    });
    const mailbox = await deps.replyAddress();
    const { isSent } = await deps.mailer.send({
      to: complaint.customer_email,
      subject: withReplyToken(text.subject, complaint.reply_token),
      text: text.body,
      ...(mailbox ? { replyTo: replyAddressFor(mailbox, complaint.reply_token) } : {}),
    });
    return isSent;
  }

  /**
   * Outbox handler of `complaint.mail_due`: mails the customer about the message once. An SMTP
   * failure throws, so the outbox retries it; an event delivered again finds the message marked
   * and sends nothing. Only a crash between the mail leaving and the mark can send it twice.
   */
  async function mailDue(payload: EventMap['complaint.mail_due']): Promise<void> {
    if ((await messageMailedAt(deps.database.db, payload.messageId)) !== null) return;
    const complaint = await complaintRow(deps.database.db, payload.complaintId);
    if (await send(payload.mail, complaint, payload.params))
      await markMessageMailed(deps.database.db, payload.messageId, deps.clock.now());
  }

  return { send, mailDue };
}

export type ComplaintMails = ReturnType<typeof complaintMails>;
