import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The review module's tables and the read views it uses (migrations/015_review.ts). They are
 * declared here and added to an executor with `withTables`, so the module stays in one folder.
 */
// A type alias, not an interface: `withTables` needs an index-compatible record.
export type ReviewTables = {
  meeting_series: {
    id: string;
    name: string;
    kind: string;
    chair: string;
    participants: unknown;
    weekday: number;
    start_time: string;
    duration_minutes: number;
    time_zone: string;
    online_link: string | null;
    created_at: string;
    updated_at: string;
    archived_at: string | null;
  };
  meetings: {
    id: string;
    series_id: string;
    kind: string;
    title: string;
    status: string;
    starts_at: string;
    ends_at: string;
    pack: unknown;
    plan: unknown;
    previous_meeting_id: string | null;
    prepared_at: string | null;
    notice_sent_at: string | null;
    reminder_sent_at: string | null;
    started_at: string | null;
    closed_at: string | null;
    minutes: string | null;
    minutes_sent_at: string | null;
    minutes_late_at: string | null;
    created_at: string;
  };
  meeting_agenda_items: {
    id: string;
    meeting_id: string;
    position: number;
    section: string;
    title: string;
    planned_minutes: number;
    started_at: string | null;
    used_seconds: number;
  };
  meeting_issues: {
    id: string;
    meeting_id: string | null;
    department: string;
    source: string;
    title: string;
    detail: string | null;
    signal_key: string | null;
    status: string;
    raised_by: string;
    created_at: string;
  };
  meeting_decisions: {
    id: string;
    meeting_id: string;
    issue_id: string | null;
    text: string;
    created_at: string;
  };
  meeting_action_items: {
    id: string;
    meeting_id: string;
    issue_id: string | null;
    title: string;
    owner_name: string;
    owner_email: string | null;
    deadline_at: string;
    link_type: string | null;
    link_ref: string | null;
    status: string;
    drop_reason: string | null;
    done_at: string | null;
    reminded_before_at: string | null;
    reminded_after_at: string | null;
    created_at: string;
    owner_user_id: string | null;
    kpi: string | null;
    kpi_baseline: number | null;
  };
  meeting_feedback: {
    id: string;
    meeting_id: string;
    rating: number;
    comment: string | null;
    author: string;
    created_at: string;
  };
  corrective_actions: {
    id: string;
    source_type: string;
    source_ref: string | null;
    title: string;
    classification: string;
    cause_category: string;
    whys: unknown;
    root_cause: string;
    action: string;
    owner_name: string;
    owner_email: string | null;
    deadline_at: string;
    kpi: string;
    kpi_baseline: number;
    kpi_target: number;
    verify_at: string;
    status: string;
    kpi_measured: number | null;
    verified_at: string | null;
    created_at: string;
  };
  kb_articles: {
    id: string;
    kind: string;
    title_en: string;
    title_zh: string;
    body_en: string;
    body_zh: string;
    source_type: string | null;
    source_ref: string | null;
    created_at: string;
    updated_at: string;
    archived_at: string | null;
  };
  meeting_calendar_days: { day: string; kind: string; label: string; volume_factor: number };
  fulfilment_picks_view: { picked_by: string | null; picked_at: string; picked_quantity: number };
  fulfilment_packs_view: { packed_by: string; packed_at: string; order_id: string };
  orders_review_decisions_view: { actor_name: string; at: string; order_id: string };
};

export type ReviewDb = DB & ReviewTables;
export type ReviewExecutor = Kysely<ReviewDb> | Transaction<ReviewDb>;
export type ReviewRow<T extends keyof ReviewTables> = Selectable<ReviewTables[T]>;
export type NewReviewRow<T extends keyof ReviewTables> = Insertable<ReviewTables[T]>;

/** The executor with this module's tables known to the type checker. */
export function withReviewTables(db: Kysely<DB> | Transaction<DB>): ReviewExecutor {
  return db.withTables<ReviewTables>() as ReviewExecutor;
}
