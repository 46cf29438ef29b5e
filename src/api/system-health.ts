import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { App } from '../app.ts';
import type { systemHealth } from '../contracts/system.ts';
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

export async function systemHealthOf(app: App): Promise<SystemHealth> {
  const { database, config } = app;
  const now = Date.now();
  const problems: string[] = [];
  let isUp = true;
  let sizeBytes: number | null = null;
  let walBytes: number | null = null;
  let serverConnections: number | null = null;
  let schemaVersion: string | null = null;
  const outbox = { pending: 0, dead: 0, oldestPendingAgeSeconds: null as number | null };
  let heartbeatAt: string | null = null;
  try {
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
    schemaVersion = version.rows[0]?.v ?? null;
    const counts = await database.db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
      .where('status', 'in', ['pending', 'dead'])
      .groupBy('status')
      .execute();
    for (const row of counts) {
      if (row.status === 'pending') {
        outbox.pending = Number(row.n);
        outbox.oldestPendingAgeSeconds = row.oldest
          ? Math.max(0, Math.round((now - Date.parse(String(row.oldest))) / 1000))
          : null;
      } else outbox.dead = Number(row.n);
    }
    heartbeatAt = (await lastWorkerHeartbeat(database))?.at ?? null;
  } catch {
    isUp = false;
    problems.push('the database does not answer');
  }
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
  let disk: SystemHealth['disk'] = null;
  try {
    const dataDir = database.location.sqliteFile
      ? path.dirname(database.location.sqliteFile)
      : config.dataDir;
    const stats = fs.statfsSync(dataDir);
    disk = {
      path: dataDir,
      freeBytes: stats.bavail * stats.bsize,
      totalBytes: stats.blocks * stats.bsize,
    };
    if (disk.freeBytes < Math.min(1024 ** 3, disk.totalBytes * 0.05))
      problems.push(`only ${Math.round(disk.freeBytes / 1024 ** 2)} MB free in ${dataDir}`);
  } catch {
    disk = null; // no data directory (PostgreSQL deployments need none)
  }
  const pool = database.pool;
  return {
    status: !isUp ? 'down' : problems.length > 0 ? 'degraded' : 'ok',
    problems,
    version,
    checkedAt: new Date(now).toISOString(),
    database: {
      dialect: database.dialect,
      isUp,
      sizeBytes,
      walBytes,
      connections: pool
        ? {
            server: serverConnections,
            pool: pool.totalCount,
            idle: pool.idleCount,
            waiting: pool.waitingCount,
          }
        : null,
      schemaVersion,
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
  };
}
