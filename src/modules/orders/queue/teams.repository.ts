import type { Executor } from '../../../platform/db/database.ts';

/** SQL for the teams and team_members tables; usernames come from staff's read view. */
export const teamsRepository = {
  async teamIds(db: Executor): Promise<Set<string>> {
    const rows = await db.selectFrom('teams').select('id').execute();
    return new Set(rows.map((t) => t.id));
  },

  listTeams(db: Executor) {
    return db.selectFrom('teams').selectAll().orderBy('id').execute();
  },

  /** Every team membership with the member's username. */
  listMembers(db: Executor) {
    return db
      .selectFrom('team_members')
      .innerJoin('staff_users_view as users', 'users.id', 'team_members.user_id')
      .select(['team_members.team_id', 'users.username'])
      .execute();
  },

  /** Users with these usernames (the ones that exist). */
  async usersNamed(db: Executor, usernames: readonly string[]) {
    if (usernames.length === 0) return [];
    return db
      .selectFrom('staff_users_view')
      .select(['id', 'username'])
      .where('username', 'in', [...usernames])
      .execute();
  },

  /** Creates the team or renames it. */
  upsertTeam(db: Executor, team: { id: string; name: string; createdAt: string }) {
    return db
      .insertInto('teams')
      .values({ id: team.id, name: team.name, created_at: team.createdAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: team.name }))
      .execute();
  },

  /** Replaces the team's members. */
  async replaceMembers(db: Executor, teamId: string, userIds: readonly string[]) {
    await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    if (userIds.length > 0)
      await db
        .insertInto('team_members')
        .values(userIds.map((userId) => ({ team_id: teamId, user_id: userId })))
        .execute();
  },

  async teamIdsOf(db: Executor, username: string): Promise<string[]> {
    const rows = await db
      .selectFrom('team_members')
      .innerJoin('staff_users_view as users', 'users.id', 'team_members.user_id')
      .select('team_members.team_id')
      .where('users.username', '=', username)
      .execute();
    return rows.map((r) => r.team_id);
  },
};
