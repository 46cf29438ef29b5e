import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

for (const dialect of testDialects) {
  describe(`system health on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const health = async (role = 'admin') =>
      t.current.request({ method: 'GET', url: '/api/v1/system/health', role });

    it('reports database, worker, outbox, jobs, disk and version; degraded until a worker runs', async () => {
      await t.current.request({
        method: 'POST',
        url: '/api/v1/orders',
        role: 'integration',
        payload: newOrderInput(),
      });
      const before = await health();
      assert.equal(before.statusCode, 200, before.body);
      const body = before.json();
      assert.equal(body.status, 'degraded');
      assert.ok(body.problems.includes('no worker has run yet'));
      assert.match(body.version, /^\d+\.\d+\.\d+/);
      assert.equal(body.database.dialect, dialect);
      assert.equal(body.database.isUp, true);
      assert.ok(body.database.sizeBytes > 0);
      assert.match(body.database.schemaVersion, /^\d{3}_/);
      if (dialect === 'postgres') assert.ok(body.database.connections.server >= 1);
      else assert.equal(typeof body.database.walBytes, 'number');
      assert.ok(body.outbox.pending >= 1);
      assert.ok(body.outbox.oldestPendingAgeSeconds >= 0);
      assert.ok(body.jobs.some((job: { name: string }) => job.name === 'hold timers'));
      if (dialect === 'sqlite')
        assert.ok(body.disk.freeBytes > 0 && body.disk.totalBytes >= body.disk.freeBytes);

      t.current.app.startWorker();
      const deadline = Date.now() + 15_000;
      let after = (await health()).json();
      while ((after.status !== 'ok' || after.outbox.pending > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        after = (await health()).json();
      }
      assert.equal(after.status, 'ok', JSON.stringify(after.problems));
      assert.equal(after.outbox.pending, 0);
      assert.equal(after.outbox.oldestPendingAgeSeconds, null);
      assert.equal(after.worker.inThisProcess, true);
      assert.ok(after.worker.heartbeatAgeSeconds <= 5);
      assert.ok(after.worker.lastTickAt);
      const ready = await t.current.server.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 200);
    });

    it('is for those who may read the system', async () => {
      assert.equal((await health('warehouse')).statusCode, 403);
      assert.equal(
        (await t.current.server.inject({ method: 'GET', url: '/api/v1/system/health' })).statusCode,
        401,
      );
    });
  });
}
