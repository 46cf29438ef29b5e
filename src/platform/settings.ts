import type { z } from 'zod';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit-log.ts';
import type { Executor } from './db/database.ts';
import { readJson, writeJson } from './db/dialect.ts';

/**
 * Named configuration documents (business calendar, SLAs, queue rules…), stored as JSON and
 * validated by the schema of whoever owns the key. A stored value that no longer parses falls
 * back to the default rather than stopping intake.
 */
export async function readSetting<T>(
  db: Executor,
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  const parsed = schema.safeParse(readJson(row.value));
  return parsed.success ? parsed.data : fallback;
}

/** `auditedValue`: what the audit log keeps of the value (secrets masked); the value itself by default. */
export async function writeSetting(
  tx: Executor,
  actor: Actor,
  now: Date,
  key: string,
  value: unknown,
  auditedValue: unknown = value,
): Promise<void> {
  const at = now.toISOString();
  const json = writeJson(value);
  await tx
    .insertInto('settings')
    .values({ key, value: json, updated_by: actor.name, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: actor.name, updated_at: at }))
    .execute();
  await recordAudit(tx, actor, now, {
    action: 'setting.changed',
    targetType: 'setting',
    targetId: key,
    details: { value: auditedValue },
  });
}

/**
 * The stored value of a key that is made once and then kept (a secret all nodes share): the
 * first caller's `make()` wins a race, every caller gets the value that was stored.
 */
export async function settingOnce<T>(
  db: Executor,
  key: string,
  schema: z.ZodType<T>,
  make: () => T,
  now: Date,
): Promise<T> {
  const read = async () => {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? schema.parse(readJson(row.value)) : undefined;
  };
  const stored = await read();
  if (stored !== undefined) return stored;
  await db
    .insertInto('settings')
    .values({ key, value: writeJson(make()), updated_by: 'system', updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await read())!;
}
