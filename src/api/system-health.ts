import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { App } from '../app.ts';
import type { systemHealth } from '../contracts/system.ts';
import type { SystemFigures } from '../modules/risk/index.ts';
import type { Database } from '../platform/db/database.ts';
import { lastWorkerHeartbeat } from '../worker/heartbeat.ts';

type SystemHealth = z.output<typeof systemHealth>;

const version = (() => {
  try {
    return (
      JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return 'unknown';
  }
})();

/** A worker that has not ticked (or beaten) for this long counts as stopped. */
export const workerStaleSeconds = 60;
/** Outbox events waiting longer than this mean delivery is behind. */
const outboxLagSeconds = 300;

const fileSize = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
};

/**
 * Whether this process can serve: the database answers and, where this process runs the worker,
 * the worker is ticking and its passes succeed. `/readyz` answers 503 with the reason otherwise.
 */
export async function readiness(app: App): Promise<{ isReady: boolean; reason?: string }> {
  try {
    await sql`select 1`.execute(app.database.db);
  } catch {
    return { isReady: false, reason: 'the database does not answer' };
  }
  if (app.isWorkerRunning()) {
    const worker = app.dispatcher.health();
    if (worker.consecutiveFailures >= 3)
      return { isReady: false, reason: `the worker failed ${worker.consecutiveFailures} passes in a row` };
    const tickAge = worker.lastTickAt ? (Date.now() - Date.parse(worker.lastTickAt)) / 1000 : 0;
    if (tickAge > workerStaleSeconds)
      return { isReady: false, reason: `the worker has not run for ${Math.round(tickAge)} s` };
  }
  return { isReady: true };
}

/** What the database says: size, WAL, connections, schema version, outbox and worker heartbeat. */
async function databaseFigures(database: Database) {
  let sizeBytes: number | null = null;
  let walBytes: number | null = null;
  let serverConnections: number | null = null;
  if (database.dialect === 'sqlite') {
    const file = database.location.sqliteFile!;
    sizeBytes = fileSize(file);
    walBytes = fileSize(`${file}-wal`) ?? 0;
  } else {
    const { rows } = await sql<{
      size: number;
      connections: number;
    }>`select pg_database_size(current_database()) as size,
      (select count(*) from pg_stat_activity where datname = current_database()) as connections`.execute(
      database.db,
    );
    sizeBytes = Number(rows[0].size);
    serverConnections = Number(rows[0].connections);
    try {
      const wal = await sql<{ bytes: number }>`select sum(size) as bytes from pg_ls_waldir()`.execute(
        database.db,
      );
      walBytes = Number(wal.rows[0].bytes);
    } catch {
      walBytes = null; // needs the pg_monitor role
    }
  }
  const version = await sql<{ v: string | null }>`select max(name) as v from kysely_migration`.execute(
    database.db,
  );
  const outbox = { pending: 0, dead: 0, oldestPendingAt: null as string | null };
  const counts = await database.db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['pending', 'dead'])
    .groupBy('status')
    .execute();
  for (const row of counts) {
    if (row.status === 'pending') {
      outbox.pending = Number(row.n);
      const oldest = row.oldest as unknown;
      outbox.oldestPendingAt = oldest
        ? new Date(oldest instanceof Date ? oldest : String(oldest)).toISOString()
        : null;
    } else outbox.dead = Number(row.n);
  }
  return {
    sizeBytes,
    walBytes,
    serverConnections,
    schemaVersion: version.rows[0]?.v ?? null,
    outbox,
    heartbeatAt: (await lastWorkerHeartbeat(database))?.at ?? null,
  };
}

