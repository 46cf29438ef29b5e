import type { Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import { type NewReviewRow, type ReviewRow, withReviewTables } from './review.tables.ts';

const orderOpenStatuses = ['pending_review', 'approved', 'backordered', 'allocated', 'picking', 'packed'];

/** The SQL of meetings, their records, corrective actions, articles and calendar days. */
export const reviewRepository = {
  series(db: Executor) {
    return withReviewTables(db).selectFrom('meeting_series').selectAll().orderBy('id').execute();
  },
  seriesById(db: Executor, id: string) {
    return withReviewTables(db)
      .selectFrom('meeting_series')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  },
  async insertSeries(db: Executor, row: NewReviewRow<'meeting_series'>) {
    await withReviewTables(db)
      .insertInto('meeting_series')
      .values({ ...row, participants: writeJson(row.participants) })
      .execute();
  },

  async updateSeries(db: Executor, id: string, set: Partial<ReviewRow<'meeting_series'>>) {
    const values =
      set.participants === undefined ? set : { ...set, participants: writeJson(set.participants) };
    await withReviewTables(db).updateTable('meeting_series').set(values).where('id', '=', id).execute();
  },

  meetingById(db: Executor, id: string) {
    return withReviewTables(db).selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  },
  meetingAt(db: Executor, seriesId: string, startsAt: string) {
    return withReviewTables(db)
      .selectFrom('meetings')
      .selectAll()
      .where('series_id', '=', seriesId)
      .where('starts_at', '=', startsAt)
      .executeTakeFirst();
  },
  lastClosed(db: Executor, seriesId: string, before: string) {
    return withReviewTables(db)
      .selectFrom('meetings')
      .selectAll()
      .where('series_id', '=', seriesId)
      .where('status', '=', 'closed')
      .where('starts_at', '<', before)
      .orderBy('starts_at', 'desc')
      .executeTakeFirst();
  },
  meetingsPage(db: Executor) {
    return withReviewTables(db).selectFrom('meetings').selectAll();
  },
  meetingsWhere(db: Executor, status: readonly string[]) {
    return withReviewTables(db)
      .selectFrom('meetings')
      .selectAll()
      .where('status', 'in', [...status])
      .execute();
  },
  closedWithoutMinutesSent(db: Executor) {
    return withReviewTables(db)
      .selectFrom('meetings')
      .selectAll()
      .where('status', '=', 'closed')
      .where('minutes_late_at', 'is', null)
      .execute();
  },
  async insertMeeting(db: Executor, row: NewReviewRow<'meetings'>) {
    await withReviewTables(db).insertInto('meetings').values(row).execute();
  },
  async updateMeeting(db: Executor, id: string, set: Partial<ReviewRow<'meetings'>>) {
    await withReviewTables(db).updateTable('meetings').set(set).where('id', '=', id).execute();
  },

  agenda(db: Executor, meetingId: string) {
    return withReviewTables(db)
      .selectFrom('meeting_agenda_items')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
  },
  async insertAgenda(db: Executor, rows: NewReviewRow<'meeting_agenda_items'>[]) {
    if (rows.length > 0) await withReviewTables(db).insertInto('meeting_agenda_items').values(rows).execute();
  },
  async updateAgendaItem(db: Executor, id: string, set: Partial<ReviewRow<'meeting_agenda_items'>>) {
    await withReviewTables(db).updateTable('meeting_agenda_items').set(set).where('id', '=', id).execute();
  },

  issues(db: Executor, meetingId: string) {
    return withReviewTables(db)
      .selectFrom('meeting_issues')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('department')
      .orderBy('id')
      .execute();
  },
  unassignedIssues(db: Executor) {
    return withReviewTables(db)
      .selectFrom('meeting_issues')
      .selectAll()
      .where('meeting_id', 'is', null)
      .execute();
  },
  async insertIssue(db: Executor, row: NewReviewRow<'meeting_issues'>) {
    await withReviewTables(db).insertInto('meeting_issues').values(row).execute();
  },
  async assignIssues(db: Executor, meetingId: string) {
    await withReviewTables(db)
      .updateTable('meeting_issues')
      .set({ meeting_id: meetingId })
      .where('meeting_id', 'is', null)
      .execute();
  },
  async updateIssue(db: Executor, id: string, set: Partial<ReviewRow<'meeting_issues'>>) {
    await withReviewTables(db).updateTable('meeting_issues').set(set).where('id', '=', id).execute();
  },

  decisions(db: Executor, meetingId: string) {
    return withReviewTables(db)
      .selectFrom('meeting_decisions')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('id')
      .execute();
  },
  async insertDecision(db: Executor, row: NewReviewRow<'meeting_decisions'>) {
    await withReviewTables(db).insertInto('meeting_decisions').values(row).execute();
  },

  actionItems(db: Executor, meetingId: string) {
    return withReviewTables(db)
      .selectFrom('meeting_action_items')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('id')
      .execute();
  },
  actionItemsQuery(db: Executor) {
    return withReviewTables(db).selectFrom('meeting_action_items').selectAll();
  },
  actionItemById(db: Executor, id: string) {
    return withReviewTables(db)
      .selectFrom('meeting_action_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  },
  openActionItems(db: Executor) {
    return withReviewTables(db)
      .selectFrom('meeting_action_items')
      .selectAll()
      .where('status', '=', 'open')
      .execute();
  },
  async insertActionItem(db: Executor, row: NewReviewRow<'meeting_action_items'>) {
    await withReviewTables(db).insertInto('meeting_action_items').values(row).execute();
  },
  async updateActionItem(db: Executor, id: string, set: Partial<ReviewRow<'meeting_action_items'>>) {
    await withReviewTables(db).updateTable('meeting_action_items').set(set).where('id', '=', id).execute();
  },

  feedback(db: Executor, meetingId: string) {
    return withReviewTables(db)
      .selectFrom('meeting_feedback')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('id')
      .execute();
  },
  async insertFeedback(db: Executor, row: NewReviewRow<'meeting_feedback'>) {
    await withReviewTables(db).insertInto('meeting_feedback').values(row).execute();
  },

  correctiveQuery(db: Executor) {
    return withReviewTables(db).selectFrom('corrective_actions').selectAll();
  },
  correctiveById(db: Executor, id: string) {
    return withReviewTables(db)
      .selectFrom('corrective_actions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  },
  correctiveDue(db: Executor, now: string) {
    return withReviewTables(db)
      .selectFrom('corrective_actions')
      .selectAll()
      .where('status', '=', 'open')
      .where('verify_at', '<=', now)
      .execute();
  },
  async insertCorrective(db: Executor, row: NewReviewRow<'corrective_actions'>) {
    await withReviewTables(db)
      .insertInto('corrective_actions')
      .values({ ...row, whys: writeJson(row.whys) })
      .execute();
  },
  async updateCorrective(db: Executor, id: string, set: Partial<ReviewRow<'corrective_actions'>>) {
    await withReviewTables(db).updateTable('corrective_actions').set(set).where('id', '=', id).execute();
  },

  articlesQuery(db: Executor) {
    return withReviewTables(db).selectFrom('kb_articles').selectAll();
  },
  async insertArticle(db: Executor, row: NewReviewRow<'kb_articles'>) {
    await withReviewTables(db).insertInto('kb_articles').values(row).execute();
  },
  articleById(db: Executor, id: string) {
    return withReviewTables(db).selectFrom('kb_articles').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async updateArticle(db: Executor, id: string, set: Partial<ReviewRow<'kb_articles'>>) {
    await withReviewTables(db).updateTable('kb_articles').set(set).where('id', '=', id).execute();
  },

  /** Active users, who may own action items. */
  activeUsers(db: Executor) {
    return db
      .selectFrom('staff_users_view')
      .select(['id', 'username', 'display_name', 'email'])
      .where('is_active', '=', 1)
      .orderBy('username')
      .limit(1000)
      .execute();
  },
  /** The active user a name (username or display name) or e-mail address names, if exactly one. */
  async activeUserNamed(db: Executor, name: string, email: string | null) {
    const rows = await db
      .selectFrom('staff_users_view')
      .select(['id', 'username', 'display_name', 'email'])
      .where('is_active', '=', 1)
      .where((eb) =>
        eb.or([
          eb('username', '=', name),
          eb('display_name', '=', name),
          ...(email ? [eb('email', '=', email)] : []),
        ]),
      )
      .limit(2)
      .execute();
    return rows.length === 1 ? rows[0]! : null;
  },

  calendarDays(db: Executor, from: string, to: string) {
    return withReviewTables(db)
      .selectFrom('meeting_calendar_days')
      .selectAll()
      .where('day', '>=', from)
      .where('day', '<', to)
      .orderBy('day')
      .execute();
  },
  async saveCalendarDay(db: Executor, row: ReviewRow<'meeting_calendar_days'>) {
    const { day, ...rest } = row;
    await withReviewTables(db)
      .insertInto('meeting_calendar_days')
      .values(row)
      .onConflict((oc) => oc.column('day').doUpdateSet(rest))
      .execute();
    return day;
  },

  /** Orders placed in [from, to): when and where, for the history and the default data pack. */
  ordersPlaced(db: Executor, from: string, to: string) {
    return db
      .selectFrom('orders_orders_view')
      .select(['placed_at', 'status', 'channel_id'])
      .where('placed_at', '>=', from)
      .where('placed_at', '<', to)
      .execute();
  },
  /** Per channel and currency, orders placed in [from, to) with a payment recorded: expected vs paid. */
  settlementByChannel(db: Executor, from: string, to: string) {
    return db
      .selectFrom('orders_orders_view')
      .select((eb) => [
        'channel_id',
        'currency',
        eb.fn.countAll<number | string>().as('orders'),
        eb.fn.sum<number | string>('total_minor').as('expected_minor'),
        eb.fn.sum<number | string>('paid_amount_minor').as('paid_minor'),
      ])
      .where('paid_amount_minor', 'is not', null)
      .where('placed_at', '>=', from)
      .where('placed_at', '<', to)
      .groupBy(['channel_id', 'currency'])
      .orderBy('channel_id')
      .execute();
  },
  /** Hold reasons of the orders on hold now. */
  heldOrderCodes(db: Executor) {
    return db
      .selectFrom('orders_orders_view')
      .select(['hold_codes'])
      .where('status', '=', 'pending_review')
      .execute();
  },
  /** Presale, b2b and custom orders still open with a ship-by date in [from, to). */
  specialOrdersDue(db: Executor, from: string, to: string) {
    return db
      .selectFrom('orders_orders_view')
      .select(['id', 'number', 'type', 'ship_by', 'status'])
      .where('type', 'in', ['presale', 'b2b', 'custom'])
      .where('status', 'in', orderOpenStatuses)
      .where('ship_by', '>=', from)
      .where('ship_by', '<', to)
      .orderBy('ship_by')
      .execute();
  },
  async work(db: Executor, from: string, to: string) {
    const r = withReviewTables(db);
    const [picks, packs, reviews] = await Promise.all([
      r
        .selectFrom('fulfilment_picks_view')
        .select(['picked_by', 'picked_at', 'picked_quantity'])
        .where('picked_at', '>=', from)
        .where('picked_at', '<', to)
        .execute(),
      r
        .selectFrom('fulfilment_packs_view')
        .select(['packed_by', 'packed_at'])
        .where('packed_at', '>=', from)
        .where('packed_at', '<', to)
        .execute(),
      r
        .selectFrom('orders_review_decisions_view')
        .select(['actor_name', 'at'])
        .where('at', '>=', from)
        .where('at', '<', to)
        .execute(),
    ]);
    return { picks, packs, reviews };
  },
};

export const readParticipants = (value: unknown) => readJson<Participant[]>(value);

export interface Participant {
  name: string;
  email: string | null;
  department: string;
  role: string | null;
}
