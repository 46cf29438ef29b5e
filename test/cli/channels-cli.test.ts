import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { connectChannel, deliver, deliveriesOf, fixture, ordersOf } from '../channels/channel-helpers.ts';
import { useTestApp } from '../helpers/app.ts';
import { runOrdo } from '../helpers/cli.ts';
import { testDialects } from '../helpers/db.ts';

// `ordo channels health|pull|replay`: the Integrations page's lights and its replay, from a shell.

for (const dialect of testDialects) {
  describe(`ordo channels on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const ordo = (...args: string[]) => {
      const testDb = t.current.testDb;
      return runOrdo(
        args,
        dialect === 'postgres'
          ? { DATABASE_URL: testDb.url! }
          : { ORDO_DATA_DIR: path.dirname(testDb.sqliteFile!) },
      );
    };

    it('shows a failing channel, replays its failed deliveries after the fix, and shows it healthy', async () => {
      await connectChannel(t.current, 'woo', 'woocommerce');
      await t.current.request({ method: 'PATCH', url: '/api/v1/channels/woo', payload: { isActive: false } });
      for (const id of [801, 802, 803]) {
        const body = fixture('woocommerce-order.json').replace('"id": 727', `"id": ${id}`);
        await deliver(t.current, 'woo', 'woocommerce', body, {
          topic: 'order.created',
          deliveryId: `d${id}`,
        });
      }
      assert.equal((await deliveriesOf(t.current, 'woo', 'failed')).length, 3);

      const failing = await ordo('channels', 'health');
      assert.equal(failing.status, 3, failing.stderr);
      assert.match(failing.stdout, /CHANNEL\s+CONNECTOR\s+STATUS\s+LAST ORDER/);
      assert.match(failing.stdout, /^woo\s+woocommerce\s+failing\s+-\s+0\s+0\s+3\s/m);
      assert.match(failing.stdout, /1 failing$/m);

      await t.current.request({ method: 'PATCH', url: '/api/v1/channels/woo', payload: { isActive: true } });
      const replay = await ordo('channels', 'replay', 'woo', '--batch', '2');
      assert.equal(replay.status, 0, replay.stderr);
      assert.equal(replay.stdout, 'replayed: 3\nrecovered: 3\nstill failed: 0\n');
      assert.deepEqual((await ordersOf(t.current, 'woo')).map((o) => o.externalId).sort(), [
        '801',
        '802',
        '803',
      ]);

      const healthy = await ordo('channels', 'health');
      assert.equal(healthy.status, 0, healthy.stderr);
      assert.match(healthy.stdout, /^woo\s+woocommerce\s+ok\s+\d+ min ago\s+3\s+0\s+0\s/m);
      assert.match(healthy.stdout, /0 failing$/m);
    });

    it('says in one line why it cannot replay or pull, and changes nothing', async () => {
      const badBatch = await ordo('channels', 'replay', 'woo', '--batch', '0');
      assert.notEqual(badBatch.status, 0);
      assert.match(badBatch.stderr, /limit/);
      const unknown = await ordo('channels', 'replay', 'nowhere');
      assert.notEqual(unknown.status, 0);
      assert.match(unknown.stderr, /nowhere/);
      // No shop URL or API credentials: nothing to pull with.
      const pull = await ordo('channels', 'pull', 'woo');
      assert.notEqual(pull.status, 0);
      assert.match(pull.stderr, /shopUrl/);
      assert.equal((await ordersOf(t.current, 'woo')).length, 3);
    });
  });
}
