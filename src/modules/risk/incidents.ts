import type { z } from 'zod';
import type { explanation as explanationSchema } from '../../contracts/explanations.ts';
import type {
  incident,
  incidentActionBody,
  incidentBody,
  incidentSelection,
  lesson,
} from '../../contracts/risk.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { type PageRequest, pageNewestFirst } from '../../platform/pagination.ts';
import { userExists } from './cases.repository.ts';
import type { RiskDeps } from './ports.ts';

type Incident = z.output<typeof incident>;
type Selection = z.output<typeof incidentSelection>;
type StoredExplanation = z.output<typeof explanationSchema>;

// The statuses an incident's hold and cancel reach: not yet in the warehouse's hands.
const openStatuses = ['pending_review', 'approved', 'backordered', 'allocated'];

/** The orders an incident's selection names, read through orders' views; `isOpen` narrows to stoppable ones. */
function selectedOrders(db: Executor, selection: Selection & { carrierId?: string }, isOpen: boolean) {
  let query = db
    .selectFrom('orders_orders_view as o')
    .select(['o.id', 'o.number', 'o.status', 'o.placed_at', 'o.ship_province']);
  if (selection.sku) {
    const sku = selection.sku;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('orders_order_lines_view as l')
          .select('l.order_id')
          .whereRef('l.order_id', '=', 'o.id')
          .where('l.sku', '=', sku),
      ),
    );
  }
  if (selection.placedFrom)
    query = query.where('o.placed_at', '>=', new Date(selection.placedFrom).toISOString());
  if (selection.placedTo) query = query.where('o.placed_at', '<', new Date(selection.placedTo).toISOString());
  if (selection.channel) query = query.where('o.channel_id', '=', selection.channel);
  if (selection.carrierId) {
    const carrier = selection.carrierId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('logistics_shipments_view as s')
          .select('s.order_id')
          .whereRef('s.order_id', '=', 'o.id')
          .where('s.carrier_id', '=', carrier),
      ),
    );
  }
  if (selection.province) query = query.where('o.ship_province', '=', selection.province);
  if (isOpen) query = query.where('o.status', 'in', openStatuses);
  return query.orderBy('o.id').execute();
}

