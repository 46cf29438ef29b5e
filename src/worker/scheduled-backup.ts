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

export interface BackupFile {
  name: string;
  sizeBytes: number;
  modifiedAt: string;
}

const sizeOf = (full: string): number => {
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(full).reduce((sum, name) => sum + sizeOf(path.join(full, name)), 0);
};

/**
 * The backups in `dir` (every `*.backup`, scheduled or taken by hand), newest first, paged by
 * name: `after` is the last name of the previous page.
 */
export function listBackups(
  dir: string,
  options: { limit: number; after?: string },
): { items: BackupFile[]; nextCursor: string | null } {
  if (!fs.existsSync(dir)) return { items: [], nextCursor: null };
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.backup'))
    .map((name) => {
      const full = path.join(dir, name);
      return { name, sizeBytes: sizeOf(full), modifiedAt: fs.statSync(full).mtime.toISOString() };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name));
  const start = options.after ? files.findIndex((f) => f.name === options.after) + 1 : 0;
  const items = files.slice(start, start + options.limit);
  const hasMore = start + options.limit < files.length;
  return { items, nextCursor: hasMore ? items[items.length - 1].name : null };
}
