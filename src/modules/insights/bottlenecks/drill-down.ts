import type { Database } from '../../../platform/db/database.ts';
import { decodeCursor, encodeCursor } from '../../../platform/pagination.ts';
import { type BottleneckDim, dimValue, loadOrderFacts, stageHours } from '../kpis/order-facts.ts';
import { dayStartIso } from '../kpis/shop-days.ts';
import type { Stage } from '../kpis/stages.ts';
import { insightsDb } from '../schema.ts';

export interface DrillDownFilter {
  from: string;
  to: string;
  channel?: string;
  stage?: Stage;
  dim?: BottleneckDim;
  value?: string;
  /** Only orders counted in this metric. */
  status?: string;
}

export interface DrillDownOrder {
  id: string;
  number: string;
  channel: string;
  status: string;
  placedAt: string;
  stageHours: number | null;
}

/** The orders behind a figure: placed in the period, matching the stage and place, oldest first. */
export async function drillDownOrders(
  database: Database,
  filter: DrillDownFilter,
  page: { limit: number; cursor?: string },
  timeZone: string,
): Promise<{ items: DrillDownOrder[]; nextCursor: string | null }> {
  const db = insightsDb(database);
  const items: DrillDownOrder[] = [];
  let after = page.cursor ? (decodeCursor(page.cursor, 2) as [string, string]) : null;
  const batch = Math.max(page.limit * 2, 200);
  // The shop's days, as the summaries count them.
  const from = dayStartIso(filter.from, timeZone);
  const to = dayStartIso(filter.to, timeZone);
  for (;;) {
    let q = db
      .selectFrom('orders_orders_view')
      .select(['id', 'number', 'channel_id', 'status', 'placed_at'])
      .where('placed_at', '>=', from)
      .where('placed_at', '<', to);
    const channel = filter.channel ?? (filter.dim === 'channel' ? filter.value : undefined);
    if (channel) q = q.where('channel_id', '=', channel);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (after) {
      const [at, id] = after;
      q = q.where((eb) =>
        eb.or([eb('placed_at', '>', at), eb.and([eb('placed_at', '=', at), eb('id', '>', id)])]),
      );
    }
    const rows = await q.orderBy('placed_at').orderBy('id').limit(batch).execute();
    if (rows.length === 0) return { items, nextCursor: null };
    const needFacts = filter.stage !== undefined || (filter.dim !== undefined && filter.dim !== 'channel');
    const facts = needFacts
      ? new Map(
          (
            await loadOrderFacts(
              db,
              rows.map((r) => r.id),
            )
          ).map((f) => [f.id, f]),
        )
      : null;
    for (const r of rows) {
      const f = facts?.get(r.id);
      const hours = f && filter.stage ? stageHours(f, filter.stage) : null;
      if (filter.stage && hours === null) continue;
      if (f && filter.dim && filter.dim !== 'channel' && dimValue(f, filter.dim, timeZone) !== filter.value)
        continue;
      items.push({
        id: r.id,
        number: r.number,
        channel: r.channel_id,
        status: r.status,
        placedAt: r.placed_at,
        stageHours: hours === null ? null : Math.round(hours * 100) / 100,
      });
      if (items.length === page.limit) return { items, nextCursor: encodeCursor([r.placed_at, r.id]) };
    }
    const last = rows[rows.length - 1]!;
    after = [last.placed_at, last.id];
    if (rows.length < batch) return { items, nextCursor: null };
  }
}
