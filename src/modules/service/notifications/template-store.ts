import type { z } from 'zod';
import {
  channelsOf,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationLanguage,
  notificationEvents,
  notificationLanguages,
  type previewBody,
  type templateBody,
} from '../../../contracts/notifications.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { ttlCache } from '../../../platform/ttl-cache.ts';
import { notificationsRepository as repo } from './notifications.repository.ts';
import { defaultTemplate, eventPlaceholders, type MessageText, renderTemplate } from './templates.ts';

type Key = { event: NotificationEvent; language: NotificationLanguage; channel: NotificationChannel };
const keyOf = (k: Key) => `${k.event}/${k.language}/${k.channel}`;

/** A made-up order for previews when no real one is named. */
const sampleParams: Record<NotificationLanguage, Record<string, string>> = {
  en: {
    number: 'OD20261120A7K2',
    customerName: 'Alex Chen',
    shop: 'Ordo Shop',
    trackUrl: 'https://shop.example/track?number=OD20261120A7K2',
    carrier: 'SF Express',
    trackingNumber: 'SF1234567890',
    problem: 'no scan for 48 hours',
    amount: '59.90',
    currency: 'CNY',
    complaintId: 'C-1001',
    subject: 'About your order',
    text: 'Your parcel will be a day late; we are sorry.',
    token: 'k3J9xQ2mV7aZ',
    message: 'The box arrived crushed.',
    reply: 'We are sorry! Could you send us a photo of the box?',
    resolution: 'We sent a replacement today.',
    rateUrl: 'https://shop.example/rate/sample',
  },
  'zh-CN': {
    number: 'OD20261120A7K2',
    customerName: '王芳',
    shop: 'Ordo 商城',
    trackUrl: 'https://shop.example/track?number=OD20261120A7K2',
    carrier: '顺丰速运',
    trackingNumber: 'SF1234567890',
    problem: '48 小时无揽收扫描',
    amount: '59.90',
    currency: 'CNY',
    complaintId: 'C-1001',
    subject: '关于您的订单',
    text: '您的包裹将晚到一天，非常抱歉。',
    token: 'k3J9xQ2mV7aZ',
    message: '收到的箱子被压坏了。',
    reply: '非常抱歉！能否拍一张箱子的照片发给我们？',
    resolution: '我们今天已为您补发。',
    rateUrl: 'https://shop.example/rate/sample',
  },
};

/** Templates per event × language × channel: the built-in text unless an operator saved their own. */
export function createTemplateStore(deps: { database: Database; clock: Clock }) {
  const overrides = ttlCache(5_000, async () => {
    const rows = await repo.templates(deps.database.db);
    return new Map(rows.map((r) => [keyOf(r as Key), { subject: r.subject, body: r.body }]));
  });

  async function forSending(
    event: NotificationEvent,
    language: NotificationLanguage,
    channel: NotificationChannel,
  ): Promise<MessageText> {
    return (
      (await overrides.get()).get(keyOf({ event, language, channel })) ??
      defaultTemplate(event, language, channel)
    );
  }

  async function list() {
    const saved = await overrides.get();
    const items = [];
    for (const event of notificationEvents)
      for (const language of notificationLanguages)
        for (const channel of channelsOf(event)) {
          const own = saved.get(keyOf({ event, language, channel }));
          items.push({
            event,
            language,
            channel,
            ...(own ?? defaultTemplate(event, language, channel)),
            isCustom: own !== undefined,
            placeholders: eventPlaceholders[event],
          });
        }
    return { items };
  }

  async function save(actor: Actor, key: Key, text: z.output<typeof templateBody>) {
    const now = deps.clock.now();
    await inTransaction(deps.database, async (tx) => {
      await repo.saveTemplate(tx, { ...key, ...text, updated_by: actor.name, updated_at: now.toISOString() });
      await recordAudit(tx, actor, now, {
        action: 'notification_template.saved',
        targetType: 'notification_template',
        targetId: keyOf(key),
        details: text,
      });
    });
    overrides.invalidate();
    return (await list()).items.find((t) => keyOf(t) === keyOf(key))!;
  }

  /** Back to the built-in text. */
  async function reset(actor: Actor, key: Key) {
    const now = deps.clock.now();
    await inTransaction(deps.database, async (tx) => {
      await repo.deleteTemplate(tx, key);
      await recordAudit(tx, actor, now, {
        action: 'notification_template.reset',
        targetType: 'notification_template',
        targetId: keyOf(key),
        details: {},
      });
    });
    overrides.invalidate();
    return (await list()).items.find((t) => keyOf(t) === keyOf(key))!;
  }

  /** A template (saved or not) rendered for a real order by number, else for the sample order. */
  async function preview(
    input: z.output<typeof previewBody>,
    paramsOfOrder: (number: string) => Promise<Record<string, string> | null>,
  ) {
    const fromOrder = input.orderNumber ? await paramsOfOrder(input.orderNumber) : null;
    return renderTemplate(
      { subject: input.subject, body: input.body },
      { ...sampleParams[input.language], ...(fromOrder ?? {}) },
    );
  }

  return { forSending, list, save, reset, preview };
}

export type NotificationTemplates = ReturnType<typeof createTemplateStore>;
