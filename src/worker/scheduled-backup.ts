import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../platform/db/backup.ts';
import type { Database } from '../platform/db/database.ts';

const backupName = /^ordo-\d{8}T\d{6}Z\.backup$/;

/**
 * The scheduled backup (ORDO_BACKUP_DIR): one `ordo-<UTC time>.backup` per run, then the oldest
 * beyond `keep` removed. Only files of that name are ever removed.
 */
export async function runScheduledBackup(
  database: Database,
  options: { dir: string; keep: number; now?: Date },
): Promise<{ file: string; removed: string[] }> {
  fs.mkdirSync(options.dir, { recursive: true });
  const stamp = (options.now ?? new Date())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = path.join(options.dir, `ordo-${stamp}.backup`);
  await createBackup(database, file);
  return { file, removed: pruneBackups(options.dir, options.keep) };
}

/** Keeps the newest `keep` scheduled backups in `dir`, removes the rest; returns what it removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = fs
    .readdirSync(dir)
    .filter((name) => backupName.test(name))
    .sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  return removed.map((name) => path.join(dir, name));
}
