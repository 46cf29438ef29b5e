import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ConnectorKind, connectorSettings, connectorSettingsBody } from '../../contracts/channels.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { Catalog } from '../catalog/index.ts';
import { type ConnectorRow, channelsRepository as repo } from './channels.repository.ts';

export type ConnectorSettings = z.output<typeof connectorSettings>;
export type ConnectorInput = z.output<typeof connectorSettingsBody>;

export const webhookPath = (channelId: string) => `/api/v1/channels/${encodeURIComponent(channelId)}/webhook`;

export function toConnectorSettings(row: ConnectorRow | undefined, channelId: string): ConnectorSettings {
  return {
    channelId,
    connector: (row?.connector ?? 'none') as ConnectorKind,
    hasWebhookSecret: Boolean(row?.webhook_secret),
    webhookPath: webhookPath(channelId),
    shopUrl: row?.shop_url ?? null,
    hasApiCredentials: Boolean(row?.api_token || (row?.api_key && row?.api_secret)),
    pullEveryMinutes: row?.pull_every_minutes ?? 15,
    pullCursor: row?.pull_cursor ?? null,
    lastPullAt: row?.last_pull_at ?? null,
    lastPullError: row?.last_pull_error ?? null,
  };
}

/**
 * A connector that receives webhooks needs a secret to check them with. Shopify signs with a
 * secret Shopify issues (the operator pastes it); for the others Ordo makes one when none is
 * given and shows it once.
 */
function secretFor(input: ConnectorInput, existing: ConnectorRow | undefined) {
  if (input.webhookSecret) return { secret: input.webhookSecret, generated: undefined };
  if (existing?.webhook_secret) return { secret: existing.webhook_secret, generated: undefined };
  if (input.connector === 'none') return { secret: null, generated: undefined };
  if (input.connector === 'shopify')
    throw invalidField('webhookSecret', 'Shopify signs webhooks with a secret it issues: paste it here');
  const generated = randomBytes(24).toString('base64url');
  return { secret: generated, generated };
}

/** Channel connector settings: which platform a channel is, its webhook secret and shop API. */
export function createConnectors(deps: {
  database: Database;
  clock: Clock;
  catalog: Pick<Catalog, 'channels'>;
}) {
  const { database, clock, catalog } = deps;

  async function saveConnector(
    tx: Executor,
    actor: Actor,
    channelId: string,
    input: ConnectorInput,
  ): Promise<ConnectorSettings> {
    const now = clock.now().toISOString();
    const existing = await repo.findConnector(tx, channelId);
    const { secret, generated } = secretFor(input, existing);
    const keep = <T>(given: T | undefined, old: T | null | undefined) =>
      given === undefined ? (old ?? null) : given || null;
    const row = {
      channel_id: channelId,
      connector: input.connector,
      webhook_secret: secret,
      shop_url: keep(input.shopUrl?.replace(/\/+$/, ''), existing?.shop_url),
      api_token: keep(input.apiToken, existing?.api_token),
      api_key: keep(input.apiKey, existing?.api_key),
      api_secret: keep(input.apiSecret, existing?.api_secret),
      pull_every_minutes: input.pullEveryMinutes ?? existing?.pull_every_minutes ?? 15,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    await repo.upsertConnector(tx, row);
    // Secrets never reach the audit log: only which of them were set.
    await recordAudit(tx, actor, clock.now(), {
      action: 'channel.connector_saved',
      targetType: 'channel',
      targetId: channelId,
      details: {
        connector: input.connector,
        shopUrl: row.shop_url,
        webhookSecretSet: input.webhookSecret !== undefined || generated !== undefined,
        apiCredentialsSet: Boolean(input.apiToken || input.apiKey || input.apiSecret),
      },
    });
    const saved = await repo.findConnector(tx, channelId);
    return { ...toConnectorSettings(saved, channelId), generatedWebhookSecret: generated };
  }

  async function configure(actor: Actor, channelId: string, input: ConnectorInput) {
    const channels = await catalog.channels.listChannels();
    if (!channels.some((c) => c.id === channelId)) throw notFound('channel', channelId);
    return inTransaction(database, (tx) => saveConnector(tx, actor, channelId, input));
  }

  async function getConnector(channelId: string): Promise<ConnectorSettings> {
    return toConnectorSettings(await repo.findConnector(database.db, channelId), channelId);
  }

  async function listConnectors(): Promise<ConnectorSettings[]> {
    const [channels, rows] = await Promise.all([
      catalog.channels.listChannels(),
      repo.listConnectors(database.db),
    ]);
    const byId = new Map(rows.map((r) => [r.channel_id, r]));
    return channels.map((c) => toConnectorSettings(byId.get(c.id), c.id));
  }

  return { saveConnector, configure, getConnector, listConnectors };
}

export type Connectors = ReturnType<typeof createConnectors>;
