import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from '../../../migrations/index.ts';
import type { Database } from './database.ts';

const provider: MigrationProvider = {
  getMigrations: async () => migrations as Record<string, Migration>,
};

export interface MigrateResult {
  applied: string[];
}

/** Brings the schema to the newest version; safe to run on every start (each migration runs once). */
export async function migrateToLatest(database: Database): Promise<MigrateResult> {
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  if (database.dialect === 'postgres' && results.length > 0) {
    // Fresh statistics keep the planner from treating new tables as empty during the first inserts.
    await database.pool!.query('ANALYZE');
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
