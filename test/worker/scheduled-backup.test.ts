import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/platform/config.ts';
import { openBackup } from '../../src/platform/db/backup.ts';
import { runScheduledBackup } from '../../src/worker/scheduled-backup.ts';
import { createTestDatabase } from '../helpers/db.ts';

describe('scheduled backups', () => {
  it('writes a timestamped backup and keeps only the newest ORDO_BACKUP_KEEP', async () => {
    const testDb = await createTestDatabase('sqlite');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-scheduled-'));
    try {
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup: never removed');
      const made: string[] = [];
      for (let day = 1; day <= 4; day += 1) {
        const { file } = await runScheduledBackup(testDb.database, {
          dir,
          keep: 2,
          now: new Date(`2026-12-0${day}T03:00:00Z`),
        });
        made.push(path.basename(file));
      }
      assert.deepEqual(made[0], 'ordo-20261201T030000Z.backup');
      assert.deepEqual(fs.readdirSync(dir).sort(), [
        'notes.txt',
        'ordo-20261203T030000Z.backup',
        'ordo-20261204T030000Z.backup',
      ]);
      const opened = await openBackup(path.join(dir, 'ordo-20261204T030000Z.backup'));
      fs.rmSync(opened.dir, { recursive: true, force: true });
      assert.equal(opened.manifest.dialect, 'sqlite');
    } finally {
      await testDb.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads its settings from the environment', () => {
    assert.deepEqual(loadConfig({}).backup, { dir: undefined, everyHours: 24, keep: 7 });
    const config = loadConfig({
      ORDO_BACKUP_DIR: '/var/backups/ordo',
      ORDO_BACKUP_EVERY_HOURS: '6',
      ORDO_BACKUP_KEEP: '28',
    });
    assert.deepEqual(config.backup, { dir: '/var/backups/ordo', everyHours: 6, keep: 28 });
    assert.throws(() => loadConfig({ ORDO_BACKUP_KEEP: '0' }), /ORDO_BACKUP_KEEP/);
  });
});
