import type { Kysely } from 'kysely';
import { writeJson } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * System-health monitors an installation starts with (docs/operations.md "Health alerts"): the
 * health page's figures judged every minute by risk's monitor cycle. Each mails the `it` role at
 * its warning level and shows its alerts in the console; thresholds can be changed like any
 * monitor's. Database size has none: what is too big depends on the installation.
 */
const seeds: [id: string, name: string, metric: string, warning: number, critical: number][] = [
  [
    '00000000-0000-7000-8000-000000000001',
    'Outbox events waiting (minutes)',
    'outbox_oldest_age_minutes',
    10,
    30,
  ],
  ['00000000-0000-7000-8000-000000000002', 'Outbox backlog (events)', 'outbox_backlog', 1000, 10000],
  ['00000000-0000-7000-8000-000000000003', 'Dead letters in the outbox', 'dead_letters', 1, 25],
  ['00000000-0000-7000-8000-000000000004', 'Worker lag (seconds)', 'worker_lag_seconds', 120, 600],
  ['00000000-0000-7000-8000-000000000005', 'Disk used (data directory)', 'disk_used_share', 0.9, 0.95],
  [
    '00000000-0000-7000-8000-000000000006',
    'Database connections (PostgreSQL)',
    'database_connections',
    80,
    95,
  ],
];

export async function up(db: AnyDb): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('risk_monitors')
    .values(
      seeds.map(([id, name, metric, warning, critical]) => ({
        id,
        name,
        metric,
        channel: null,
        carrier: null,
        sku: null,
        window_minutes: 5,
        min_volume: 1,
        warning,
        critical,
        measure: writeJson({ kind: 'notify_role', level: 'warning', role: 'it' }),
        notify: writeJson({ emails: [], webhookUrl: null }),
        is_enabled: 1,
        created_at: now,
      })),
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  const ids = seeds.map(([id]) => id);
  await db.deleteFrom('risk_alerts').where('monitor_id', 'in', ids).execute();
  await db.deleteFrom('risk_measures').where('monitor_id', 'in', ids).execute();
  await db.deleteFrom('risk_monitor_samples').where('monitor_id', 'in', ids).execute();
  await db.deleteFrom('risk_monitors').where('id', 'in', ids).execute();
}
