// Typed calls for channel connectors, deliveries, the reconciliation pull and interface health.
// The shapes are the server's own zod contracts, imported as types only.
import type { z } from 'zod';
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
  pull: (channelId: string) => post<PullResult>(`/channels/${id(channelId)}/pull`),
};