/** Incidents: declared with a selection of affected orders, acted on in bulk, logged, closed with a lesson. */
export function createIncidents(deps: RiskDeps) {
  const { database, clock } = deps;

  async function addLog(
    tx: Executor,
    id: string,
    actor: Actor,
    kind: string,
    text: string | null,
    explanation?: StoredExplanation,
  ) {
    const now = clock.now();
    await tx
      .insertInto('risk_incident_log')
      .values({
        id: uuidv7(now.getTime()),
        incident_id: id,
        at: now.toISOString(),
        kind,
        text,
        explanation: explanation ? writeJson(explanation) : null,
        actor: actor.name,
      })
      .execute();
  }

  /**
   * The selection with its carrier (a code) as the carrier's id; a selection stored before codes
   * were checked may hold the id itself. `field` names the carrier when it is not configured.
   */
  async function resolved(selection: Selection, field?: string) {
    if (!selection.carrier) return selection;
    const carrierId = await deps.logistics.carrierId(selection.carrier);
    if (!carrierId && field) throw invalidField(field, 'noCarrier', { carrier: selection.carrier });
    return { ...selection, carrierId: carrierId ?? selection.carrier };
  }

  async function previewSelection(selection: Selection, field = 'carrier') {
    const query = await resolved(selection, field);
    const all = await selectedOrders(database.db, query, false);
    const open = await selectedOrders(database.db, query, true);
    const sample = all.slice(0, 20);
    const openIds = new Set(open.map((o) => o.id));
    return {
      count: all.length,
      openCount: open.length,
      sampleOrderIds: sample.map((o) => o.id),
      sampleOrders: sample.map((o) => ({
        id: o.id,
        number: o.number,
        status: o.status,
        placedAt: o.placed_at,
        province: o.ship_province,
        isOpen: openIds.has(o.id),
      })),
    };
  }

  async function declareIncident(actor: Actor, input: z.output<typeof incidentBody>): Promise<Incident> {
    const now = clock.now();
    const id = uuidv7(now.getTime());
    if (input.ownerId && !(await userExists(database.db, input.ownerId)))
      throw invalidField('ownerId', 'noUser', { users: `"${input.ownerId}"` });
    const { count } = await previewSelection(input.selection, 'selection.carrier');
    await inTransaction(database, async (tx) => {
      await tx
        .insertInto('risk_incidents')
        .values({
          id,
          kind: input.kind,
          severity: input.severity,
          title: input.title,
          owner_id: input.ownerId,
          team: writeJson(input.team),
          selection: writeJson(input.selection),
          status: 'open',
          declared_at: now.toISOString(),
        })
        .execute();
      await addLog(tx, id, actor, 'declared', null, { key: 'incident.declared', params: { count } });
      await recordAudit(tx, actor, now, {
        action: 'incident.declared',
        targetType: 'incident',
        targetId: id,
        details: {},
      });
    });
    return getIncident(id);
  }

  async function loadOpen(id: string) {
    const row = await database.db
      .selectFrom('risk_incidents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('incident', id);
    if (row.status !== 'open')
      throw new AppError('INVALID_TRANSITION', 'the incident is closed', { status: row.status });
    return row;
  }

  /** A bulk action on the incident's selection only; every run is logged with its counts. */
  async function actOnIncident(actor: Actor, id: string, input: z.output<typeof incidentActionBody>) {
    const row = await loadOpen(id);
    const selection = readJson<Selection>(row.selection);
    const orders = await selectedOrders(
      database.db,
      await resolved(selection),
      input.action === 'hold' || input.action === 'cancel',
    );
    let done = 0;
    let skipped = 0;
    if (input.action === 'hold') {
      const result = await deps.orders.holdOrders(
        actor,
        orders.map((o) => o.id),
        { code: 'INCIDENT', explanation: { key: 'hold.incident', params: { incident: row.title } } },
      );
      done = result.held.length;
      skipped = result.skipped.length;
    } else if (input.action === 'cancel') {
      for (const order of orders) {
        await deps.orders.cancel(actor, order.id, `incident: ${row.title}`);
        done += 1;
      }
    } else if (input.action === 'notify') {
      for (const order of orders) {
        const { action: _action, ...message } = input;
        await deps.notifyCustomer({ orderId: order.id, ...message });
        done += 1;
      }
    } else {
      // Reships are made by logistics from this list; the log is the hand-over.
      done = orders.length;
    }
    await addLog(
      database.db,
      id,
      actor,
      `action_${input.action}`,
      input.action === 'notify' ? input.text : null,
      {
        key: 'incident.action',
        params: { action: input.action, done, skipped },
      },
    );
    return { action: input.action, done, skipped };
  }

  async function logCommunication(actor: Actor, id: string, text: string) {
    await loadOpen(id);
    await addLog(database.db, id, actor, 'communication', text);
    return getIncident(id);
  }

  async function closeIncident(actor: Actor, id: string, review: string) {
    const row = await loadOpen(id);
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await tx
        .updateTable('risk_incidents')
        .set({ status: 'closed', closed_at: now.toISOString(), review })
        .where('id', '=', id)
        .execute();
      await addLog(tx, id, actor, 'closed', review);
      await publish(tx, now, 'incident.closed', { incidentId: id, title: row.title, review });
    });
    return getIncident(id);
  }

  function toIncident(row: Row<'risk_incidents'>, log: Row<'risk_incident_log'>[]): Incident {
    return {
      id: row.id,
      kind: row.kind as Incident['kind'],
      severity: row.severity as Incident['severity'],
      title: row.title,
      ownerId: row.owner_id,
      team: readJson(row.team),
      selection: readJson(row.selection),
      status: row.status as Incident['status'],
      declaredAt: row.declared_at,
      closedAt: row.closed_at,
      review: row.review,
      log: log.map((l) => ({
        at: l.at,
        kind: l.kind,
        text: l.text,
        explanation: l.explanation ? readJson<StoredExplanation>(l.explanation) : null,
        actor: l.actor,
      })),
    };
  }

  async function getIncident(id: string): Promise<Incident> {
    const row = await database.db
      .selectFrom('risk_incidents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('incident', id);
    const log = await database.db
      .selectFrom('risk_incident_log')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('id')
      .execute();
    return toIncident(row, log);
  }

  function listIncidents(page: PageRequest) {
    const query = database.db.selectFrom('risk_incidents').selectAll();
    return pageNewestFirst(
      query,
      'id',
      page,
      (row) => {
        const { log: _log, ...rest } = toIncident(row, []);
        return rest;
      },
      (row) => row.id,
    );
  }

  /** Closing reviews of incidents, oldest first: what the knowledge base imports as lessons. */
  async function lessons(): Promise<z.output<typeof lesson>[]> {
    const rows = await database.db
      .selectFrom('risk_incidents')
      .selectAll()
      .where('status', '=', 'closed')
      .orderBy('closed_at')
      .execute();
    return rows.map((r) => ({
      source: 'incident',
      id: r.id,
      title: r.title,
      text: r.review ?? '',
      at: r.closed_at ?? r.declared_at,
    }));
  }

  return {
    previewSelection,
    declareIncident,
    actOnIncident,
    logCommunication,
    closeIncident,
    getIncident,
    listIncidents,
    lessons,
  };
}
