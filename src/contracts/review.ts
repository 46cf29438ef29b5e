import { z } from 'zod';
import { isoDateTime, listQuery, pageOf } from './common.ts';

/** The weekly meeting and continuous improvement (docs/weekly-meeting.md). */

export const departments = ['customer_service', 'logistics', 'finance', 'it', 'operations'] as const;
const department = z.enum(departments);
const text = (max: number) => z.string().trim().min(1).max(max);

export const participant = z.object({
  name: text(100),
  email: z.email().nullable().default(null),
  department,
  role: z.string().max(50).nullable().default(null),
});

const participantOut = z.object({
  name: z.string(),
  email: z.string().nullable(),
  department: z.string(),
  role: z.string().nullable(),
});

export const newSeriesBody = z.object({
  name: text(100),
  kind: z.enum(['weekly', 'sharing']).default('weekly'),
  chair: z.string().max(100).default(''),
  participants: z.array(participant).min(1).max(100),
  weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 Monday … 7 Sunday'),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  durationMinutes: z.number().int().min(15).max(240).default(60),
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Asia/Shanghai'),
  onlineLink: z.url().nullable().optional(),
});

export const series = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    chair: z.string(),
    participants: z.array(participantOut),
    weekday: z.number(),
    startTime: z.string(),
    durationMinutes: z.number(),
    timeZone: z.string(),
    onlineLink: z.string().nullable(),
    archivedAt: z.string().nullable().describe('Archived series prepare no more meetings'),
  })
  .meta({ id: 'MeetingSeries' });
export const seriesList = z.object({ items: z.array(series) });

const link = z.object({ type: z.enum(['order', 'sku', 'carrier', 'issue', 'channel']), ref: text(100) });

export const actionItem = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    issueId: z.string().nullable(),
    title: z.string(),
    ownerName: z.string(),
    ownerEmail: z.string().nullable(),
    ownerUserId: z.string().nullable(),
    kpi: z
      .object({
        name: z.string(),
        before: z.number().nullable().describe('The value when the item was recorded'),
        after: z
          .number()
          .nullable()
          .describe("The value now: measured when the next meeting reviews last meeting's items"),
      })
      .nullable()
      .describe('The KPI the item aims at'),
    deadlineAt: z.string(),
    link: z.object({ type: z.string(), ref: z.string() }).nullable(),
    status: z.string(),
    state: z.string().describe('open, done, late or dropped'),
    dropReason: z.string().nullable(),
    doneAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ActionItem' });
export const actionItemPage = pageOf(actionItem);
export const actionItemQuery = listQuery.extend({
  owner: z.string().max(200).optional(),
  status: z.enum(['open', 'done', 'dropped']).optional(),
});
export const newActionItemBody = z.object({
  title: text(300),
  ownerName: text(100).describe('An active user: username, display name (or give ownerEmail)'),
  ownerEmail: z.email().nullable().optional(),
  deadlineAt: isoDateTime,
  issueId: z.string().nullable().optional(),
  link: link.nullable().optional(),
  kpi: z.string().trim().min(1).max(100).nullable().optional().describe('A KPI key (GET /review-kpis)'),
});
export const actionItemChangesBody = z.object({
  status: z.enum(['open', 'done', 'dropped']),
  dropReason: z.string().trim().max(500).optional(),
});

const summaryFields = {
  id: z.string(),
  seriesId: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.string().describe('prepared, running or closed'),
  startsAt: z.string(),
  endsAt: z.string(),
  preparedAt: z.string().nullable(),
  noticeSentAt: z.string().nullable(),
  reminderSentAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  minutesSentAt: z.string().nullable(),
  isMinutesLate: z.boolean().describe('Closed more than 24 h ago without minutes sent, or sent after that'),
};
export const meetingSummary = z.object(summaryFields).meta({ id: 'MeetingSummary' });
export const meetingPage = pageOf(meetingSummary);

