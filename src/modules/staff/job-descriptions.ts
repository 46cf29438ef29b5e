import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { jobDescriptionsRepository as repo } from './job-descriptions.repository.ts';
import { isRole, roles } from './roles.ts';

export interface WorkflowStep {
  step: string;
  /** Console path the step is done on, e.g. `/orders/review`. */
  screen: string;
}

export interface Kpi {
  name: string;
  target: number;
  unit: string;
}

export interface JobDescriptionInput {
  role: string;
  title: string;
  duties: string[];
  workflow: WorkflowStep[];
  standards: string[];
  kpis: Kpi[];
}

export interface JobDescription extends JobDescriptionInput {
  id: string;
  version: number;
  publishedBy: string;
  publishedAt: string;
}

export interface MyJobDescription {
  jobDescription: JobDescription | null;
  acknowledgedAt: string | null;
}

function toJobDescription(row: Row<'job_descriptions'>): JobDescription {
  return {
    id: row.id,
    role: row.role,
    version: Number(row.version),
    title: row.title,
    duties: JSON.parse(row.duties),
    workflow: JSON.parse(row.workflow),
    standards: JSON.parse(row.standards),
    kpis: JSON.parse(row.kpis),
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}

/** Job descriptions per role: each publish adds a version; people acknowledge the version they read. */
export function createJobDescriptions(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  async function publishJobDescription(actor: Actor, input: JobDescriptionInput): Promise<JobDescription> {
    if (!isRole(input.role))
      throw new AppError('UNKNOWN_ROLE', `role: "${input.role}" is not a role`, { field: 'role' });
    input.workflow.forEach((step, index) => {
      if (!step.screen.startsWith('/')) {
        throw invalidField(`workflow.${index}.screen`, 'consolePath');
      }
    });
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const latest = await repo.latestVersion(tx, input.role);
      const row = {
        id: uuidv7(now.getTime()),
        role: input.role,
        version: latest ? Number(latest.version) + 1 : 1,
        title: input.title,
        duties: JSON.stringify(input.duties),
        workflow: JSON.stringify(input.workflow),
        standards: JSON.stringify(input.standards),
        kpis: JSON.stringify(input.kpis),
        published_by: actor.name,
        published_at: now.toISOString(),
      };
      await repo.insert(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'job_description.published',
        targetType: 'job_description',
        targetId: row.id,
        details: { role: row.role, version: row.version },
      });
      return toJobDescription(row);
    });
  }

  /** The current version of every role that has one. */
  async function currentJobDescriptions(): Promise<JobDescription[]> {
    const found: JobDescription[] = [];
    for (const role of roles) {
      const row = await repo.latestVersion(db, role);
      if (row) found.push(toJobDescription(row));
    }
    return found;
  }

  async function jobDescriptionVersions(role: string): Promise<JobDescription[]> {
    if (!isRole(role)) throw notFound('role', role);
    return (await repo.listVersions(db, role)).map(toJobDescription);
  }

  async function myJobDescription(userId: string | null, role: string): Promise<MyJobDescription> {
    const row = await repo.latestVersion(db, role);
    if (!row) return { jobDescription: null, acknowledgedAt: null };
    const ack = userId ? await repo.findAcknowledgement(db, row.id, userId) : undefined;
    return { jobDescription: toJobDescription(row), acknowledgedAt: ack?.acknowledged_at ?? null };
  }

  /** Records that a person read a version; acknowledging twice keeps the first time. */
  async function acknowledgeJobDescription(
    actor: Actor,
    role: string,
    id: string,
  ): Promise<MyJobDescription> {
    if (actor.type !== 'user' || !actor.id) {
      throw new AppError('FORBIDDEN', 'only a signed-in person can acknowledge a job description');
    }
    const userId = actor.id;
    const row = await repo.findById(db, id);
    if (!row) throw notFound('job description', id);
    if (row.role !== role) throw invalidField('id', 'jobForRole', { role: row.role });
    await repo.insertAcknowledgement(db, {
      job_description_id: id,
      user_id: userId,
      acknowledged_at: clock.now().toISOString(),
    });
    const ack = await repo.findAcknowledgement(db, id, userId);
    return { jobDescription: toJobDescription(row), acknowledgedAt: ack?.acknowledged_at ?? null };
  }

  async function jobDescriptionAcknowledgements(id: string) {
    if (!(await repo.findById(db, id))) throw notFound('job description', id);
    return (await repo.listAcknowledgements(db, id)).map((a) => ({
      userId: a.user_id,
      acknowledgedAt: a.acknowledged_at,
    }));
  }

  return {
    publishJobDescription,
    currentJobDescriptions,
    jobDescriptionVersions,
    myJobDescription,
    acknowledgeJobDescription,
    jobDescriptionAcknowledgements,
  };
}
