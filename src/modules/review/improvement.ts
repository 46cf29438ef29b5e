import type { z } from 'zod';
import type {
  articleQuery,
  calendarDayBody,
  newArticleBody,
  newCorrectiveBody,
  newIssueBody,
} from '../../contracts/review.ts';
import type { Actor } from '../../platform/actor.ts';
import { likeOperator, readJson } from '../../platform/db/dialect.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { pageNewestFirst } from '../../platform/pagination.ts';
import { verdict } from './follow-up.ts';
import type { ReviewDeps } from './meetings.ts';
import { reviewRepository } from './review.repository.ts';
import type { ReviewRow } from './review.tables.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Refuses a KPI the ports cannot measure (422 UNKNOWN_KPI on `field`). */
export async function knownKpi(ports: ReviewDeps['ports'], kpi: string, field: string) {
  const known = await ports.kpis();
  if (!known.some((k) => k.key === kpi))
    throw new AppError('UNKNOWN_KPI', `${field}: "${kpi}" is not a KPI Ordo measures`, {
      field,
      known: known.map((k) => k.key),
    });
}

function toCorrective(row: ReviewRow<'corrective_actions'>) {
  return {
    id: row.id,
    sourceType: row.source_type,
    sourceRef: row.source_ref,
    title: row.title,
    classification: row.classification,
    causeCategory: row.cause_category,
    whys: readJson<string[]>(row.whys),
    rootCause: row.root_cause,
    action: row.action,
    ownerName: row.owner_name,
    ownerEmail: row.owner_email,
    deadlineAt: row.deadline_at,
    kpi: {
      name: row.kpi,
      baseline: Number(row.kpi_baseline),
      target: Number(row.kpi_target),
      measured: row.kpi_measured === null ? null : Number(row.kpi_measured),
    },
    verifyAt: row.verify_at,
    verifiedAt: row.verified_at,
    status: row.status,
  };
}

