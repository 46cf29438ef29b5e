import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { ttlCache } from '../../../platform/ttl-cache.ts';
import { defaultRuleSet, type RuleConfig, type RuleSet, validateRuleSet } from './audit-rules.ts';
import { ruleSetsRepository } from './rule-sets.repository.ts';

export interface StoredRuleSet extends RuleSet {
  note: string | null;
  createdBy: string;
  createdAt: string;
}

async function latestRuleSet(db: Executor): Promise<RuleSet> {
  const row = await ruleSetsRepository.latest(db);
  return row ? { version: row.version, rules: readJson<RuleConfig[]>(row.rules) } : defaultRuleSet();
}

/**
 * Audit rules are data: each save is a new version (who, when, why), the newest one judges new
 * orders, and every order records the version that judged it. Version 0 is the built-in default.
 */
export function createRuleSets(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const active = ttlCache(2000, () => latestRuleSet(database.db));

  async function saveRuleSet(actor: Actor, input: { rules: unknown; note?: string }): Promise<StoredRuleSet> {
    const checked = validateRuleSet(input.rules);
    if (!checked.ok) throw checked.error;
    const now = clock.now();
    const saved = await inTransaction(database, async (tx) => {
      const current = await latestRuleSet(tx);
      const version = current.version + 1;
      const row = {
        version,
        rules: writeJson(checked.rules),
        note: input.note ?? null,
        created_by: actor.name,
        created_at: now.toISOString(),
      };
      await ruleSetsRepository.insert(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'audit_rules.saved',
        targetType: 'audit_rule_set',
        targetId: String(version),
        details: { note: input.note ?? null, changes: describeChanges(current.rules, checked.rules) },
      });
      return {
        version,
        rules: checked.rules,
        note: row.note,
        createdBy: actor.name,
        createdAt: row.created_at,
      };
    });
    active.invalidate();
    return saved;
  }

  async function listRuleSetVersions(): Promise<StoredRuleSet[]> {
    const rows = await ruleSetsRepository.listNewest(database.db, 100);
    return rows.map((r) => ({
      version: r.version,
      rules: readJson(r.rules),
      note: r.note,
      createdBy: r.created_by,
      createdAt: r.created_at,
    }));
  }

  return { activeRuleSet: () => active.get(), saveRuleSet, listRuleSetVersions };
}

/** Human summary of what a save changed, for the audit log ("VELOCITY: maxOrders 3 → 5"). */
export function describeChanges(before: readonly RuleConfig[], after: readonly RuleConfig[]): string[] {
  const old = new Map(before.map((r, i) => [r.code, { ...r, position: i }]));
  const changes: string[] = [];
  for (const [position, rule] of after.entries()) {
    const previous = old.get(rule.code);
    if (!previous) {
      changes.push(`${rule.code}: added`);
      continue;
    }
    if (previous.enabled !== rule.enabled)
      changes.push(`${rule.code}: ${rule.enabled ? 'enabled' : 'disabled'}`);
    if (previous.position !== position) changes.push(`${rule.code}: moved to position ${position + 1}`);
    for (const key of new Set([...Object.keys(previous.params), ...Object.keys(rule.params)])) {
      const [a, b] = [JSON.stringify(previous.params[key]), JSON.stringify(rule.params[key])];
      if (a !== b) changes.push(`${rule.code}: ${key} ${a} → ${b}`);
    }
  }
  for (const code of old.keys()) if (!after.some((r) => r.code === code)) changes.push(`${code}: removed`);
  return changes;
}

export type RuleSets = ReturnType<typeof createRuleSets>;
