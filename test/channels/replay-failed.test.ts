import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { connectChannel, deliver, deliveriesOf, fixture, ordersOf } from './channel-helpers.ts';

// After a fix, a channel's failed deliveries are replayed in bulk, page by page, each tried
// once per run; what still fails stays failed and visible.

type ReplayRun = {
  channelId: string;
  replayed: number;
  recovered: number;
  stillFailed: number;
  nextAfter: string | null;
  remaining: number;
};

for (const dialect of testDialects) {
  describe(`bulk replay of failed deliveries on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const replayFailed = (payload?: object, channel = 'woo', role?: 'warehouse') =>
      t.current.request({
        method: 'POST',
        url: `/api/v1/channels/${channel}/deliveries/replay-failed`,
        ...(payload ? { payload } : {}),
        ...(role ? { role } : {}),
      });

    it('replays every failed delivery of a channel in pages, once each, and keeps what still fails', async () => {
      await connectChannel(t.current, 'woo', 'woocommerce');
      // The channel is switched off while five orders arrive: each delivery is kept as failed.
      await t.current.request({ method: 'PATCH', url: '/api/v1/channels/woo', payload: { isActive: false } });
      for (const id of [901, 902, 903, 904, 905]) {
        const body = fixture('woocommerce-order.json').replace('"id": 727', `"id": ${id}`);
        const response = await deliver(t.current, 'woo', 'woocommerce', body, {
          topic: 'order.created',
          deliveryId: `w${id}`,
        });
        assert.equal(response.json().outcome, 'failed', response.body);
      }
      // One body no fix will map: an order without lines.
      await deliver(t.current, 'woo', 'woocommerce', '{"id": 906, "line_items": []}', {
        topic: 'order.created',
        deliveryId: 'w906',
      });
      assert.equal((await deliveriesOf(t.current, 'woo', 'failed')).length, 6);
      await t.current.request({ method: 'PATCH', url: '/api/v1/channels/woo', payload: { isActive: true } });

      const runs: ReplayRun[] = [];
      let after: string | undefined;
      do {
        const response = await replayFailed({ limit: 4, ...(after ? { after } : {}) });
        assert.equal(response.statusCode, 200, response.body);
        const run = response.json() as ReplayRun;
        runs.push(run);
        after = run.nextAfter ?? undefined;
      } while (after && runs.length < 5);

      assert.deepEqual(
        runs.map((r) => [r.replayed, r.recovered, r.stillFailed, r.remaining]),
        [
          [4, 4, 0, 2],
          [2, 1, 1, 0],
        ],
      );
      assert.equal(runs.at(-1)!.nextAfter, null);
      assert.deepEqual((await ordersOf(t.current, 'woo')).map((o) => o.externalId).sort(), [
        '901',
        '902',
        '903',
        '904',
        '905',
      ]);
      const stillFailed = await deliveriesOf(t.current, 'woo', 'failed');
      assert.equal(stillFailed.length, 1);
      assert.match(stillFailed[0]!.error ?? '', /line/);

      // A second run (no body: the defaults) tries only what still fails, and stores nothing twice.
      const again = await replayFailed();
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), {
        channelId: 'woo',
        replayed: 1,
        recovered: 0,
        stillFailed: 1,
        nextAfter: null,
        remaining: 0,
      });
      assert.equal((await ordersOf(t.current, 'woo')).length, 5);
    });

    it('refuses a bad limit, an unknown channel and a role without channels:manage, replaying nothing', async () => {
      const before = await deliveriesOf(t.current, 'woo', 'failed');
      const badLimit = await replayFailed({ limit: 0 });
      assert.equal(badLimit.statusCode, 400);
      assert.equal(badLimit.json().error.details.field, 'limit');
      const tooMany = await replayFailed({ limit: 501 });
      assert.equal(tooMany.statusCode, 400);
      assert.equal(tooMany.json().error.details.field, 'limit');
      assert.equal((await replayFailed({}, 'nowhere')).statusCode, 404);
      assert.equal((await replayFailed({}, 'woo', 'warehouse')).statusCode, 403);
      const after = await deliveriesOf(t.current, 'woo', 'failed');
      assert.deepEqual(
        after.map((d) => d.id),
        before.map((d) => d.id),
      );
      const attempts = await t.current.request({
        method: 'GET',
        url: `/api/v1/channels/woo/deliveries/${after[0]!.id}`,
      });
      // Received once, replayed by the two runs above; the refused calls tried nothing.
      assert.equal(attempts.json().attempts, 3);
    });
  });
}
