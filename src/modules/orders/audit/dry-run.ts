import type { Database } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import type { NormalisedOrder } from '../intake/normalise.ts';
import { toNormalised } from '../intake/stored-order.ts';
import { type AuditContext, type RuleSet, runAudit, validateRuleSet } from './audit-rules.ts';
import { dryRunRepository as repo } from './dry-run.repository.ts';

export interface DryRunResult {
  days: number;
  orders: number;
  currentVersion: number;
  /** Orders held under the current rules and under the proposed ones. */
  held: { current: number; proposed: number };
  byCode: {
    code: string;
    current: number;
    proposed: number;
    delta: number;
    newlyHeld: string[];
    noLongerHeld: string[];
  }[];
  elapsedMs: number;
}

const chunkSize = 2000;
const examplesPerCode = 5;

function push(map: Map<string, string[]>, key: string | null, value: string) {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Runs the current and a proposed rule set over the orders placed in the last `days` days and
 * reports what would change, by reason, with example order numbers — before anyone saves it.
 * Everything is read in a few bulk queries; the checks themselves are pure.
 */
export function createDryRun(deps: {
  database: Database;
  now: () => Date;
  activeRuleSet: () => Promise<RuleSet>;
}) {
  const { db } = deps.database;

  async function baseContext(since: string): Promise<AuditContext> {
    const lookbackSince = new Date(Date.parse(since) - 7 * 86_400_000).toISOString();
    const [skus, blocklist, recent, open] = await Promise.all([
      repo.allSkus(db),
      repo.wholeBlocklist(db),
      repo.keysPlacedSince(db, lookbackSince),
      repo.buyerOrdersIn(db, ['pending_review', 'approved', 'backordered']),
    ]);
    const byPhone = new Map<string, string[]>();
    const byAddress = new Map<string, string[]>();
    for (const r of recent) {
      push(byPhone, r.phone_key, r.placed_at);
      push(byAddress, r.address_key, r.placed_at);
    }
    // VELOCITY counts with binary search over ascending times.
    for (const list of [...byPhone.values(), ...byAddress.values()]) list.sort();
    const openOrdersByBuyer = new Map<string, string[]>();
    for (const r of open) push(openOrdersByBuyer, r.buyer_key, r.number);
    const sets = {
      phone: new Set<string>(),
      email: new Set<string>(),
      name: new Set<string>(),
      address: new Set<string>(),
    } as Record<string, Set<string>>;
    for (const b of blocklist) sets[b.kind]?.add(b.value);
    return {
      now: deps.now(),
      skuStates: new Map(
        skus.map((s) => [
          s.code,
          {
            isActive: s.is_active === 1,
            name: s.name,
            isMadeToOrder: s.is_made_to_order === 1,
            isPresale: s.presale_release_at !== null,
          },
        ]),
      ),
      blocklist: { phones: sets.phone, emails: sets.email, names: sets.name, addresses: sets.address },
      recentOrders: { byPhone, byAddress },
      openOrdersByBuyer,
    };
  }

  async function* ordersSince(
    since: string,
  ): AsyncGenerator<{ row: Row<'orders'>; order: NormalisedOrder }[]> {
    let after = '';
    for (;;) {
      const rows = await repo.placedSinceAfter(db, since, after, chunkSize);
      if (rows.length === 0) return;
      const lines = await repo.linesOfOrders(
        db,
        rows.map((r) => r.id),
      );
      const linesByOrder = new Map<string, Row<'order_lines'>[]>();
      for (const line of lines)
        linesByOrder.set(line.order_id, [...(linesByOrder.get(line.order_id) ?? []), line]);
      yield rows.map((row) => ({
        row,
        order: toNormalised(
          row,
          (linesByOrder.get(row.id) ?? []).sort((a, b) => a.line_no - b.line_no),
        ),
      }));
      after = rows[rows.length - 1].id;
    }
  }

  async function dryRun(proposedRules: unknown, days: number): Promise<DryRunResult> {
    const started = performance.now();
    const checked = validateRuleSet(proposedRules);
    if (!checked.ok) throw checked.error;
    const current = await deps.activeRuleSet();
    const proposed: RuleSet = { version: current.version + 1, rules: checked.rules };
    const since = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
    const context = await baseContext(since);
    const tally = new Map<string, DryRunResult['byCode'][number]>();
    const entry = (code: string) =>
      tally.get(code) ??
      tally
        .set(code, { code, current: 0, proposed: 0, delta: 0, newlyHeld: [], noLongerHeld: [] })
        .get(code)!;
    const held = { current: 0, proposed: 0 };
    let count = 0;
    for await (const chunk of ordersSince(since)) {
      for (const { row, order } of chunk) {
        count += 1;
        const ownContext = withoutSelf(context, row);
        const before = new Set(runAudit(order, ownContext, current).holds.map((h) => h.code));
        const after = new Set(runAudit(order, ownContext, proposed).holds.map((h) => h.code));
        if (before.size > 0) held.current += 1;
        if (after.size > 0) held.proposed += 1;
        for (const code of before) entry(code).current += 1;
        for (const code of after) entry(code).proposed += 1;
        for (const code of after)
          if (!before.has(code) && entry(code).newlyHeld.length < examplesPerCode)
            entry(code).newlyHeld.push(row.number);
        for (const code of before)
          if (!after.has(code) && entry(code).noLongerHeld.length < examplesPerCode)
            entry(code).noLongerHeld.push(row.number);
      }
    }
    const byCode = [...tally.values()]
      .map((e) => ({ ...e, delta: e.proposed - e.current }))
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.code.localeCompare(b.code));
    return {
      days,
      orders: count,
      currentVersion: current.version,
      held,
      byCode,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  return { dryRun };
}

/** The stored order is in the data it is judged against; its own rows must not count against it. */
function withoutSelf(context: AuditContext, row: Row<'orders'>): AuditContext {
  const others = (context.openOrdersByBuyer.get(row.buyer_key ?? '') ?? []).filter((n) => n !== row.number);
  const strip = (map: ReadonlyMap<string, readonly string[]>, key: string | null) => {
    if (!key) return map;
    const list = map.get(key) ?? [];
    const index = list.indexOf(row.placed_at);
    if (index < 0) return map;
    return new Map([[key, [...list.slice(0, index), ...list.slice(index + 1)]]]);
  };
  return {
    ...context,
    openOrdersByBuyer: new Map([[row.buyer_key ?? '', others]]),
    recentOrders: {
      byPhone: strip(context.recentOrders.byPhone, row.phone_key),
      byAddress: strip(context.recentOrders.byAddress, row.address_key),
    },
  };
}
