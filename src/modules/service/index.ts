import type {
  NotificationChannel,
  NotificationEvent,
  NotificationLanguage,
} from '../../contracts/notifications.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalidField } from '../../platform/errors.ts';
import type { EventMap } from '../../platform/events/event-map.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mail.ts';
import { createCompletion, noneOpen, type OpenAftersalesOf } from './completion/completion.ts';
import { createOrderLookup } from './lookup/lookup.ts';
import type { SmsAdapter } from './notifications/channels.ts';
import { customerMessageFor } from './notifications/notification-events.ts';
import { createNotificationSettings } from './notifications/notification-settings.ts';
import { type CustomerMessage, createNotifications } from './notifications/notifications.ts';
import { createTemplateStore } from './notifications/template-store.ts';

// ── notifications, order lookup, completion ─────────────────────────────────
export type { OpenAftersalesOf } from './completion/completion.ts';
export { type SendOutcome, type SmsAdapter, signWebhookBody } from './notifications/channels.ts';
export { serviceRoutes } from './service.routes.ts';

export type NotifyingEvent = keyof typeof customerMessageFor;
export const notifyingEvents = Object.keys(customerMessageFor) as NotifyingEvent[];

export interface ServiceDeps {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  /** Base URL of the public pages (the /track link in messages). */
  publicUrl: string;
  smsAdapter?: SmsAdapter;
  /** Orders with a return or complaint still open (after-sales); none until it is wired. */
  openAftersalesOf?: OpenAftersalesOf;
}

/** The service module: customer notifications, the public order lookup, order completion. */
export function createService(deps: ServiceDeps) {
  const settings = createNotificationSettings({ ...deps, isEmailConfigured: deps.mailer.isConfigured });
  const templates = createTemplateStore(deps);
  const notifications = createNotifications({ ...deps, settings, templates });
  const completion = createCompletion({
    ...deps,
    returnWindowDays: async () => (await settings.current()).returnWindowDays,
    openAftersalesOf: deps.openAftersalesOf ?? noneOpen,
  });

  /** Outbox handler: the customer message an event means, if any (idempotent by message key). */
  async function notifyForEvent<T extends NotifyingEvent>(type: T, payload: EventMap[T]): Promise<void> {
    const messageOf = customerMessageFor[type] as (p: EventMap[T]) => CustomerMessage | null;
    const message = messageOf(payload);
    if (message) await notifications.notifyCustomer(message);
  }

  /**
   * A templated message to an order's customer on one channel, whatever the switches say
   * (other modules: risk, after-sales). Give `dedupeKey` when the call may repeat (an outbox
   * handler): a second call with the same key sends nothing. Returns whether a message was queued.
   */
  async function sendToCustomer(input: {
    orderId: string;
    template: NotificationEvent;
    params?: Record<string, string>;
    /** Params for one language only, over `params` when the order is in that language. */
    paramsByLanguage?: Partial<Record<NotificationLanguage, Record<string, string>>>;
    channel?: NotificationChannel;
    dedupeKey?: string;
  }): Promise<boolean> {
    const added = await notifications.notifyCustomer(
      {
        orderId: input.orderId,
        event: input.template,
        params: input.params,
        paramsByLanguage: input.paramsByLanguage,
        dedupeKey: input.dedupeKey ?? uuidv7(deps.clock.now().getTime()),
      },
      input.channel ?? 'email',
    );
    return added > 0;
  }

  return {
    notifications: {
      settings: { get: settings.view, save: settings.save },
      templates: {
        forSending: templates.forSending,
        list: templates.list,
        save: templates.save,
        reset: templates.reset,
        preview: (input: Parameters<typeof templates.preview>[0]) =>
          templates.preview(input, async (number) => {
            const params = await notifications.paramsOfOrder(number, input.event);
            if (!params) throw invalidField('orderNumber', 'noOrderNumber', { number });
            return params;
          }),
      },
      messages: { list: notifications.list, retry: notifications.retry },
      notifyForEvent,
      sendToCustomer,
      /** Sends what is due now (the scheduled pass; tests call it directly). */
      deliverDue: notifications.deliverDue,
      wake: notifications.wake,
      whenIdle: notifications.whenIdle,
    },
    lookup: createOrderLookup(deps),
    completion,
  };
}

export type Service = ReturnType<typeof createService>;
// after-sales: complaints, returns, surveys, customer workspace
export {
  type Aftersales,
  aftersalesRoutes,
  type ComplaintFact,
  createAftersales,
} from './aftersales/index.ts';
