import type { z } from 'zod';
import type { newArticleBody, newSeriesBody } from '../../contracts/review.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { toArticle } from './improvement.ts';
import { toSeries } from './meeting-views.ts';
import type { ReviewDeps } from './meetings.ts';
import { reviewRepository } from './review.repository.ts';

/**
 * Changing what was set up: a meeting series (its people, day, time, link) and knowledge-base
 * articles. Neither is deleted: archiving keeps the record (past meetings point at their series,
 * lessons at their corrective action) while an archived series prepares no more meetings and an
 * archived article no longer shows in searches.
 */
export function createEditing(deps: Pick<ReviewDeps, 'database' | 'clock'>) {
  const { database, clock } = deps;

  async function liveSeries(id: string) {
    const row = await reviewRepository.seriesById(database.db, id);
    if (!row) throw notFound('meeting series', id);
    if (row.archived_at)
      throw new AppError('INVALID_TRANSITION', 'the meeting series is archived', { field: 'id' });
    return row;
  }

  /** Replaces the series' settings; meetings already prepared keep theirs. */
  async function updateSeries(actor: Actor, id: string, body: z.output<typeof newSeriesBody>) {
    const row = await liveSeries(id);
    if (body.kind !== row.kind)
      throw new AppError('INVALID_TRANSITION', 'kind: a series keeps its kind', { field: 'kind' });
    await reviewRepository.updateSeries(database.db, id, {
      name: body.name,
      chair: body.chair || row.chair || actor.name,
      participants: body.participants,
      weekday: body.weekday,
      start_time: body.startTime,
      duration_minutes: body.durationMinutes,
      time_zone: body.timeZone,
      online_link: body.onlineLink ?? null,
      updated_at: clock.now().toISOString(),
    });
    return toSeries((await reviewRepository.seriesById(database.db, id))!);
  }

  async function archiveSeries(id: string) {
    await liveSeries(id);
    const now = clock.now().toISOString();
    await reviewRepository.updateSeries(database.db, id, { archived_at: now, updated_at: now });
    return toSeries((await reviewRepository.seriesById(database.db, id))!);
  }

  async function liveArticle(id: string) {
    const row = await reviewRepository.articleById(database.db, id);
    if (!row) throw notFound('article', id);
    if (row.archived_at) throw new AppError('INVALID_TRANSITION', 'the article is archived', { field: 'id' });
    return row;
  }

  async function updateArticle(id: string, body: z.output<typeof newArticleBody>) {
    await liveArticle(id);
    await reviewRepository.updateArticle(database.db, id, {
      kind: body.kind,
      title_en: body.title.en,
      title_zh: body.title.zh,
      body_en: body.body.en,
      body_zh: body.body.zh,
      source_type: body.source?.type ?? null,
      source_ref: body.source?.ref ?? null,
      updated_at: clock.now().toISOString(),
    });
    return toArticle((await reviewRepository.articleById(database.db, id))!);
  }

  async function archiveArticle(id: string) {
    await liveArticle(id);
    const now = clock.now().toISOString();
    await reviewRepository.updateArticle(database.db, id, { archived_at: now, updated_at: now });
    return toArticle((await reviewRepository.articleById(database.db, id))!);
  }

  return { updateSeries, archiveSeries, updateArticle, archiveArticle };
}
