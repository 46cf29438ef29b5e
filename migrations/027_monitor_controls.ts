import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf, readJson, writeJson } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * A risk monitor takes several control measures (docs/risk.md "Controls"): the one `measure`
 * becomes the list `controls`, an existing measure its only entry (the health monitors of 025
 * included), no measure an empty list.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .alterTable('risk_monitors')
    .addColumn('controls', t.json, (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
  const rows = await db
    .selectFrom('risk_monitors')
    .select(['id', 'measure'])
    .where('measure', 'is not', null)
    .execute();
  for (const row of rows)
    await db
      .updateTable('risk_monitors')
      .set({ controls: writeJson([readJson(row.measure)]) })
      .where('id', '=', row.id)
      .execute();
  await db.schema.alterTable('risk_monitors').dropColumn('measure').execute();
}

/** Back to one measure: the first control stays, the others are lost. */
export async function down(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('risk_monitors').addColumn('measure', t.json).execute();
  const rows = await db.selectFrom('risk_monitors').select(['id', 'controls']).execute();
  for (const row of rows) {
    const [first] = readJson<unknown[]>(row.controls);
    if (first)
      await db
        .updateTable('risk_monitors')
        .set({ measure: writeJson(first) })
        .where('id', '=', row.id)
        .execute();
  }
  await db.schema.alterTable('risk_monitors').dropColumn('controls').execute();
}
