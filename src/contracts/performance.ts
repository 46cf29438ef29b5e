import { z } from 'zod';
import { isoDateTime } from './common.ts';

export const performanceQuery = z
  .object({ from: isoDateTime, to: isoDateTime })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });

export const personFigures = z
  .object({
    person: z.string(),
    pickLines: z.number().int(),
    pickedUnits: z.number().int(),
    shortUnits: z.number().int(),
    parcelsPacked: z.number().int(),
    ordersReviewed: z.number().int(),
    sources: z.object({
      pickLines: z.array(z.string()),
      parcels: z.array(z.string()),
      reviews: z.array(z.string()),
    }),
  })
  .meta({ id: 'PersonFigures' });

export const performancePage = z.object({ items: z.array(personFigures), nextCursor: z.string().nullable() });
