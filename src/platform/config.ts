import os from 'node:os';
import path from 'node:path';
import { AppError } from './errors.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  databaseReadUrl?: string;
  adminPassword?: string;
  smtpUrl?: string;
  /** Key sealing stored secrets (docs/channels.md); else a key file in the data directory. */
  secretKey?: string;
  worker: 'inline' | 'off';
  /** Threads that validate, audit and store order batches; 0 keeps batches on the main thread. */
  intakeThreads: number;
  /** Old-generation heap of each intake thread, in MB. */
  intakeThreadHeapMb: number;
  logLevel: string;
  /** Body limit for API requests; a batch of 1,000 orders fits in about 2 MB. */
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  webDir: string;
  /** Base URL customers reach Ordo at, for links in mails. */
  publicUrl: string;
  /** Carriers polled for tracking: `code=https://feed,code2=https://feed2` (JSON feeds). */
  trackingFeeds: { carrierCode: string; url: string }[];
  mailFrom: string;
  /**
   * Which proxies' X-Forwarded-For/-Proto to believe (Fastify's trustProxy): false (none, the
   * default), true (any), or a comma list of addresses and CIDR ranges.
   */
  trustProxy: boolean | string;
  /** Scheduled backups: where (unset: none), how often, and how many to keep. */
  backup: { dir?: string; everyHours: number; keep: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('VALIDATION_FAILED', `PORT must be a port number, got "${env.PORT}"`, {
      field: 'PORT',
    });
  }
  const worker = env.ORDO_WORKER ?? 'inline';
  if (worker !== 'inline' && worker !== 'off') {
    throw new AppError('VALIDATION_FAILED', `ORDO_WORKER must be inline or off, got "${worker}"`, {
      field: 'ORDO_WORKER',
    });
  }
  return {
    port,
    intakeThreads: parseIntakeThreads(env.ORDO_INTAKE_THREADS, Boolean(env.DATABASE_URL)),
    intakeThreadHeapMb: parseWholeNumber(
      'ORDO_INTAKE_THREAD_HEAP_MB',
      env.ORDO_INTAKE_THREAD_HEAP_MB,
      48,
      16,
      4096,
    ),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(cwd, env.ORDO_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    adminPassword: env.ORDO_ADMIN_PASSWORD || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    secretKey: env.ORDO_SECRET_KEY || undefined,
    worker,
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes: Number(env.ORDO_BODY_LIMIT_BYTES ?? 4 * 1024 * 1024),
    loginRateLimitPerMinute: Number(env.ORDO_LOGIN_RATE_LIMIT ?? 10),
    webDir: path.resolve(env.ORDO_WEB_DIR ?? path.join(cwd, 'dist/web')),
    publicUrl: env.ORDO_PUBLIC_URL ?? `http://localhost:${port}`,
    trackingFeeds: parseTrackingFeeds(env.ORDO_TRACKING_FEEDS),
    mailFrom: env.ORDO_MAIL_FROM ?? 'Ordo <orders@localhost>',
    trustProxy: parseTrustProxy(env.ORDO_TRUST_PROXY),
    backup: {
      dir: env.ORDO_BACKUP_DIR ? path.resolve(cwd, env.ORDO_BACKUP_DIR) : undefined,
      everyHours: parseWholeNumber('ORDO_BACKUP_EVERY_HOURS', env.ORDO_BACKUP_EVERY_HOURS, 24, 1, 24 * 31),
      keep: parseWholeNumber('ORDO_BACKUP_KEEP', env.ORDO_BACKUP_KEEP, 7, 1, 1000),
    },
  };
}

function parseTrustProxy(value: string | undefined): boolean | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (
    text
      .split(',')
      .every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part.trim()) || part.trim() === 'loopback')
  )
    return text;
  throw new AppError(
    'VALIDATION_FAILED',
    `ORDO_TRUST_PROXY must be true or a comma list of proxy addresses, got "${value}"`,
    { field: 'ORDO_TRUST_PROXY' },
  );
}

function parseTrackingFeeds(value: string | undefined): { carrierCode: string; url: string }[] {
  if (!value?.trim()) return [];
  return value.split(',').map((entry) => {
    const [carrierCode, url] = entry.split('=').map((part) => part?.trim() ?? '');
    if (!carrierCode || !URL.canParse(url ?? ''))
      throw new AppError('VALIDATION_FAILED', `ORDO_TRACKING_FEEDS: "${entry}" is not carrier=url`, {
        field: 'ORDO_TRACKING_FEEDS',
      });
    return { carrierCode, url: url! };
  });
}

/**
 * Default on the embedded database: one per core up to four, none on a single core (threads gain
 * nothing there); the main thread only serves HTTP meanwhile, each thread costs about 40 MB.
 * Default on PostgreSQL: none. Measured on a 2-core machine running PostgreSQL too, threads took
 * the database's CPU and batch intake slowed down; PostgreSQL deployments scale by API nodes,
 * and one whose database has its own machine can set the number.
 */
function parseIntakeThreads(value: string | undefined, isPostgres: boolean): number {
  if (value === undefined || value === '') {
    const cores = os.availableParallelism();
    return cores > 1 && !isPostgres ? Math.min(4, cores) : 0;
  }
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 0 || threads > 32)
    throw new AppError(
      'VALIDATION_FAILED',
      `ORDO_INTAKE_THREADS must be a whole number 0–32, got "${value}"`,
      {
        field: 'ORDO_INTAKE_THREADS',
      },
    );
  return threads;
}

/**
 * A whole-number setting within bounds, or its default when unset. The heap of an intake thread
 * (ORDO_INTAKE_THREAD_HEAP_MB, default 48) holds one batch: enough for the API's largest on
 * SQLite; a batch that does not fit is stored by the main thread instead, so the setting trades
 * memory for how often that happens, never for lost orders.
 */
function parseWholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
) {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new AppError('VALIDATION_FAILED', `${name} must be a whole number ${min}–${max}, got "${value}"`, {
      field: name,
    });
  return number;
}
