// Typed calls for channel connectors, deliveries, the reconciliation pull and interface health.
// The shapes are the server's own zod contracts, imported as types only.
import type { z } from 'zod';
import type {
  channelAlert,
  syncLogEntry,
  syncSettings,
  syncSettingsBody,
  testDeliveryResult,
} from '../../../src/contracts/channel-sync.ts';
import type {
  ConnectorKind,
  channelHealth,
  connectedChannel,
  connectorSettings,
  connectorSettingsBody,
  delivery,
  deliveryDetail,
  deliveryOutcomes,
  newConnectedChannelBody,
  pullResult,
  replayFailedResult,
  webhookRegistration,
} from '../../../src/contracts/channels.ts';
import { get, type Page, post, put } from './client';

export type { ConnectorKind };
export type ChannelHealth = z.output<typeof channelHealth>;
export type ConnectorSettings = z.output<typeof connectorSettings>;
export type ConnectorInput = z.input<typeof connectorSettingsBody>;
export type NewConnectedChannel = z.input<typeof newConnectedChannelBody>;
export type ConnectedChannel = z.output<typeof connectedChannel>;
export type Delivery = z.output<typeof delivery>;
export type DeliveryDetail = z.output<typeof deliveryDetail>;
export type DeliveryOutcome = (typeof deliveryOutcomes)[number];
export type PullResult = z.output<typeof pullResult>;
export type ReplayFailedResult = z.output<typeof replayFailedResult>;
export type WebhookRegistration = z.output<typeof webhookRegistration>;

export const connectorKinds = [
  'shopify',
  'woocommerce',
  'webhook',
  'none',
] as const satisfies readonly ConnectorKind[];

const id = encodeURIComponent;

export const channelsApi = {
  health: () => get<{ items: ChannelHealth[] }>('/channels/health'),
  connectors: () => get<{ items: ConnectorSettings[] }>('/channels/connectors'),
  create: (input: NewConnectedChannel) => post<ConnectedChannel>('/channels', input),
  configure: (channelId: string, input: ConnectorInput) =>
    put<ConnectorSettings>(`/channels/${id(channelId)}/connector`, input),
  deliveries: (channelId: string, outcome?: DeliveryOutcome) =>
    get<Page<Delivery>>(`/channels/${id(channelId)}/deliveries`, { outcome, limit: 100 }),
  replay: (channelId: string, deliveryId: string) =>
    post<DeliveryDetail>(`/channels/${id(channelId)}/deliveries/${id(deliveryId)}/replay`),
  replayFailed: (channelId: string, input: { after?: string; limit?: number }) =>
    post<ReplayFailedResult>(`/channels/${id(channelId)}/deliveries/replay-failed`, input),
  pull: (channelId: string) => post<PullResult>(`/channels/${id(channelId)}/pull`),
  webhooks: (channelId: string) => get<WebhookRegistration>(`/channels/${id(channelId)}/webhooks`),
  registerWebhooks: (channelId: string) =>
    post<WebhookRegistration>(`/channels/${id(channelId)}/webhooks/register`),
};

// Sync back to the platforms, interface alerts and the test delivery.
export type SyncSettings = z.output<typeof syncSettings>;
export type SyncSettingsInput = z.input<typeof syncSettingsBody>;
export type SyncLogEntry = z.output<typeof syncLogEntry>;
export type ChannelAlert = z.output<typeof channelAlert>;
export type TestDeliveryResult = z.output<typeof testDeliveryResult>;

export const syncApi = {
  alerts: () => get<{ items: ChannelAlert[] }>('/channels/alerts'),
  settings: (channelId: string) => get<SyncSettings>(`/channels/${id(channelId)}/sync`),
  save: (channelId: string, input: SyncSettingsInput) =>
    put<SyncSettings>(`/channels/${id(channelId)}/sync`, input),
  log: (channelId: string) => get<Page<SyncLogEntry>>(`/channels/${id(channelId)}/sync/log`, { limit: 20 }),
  retry: (channelId: string) =>
    post<{ requeued: number; pushed: Record<string, number> }>(`/channels/${id(channelId)}/sync/retry`),
  queueAllStock: (channelId: string) => post<{ queued: number }>(`/channels/${id(channelId)}/sync/stock`),
  testDelivery: (channelId: string) => post<TestDeliveryResult>(`/channels/${id(channelId)}/test-delivery`),
};
