import type { z } from 'zod';
import { type surveyAnswerBody, type surveyGroup, surveySettings } from '../../../contracts/aftersales.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { readSetting, writeSetting } from '../../../platform/settings.ts';
import { findOrderById, latestShipment, orderLines } from './aftersales.repository.ts';
import type { Complaints } from './complaints.ts';
import { customerLinks } from './customer-links.ts';

const settingsKey = 'service.surveys';
const purpose = 'survey';
/** A CSAT this low opens a follow-up complaint. */
export const lowScore = 2;

type SurveyGroup = z.output<typeof surveyGroup>;
interface Answer {
  key: string;
  csat: number;
  nps: number;
}

/** NPS: percentage of promoters (9–10) minus detractors (0–6); CSAT: mean score. */
export function summarise(key: string, answers: readonly Answer[]): SurveyGroup {
  if (answers.length === 0) return { key, answered: 0, csat: null, nps: null };
  const promoters = answers.filter((a) => a.nps >= 9).length;
  const detractors = answers.filter((a) => a.nps <= 6).length;
  const csat = answers.reduce((sum, a) => sum + a.csat, 0) / answers.length;
  return {
    key,
    answered: answers.length,
    csat: Math.round(csat * 100) / 100,
    nps: Math.round(((promoters - detractors) / answers.length) * 1000) / 10,
  };
}

function groupBy(answers: readonly Answer[]): SurveyGroup[] {
  const groups = new Map<string, Answer[]>();
  for (const a of answers) groups.set(a.key, [...(groups.get(a.key) ?? []), a]);
  return [...groups.entries()]
    .map(([key, list]) => summarise(key, list))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Satisfaction surveys: a signed link after delivery, the answers, results by dimension. */
export function createSurveys(deps: {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  complaints: Complaints;
}) {
  const { database, clock } = deps;
  const links = customerLinks(deps);
  const settings = () => readSetting(database.db, settingsKey, surveySettings, { delayHours: 24 });

  async function saveSettings(actor: Actor, value: z.output<typeof surveySettings>) {
    await inTransaction(database, (tx) => writeSetting(tx, actor, clock.now(), settingsKey, value));
    return settings();
  }

  /** Scheduled: a survey to each order delivered at least the delay ago that has none yet. */
  async function sendDueSurveys(): Promise<number> {
    const { delayHours } = await settings();
    const now = clock.now();
    const before = new Date(now.getTime() - delayHours * 3600 * 1000).toISOString();
    const due = await database.db
      .selectFrom('orders_status_history_view as h')
      .leftJoin('service_surveys as s', 's.order_id', 'h.order_id')
      .select('h.order_id')
      .distinct()
      .where('h.to_status', '=', 'delivered')
      .where('h.at', '<=', before)
      .where('s.id', 'is', null)
      .limit(200)
      .execute();
    let sent = 0;
    for (const { order_id } of due) if (await sendSurvey(order_id)) sent += 1;
    return sent;
  }

  /** One survey per order whatever calls it twice (the unique order_id); mailed when stored. */
  async function sendSurvey(orderId: string): Promise<boolean> {
    const order = await findOrderById(database.db, orderId);
    if (!order) throw notFound('order', orderId);
    const shipment = await latestShipment(database.db, orderId);
    const skus = (await orderLines(database.db, orderId)).map((l) => l.sku);
    const id = uuidv7(clock.now().getTime());
    const inserted = await database.db
      .insertInto('service_surveys')
      .values({
        id,
        order_id: orderId,
        carrier_id: shipment?.carrier_id ?? null,
        channel_id: order.channel_id,
        team: order.team,
        skus: writeJson(skus),
        sent_at: clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('order_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    if (order.customer_email) {
      const link = await links.url('survey', purpose, id);
      await deps.mailer.send({
        to: order.customer_email,
        subject: `How was your order ${order.number}? · 订单 ${order.number} 满意度调查`,
        text: `Tell us how it went (1 minute) · 请花一分钟告诉我们您的体验：\n${link}\n`,
      });
    }
    return true;
  }

  async function surveyFor(token: string) {
    const id = await links.subjectOf(token, purpose);
    const survey = await database.db
      .selectFrom('service_surveys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!survey) throw notFound('survey', id);
    const order = await findOrderById(database.db, survey.order_id);
    return { survey, order };
  }

  async function viewSurvey(token: string) {
    const { survey, order } = await surveyFor(token);
    const language: 'en' | 'zh-CN' = order?.ship_country === 'CN' ? 'zh-CN' : 'en';
    return { orderNumber: order?.number ?? '', isAnswered: survey.answered_at !== null, language };
  }

  async function answerSurvey(token: string, input: z.output<typeof surveyAnswerBody>) {
    const { survey, order } = await surveyFor(token);
    if (survey.answered_at) throw new AppError('ALREADY_DECIDED', 'this survey has been answered');
    const now = clock.now();
    await database.db
      .updateTable('service_surveys')
      .set({
        answered_at: now.toISOString(),
        csat: input.csat,
        nps: input.nps,
        comment: input.comment,
        problems: writeJson(input.problems),
      })
      .where('id', '=', survey.id)
      .where('answered_at', 'is', null)
      .execute();
    if (input.csat <= lowScore && order) {
      const followUp = await deps.complaints.openComplaint(
        { type: 'system', id: null, name: 'survey' },
        {
          source: 'survey',
          category: 'service',
          subject: `Low satisfaction (${input.csat}/5) on order ${order.number}`,
          message: [
            input.comment || '(no comment)',
            input.problems.length ? `Problems: ${input.problems.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('\n'),
          orderNumber: order.number,
        },
      );
      await database.db
        .updateTable('service_surveys')
        .set({ follow_up_complaint_id: followUp.id })
        .where('id', '=', survey.id)
        .execute();
    }
    return { isAnswered: true };
  }

  /** Results over surveys sent in [from, to): overall, per carrier, channel, team, SKU and day. */
  async function surveyResults(range: { from?: string; to?: string }) {
    let q = database.db.selectFrom('service_surveys').selectAll();
    if (range.from) q = q.where('sent_at', '>=', range.from);
    if (range.to) q = q.where('sent_at', '<', range.to);
    const rows = await q.execute();
    const answered = rows.filter((r) => r.answered_at !== null && r.csat !== null && r.nps !== null);
    const by = (key: (r: (typeof rows)[number]) => string) =>
      groupBy(answered.map((r) => ({ key: key(r), csat: r.csat!, nps: r.nps! })));
    const problems = new Map<string, number>();
    for (const r of answered)
      for (const p of readJson<string[]>(r.problems) ?? []) problems.set(p, (problems.get(p) ?? 0) + 1);
    const overall = summarise(
      'all',
      answered.map((r) => ({ key: 'all', csat: r.csat!, nps: r.nps! })),
    );
    return {
      sent: rows.length,
      answered: answered.length,
      csat: overall.csat,
      nps: overall.nps,
      byCarrier: by((r) => r.carrier_id ?? '—'),
      byChannel: by((r) => r.channel_id ?? '—'),
      byTeam: by((r) => r.team ?? '—'),
      bySku: groupBy(
        answered.flatMap((r) =>
          (readJson<string[]>(r.skus) ?? []).map((sku) => ({ key: sku, csat: r.csat!, nps: r.nps! })),
        ),
      ),
      byDay: by((r) => r.answered_at!.slice(0, 10)),
      problems: [...problems.entries()]
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => b.count - a.count),
    };
  }

  return { settings, saveSettings, sendDueSurveys, sendSurvey, viewSurvey, answerSurvey, surveyResults };
}

export type Surveys = ReturnType<typeof createSurveys>;
