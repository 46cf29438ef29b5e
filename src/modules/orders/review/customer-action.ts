import { z } from 'zod';
import { type Explanation, renderExplanation } from '../../../contracts/explanations.ts';
import type { Actor } from '../../../platform/actor.ts';
import { randomToken } from '../../../platform/auth/tokens.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { settingOnce } from '../../../platform/settings.ts';
import { signLink, verifyLink } from '../../../platform/signed-link.ts';
import { ttlCache } from '../../../platform/ttl-cache.ts';
import { customerActionHolds } from '../audit/audit-rules.ts';
import type { AddressInput, OrderChanges } from '../edits/order-edits.ts';
import { ordersRepository } from '../orders.repository.ts';
import { addTimelineEvent } from './order-review.ts';

export { customerActionHolds };

const linkPurpose = 'address-fix';
const linkLifetimeMs = 7 * 24 * 3600 * 1000;
const linkSecretSchema = z.object({ secret: z.string().min(16) });
const customerActor: Actor = { type: 'system', id: null, name: 'customer' };

const mailText = {
  en: (number: string, reasons: string, link: string) => ({
    subject: `Order ${number}: please check your delivery address`,
    text: `Hello,\n\nWe cannot ship your order ${number} yet: ${reasons}.\nPlease correct your delivery details here (the link is valid for 7 days):\n\n${link}\n\nThank you.`,
  }),
  'zh-CN': (number: string, reasons: string, link: string) => ({
    subject: `订单 ${number}：请核对收货信息`,
    text: `您好：\n\n您的订单 ${number} 暂时无法发货：${reasons}。\n请点击以下链接更正收货信息（7 天内有效）：\n\n${link}\n\n谢谢！`,
  }),
};

/**
 * The customer's side of a hold: a signed link by mail, a public page that shows the address
 * and takes the correction, which re-runs the audit.
 */
export function createCustomerAction(deps: {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  changes: OrderChanges;
  publicUrl: string;
}) {
  const { database, clock } = deps;
  // One secret for all nodes, made on first use and kept in the database.
  const secret = ttlCache(60_000, async () => {
    // An object, not a bare JSON string: PostgreSQL hands jsonb strings back already parsed.
    const stored = await settingOnce(
      database.db,
      'security.link_secret',
      linkSecretSchema,
      () => ({ secret: randomToken(32) }),
      clock.now(),
    );
    return stored.secret;
  });

  async function linkFor(orderId: string): Promise<string> {
    const token = signLink(await secret.get(), {
      purpose: linkPurpose,
      subject: orderId,
      expiresAt: clock.now().getTime() + linkLifetimeMs,
    });
    return `${deps.publicUrl.replace(/\/$/, '')}/fix/${token}`;
  }

  /** Worker handler: mails the customer their link and notes it on the timeline. */
  async function notifyCustomer(orderId: string, codes: readonly string[]): Promise<void> {
    const order = await ordersRepository.findById(database.db, orderId);
    if (order?.status !== 'pending_review') return;
    const holds = await ordersRepository.openHolds(database.db, orderId);
    const open = holds.filter((h) => codes.includes(h.code));
    if (open.length === 0) return;
    const now = clock.now();
    if (!order.customer_email) {
      await addTimelineEvent(
        database.db,
        { type: 'system', id: null, name: 'notifications' },
        now,
        orderId,
        'customer_not_notified',
        { reason: 'no email address' },
      );
      return;
    }
    const language = order.ship_country === 'CN' ? 'zh-CN' : 'en';
    const mail = mailText[language](
      order.number,
      // In the mail's language; holds older than stored explanations have only the English text.
      open
        .map((h) =>
          h.explanation == null
            ? h.message
            : renderExplanation(readJson<Explanation>(h.explanation), language),
        )
        .join(language === 'zh-CN' ? '；' : '; '),
      await linkFor(orderId),
    );
    const { isSent } = await deps.mailer.send({ to: order.customer_email, ...mail });
    await addTimelineEvent(
      database.db,
      { type: 'system', id: null, name: 'notifications' },
      now,
      orderId,
      'customer_notified',
      { channel: 'email', to: order.customer_email, isSent, codes: open.map((h) => h.code) },
    );
  }

  /** Worker handler: mails a note written to the customer, with the link to answer or fix the order. */
  async function sendCustomerMessage(orderId: string, noteId: string): Promise<void> {
    const order = await ordersRepository.findById(database.db, orderId);
    const note = await ordersRepository.findNote(database.db, noteId);
    if (!order || !note) return;
    const actor: Actor = { type: 'system', id: null, name: 'notifications' };
    if (!order.customer_email) {
      await addTimelineEvent(database.db, actor, clock.now(), orderId, 'customer_not_notified', {
        reason: 'no email address',
        noteId,
      });
      return;
    }
    const isChinese = order.ship_country === 'CN';
    const subject = isChinese ? `关于您的订单 ${order.number}` : `About your order ${order.number}`;
    const { isSent } = await deps.mailer.send({
      to: order.customer_email,
      subject,
      text: `${note.body}\n\n${await linkFor(orderId)}`,
    });
    await addTimelineEvent(database.db, actor, clock.now(), orderId, 'customer_notified', {
      channel: 'email',
      to: order.customer_email,
      isSent,
      noteId,
    });
  }

  async function orderOfLink(token: string) {
    const { subject } = verifyLink(await secret.get(), token, linkPurpose, clock.now());
    const order = await ordersRepository.findById(database.db, subject);
    if (!order) throw notFound('order', subject);
    return order;
  }

  /** What the public page shows: the order number, the address on file and what is wrong with it. */
  async function viewAddressFix(token: string) {
    const order = await orderOfLink(token);
    const holds = await ordersRepository.openHolds(database.db, order.id);
    return {
      number: order.number,
      status: order.status,
      problems: holds
        .filter((h) => customerActionHolds.includes(h.code))
        .map((h) => ({
          code: h.code,
          message: h.message,
          explanation: h.explanation == null ? null : readJson<Explanation>(h.explanation),
        })),
      shippingAddress: {
        name: order.ship_name,
        phone: order.ship_phone,
        country: order.ship_country,
        province: order.ship_province ?? '',
        city: order.ship_city,
        district: order.ship_district ?? '',
        line1: order.ship_line1,
        line2: order.ship_line2 ?? '',
        postalCode: order.ship_postal_code ?? '',
      },
      // The conversation with the customer (internal notes stay internal).
      messages: (await deps.changes.listNotes(order.id))
        .filter((n) => n.direction !== 'internal')
        .map((n) => ({ direction: n.direction as 'to_customer' | 'from_customer', body: n.body, at: n.at })),
    };
  }

  /** The customer answers through the same link: the message joins the order's conversation. */
  async function submitCustomerMessage(token: string, body: string) {
    const order = await orderOfLink(token);
    await deps.changes.addNote(customerActor, order.id, { direction: 'from_customer', body });
    return viewAddressFix(token);
  }

  async function submitAddressFix(token: string, address: AddressInput) {
    const order = await orderOfLink(token);
    if (order.status !== 'pending_review' && order.status !== 'approved') {
      throw new AppError(
        'INVALID_TRANSITION',
        `order ${order.number} is already ${order.status}; contact us to change it`,
      );
    }
    await deps.changes.correctAddress(customerActor, order.id, address, 'customer');
    return viewAddressFix(token);
  }

  return {
    linkFor,
    notifyCustomer,
    sendCustomerMessage,
    viewAddressFix,
    submitAddressFix,
    submitCustomerMessage,
    secretForTests: () => secret.get(),
  };
}

export type CustomerAction = ReturnType<typeof createCustomerAction>;