export const meeting = z
  .object({
    ...summaryFields,
    timeZone: z.string(),
    onlineLink: z.string().nullable(),
    chair: z.string(),
    participants: z.array(participantOut),
    previousMeetingId: z.string().nullable(),
    pack: z.record(z.string(), z.unknown()).nullable().describe('The weekly data pack (Reports JSON)'),
    plan: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("Next week's plan: forecast, staffing, stock risks, special orders"),
    agenda: z.array(
      z.object({
        id: z.string(),
        position: z.number(),
        section: z.string(),
        title: z.string(),
        plannedMinutes: z.number(),
        usedSeconds: z.number(),
        isRunning: z.boolean(),
        isOvertime: z.boolean(),
      }),
    ),
    issues: z.array(
      z.object({
        id: z.string(),
        department: z.string(),
        source: z.string(),
        title: z.string(),
        detail: z.string().nullable(),
        status: z.string(),
        raisedBy: z.string(),
      }),
    ),
    decisions: z.array(
      z.object({ id: z.string(), issueId: z.string().nullable(), text: z.string(), createdAt: z.string() }),
    ),
    actionItems: z.array(actionItem),
    previousActionItems: z.array(actionItem),
    feedback: z.array(
      z.object({ id: z.string(), rating: z.number(), comment: z.string().nullable(), author: z.string() }),
    ),
    minutes: z.string().nullable(),
  })
  .meta({ id: 'Meeting' });

export const agendaItemBody = z.object({
  title: text(200),
  plannedMinutes: z.number().int().min(1).max(120),
});
export const runItemBody = z.object({ itemId: z.string().nullable() });
export const decisionBody = z.object({ text: text(1000), issueId: z.string().nullable().optional() });
export const feedbackBody = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullable().optional(),
});
export const minutesSent = z.object({ meetingId: z.string(), sentAt: z.string() });

export const newIssueBody = z.object({
  department,
  title: text(300),
  detail: z.string().trim().max(2000).nullable().optional(),
  source: z.enum(['staff', 'customer']).default('staff'),
});
export const raisedIssue = z.object({
  id: z.string(),
  meetingId: z.string().nullable(),
  department: z.string(),
  title: z.string(),
});

export const newCorrectiveBody = z.object({
  sourceType: z.enum(['meeting_issue', 'complaint', 'case', 'incident', 'feedback']),
  sourceRef: z.string().max(100).nullable().optional(),
  title: text(300),
  classification: z.enum(['process', 'system', 'partner', 'people', 'customer']),
  causeCategory: z.enum(['method', 'machine', 'material', 'manpower', 'measurement', 'environment']),
  whys: z.array(text(500)).min(1).max(5).describe('The 5 whys, first to last'),
  rootCause: text(1000),
  action: text(1000),
  ownerName: text(100),
  ownerEmail: z.email().nullable().optional(),
  deadlineAt: isoDateTime,
  kpi: z.object({ name: text(100), baseline: z.number(), target: z.number() }),
  verifyAfterDays: z.number().int().min(1).max(365),
});
export const corrective = z
  .object({
    id: z.string(),
    sourceType: z.string(),
    sourceRef: z.string().nullable(),
    title: z.string(),
    classification: z.string(),
    causeCategory: z.string(),
    whys: z.array(z.string()),
    rootCause: z.string(),
    action: z.string(),
    ownerName: z.string(),
    ownerEmail: z.string().nullable(),
    deadlineAt: z.string(),
    kpi: z.object({
      name: z.string(),
      baseline: z.number(),
      target: z.number(),
      measured: z.number().nullable(),
    }),
    verifyAt: z.string(),
    verifiedAt: z.string().nullable(),
    status: z.string().describe('open, effective or not_effective'),
  })
  .meta({ id: 'CorrectiveAction' });
export const correctivePage = pageOf(corrective);

const bilingual = z.object({ en: text(20000), zh: text(20000) });
export const newArticleBody = z.object({
  kind: z.enum(['howto', 'playbook', 'lesson']),
  title: z.object({ en: text(200), zh: text(200) }),
  body: bilingual,
  source: z
    .object({ type: text(50), ref: text(100) })
    .nullable()
    .optional(),
});
export const article = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.object({ en: z.string(), zh: z.string() }),
    body: z.object({ en: z.string(), zh: z.string() }),
    source: z.object({ type: z.string(), ref: z.string().nullable() }).nullable(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'KnowledgeArticle' });
export const articlePage = pageOf(article);
export const articleQuery = listQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(['howto', 'playbook', 'lesson']).optional(),
});

export const calendarDayBody = z.object({
  day: z.iso.date(),
  kind: z.enum(['holiday', 'campaign']),
  label: text(100),
  volumeFactor: z.number().min(0).max(20).describe('Orders that day relative to a normal one'),
});
export const calendarDays = z.object({
  items: z.array(
    z.object({ day: z.string(), kind: z.string(), label: z.string(), volumeFactor: z.number() }),
  ),
});
export const calendarQuery = z.object({ from: z.iso.date(), to: z.iso.date() });

export const kpiChoices = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      unit: z.string(),
      goodDirection: z.enum(['up', 'down']),
    }),
  ),
});
export const actionOwners = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      email: z.string().nullable(),
    }),
  ),
});
