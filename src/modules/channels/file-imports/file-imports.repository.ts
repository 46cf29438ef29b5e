import type { Executor } from '../../../platform/db/database.ts';
import type { NewRow, Row } from '../../../platform/db/schema.ts';

type ImportProgress = Pick<Row<'file_imports'>, 'rows_done' | 'created' | 'duplicate' | 'failed'>;

/** SQL for the channels module's file-import tables. */
export const fileImportsRepository = {
  listMappings(db: Executor, channelId: string) {
    return db
      .selectFrom('file_import_mappings')
      .selectAll()
      .where('channel_id', '=', channelId)
      .orderBy('name')
      .execute();
  },
  findMapping(db: Executor, channelId: string, name: string) {
    return db
      .selectFrom('file_import_mappings')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('name', '=', name)
      .executeTakeFirst();
  },
  async saveMapping(db: Executor, row: NewRow<'file_import_mappings'>): Promise<void> {
    await db
      .insertInto('file_import_mappings')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['channel_id', 'name']).doUpdateSet({
          mapping: row.mapping,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },
  async deleteMapping(db: Executor, channelId: string, name: string): Promise<boolean> {
    const result = await db
      .deleteFrom('file_import_mappings')
      .where('channel_id', '=', channelId)
      .where('name', '=', name)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },
  async insertImport(db: Executor, row: NewRow<'file_imports'>): Promise<void> {
    await db.insertInto('file_imports').values(row).execute();
  },
  /** An import without its file (what a progress poll reads). */
  findImport(db: Executor, id: string) {
    return db
      .selectFrom('file_imports')
      .select([
        'id',
        'channel_id',
        'file_name',
        'row_count',
        'status',
        'mapping',
        'rows_done',
        'created',
        'duplicate',
        'failed',
        'error',
        'created_at',
        'finished_at',
      ])
      .select((eb) => eb('result_csv', 'is not', null).as('has_result'))
      .where('id', '=', id)
      .executeTakeFirst();
  },
  async importContent(db: Executor, id: string): Promise<Uint8Array | undefined> {
    const row = await db.selectFrom('file_imports').select('content').where('id', '=', id).executeTakeFirst();
    return row?.content;
  },
  async resultCsv(db: Executor, id: string): Promise<string | null | undefined> {
    const row = await db
      .selectFrom('file_imports')
      .select('result_csv')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.result_csv;
  },
  /** Claims an uploaded file for one run; false when it already ran or is running. */
  async startImport(db: Executor, id: string, mapping: string): Promise<boolean> {
    const result = await db
      .updateTable('file_imports')
      .set({ status: 'running', mapping })
      .where('id', '=', id)
      .where('status', '=', 'uploaded')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async recordProgress(db: Executor, id: string, progress: ImportProgress): Promise<void> {
    await db.updateTable('file_imports').set(progress).where('id', '=', id).execute();
  },
  async finishImport(
    db: Executor,
    id: string,
    outcome: ImportProgress & Pick<Row<'file_imports'>, 'status' | 'error' | 'result_csv' | 'finished_at'>,
  ): Promise<void> {
    await db.updateTable('file_imports').set(outcome).where('id', '=', id).execute();
  },
};
