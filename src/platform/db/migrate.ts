import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { migrations } from '../../../migrations/index.ts';
import { AppError } from '../errors.ts';
import type { Database } from './database.ts';

const provider: MigrationProvider = {
  getMigrations: async () => migrations as Record<string, Migration>,
};

export interface MigrateResult {
  applied: string[];
}

export interface MigrationStatus {
  /** Every migration this version knows, in order, with when it was applied (null: pending). */
  known: { name: string; appliedAt: string | null }[];
  /** Applied to the database but unknown to this version: the database is newer than the code. */
  unknown: string[];
}

/** What is applied, what is pending, and what the database has that this version does not know. */
export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const applied = new Map<string, string>();
  try {
    const { rows } = await sql<{
      name: string;
      timestamp: string;
    }>`select name, timestamp from kysely_migration order by name`.execute(database.db);
    for (const row of rows) applied.set(row.name, String(row.timestamp));
  } catch (error) {
    // A fresh database has no migration table yet: everything is pending.
    if (!/kysely_migration|no such table|does not exist/i.test(String((error as Error).message))) throw error;
  }
  const names = Object.keys(migrations);
  return {
    known: names.map((name) => ({ name, appliedAt: applied.get(name) ?? null })),
    unknown: [...applied.keys()].filter((name) => !names.includes(name)),
  };
}

/**
 * Refuses a database that a newer Ordo has migrated: this version would not know its tables,
 * and running it could undo what the newer one wrote.
 */
export function assertNotNewer(status: MigrationStatus): void {
  if (status.unknown.length === 0) return;
  const newest = Object.keys(migrations).at(-1);
  throw new AppError(
    'SCHEMA_TOO_NEW',
    `the database was migrated by a newer Ordo (it has ${status.unknown.join(', ')}; this version knows up to ${newest}): run the newer version, or restore a backup taken before the upgrade (docs/operations.md#upgrading)`,
  );
}

/** Brings the schema to the newest version; safe to run on every start (each migration runs once). */
export async function migrateToLatest(database: Database): Promise<MigrateResult> {
  assertNotNewer(await migrationStatus(database));
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  if (database.dialect === 'postgres' && results.length > 0) {
    // Fresh statistics keep the planner from treating new tables as empty during the first inserts.
    await database.pool!.query('ANALYZE');
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
