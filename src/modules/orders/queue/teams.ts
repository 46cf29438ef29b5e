import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField } from '../../../platform/errors.ts';

/** Queue teams (an urgent team, a custom-order team…) and who is in them, by username. */
export function createTeams(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function listTeams() {
    const [teams, members] = await Promise.all([
      database.db.selectFrom('teams').selectAll().orderBy('id').execute(),
      database.db
        .selectFrom('team_members')
        .innerJoin('staff_users_view as users', 'users.id', 'team_members.user_id')
        .select(['team_members.team_id', 'users.username'])
        .execute(),
    ]);
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      members: members
        .filter((m) => m.team_id === t.id)
        .map((m) => m.username)
        .sort(),
    }));
  }

  /** Creates the team or replaces its name and members. */
  async function saveTeam(actor: Actor, input: { id: string; name: string; members: readonly string[] }) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const users =
        input.members.length === 0
          ? []
          : await tx
              .selectFrom('staff_users_view')
              .select(['id', 'username'])
              .where('username', 'in', [...input.members])
              .execute();
      const unknown = input.members.filter((m) => !users.some((u) => u.username === m));
      if (unknown.length > 0) throw invalidField('members', `no user ${unknown.join(', ')}`);
      await tx
        .insertInto('teams')
        .values({ id: input.id, name: input.name, created_at: now.toISOString() })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: input.name }))
        .execute();
      await tx.deleteFrom('team_members').where('team_id', '=', input.id).execute();
      if (users.length > 0)
        await tx
          .insertInto('team_members')
          .values(users.map((u) => ({ team_id: input.id, user_id: u.id })))
          .execute();
      await recordAudit(tx, actor, now, {
        action: 'team.saved',
        targetType: 'team',
        targetId: input.id,
        details: { name: input.name, members: input.members },
      });
    });
    return (await listTeams()).find((t) => t.id === input.id)!;
  }

  async function teamsOf(username: string): Promise<string[]> {
    const rows = await database.db
      .selectFrom('team_members')
      .innerJoin('staff_users_view as users', 'users.id', 'team_members.user_id')
      .select('team_members.team_id')
      .where('users.username', '=', username)
      .execute();
    return rows.map((r) => r.team_id);
  }

  return { listTeams, saveTeam, teamsOf };
}
