import path from 'node:path';
import type { Config } from '../platform/config.ts';
import { createBackup, drillBackup, type RestoreResult, restoreBackup } from '../platform/db/backup.ts';
import { openDatabase } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';

/** `ordo backup FILE`: a consistent backup of the configured database, taken while Ordo serves. */
export async function backupCommand(config: Config, file: string): Promise<void> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const manifest = await createBackup(database, file);
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    console.log(
      `backup ${file}: ${manifest.dialect}, schema ${manifest.schemaVersion ?? '(none)'}, ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.data.bytes} bytes, sha256 ${manifest.data.sha256.slice(0, 12)}…`,
    );
  } finally {
    await database.close();
  }
}

function report(verb: string, file: string, result: RestoreResult): void {
  const { manifest, mismatches } = result;
  for (const m of mismatches) console.error(`  ${m.table}: ${m.actual} rows, the backup has ${m.expected}`);
  if (mismatches.length > 0)
    throw new AppError('BACKUP_INVALID', `${file}: ${mismatches.length} tables differ from the manifest`);
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  console.log(
    `${verb} ${file}: ${Object.keys(manifest.tables).length} tables, ${rows} rows as in the manifest (schema ${manifest.schemaVersion ?? '(none)'}, taken ${manifest.createdAt})`,
  );
}

/** `ordo restore FILE [--force] [--drill]`. */
export async function restoreCommand(
  config: Config,
  file: string,
  options: { force: boolean; drill: boolean },
): Promise<void> {
  if (options.drill) {
    report('drill', file, await drillBackup(file, config.databaseUrl));
    return;
  }
  const target = config.databaseUrl
    ? { databaseUrl: config.databaseUrl }
    : { sqliteFile: path.join(config.dataDir, 'ordo.db') };
  report('restored', file, await restoreBackup(file, target, options));
}
