import type { z } from 'zod';
import type { Explanation, explanation as explanationSchema } from '../../contracts/explanations.ts';
import type { CaseType, caseQuery, openCaseBody, riskCase, StepAction } from '../../contracts/risk.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { addWorkingHours, type BusinessCalendar } from '../../platform/business-calendar.ts';
import type { Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { type CaseRow, casesRepository as repo, userExists } from './cases.repository.ts';
import { caseTypeOfExceptionKind, exceptionKindsOfCaseType } from './default-playbooks.ts';
import { type Playbook, playbookOf } from './playbooks.ts';
import type { RiskDeps } from './ports.ts';

type RiskCase = z.output<typeof riskCase>;
type StoredExplanation = z.output<typeof explanationSchema>;
type OpenInput = Omit<z.output<typeof openCaseBody>, 'caseType'> & {
  caseType: CaseType;
  source: string;
  isDrill?: boolean;
};

/** When each step falls due, from when it started, on the business calendar. */
export function stepDueAt(
  calendar: BusinessCalendar,
  startedAt: Date,
  playbook: Playbook,
  step: number,
): Date | null {
  const current = playbook.steps[step];
  return current ? addWorkingHours(calendar, startedAt, current.limitWorkingHours) : null;
}

/** The whole case is due when every step would be done on time, one after another. */
export function caseDueAt(calendar: BusinessCalendar, openedAt: Date, playbook: Playbook): Date {
  const hours = playbook.steps.reduce((sum, s) => sum + s.limitWorkingHours, 0);
  return addWorkingHours(calendar, openedAt, hours);
}

function toCase(
  row: CaseRow,
  playbook: Playbook,
  timeline: Awaited<ReturnType<typeof repo.timeline>>,
): RiskCase {
  return {
    ...toSummary(row),
    steps: playbook.steps.map((s, i) => ({ ...s, isDone: i < row.current_step })),
    timeline: timeline.map((e) => ({
      at: e.at,
      kind: e.kind,
      explanation: e.explanation ? readJson<StoredExplanation>(e.explanation) : null,
      actor: e.actor,
    })),
  };
}

function toSummary(row: CaseRow): Omit<RiskCase, 'steps' | 'timeline'> {
  const drillSeconds =
    row.is_drill === 1 && row.closed_at
      ? Math.round((Date.parse(row.closed_at) - Date.parse(row.opened_at)) / 1000)
      : null;
  return {
    id: row.id,
    caseType: row.case_type as CaseType,
    orderId: row.order_id,
    shipmentId: row.shipment_id,
    sku: row.sku,
    source: row.source,
    isDrill: row.is_drill === 1,
    status: row.status as RiskCase['status'],
    playbookVersion: row.playbook_version,
    ownerRole: row.owner_role,
    ownerId: row.owner_id,
    currentStep: row.current_step,
    stepDueAt: row.step_due_at,
    escalatedAt: row.escalated_at,
    dueAt: row.due_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    explanation: row.explanation ? readJson<StoredExplanation>(row.explanation) : null,
    outcome: row.outcome ? readJson<StoredExplanation>(row.outcome) : null,
    reviewNote: row.review_note,
    drillSeconds,
  };
}

/** Cases: opened from events, by hand, by chargebacks and as drills; worked step by step; closed with an outcome. */
export function createCases(deps: RiskDeps) {
  const { database, clock } = deps;

  // The calendar is read by the caller before its transaction: read inside it, on SQLite's one
  // connection, it would wait for the transaction that waits for it whenever its cache is cold.
  async function openIn(
    tx: Executor,
    now: Date,
    calendar: BusinessCalendar,
    input: OpenInput,
  ): Promise<string | null> {
    // Detectors and event redelivery repeat themselves: one open case per order and type.
    if (input.orderId && (await repo.findOpen(tx, input.orderId, input.caseType))) return null;
    const playbook = await playbookOf(tx, input.caseType);
    const id = uuidv7(now.getTime());
    await repo.insert(tx, {
      id,
      case_type: input.caseType,
      order_id: input.orderId,
      shipment_id: input.shipmentId,
      sku: input.sku,
      source: input.source,
      is_drill: input.isDrill ? 1 : 0,
      status: 'open',
      playbook_version: playbook.version,
      owner_role: playbook.steps[0]?.ownerRole ?? playbook.ownerRole,
      owner_id: input.ownerId,
      current_step: 0,
      step_due_at: stepDueAt(calendar, now, playbook, 0)?.toISOString() ?? null,
      due_at: caseDueAt(calendar, now, playbook).toISOString(),
      opened_at: now.toISOString(),
      explanation: input.explanation ? writeJson(input.explanation) : null,
    });
    await repo.addEvent(tx, now, id, 'opened', input.source, input.explanation);
    return id;
  }

  /** `shipment.exception`: the detector's kind becomes a case on its playbook. Idempotent. */
  async function openFromException(payload: { orderId: string; shipmentId: string | null; kind: string }) {
    const caseType = caseTypeOfExceptionKind[payload.kind];
    if (!caseType) return;
    const now = clock.now();
    const calendar = await deps.calendar();
    await inTransaction(database, (tx) =>
      openIn(tx, now, calendar, {
        caseType,
        orderId: payload.orderId,
        shipmentId: payload.shipmentId,
        sku: null,
        ownerId: null,
        source: 'event',
        explanation: { key: 'case.exception', params: { kind: payload.kind } },
      }),
    );
  }

  async function openByHand(actor: Actor, input: z.output<typeof openCaseBody>): Promise<RiskCase> {
    if (input.orderId && !(await deps.orders.exists(input.orderId)))
      throw invalidField('orderId', 'noSuchOrder');
    const now = clock.now();
    const calendar = await deps.calendar();
    const id = await inTransaction(database, async (tx) => {
      const opened = await openIn(tx, now, calendar, { ...input, source: 'manual' });
      if (!opened)
        throw new AppError('CASE_ALREADY_OPEN', 'a case of this type is already open on the order', {
          field: 'caseType',
        });
      await recordAudit(tx, actor, now, {
        action: 'case.opened',
        targetType: 'case',
        targetId: opened,
        details: {},
      });
      return opened;
    });
    return getCase(id);
  }

  async function openChargeback(
    actor: Actor,
    input: { orderId: string; reference: string; amount?: string },
  ) {
    return openByHand(actor, {
      caseType: 'chargeback',
      orderId: input.orderId,
      shipmentId: null,
      sku: null,
      ownerId: null,
      explanation: {
        key: 'case.chargeback',
        params: { reference: input.reference, amount: input.amount ?? '' },
      },
    });
  }

  /** A practice case on a playbook: no order, no customer; its actions are recorded, never done. */
  async function startDrill(actor: Actor, caseType: CaseType): Promise<RiskCase> {
    const now = clock.now();
    const calendar = await deps.calendar();
    const id = await inTransaction(database, async (tx) => {
      const opened = (await openIn(tx, now, calendar, {
        caseType,
        orderId: null,
        shipmentId: null,
        sku: null,
        ownerId: actor.id,
        source: 'drill',
        isDrill: true,
        explanation: { key: 'case.drill', params: { by: actor.name } },
      })) as string;
      return opened;
    });
    return getCase(id);
  }

  async function getCase(id: string, db: Executor = database.db): Promise<RiskCase> {
    const row = await repo.findById(db, id);
    if (!row) throw notFound('case', id);
    const playbook = await playbookOf(db, row.case_type as CaseType, row.playbook_version);
    return toCase(row, playbook, await repo.timeline(db, id));
  }

  function listCases(filter: z.output<typeof caseQuery>) {
    return repo.page(database.db, filter, toSummary);
  }

  /** Loads an open case for a change, with the playbook version it runs on. */
  async function loadOpen(tx: Executor, id: string) {
    const row = await repo.findById(tx, id);
    if (!row) throw notFound('case', id);
    if (row.status !== 'open')
      throw new AppError('INVALID_TRANSITION', 'the case is closed', { status: row.status });
    return { row, playbook: await playbookOf(tx, row.case_type as CaseType, row.playbook_version) };
  }

  /** Ticks off the current step; the next one starts now, with its owner and its own limit. */
  async function completeStep(actor: Actor, id: string, note?: string): Promise<RiskCase> {
    const now = clock.now();
    const calendar = await deps.calendar();
    await inTransaction(database, async (tx) => {
      const { row, playbook } = await loadOpen(tx, id);
      const done = playbook.steps[row.current_step];
      if (!done) throw new AppError('INVALID_TRANSITION', 'every step is done; close the case', {});
      const next = row.current_step + 1;
      await repo.update(tx, id, {
        current_step: next,
        owner_role: playbook.steps[next]?.ownerRole ?? row.owner_role,
        step_due_at: stepDueAt(calendar, now, playbook, next)?.toISOString() ?? null,
        escalated_at: null,
      });
      await repo.addEvent(tx, now, id, 'step_done', actor.name, {
        key: 'case.stepDone',
        params: { step: done.code, note: note ?? '' },
      });
    });
    return getCase(id);
  }

  /** Runs an action the current step allows: on a drill it is only recorded as practised. */
  async function takeAction(actor: Actor, id: string, action: StepAction): Promise<RiskCase> {
    const { row, playbook } = await loadOpen(database.db, id);
    const step = playbook.steps[row.current_step];
    if (!step?.actions.includes(action)) throw invalidField('action', 'stepDisallows', { action });
    const isReal = row.is_drill === 0 && row.order_id !== null;
    if (isReal) await performAction(actor, row, playbook, action);
    const now = clock.now();
    await repo.addEvent(database.db, now, id, isReal ? 'action' : 'action_practised', actor.name, {
      key: 'case.action',
      params: { action },
    });
    return getCase(id);
  }

  async function performAction(actor: Actor, row: CaseRow, playbook: Playbook, action: StepAction) {
    const orderId = row.order_id as string;
    if (action === 'hold') {
      await deps.orders.holdOrders(actor, [orderId], {
        code: 'INCIDENT',
        explanation: { key: 'hold.incident', params: { incident: `${row.case_type} ${row.id}` } },
      });
    } else if (action === 'cancel') {
      await deps.orders.cancel(actor, orderId, `case ${row.case_type}`);
    } else if (action === 'notify_customer' && playbook.customerMessage) {
      await deps.notifyCustomer({ orderId, ...playbook.customerMessage });
    }
    // reship, refund_record and contact_carrier are recorded on the timeline: the person does them.
  }

  async function assign(actor: Actor, id: string, input: { ownerId: string | null; ownerRole?: string }) {
    const now = clock.now();
    if (input.ownerId && !(await userExists(database.db, input.ownerId)))
      throw invalidField('ownerId', 'noUser', { users: `"${input.ownerId}"` });
    await inTransaction(database, async (tx) => {
      const { row } = await loadOpen(tx, id);
      await repo.update(tx, id, { owner_id: input.ownerId, owner_role: input.ownerRole ?? row.owner_role });
      await repo.addEvent(tx, now, id, 'assigned', actor.name, {
        key: 'case.assigned',
        params: { owner: input.ownerId ?? input.ownerRole ?? row.owner_role },
      });
    });
    return getCase(id);
  }

  async function closeCase(actor: Actor, id: string, input: { outcome: Explanation; reviewNote?: string }) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const { row } = await loadOpen(tx, id);
      await repo.update(tx, id, {
        status: 'closed',
        closed_at: now.toISOString(),
        outcome: writeJson(input.outcome),
        review_note: input.reviewNote ?? null,
        step_due_at: null,
      });
      await repo.addEvent(tx, now, id, 'closed', actor.name, input.outcome);
      // The detectors' exceptions behind it are released: the same problem seen again is a new case.
      if (row.is_drill === 0)
        await publish(tx, now, 'risk_case.closed', {
          caseId: id,
          orderId: row.order_id,
          caseType: row.case_type,
          exceptionKinds: exceptionKindsOfCaseType(row.case_type),
          closedAt: now.toISOString(),
        });
      await recordAudit(tx, actor, now, {
        action: 'case.closed',
        targetType: 'case',
        targetId: id,
        details: {},
      });
    });
    return getCase(id);
  }

  /**
   * The scheduled job: a step still open past its limit plus its escalation delay goes to the
   * escalation role, once per step. Returns the ids escalated.
   */
  async function escalateOverdue(): Promise<string[]> {
    const now = clock.now();
    const calendar = await deps.calendar();
    const escalated: string[] = [];
    for (const row of await repo.overdue(database.db, now.toISOString())) {
      const playbook = await playbookOf(database.db, row.case_type as CaseType, row.playbook_version);
      const escalation = playbook.steps[row.current_step]?.escalation;
      if (!escalation || !row.step_due_at) continue;
      const at = addWorkingHours(calendar, new Date(row.step_due_at), escalation.afterWorkingHours);
      if (at > now) continue;
      await inTransaction(database, async (tx) => {
        await repo.update(tx, row.id, { owner_role: escalation.toRole, escalated_at: now.toISOString() });
        await repo.addEvent(tx, now, row.id, 'escalated', systemActor.name, {
          key: 'case.escalated',
          params: {
            step: playbook.steps[row.current_step]!.code,
            from: row.owner_role,
            to: escalation.toRole,
          },
        });
      });
      escalated.push(row.id);
    }
    return escalated;
  }

  return {
    openFromException,
    openByHand,
    openChargeback,
    startDrill,
    getCase,
    listCases,
    completeStep,
    takeAction,
    assign,
    closeCase,
    escalateOverdue,
  };
}
