import { z } from 'zod';
import { isoDateTime } from './common.ts';

export const trainingTopics = [
  'order_flow',
  'service_skills',
  'logistics',
  'playbook',
  'knowledge_base',
] as const;
export const trainingStatuses = ['due', 'valid', 'expiring', 'expired'] as const;

const text = z.string().trim().min(1).max(500);

export const courseLink = z.object({
  kind: z.enum(['playbook', 'article']).describe('a risk playbook (#8) or a knowledge base article (#10)'),
  id: z.string().trim().min(1).max(100),
});

const quizQuestion = z.object({
  question: text,
  options: z.array(z.string().trim().min(1).max(200)).min(2).max(6),
  answer: z.number().int().min(0).describe('index of the right option'),
});

export const courseBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    topic: z.enum(trainingTopics),
    description: z.string().trim().max(4000).default(''),
    links: z.array(courseLink).max(20).default([]),
    quiz: z.array(quizQuestion).min(1).max(20),
    passMark: z.number().int().min(1).max(100).describe('percent of right answers needed to pass'),
  })
  .meta({ id: 'NewTrainingCourse' });

/** A course as people taking it see it: the quiz without its answers. */
export const course = z
  .object({
    id: z.string(),
    title: z.string(),
    topic: z.enum(trainingTopics),
    description: z.string(),
    links: z.array(courseLink),
    quiz: z.array(z.object({ question: z.string(), options: z.array(z.string()) })),
    passMark: z.number().int(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'TrainingCourse' });

export const courseList = z.object({ items: z.array(course), nextCursor: z.string().nullable() });

export const requirementBody = z
  .object({
    role: z.string().min(1).max(40),
    courseId: z.string().min(1).max(100),
    renewalDays: z.number().int().min(1).max(3650).nullable().describe('null: a pass never expires'),
  })
  .meta({ id: 'TrainingRequirement' });

export const requirementList = z.object({
  items: z.array(requirementBody.extend({ courseTitle: z.string() })),
  nextCursor: z.string().nullable(),
});

export const sessionBody = z
  .object({
    courseId: z.string().min(1).max(100),
    startsAt: isoDateTime,
    trainer: z.string().trim().min(1).max(200),
    location: z.string().trim().min(1).max(200),
  })
  .meta({ id: 'NewTrainingSession' });

export const session = sessionBody
  .extend({ id: z.string(), courseTitle: z.string(), attendees: z.array(z.string()) })
  .meta({ id: 'TrainingSession' });

export const sessionList = z.object({ items: z.array(session), nextCursor: z.string().nullable() });

export const attendanceBody = z.object({
  usernames: z.array(z.string().min(1).max(100)).min(1).max(200),
});

export const attemptBody = z.object({ answers: z.array(z.number().int().min(0)).max(20) });

export const attempt = z
  .object({
    id: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    score: z.number().int(),
    passMark: z.number().int(),
    isPassed: z.boolean(),
    takenAt: isoDateTime,
  })
  .meta({ id: 'TrainingAttempt' });

export const trainingRecord = z
  .object({
    username: z.string(),
    role: z.string(),
    required: z.array(
      z.object({
        courseId: z.string(),
        courseTitle: z.string(),
        renewalDays: z.number().int().nullable(),
        status: z.enum(trainingStatuses),
        passedAt: isoDateTime.nullable(),
        expiresAt: isoDateTime.nullable(),
      }),
    ),
    attempts: z.array(attempt),
    attended: z.array(z.object({ sessionId: z.string(), courseTitle: z.string(), startsAt: isoDateTime })),
  })
  .meta({ id: 'TrainingRecord' });

export const usernameParams = z.object({ username: z.string().min(1).max(100) });
