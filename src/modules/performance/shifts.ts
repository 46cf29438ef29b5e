import type { z } from 'zod';
import type { shift, shiftBody } from '../../contracts/performance.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { performanceRepository as repo } from './performance.repository.ts';
import { instantIn } from './periods.ts';

export type Shift = z.output<typeof shift>;

function toShift(row: Row<'work_shifts'>): Shift {
  const minutes = (Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 60_000 - row.break_minutes;
  return {
    id: row.id,
    person: row.person,
    date: row.work_date,
    start: row.start_time,
    end: row.end_time,
    breakMinutes: Number(row.break_minutes),
    hours: Math.round((minutes / 60) * 100) / 100,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

/**
 * The shift record: one shift per person and local date, its times read in the shop's time zone.
 * Recording a day again corrects it.
 */
export function createShifts(deps: {
  database: Database;
  clock: Clock;
  shopTimeZone: () => Promise<string>;
}) {
  const db = deps.database.db;

  async function recordShift(actor: Actor, input: z.output<typeof shiftBody>): Promise<Shift> {
    const zone = await deps.shopTimeZone();
    const now = deps.clock.now();
    await repo.upsertShift(db, {
      id: uuidv7(now.getTime()),
      person: input.person,
      work_date: input.date,
      start_time: input.start,
      end_time: input.end,
      break_minutes: input.breakMinutes,
      starts_at: instantIn(input.date, input.start, zone).toISOString(),
      ends_at: instantIn(input.date, input.end, zone).toISOString(),
      recorded_by: actor.name,
      recorded_at: now.toISOString(),
    });
    return toShift((await repo.findShift(db, input.person, input.date))!);
  }

  async function listShifts(from: Date, to: Date, person?: string): Promise<Shift[]> {
    const rows = await repo.shiftsStartingBetween(db, from.toISOString(), to.toISOString(), person);
    return rows.map(toShift);
  }

  async function deleteShift(id: string): Promise<void> {
    if ((await repo.deleteShift(db, id)) === 0) throw notFound('shift', id);
  }

  return { recordShift, listShifts, deleteShift };
}
