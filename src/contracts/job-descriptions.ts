import { z } from 'zod';
import { isoDateTime } from './common.ts';

const text = z.string().trim().min(1).max(500);

export const workflowStep = z.object({
  step: text,
  screen: z.string().trim().min(1).max(200).describe('console path, e.g. /orders/review'),
});

export const kpi = z.object({
  name: text,
  target: z.number().finite(),
  unit: z.string().trim().min(1).max(40),
});

export const jobDescriptionBody = z
  .object({
    role: z.string().min(1).max(40),
    title: z.string().trim().min(1).max(200),
    duties: z.array(text).min(1).max(50),
    workflow: z.array(workflowStep).max(50).default([]),
    standards: z.array(text).max(50).default([]),
    kpis: z.array(kpi).max(30).default([]),
  })
  .meta({ id: 'NewJobDescription' });

export const jobDescription = z
  .object({
    id: z.string(),
    role: z.string(),
    version: z.number().int(),
    title: z.string(),
    duties: z.array(z.string()),
    workflow: z.array(z.object({ step: z.string(), screen: z.string() })),
    standards: z.array(z.string()),
    kpis: z.array(z.object({ name: z.string(), target: z.number(), unit: z.string() })),
    publishedBy: z.string(),
    publishedAt: isoDateTime,
  })
  .meta({ id: 'JobDescription' });

export const jobDescriptionList = z.object({
  items: z.array(jobDescription),
  nextCursor: z.string().nullable(),
});

export const myJobDescription = z
  .object({ jobDescription: jobDescription.nullable(), acknowledgedAt: isoDateTime.nullable() })
  .meta({ id: 'MyJobDescription' });

export const acknowledgementList = z.object({
  items: z.array(z.object({ userId: z.string(), acknowledgedAt: isoDateTime })),
  nextCursor: z.string().nullable(),
});

export const roleParams = z.object({ role: z.string().min(1).max(40) });
