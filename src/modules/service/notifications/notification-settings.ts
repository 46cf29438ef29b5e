import type { z } from 'zod';
import {
  type channelSwitches,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationSettingsDocument,
  notificationEvents,
  type notificationSettingsBody,
  notificationSettingsDocument,
} from '../../../contracts/notifications.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { invalidField } from '../../../platform/errors.ts';
import { readSetting, writeSetting } from '../../../platform/settings.ts';
import { ttlCache } from '../../../platform/ttl-cache.ts';

const settingKey = 'service.notifications';

/** Out of the box: received, shipped and delivered mails on; nothing else. */
const mailOn: NotificationEvent[] = ['received', 'shipped', 'delivered'];

type Switches = z.output<typeof channelSwitches>;
/** The settings in use: every event has its switches. */
export type CurrentNotificationSettings = NotificationSettingsDocument & {
  events: Record<NotificationEvent, Switches>;
};

export const defaultNotificationSettings: CurrentNotificationSettings = {
  events: Object.fromEntries(
    notificationEvents.map((event) => [event, { email: mailOn.includes(event), sms: false, webhook: false }]),
  ) as Record<NotificationEvent, Switches>,
  shops: {},
  quietHours: {
    isEnabled: false,
    start: '21:00',
    end: '08:00',
    timeZone: 'Asia/Shanghai',
    deferredChannels: ['sms', 'webhook'],
  },
  sms: { url: null, token: null },
  webhook: { url: null, secret: null },
  returnWindowDays: 7,
  replyAddress: null,
};

/** Whether `channel` is on for `event` in a shop: the shop's own switch wins over the default. */
export function isChannelOn(
  settings: NotificationSettingsDocument,
  shopId: string | null,
  event: NotificationEvent,
  channel: NotificationChannel,
): boolean {
  const own = shopId ? settings.shops[shopId]?.[event]?.[channel] : undefined;
  return own ?? settings.events[event]?.[channel] ?? false;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function createNotificationSettings(deps: {
  database: Database;
  clock: Clock;
  isEmailConfigured: boolean;
}) {
  const cache = ttlCache(5_000, () =>
    readSetting(deps.database.db, settingKey, notificationSettingsDocument, defaultNotificationSettings),
  );

  /** The stored document, events missing from an older one filled from the defaults. */
  async function current(): Promise<CurrentNotificationSettings> {
    const stored = await cache.get();
    return { ...stored, events: { ...defaultNotificationSettings.events, ...stored.events } };
  }

  /** What the API shows: secrets reduced to whether they are set. */
  async function view() {
    const settings = await current();
    return {
      ...settings,
      sms: { url: settings.sms.url, hasToken: settings.sms.token !== null },
      webhook: { url: settings.webhook.url, hasSecret: settings.webhook.secret !== null },
      isEmailConfigured: deps.isEmailConfigured,
    };
  }

  async function save(actor: Actor, input: z.output<typeof notificationSettingsBody>) {
    if (!isTimeZone(input.quietHours.timeZone)) throw invalidField('quietHours.timeZone', 'timeZone');
    const stored = await current();
    const document: NotificationSettingsDocument = {
      ...input,
      replyAddress: input.replyAddress === undefined ? stored.replyAddress : input.replyAddress,
      sms: {
        url: input.sms.url,
        token: input.sms.token === undefined ? stored.sms.token : input.sms.token,
      },
      webhook: {
        url: input.webhook.url,
        secret: input.webhook.secret === undefined ? stored.webhook.secret : input.webhook.secret,
      },
    };
    const masked = (secret: string | null) => (secret === null ? null : '(set)');
    const audited = {
      ...document,
      sms: { ...document.sms, token: masked(document.sms.token) },
      webhook: { ...document.webhook, secret: masked(document.webhook.secret) },
    };
    await deps.database.db
      .transaction()
      .execute((tx) => writeSetting(tx, actor, deps.clock.now(), settingKey, document, audited));
    cache.invalidate();
    return view();
  }

  return { current, view, save };
}

export type NotificationSettings = ReturnType<typeof createNotificationSettings>;
