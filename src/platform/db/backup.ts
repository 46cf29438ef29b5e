/**
 * Backups of the whole database, taken while Ordo serves, and their restore.
 *
 * A backup is one tar file holding two entries:
 *   manifest.json   what the backup is (format, dialect, schema version, Ordo version, when it
 *                   was taken, rows per table, size and SHA-256 of the data entry)
 *   ordo.db         SQLite: a copy made with SQLite's online backup API, or
 *   ordo.pgdump     PostgreSQL: `pg_dump --format=custom` of one snapshot.
 * The row counts are read from exactly the data that was saved (the copy itself; on PostgreSQL
 * the snapshot pg_dump used), so a restore can be checked against them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { AppError } from '../errors.ts';
import type { Database, DialectName } from './database.ts';

export const backupFormat = 'ordo-backup/1';

export interface BackupManifest {
  format: typeof backupFormat;
  dialect: DialectName;
  /** The newest migration applied when the backup was taken. */
  schemaVersion: string | null;
  ordoVersion: string;
  createdAt: string;
  /** Rows per table, as saved. */
  tables: Record<string, number>;
  data: { file: string; bytes: number; sha256: string };
}

const ordoVersion = (): string => {
  try {
    const file = path.resolve(import.meta.dirname, '../../../package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer))
      hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) =>
      reject(
        new AppError('INTERNAL', `${command} could not be started (${error.message}); is it installed?`),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new AppError('INTERNAL', `${command} failed (exit ${code}): ${stderr.trim().split('\n')[0]}`),
          ),
    );
  });
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function sqliteCounts(file: string): { tables: Record<string, number>; schemaVersion: string | null } {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const names = db
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
      )
      .all() as { name: string }[];
    const tables: Record<string, number> = {};
    for (const { name } of names)
      tables[name] = (db.prepare(`select count(*) as n from ${quoteIdent(name)}`).get() as { n: number }).n;
    const schemaVersion = names.some((t) => t.name === 'kysely_migration')
      ? ((db.prepare('select max(name) as v from kysely_migration').get() as { v: string | null }).v ?? null)
      : null;
    return { tables, schemaVersion };
  } finally {
    db.close();
  }
}

