import {
  type CaseType,
  caseTypes,
  type PlaybookDefinition,
  playbookDefinition,
} from '../../contracts/risk.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { fromZodIssues } from '../../platform/errors.ts';
import { defaultPlaybooks } from './default-playbooks.ts';

export interface Playbook extends PlaybookDefinition {
  caseType: CaseType;
  version: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

const builtIn = (caseType: CaseType): Playbook => ({
  caseType,
  version: 1,
  note: null,
  createdBy: 'Ordo',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...defaultPlaybooks[caseType],
});

/** A case type's playbook at a version, or the newest; the built-in default is version 1. */
export async function playbookOf(db: Executor, caseType: CaseType, version?: number): Promise<Playbook> {
  let query = db.selectFrom('risk_playbooks').selectAll().where('case_type', '=', caseType);
  query =
    version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  if (!row) return builtIn(caseType);
  return {
    caseType,
    version: row.version,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...readJson<PlaybookDefinition>(row.definition),
  };
}

/** Playbooks: the current one per case type, its versions, and saving a new version. */
export function createPlaybooks(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function listPlaybooks(): Promise<Playbook[]> {
    return Promise.all(caseTypes.map((type) => playbookOf(database.db, type)));
  }

  async function playbookVersions(caseType: CaseType): Promise<Playbook[]> {
    const current = await playbookOf(database.db, caseType);
    const versions = [current];
    for (let v = current.version - 1; v >= 1; v -= 1)
      versions.push(await playbookOf(database.db, caseType, v));
    return versions;
  }

  /** Saves a new version; open cases keep the version they were opened on. */
  async function savePlaybook(
    actor: Actor,
    caseType: CaseType,
    input: unknown,
    note?: string,
  ): Promise<Playbook> {
    const parsed = playbookDefinition.safeParse(input);
    if (!parsed.success) throw fromZodIssues(parsed.error.issues);
    const now = clock.now().toISOString();
    await inTransaction(database, async (tx) => {
      const current = await playbookOf(tx, caseType);
      const version = current.version + 1;
      await tx
        .insertInto('risk_playbooks')
        .values({
          case_type: caseType,
          version,
          definition: writeJson(parsed.data),
          note: note ?? null,
          created_by: actor.name,
          created_at: now,
        })
        .execute();
      await recordAudit(tx, actor, clock.now(), {
        action: 'playbook.saved',
        targetType: 'playbook',
        targetId: `${caseType}@${version}`,
        details: { note: note ?? null },
      });
    });
    return playbookOf(database.db, caseType);
  }

  return { listPlaybooks, playbookVersions, savePlaybook };
}
