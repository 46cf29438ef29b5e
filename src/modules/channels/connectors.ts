import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ConnectorKind, connectorSettings, connectorSettingsBody } from '../../contracts/channels.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
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
  if (input.connector === 'shopify') throw invalidField('webhookSecret', 'shopifySecret');
  const generated = randomBytes(24).toString('base64url');
  return { secret: generated, generated };
}

/** A connector row with its secrets opened, for the code that signs, checks or calls with them. */
export function openSecrets(box: SecretBox) {
  return (row: ConnectorRow): ConnectorRow => ({
    ...row,
    webhook_secret: box.open(row.webhook_secret),
    api_token: box.open(row.api_token),
    api_key: box.open(row.api_key),
    api_secret: box.open(row.api_secret),
  });
}

/** Channel connector settings: which platform a channel is, its webhook secret and shop API. */
export function createConnectors(deps: {
  database: Database;
  clock: Clock;
  catalog: Pick<Catalog, 'channels'>;
  secrets: SecretBox;
}) {
  const { database, clock, catalog, secrets } = deps;

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
      // Secrets are stored sealed (docs/channels.md "Secrets"); the API only says whether they are set.
      webhook_secret: secrets.seal(secret),
      shop_url: keep(input.shopUrl?.replace(/\/+$/, ''), existing?.shop_url),
      api_token: secrets.seal(keep(input.apiToken, existing?.api_token)),
      api_key: secrets.seal(keep(input.apiKey, existing?.api_key)),
      api_secret: secrets.seal(keep(input.apiSecret, existing?.api_secret)),
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

  /** Start-up pass: secrets stored in plain text before they were sealed are sealed now. */
  async function sealPlainSecrets(): Promise<number> {
    let sealed = 0;
    for (const row of await repo.listConnectors(database.db)) {
      const fields = ['webhook_secret', 'api_token', 'api_key', 'api_secret'] as const;
      const plain = fields.filter((f) => row[f] !== null && !secrets.isSealed(row[f]!));
      if (plain.length === 0) continue;
      await repo.updateConnector(
        database.db,
        row.channel_id,
        Object.fromEntries(plain.map((f) => [f, secrets.seal(row[f])])),
      );
      sealed += 1;
    }
    return sealed;
  }

  return { saveConnector, configure, getConnector, listConnectors, sealPlainSecrets };
}

export type Connectors = ReturnType<typeof createConnectors>;
