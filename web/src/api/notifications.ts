// Customer notifications (settings, templates, delivery log) and the public order lookup.
import type { z } from 'zod';
import type {
  MessageStatus,
  NotificationChannel,
  NotificationEvent,
  NotificationLanguage,
  notificationMessage,
  notificationSettings,
  notificationSettingsBody,
  notificationTemplate,
  orderLookup,
  renderedMessage,
} from '../../../src/contracts/notifications.ts';
import { get, id, type Page, type PageParams, post, put, request } from './client';

export type { MessageStatus, NotificationChannel, NotificationEvent, NotificationLanguage };
export type NotificationSettings = z.output<typeof notificationSettings>;
export type NotificationSettingsInput = z.input<typeof notificationSettingsBody>;
export type NotificationTemplate = z.output<typeof notificationTemplate>;
export type NotificationMessage = z.output<typeof notificationMessage>;
export type RenderedMessage = z.output<typeof renderedMessage>;
export type OrderLookup = z.output<typeof orderLookup>;

// The same lists as the contract's; kept as plain values so the console bundle takes no server code.
export const notificationEvents: NotificationEvent[] = [
  'received',
  'approved',
  'held',
  'shipped',
  'out_for_delivery',
  'delivered',
  'exception',
  'refund_issued',
  'complaint_opened',
  'complaint_answered',
  'complaint_resolved',
  'message',
];
/** Sent by the complaint itself with its reply token: always by e-mail, no switch. */
export const complaintMailEvents: NotificationEvent[] = [
  'complaint_opened',
  'complaint_answered',
  'complaint_resolved',
];
export const notificationChannels: NotificationChannel[] = ['email', 'sms', 'webhook'];
/** The channels an event has templates for (the contract's `channelsOf`). */
export const channelsOf = (event: NotificationEvent): NotificationChannel[] =>
  event === 'complaint_opened' || event === 'complaint_resolved' ? ['email'] : notificationChannels;
export const notificationLanguages: NotificationLanguage[] = ['zh-CN', 'en'];
export const messageStatuses: MessageStatus[] = ['pending', 'deferred', 'sent', 'failed', 'bounced'];

type TemplateKey = { event: NotificationEvent; language: NotificationLanguage; channel: NotificationChannel };
const templatePath = (k: TemplateKey) => `/notifications/templates/${k.event}/${id(k.language)}/${k.channel}`;

export const notificationsApi = {
  settings: {
    get: () => get<NotificationSettings>('/notifications/settings'),
    save: (input: NotificationSettingsInput) => put<NotificationSettings>('/notifications/settings', input),
  },
  templates: {
    list: () => get<{ items: NotificationTemplate[] }>('/notifications/templates'),
    save: (key: TemplateKey, text: { subject: string; body: string }) =>
      put<NotificationTemplate>(templatePath(key), text),
    reset: (key: TemplateKey) => request<NotificationTemplate>('DELETE', templatePath(key)),
    preview: (input: TemplateKey & { subject: string; body: string; orderNumber?: string }) =>
      post<RenderedMessage>('/notifications/templates/preview', input),
  },
  messages: {
    list: (params: PageParams & { status?: MessageStatus; event?: NotificationEvent }) =>
      get<Page<NotificationMessage>>('/notifications/messages', params),
    retry: (messageId: string) => post<NotificationMessage>(`/notifications/messages/${id(messageId)}/retry`),
  },
  /** No session needed: the customer's own lookup. */
  lookup: (number: string, contact: string) => get<OrderLookup>('/public/orders/lookup', { number, contact }),
};
