import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { connectChannel, deliver, secretOf, shopifySample } from './channel-helpers.ts';

// Connector secrets are sealed at rest with the key of ORDO_SECRET_KEY or a generated key file,
// never returned by the API; plain ones stored before are sealed on start.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-secrets-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

for (const dialect of testDialects) {
  describe(`connector secrets on ${dialect}`, () => {
    const t = useTestApp(dialect, { env: { ORDO_DATA_DIR: path.join(dataDir, dialect) } });
    const stored = (id: string) =>
      t.current.app.database.db
        .selectFrom('channel_connectors')
        .selectAll()
        .where('channel_id', '=', id)
        .executeTakeFirstOrThrow();

    it('stores tokens and webhook secrets sealed, with a key file made on first start', async () => {
      const keyFile = path.join(dataDir, dialect, 'secret.key');
      assert.ok(fs.existsSync(keyFile));
      assert.equal(fs.statSync(keyFile).mode & 0o077, 0, 'only the owner reads the key');
      const created = await connectChannel(t.current, 'shop', 'shopify', {
        shopUrl: 'https://example.myshopify.com',
        apiToken: 'shpat_very_secret_token',
      });
      assert.ok(!JSON.stringify(created).includes('shpat_very_secret_token'));
      assert.equal(created.connector.hasApiCredentials, true);
      const row = await stored('shop');
      for (const value of [row.api_token, row.webhook_secret]) {
        assert.match(value ?? '', /^enc:v1:/);
        assert.ok(!value?.includes('shpat_very_secret_token') && !value?.includes(secretOf('shop')));
      }
      // The sealed webhook secret still verifies the platform's signature.
      const response = await deliver(t.current, 'shop', 'shopify', shopifySample(), {
        topic: 'orders/create',
      });
      assert.equal(response.json().outcome, 'created', response.body);
    });

    it('seals secrets that were stored in plain text', async () => {
      await connectChannel(t.current, 'old', 'woocommerce', { apiKey: 'ck_old', apiSecret: 'cs_old' });
      await t.current.app.database.db
        .updateTable('channel_connectors')
        .set({ webhook_secret: secretOf('old'), api_key: 'ck_old', api_secret: 'cs_old' })
        .where('channel_id', '=', 'old')
        .execute();
      assert.equal(await t.current.app.channels.connectors.sealPlainSecrets(), 1);
      const row = await stored('old');
      assert.match(row.api_key ?? '', /^enc:v1:/);
      assert.match(row.webhook_secret ?? '', /^enc:v1:/);
      assert.equal(await t.current.app.channels.connectors.sealPlainSecrets(), 0);
      const sample = await t.current.request({ method: 'POST', url: '/api/v1/channels/old/test-delivery' });
      assert.equal(sample.json().statusCode, 200, sample.body);
    });
  });
}
