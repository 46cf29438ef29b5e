import type { z } from 'zod';
import type { complaintQuery } from '../../../contracts/aftersales.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { isAnyOf } from '../../../platform/db/dialect.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { pageNewestFirst } from '../../../platform/pagination.ts';
import { complaintMessages, complaintRow, toComplaint } from './aftersales.repository.ts';
import { isSlaBreached, mergeRouting, type RoutingEntry } from './routing.ts';

/**
 * The complaints' read side and set-up: the routing table, one complaint with its messages, the
 * queue, the SLA flag and the counts the carrier scorecards take.
 */
export function complaintReads(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function routingTable(db: Executor = database.db): Promise<RoutingEntry[]> {
    const rows = await db.selectFrom('service_routing').selectAll().execute();
    return mergeRouting(
      rows.map((r) => ({
        category: r.category as RoutingEntry['category'],
        department: r.department as RoutingEntry['department'],
        team: r.team,
        firstResponseHours: r.first_response_hours,
        resolutionHours: r.resolution_hours,
      })),
    );
  }

  async function saveRouting(items: readonly RoutingEntry[]): Promise<RoutingEntry[]> {
    await inTransaction(database, async (tx) => {
      for (const e of items) {
        const row = {
          department: e.department,
          team: e.team,
          first_response_hours: e.firstResponseHours,
          resolution_hours: e.resolutionHours,
        };
        await tx
          .insertInto('service_routing')
          .values({ category: e.category, ...row })
          .onConflict((oc) => oc.column('category').doUpdateSet(row))
          .execute();
      }
    });
    return routingTable();
  }

  /** Scheduled: flags unresolved complaints past a deadline (once; the flag stays). */
  async function flagSlaBreaches(): Promise<number> {
    const now = clock.now();
    const at = now.toISOString();
    const due = await database.db
      .selectFrom('service_complaints')
      .select(['id', 'first_responded_at', 'first_response_due_at', 'resolution_due_at'])
      .where('status', '!=', 'resolved')
      .where('breached_at', 'is', null)
      .where((eb) => eb.or([eb('first_response_due_at', '<', at), eb('resolution_due_at', '<', at)]))
      .execute();
    const breached = due.filter((c) =>
      isSlaBreached(
        {
          firstRespondedAt: c.first_responded_at,
          firstResponseDueAt: c.first_response_due_at,
          resolutionDueAt: c.resolution_due_at,
        },
        now,
      ),
    );
    for (const c of breached) {
      await database.db
        .updateTable('service_complaints')
        .set({ breached_at: at })
        .where('id', '=', c.id)
        .execute();
    }
    return breached.length;
  }

  async function getComplaint(id: string) {
    const row = await complaintRow(database.db, id);
    const messages = await complaintMessages(database.db, id);
    return {
      ...toComplaint(row),
      messages: messages.map((m) => ({
        id: m.id,
        kind: m.kind as 'customer' | 'reply' | 'note',
        author: m.author,
        body: m.body,
        createdAt: m.created_at,
      })),
    };
  }

  function listComplaints(query: z.output<typeof complaintQuery>) {
    let q = database.db.selectFrom('service_complaints').selectAll();
    if (query.status) q = q.where('status', '=', query.status);
    if (query.team) q = q.where('team', '=', query.team);
    if (query.isBreached) q = q.where('breached_at', query.isBreached === 'true' ? 'is not' : 'is', null);
    return pageNewestFirst(
      q,
      'id',
      query,
      (row) => toComplaint(row),
      (row) => row.id,
    );
  }

  /** Complaints per carrier opened in [from, to): the carrier scorecards' complaint rate. */
  async function countsByCarrier(from: Date, to: Date): Promise<Map<string, number>> {
    const rows = await database.db
      .selectFrom('service_complaints')
      .select((eb) => ['carrier_id', eb.fn.countAll<number>().as('n')])
      .where('carrier_id', 'is not', null)
      .where('created_at', '>=', from.toISOString())
      .where('created_at', '<', to.toISOString())
      .groupBy('carrier_id')
      .execute();
    return new Map(rows.map((r) => [r.carrier_id!, Number(r.n)]));
  }

  /** Complaints per shipment among these: the carrier scorecards' complaint rate. */
  async function countsByShipment(shipmentIds: readonly string[]): Promise<Map<string, number>> {
    if (shipmentIds.length === 0) return new Map();
    const rows = await database.db
      .selectFrom('service_complaints')
      .select((eb) => ['shipment_id', eb.fn.countAll<number>().as('n')])
      .where(isAnyOf(database.db, 'shipment_id', shipmentIds))
      .groupBy('shipment_id')
      .execute();
    return new Map(rows.map((r) => [r.shipment_id!, Number(r.n)]));
  }

  return {
    routingTable,
    saveRouting,
    getComplaint,
    listComplaints,
    flagSlaBreaches,
    countsByCarrier,
    countsByShipment,
  };
}