export function toArticle(row: ReviewRow<'kb_articles'>) {
  return {
    id: row.id,
    kind: row.kind,
    title: { en: row.title_en, zh: row.title_zh },
    body: { en: row.body_en, zh: row.body_zh },
    source: row.source_type ? { type: row.source_type, ref: row.source_ref } : null,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}

/** The feedback channel, corrective actions verified against a KPI, the knowledge base, the plan's calendar. */
export function createImprovement(deps: Pick<ReviewDeps, 'database' | 'clock' | 'ports'>) {
  const { database, clock, ports } = deps;

  /** Anyone raises a problem; it lands in the next meeting's issue list (or the prepared one). */
  async function raiseIssue(actor: Actor, body: z.output<typeof newIssueBody>) {
    const now = clock.now();
    const upcoming = (await reviewRepository.meetingsWhere(database.db, ['prepared']))
      .filter((m) => m.kind === 'weekly')
      .sort((a, b) => a.starts_at.localeCompare(b.starts_at))[0];
    const id = uuidv7(now.getTime());
    await reviewRepository.insertIssue(database.db, {
      id,
      meeting_id: upcoming?.id ?? null,
      department: body.department,
      source: body.source,
      title: body.title,
      detail: body.detail ?? null,
      signal_key: null,
      status: 'open',
      raised_by: actor.name,
      created_at: now.toISOString(),
    });
    return { id, meetingId: upcoming?.id ?? null, department: body.department, title: body.title };
  }

  async function createCorrective(body: z.output<typeof newCorrectiveBody>) {
    await knownKpi(ports, body.kpi.name, 'kpi.name');
    const now = clock.now();
    const id = uuidv7(now.getTime());
    await reviewRepository.insertCorrective(database.db, {
      id,
      source_type: body.sourceType,
      source_ref: body.sourceRef ?? null,
      title: body.title,
      classification: body.classification,
      cause_category: body.causeCategory,
      whys: body.whys,
      root_cause: body.rootCause,
      action: body.action,
      owner_name: body.ownerName,
      owner_email: body.ownerEmail ?? null,
      deadline_at: new Date(body.deadlineAt).toISOString(),
      kpi: body.kpi.name,
      kpi_baseline: body.kpi.baseline,
      kpi_target: body.kpi.target,
      verify_at: new Date(now.getTime() + body.verifyAfterDays * dayMs).toISOString(),
      status: 'open',
      created_at: now.toISOString(),
    });
    return toCorrective((await reviewRepository.correctiveById(database.db, id))!);
  }

  function listCorrective(query: { limit: number; cursor?: string }) {
    return pageNewestFirst(
      reviewRepository.correctiveQuery(database.db),
      'id',
      query,
      toCorrective,
      (r) => r.id,
    );
  }

  /**
   * The scheduled pass: each action whose set time has come is measured on its KPI and judged
   * effective or not; an effective one becomes a lesson in the knowledge base.
   */
  async function verifyDue() {
    const now = clock.now();
    const verified: string[] = [];
    for (const row of await reviewRepository.correctiveDue(database.db, now.toISOString())) {
      const measured = await ports.kpiValue(row.kpi, now);
      if (measured === null) continue;
      const outcome = verdict({
        baseline: Number(row.kpi_baseline),
        target: Number(row.kpi_target),
        measured,
      });
      await reviewRepository.updateCorrective(database.db, row.id, {
        status: outcome,
        kpi_measured: measured,
        verified_at: now.toISOString(),
      });
      if (outcome === 'effective') {
        await reviewRepository.insertArticle(database.db, {
          id: uuidv7(now.getTime()),
          kind: 'lesson',
          title_en: `Lesson: ${row.title}`,
          title_zh: `经验：${row.title}`,
          body_en: `Root cause: ${row.root_cause}\nAction: ${row.action}\n${row.kpi}: ${row.kpi_baseline} → ${measured}`,
          body_zh: `根本原因：${row.root_cause}\n措施：${row.action}\n${row.kpi}：${row.kpi_baseline} → ${measured}`,
          source_type: 'corrective_action',
          source_ref: row.id,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
      }
      verified.push(row.id);
    }
    return verified;
  }

  async function getCorrective(id: string) {
    const row = await reviewRepository.correctiveById(database.db, id);
    if (!row) throw notFound('corrective action', id);
    return toCorrective(row);
  }

  async function createArticle(body: z.output<typeof newArticleBody>) {
    const now = clock.now().toISOString();
    const id = uuidv7(clock.now().getTime());
    await reviewRepository.insertArticle(database.db, {
      id,
      kind: body.kind,
      title_en: body.title.en,
      title_zh: body.title.zh,
      body_en: body.body.en,
      body_zh: body.body.zh,
      source_type: body.source?.type ?? null,
      source_ref: body.source?.ref ?? null,
      created_at: now,
      updated_at: now,
    });
    return toArticle((await reviewRepository.articleById(database.db, id))!);
  }

  /** An article another module hands over (an incident's closing review), once per source. */
  async function importArticle(
    body: z.output<typeof newArticleBody> & { source: { type: string; ref: string } },
  ) {
    const existing = await reviewRepository
      .articlesQuery(database.db)
      .where('source_type', '=', body.source.type)
      .where('source_ref', '=', body.source.ref)
      .executeTakeFirst();
    return existing ? toArticle(existing) : createArticle(body);
  }

  /** Articles matching the words in either language, newest first. */
  function searchArticles(query: z.output<typeof articleQuery>) {
    let q = reviewRepository.articlesQuery(database.db).where('archived_at', 'is', null);
    if (query.q) {
      const like = likeOperator(database.dialect);
      const pattern = `%${query.q}%`;
      q = q.where((eb) =>
        eb.or(['title_en', 'title_zh', 'body_en', 'body_zh'].map((c) => eb(c as 'title_en', like, pattern))),
      );
    }
    if (query.kind) q = q.where('kind', '=', query.kind);
    return pageNewestFirst(q, 'id', query, toArticle, (r) => r.id);
  }

  async function saveCalendarDay(body: z.output<typeof calendarDayBody>) {
    await reviewRepository.saveCalendarDay(database.db, {
      day: body.day,
      kind: body.kind,
      label: body.label,
      volume_factor: body.volumeFactor,
    });
    return body;
  }

  async function listCalendarDays(from: string, to: string) {
    const rows = await reviewRepository.calendarDays(database.db, from, to);
    return {
      items: rows.map((r) => ({
        day: r.day,
        kind: r.kind,
        label: r.label,
        volumeFactor: Number(r.volume_factor),
      })),
    };
  }

  async function owners() {
    const rows = await reviewRepository.activeUsers(database.db);
    return {
      items: rows.map((r) => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        email: r.email,
      })),
    };
  }

  return {
    owners,
    raiseIssue,
    createCorrective,
    listCorrective,
    getCorrective,
    verifyDue,
    createArticle,
    importArticle,
    searchArticles,
    saveCalendarDay,
    listCalendarDays,
  };
}