/** Free and total space where the data lives: the SQLite file's directory, else ORDO_DATA_DIR. */
function diskOf(database: Database, dataDir: string): SystemHealth['disk'] {
  try {
    const dir = database.location.sqliteFile ? path.dirname(database.location.sqliteFile) : dataDir;
    const stats = fs.statfsSync(dir);
    return { path: dir, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  } catch {
    return null; // no data directory (PostgreSQL deployments need none)
  }
}

/** The figures risk's health monitors judge (docs/operations.md "Health alerts"). */
export async function systemFigures(database: Database, dataDir: string): Promise<SystemFigures> {
  const figures = await databaseFigures(database);
  return {
    outbox: figures.outbox,
    workerHeartbeatAt: figures.heartbeatAt,
    disk: diskOf(database, dataDir),
    database: { sizeBytes: figures.sizeBytes, serverConnections: figures.serverConnections },
  };
}

export async function systemHealthOf(app: App): Promise<SystemHealth> {
  const { database, config } = app;
  const now = Date.now();
  const problems: string[] = [];
  let isUp = true;
  let figures: Awaited<ReturnType<typeof databaseFigures>> | null = null;
  try {
    figures = await databaseFigures(database);
  } catch {
    isUp = false;
    problems.push('the database does not answer');
  }
  const oldestPendingAt = figures?.outbox.oldestPendingAt;
  const outbox = {
    pending: figures?.outbox.pending ?? 0,
    dead: figures?.outbox.dead ?? 0,
    oldestPendingAgeSeconds: oldestPendingAt
      ? Math.max(0, Math.round((now - Date.parse(oldestPendingAt)) / 1000))
      : null,
  };
  const heartbeatAt = figures?.heartbeatAt ?? null;
  const dispatcher = app.dispatcher.health();
  const heartbeatAgeSeconds = heartbeatAt ? Math.round((now - Date.parse(heartbeatAt)) / 1000) : null;
  if (isUp) {
    if (heartbeatAgeSeconds === null) problems.push('no worker has run yet');
    else if (heartbeatAgeSeconds > workerStaleSeconds)
      problems.push(`no worker has reported for ${heartbeatAgeSeconds} s`);
    if (dispatcher.consecutiveFailures > 0)
      problems.push(`the worker's last ${dispatcher.consecutiveFailures} passes failed`);
    if ((outbox.oldestPendingAgeSeconds ?? 0) > outboxLagSeconds)
      problems.push(`outbox events wait for ${outbox.oldestPendingAgeSeconds} s`);
    if (outbox.dead > 0) problems.push(`${outbox.dead} dead letters in the outbox`);
    // Interface alerts of the sales channels (docs/channels.md "Alerts").
    for (const alert of await app.channels.syncAdmin.alerts().catch(() => []))
      problems.push(`channel ${alert.channelId}: ${alert.message}`);
  }
  const disk = diskOf(database, config.dataDir);
  if (disk && disk.freeBytes < Math.min(1024 ** 3, disk.totalBytes * 0.05))
    problems.push(`only ${Math.round(disk.freeBytes / 1024 ** 2)} MB free in ${disk.path}`);
  // Alerts of the health monitors (docs/operations.md "Health alerts"); none while the database is down.
  const alerts = isUp ? await app.risk.monitors.healthAlerts().catch(() => []) : [];
  const pool = database.pool;
  return {
    status: !isUp ? 'down' : problems.length > 0 ? 'degraded' : 'ok',
    problems,
    version,
    checkedAt: new Date(now).toISOString(),
    database: {
      dialect: database.dialect,
      isUp,
      sizeBytes: figures?.sizeBytes ?? null,
      walBytes: figures?.walBytes ?? null,
      connections: pool
        ? {
            server: figures?.serverConnections ?? null,
            pool: pool.totalCount,
            idle: pool.idleCount,
            waiting: pool.waitingCount,
          }
        : null,
      schemaVersion: figures?.schemaVersion ?? null,
    },
    worker: {
      inThisProcess: app.isWorkerRunning(),
      lastTickAt: dispatcher.lastTickAt,
      consecutiveFailures: dispatcher.consecutiveFailures,
      lastError: dispatcher.lastError,
      lastHeartbeatAt: heartbeatAt,
      heartbeatAgeSeconds,
    },
    outbox,
    jobs: app.scheduler.jobs(),
    disk,
    alerts,
  };
}