async function postgresCounts(
  client: pg.ClientBase,
): Promise<{ tables: Record<string, number>; schemaVersion: string | null }> {
  const { rows } = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const tables: Record<string, number> = {};
  for (const { name } of rows) {
    const result = await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(name)}`);
    tables[name] = Number(result.rows[0].n);
  }
  const schemaVersion = rows.some((t) => t.name === 'kysely_migration')
    ? ((await client.query<{ v: string | null }>('select max(name) as v from kysely_migration')).rows[0].v ??
      null)
    : null;
  return { tables, schemaVersion };
}

/** Writes a consistent backup of the running database to `file` and returns its manifest. */
export async function createBackup(database: Database, file: string): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(path.dirname(path.resolve(file)), '.ordo-backup-'));
  try {
    let dataFile: string;
    let counted: { tables: Record<string, number>; schemaVersion: string | null };
    if (database.dialect === 'sqlite') {
      dataFile = path.join(work, 'ordo.db');
      // The online backup API copies pages while writers go on, restarting when one writes.
      // Large steps keep the copy short, so writers rarely make it start over.
      await database.sqlite!.backup(dataFile, { progress: () => 4096 });
      counted = sqliteCounts(dataFile);
    } else {
      dataFile = path.join(work, 'ordo.pgdump');
      counted = await dumpPostgres(database.location.databaseUrl!, dataFile);
    }
    const manifest: BackupManifest = {
      format: backupFormat,
      dialect: database.dialect,
      schemaVersion: counted.schemaVersion,
      ordoVersion: ordoVersion(),
      createdAt: new Date().toISOString(),
      tables: counted.tables,
      data: {
        file: path.basename(dataFile),
        bytes: fs.statSync(dataFile).size,
        sha256: sha256File(dataFile),
      },
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written beside the target and renamed: a backup file is whole or absent, never half.
    const partial = path.join(work, 'backup.tar');
    await run('tar', ['-cf', partial, '-C', work, 'manifest.json', manifest.data.file]);
    fs.renameSync(partial, path.resolve(file));
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * pg_dump of one snapshot, and the row counts of the same snapshot: a repeatable-read
 * transaction exports its snapshot, pg_dump reads through it, the counts are taken in it.
 */
async function dumpPostgres(url: string, dataFile: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const counts = await postgresCounts(client);
    await run('pg_dump', ['--format=custom', `--snapshot=${rows[0].id}`, `--file=${dataFile}`, url]);
    await client.query('commit');
    return counts;
  } finally {
    await client.end();
  }
}

/** Unpacks a backup into a fresh directory and checks its manifest and checksum. */
export async function openBackup(
  file: string,
): Promise<{ dir: string; manifest: BackupManifest; dataFile: string }> {
  if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-restore-'));
  try {
    await run('tar', ['-xf', path.resolve(file), '-C', dir, 'manifest.json']).catch(() => {
      throw new AppError('BACKUP_INVALID', `${file}: not an Ordo backup (no manifest.json in a tar file)`);
    });
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    } catch {
      throw new AppError('BACKUP_INVALID', `${file}: manifest.json is not valid JSON`);
    }
    if (
      manifest.format !== backupFormat ||
      !manifest.data?.file ||
      !/^ordo\.(db|pgdump)$/.test(manifest.data.file)
    )
      throw new AppError('BACKUP_INVALID', `${file}: unknown backup format ${String(manifest.format)}`);
    await run('tar', ['-xf', path.resolve(file), '-C', dir, manifest.data.file]).catch(() => {
      throw new AppError('BACKUP_INVALID', `${file}: the data entry ${manifest.data.file} is missing`);
    });
    const dataFile = path.join(dir, manifest.data.file);
    if (sha256File(dataFile) !== manifest.data.sha256)
      throw new AppError('BACKUP_INVALID', `${file}: the data does not match its checksum (damaged backup)`);
    return { dir, manifest, dataFile };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export interface RestoreTarget {
  databaseUrl?: string;
  /** The SQLite file to restore into (SQLite backups). */
  sqliteFile?: string;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Tables whose row count after the restore differs from the manifest (none when it worked). */
  mismatches: { table: string; expected: number; actual: number }[];
}

/**
 * Restores a backup into the target. The target must be empty (no rows in any table) unless
 * `force`; the restored rows are counted and compared with the manifest.
 */
export async function restoreBackup(
  file: string,
  target: RestoreTarget,
  options: { force: boolean },
): Promise<RestoreResult> {
  const { dir, manifest, dataFile } = await openBackup(file);
  try {
    const isPostgresTarget = Boolean(target.databaseUrl);
    if (manifest.dialect === 'postgres' && !isPostgresTarget)
      throw new AppError(
        'BACKUP_INVALID',
        `${file}: a PostgreSQL backup restores only into PostgreSQL (set DATABASE_URL)`,
      );
    if (manifest.dialect === 'sqlite' && isPostgresTarget)
      throw new AppError(
        'BACKUP_INVALID',
        `${file}: a SQLite backup restores only into SQLite (unset DATABASE_URL)`,
      );
    let counts: Record<string, number>;
    if (manifest.dialect === 'sqlite') counts = restoreSqlite(dataFile, target.sqliteFile!, options.force);
    else counts = await restorePostgres(dataFile, target.databaseUrl!, options.force);
    const mismatches = Object.entries(manifest.tables)
      .filter(([table, expected]) => counts[table] !== expected)
      .map(([table, expected]) => ({ table, expected, actual: counts[table] ?? 0 }));
    return { manifest, mismatches };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function refuseNonEmpty(where: string, counts: Record<string, number>, force: boolean): void {
  const filled = Object.entries(counts).filter(([table, n]) => n > 0 && !table.startsWith('kysely_'));
  if (filled.length > 0 && !force)
    throw new AppError(
      'DATABASE_NOT_EMPTY',
      `${where} is not empty (${filled
        .slice(0, 3)
        .map(([t, n]) => `${t}: ${n}`)
        .join(
          ', ',
        )}${filled.length > 3 ? ', …' : ''}); restore into an empty database, or add --force to replace it`,
    );
}

function restoreSqlite(dataFile: string, target: string, force: boolean): Record<string, number> {
  if (fs.existsSync(target)) refuseNonEmpty(target, sqliteCounts(target).tables, force);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Copied beside the target, then renamed over it with the old WAL and shared memory removed.
  const partial = `${target}.restoring`;
  fs.copyFileSync(dataFile, partial);
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(partial, target);
  return sqliteCounts(target).tables;
}

async function restorePostgres(
  dataFile: string,
  url: string,
  force: boolean,
): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    refuseNonEmpty(new URL(url).pathname.slice(1) || url, (await postgresCounts(client)).tables, force);
    // An empty but migrated database has the tables already: start from an empty schema.
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, dataFile]);
  const after = new pg.Client({ connectionString: url });
  await after.connect();
  try {
    await after.query('analyze');
    return (await postgresCounts(after)).tables;
  } finally {
    await after.end();
  }
}

/**
 * The restore drill: restores the backup into a scratch place (a temporary SQLite file, or a
 * scratch database on the PostgreSQL server of `databaseUrl`), compares counts, removes it.
 */
export async function drillBackup(file: string, databaseUrl?: string): Promise<RestoreResult> {
  const { manifest, dir } = await openBackup(file);
  fs.rmSync(dir, { recursive: true, force: true });
  if (manifest.dialect === 'sqlite') {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-drill-'));
    try {
      return await restoreBackup(file, { sqliteFile: path.join(scratch, 'ordo.db') }, { force: false });
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  if (!databaseUrl)
    throw new AppError(
      'BACKUP_INVALID',
      `${file}: a PostgreSQL backup needs a server for the drill (set DATABASE_URL)`,
    );
  const name = `ordo_drill_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const scratchUrl = new URL(databaseUrl);
    scratchUrl.pathname = `/${name}`;
    try {
      return await restoreBackup(file, { databaseUrl: scratchUrl.toString() }, { force: false });
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

/** Whether the tools a PostgreSQL backup needs are on the PATH. */
export function hasPostgresTools(): boolean {
  return ['pg_dump', 'pg_restore'].every(
    (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0,
  );
}
