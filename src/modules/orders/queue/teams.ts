import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField } from '../../../platform/errors.ts';
import { teamsRepository } from './teams.repository.ts';

/** Queue teams (an urgent team, a custom-order team…) and who is in them, by username. */
export function createTeams(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function listTeams() {
    const [teams, members] = await Promise.all([
      teamsRepository.listTeams(database.db),
      teamsRepository.listMembers(database.db),
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
      const users = await teamsRepository.usersNamed(tx, input.members);
      const unknown = input.members.filter((m) => !users.some((u) => u.username === m));
      if (unknown.length > 0) throw invalidField('members', 'noUser', { users: unknown.join(', ') });
      await teamsRepository.upsertTeam(tx, { id: input.id, name: input.name, createdAt: now.toISOString() });
      await teamsRepository.replaceMembers(
        tx,
        input.id,
        users.map((u) => u.id),
      );
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
    return teamsRepository.teamIdsOf(database.db, username);
  }

  return { listTeams, saveTeam, teamsOf };
}
