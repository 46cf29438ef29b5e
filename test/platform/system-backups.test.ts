import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runScheduledBackup } from '../../src/worker/scheduled-backup.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

for (const dialect of testDialects) {
  describe(`GET /api/v1/system/backups on ${dialect}`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-backups-'));
    const t = useTestApp(dialect, { env: { ORDO_BACKUP_DIR: dir } });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('lists the backups in ORDO_BACKUP_DIR newest first, with size and time, page by page', async () => {
      const database = t.current.app.database;
      const first = await runScheduledBackup(database, {
        dir,
        keep: 7,
        now: new Date('2026-12-01T02:00:00Z'),
      });
      const second = await runScheduledBackup(database, {
        dir,
        keep: 7,
        now: new Date('2026-12-02T02:00:00Z'),
      });
      // The newer file is also the one written last; make the times differ whatever the file system's resolution.
      fs.utimesSync(first.file, new Date('2026-12-01T02:00:00Z'), new Date('2026-12-01T02:00:00Z'));
      fs.utimesSync(second.file, new Date('2026-12-02T02:00:00Z'), new Date('2026-12-02T02:00:00Z'));
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');

      const all = await t.current.request({ method: 'GET', url: '/api/v1/system/backups' });
      assert.equal(all.statusCode, 200, all.body);
      const body = all.json() as {
        directory: string;
        items: { name: string; sizeBytes: number; modifiedAt: string }[];
        nextCursor: string | null;
      };
      assert.equal(body.directory, dir);
      assert.deepEqual(
        body.items.map((i) => i.name),
        [path.basename(second.file), path.basename(first.file)],
      );
      assert.ok(body.items.every((i) => i.sizeBytes > 0));
      assert.equal(body.items[0].modifiedAt, '2026-12-02T02:00:00.000Z');
      assert.equal(body.nextCursor, null);

      const page1 = (
        await t.current.request({ method: 'GET', url: '/api/v1/system/backups?limit=1' })
      ).json();
      assert.equal(page1.items.length, 1);
      const page2 = (
        await t.current.request({
          method: 'GET',
          url: `/api/v1/system/backups?limit=1&cursor=${page1.nextCursor}`,
        })
      ).json();
      assert.deepEqual(
        page2.items.map((i: { name: string }) => i.name),
        [path.basename(first.file)],
      );
      assert.equal(page2.nextCursor, null);
    });

    it('refuses a bad limit and those without system:read', async () => {
      const bad = await t.current.request({ method: 'GET', url: '/api/v1/system/backups?limit=0' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
      const warehouse = await t.current.request({
        method: 'GET',
        url: '/api/v1/system/backups',
        role: 'warehouse',
      });
      assert.equal(warehouse.statusCode, 403);
    });
  });
}
