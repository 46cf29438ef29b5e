import {
  assignmentRulesSchema,
  autoholdSchema,
  mergeSettingsSchema,
  type OrderSettings,
  orderPolicySchema,
} from '../../contracts/order-settings.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidField } from '../../platform/errors.ts';
import { readSetting, writeSetting } from '../../platform/settings.ts';
import { ttlCache } from '../../platform/ttl-cache.ts';
import { defaultPolicy } from './priority.ts';
import { teamsRepository } from './queue/teams.repository.ts';

export type { OrderSettings };

export const defaultOrderSettings: OrderSettings = {
  policy: defaultPolicy,
  autohold: { isEnabled: false, minutes: 30 },
  merge: { mode: 'offer', windowHours: 48 },
  // Urgent orders go to a dedicated team and custom orders to the team that talks to customers (R1.3).
  assignment: [
    { team: 'urgent', types: ['urgent'] },
    { team: 'custom', types: ['custom'] },
  ],
};

const keys = {
  policy: 'orders.policy',
  autohold: 'orders.autohold',
  merge: 'orders.merge',
  assignment: 'orders.assignment',
} as const;

/** Intake's settings: business calendar + SLAs + classification, autohold, merging, queue routing. */
export function createOrderSettings(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const cache = ttlCache(2000, async (): Promise<OrderSettings> => {
    const db = database.db;
    const [policy, autohold, merge, assignment] = await Promise.all([
      readSetting(db, keys.policy, orderPolicySchema, defaultOrderSettings.policy),
      readSetting(db, keys.autohold, autoholdSchema, defaultOrderSettings.autohold),
      readSetting(db, keys.merge, mergeSettingsSchema, defaultOrderSettings.merge),
      readSetting(db, keys.assignment, assignmentRulesSchema, defaultOrderSettings.assignment),
    ]);
    return { policy, autohold, merge, assignment };
  });

  async function saveOrderSettings(actor: Actor, changes: Partial<OrderSettings>): Promise<OrderSettings> {
    const now = clock.now();
    const before = await cache.get();
    await inTransaction(database, async (tx) => {
      // Only changed routing is checked: a calendar edit must not fail on rules nobody touched.
      if (changes.assignment && JSON.stringify(changes.assignment) !== JSON.stringify(before.assignment))
        await assertTeamsExist(tx, changes.assignment);
      for (const [name, value] of Object.entries(changes)) {
        if (value !== undefined) await writeSetting(tx, actor, now, keys[name as keyof typeof keys], value);
      }
    });
    cache.invalidate();
    return cache.get();
  }

  return { orderSettings: () => cache.get(), saveOrderSettings };
}

/** A routing rule must name a team that exists, or its orders land in a queue nobody works. */
async function assertTeamsExist(tx: Executor, rules: OrderSettings['assignment']): Promise<void> {
  const teams = await teamsRepository.teamIds(tx);
  const index = rules.findIndex((rule) => !teams.has(rule.team));
  if (index >= 0) throw invalidField(`assignment.${index}.team`, 'unknownTeam', { team: rules[index].team });
}

export type OrderSettingsStore = ReturnType<typeof createOrderSettings>;

/** The team an order's queue item goes to: the first assignment rule it matches. */
export function teamFor(
  rules: OrderSettings['assignment'],
  order: { type: string; channel: string; holdCodes: readonly string[] },
): string | null {
  const rule = rules.find(
    (r) =>
      (!r.types || r.types.includes(order.type as never)) &&
      (!r.channels || r.channels.includes(order.channel)) &&
      (!r.holdCodes || r.holdCodes.some((c) => order.holdCodes.includes(c))),
  );
  return rule?.team ?? null;
}
