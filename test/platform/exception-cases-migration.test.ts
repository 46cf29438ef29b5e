import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Migration, Migrator, sql } from 'kysely';
import { migrations } from '../../migrations/index.ts';
import { readJson } from '../../src/platform/db/dialect.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';

// Migration 023: delivery cases no risk case stands for become risk cases (an open one stays
// open), every delivery case becomes a detector's exception, released unless an open risk case
// still stands for it, and the delivery_cases table goes.

const provider = { getMigrations: async () => migrations as Record<string, Migration> };

const at = (minutes: number) => new Date(Date.parse('2026-11-01T00:00:00Z') + minutes * 60_000).toISOString();
const iso = (value: unknown) =>
  value === null ? null : (value instanceof Date ? value : new Date(String(value))).toISOString();

for (const dialect of testDialects)
  describe(`migration 023 on ${dialect}`, () => {
    it('moves every delivery case into risk once and keeps the detectors’ record', async () => {
      const { database, drop } = await createTestDatabase(dialect, { isMigrated: false });
      try {
        const migrator = new Migrator({ db: database.db, provider });
        const before = await migrator.migrateTo('022_evaluations_training');
        assert.equal(before.error, undefined);
        // biome-ignore lint/suspicious/noExplicitAny: the table is gone from the DB types after 023.
        const db = database.db as any;
        const delivery = (
          id: string,
          order: string,
          kind: string,
          status: string,
          opened: number,
          resolved?: number,
        ) =>
          db
            .insertInto('delivery_cases')
            .values({
              id,
              order_id: order,
              shipment_id: null,
              kind,
              status,
              owner_id: null,
              note: `note ${id}`,
              due_at: at(opened + 60),
              opened_at: at(opened),
              resolved_at: resolved === undefined ? null : at(resolved),
            })
            .execute();
        const risk = (
          id: string,
          order: string,
          caseType: string,
          status: string,
          opened: number,
          closed?: number,
        ) =>
          db
            .insertInto('risk_cases')
            .values({
              id,
              case_type: caseType,
              order_id: order,
              source: 'event',
              is_drill: 0,
              status,
              playbook_version: 1,
              owner_role: 'logistics',
              current_step: 0,
              due_at: at(opened + 600),
              opened_at: at(opened),
              closed_at: closed === undefined ? null : at(closed),
            })
            .execute();
        // A: open, never reached risk (its event was still queued).
        await delivery('A', 'o1', 'lost', 'open', 10);
        // B: copied by 012 under its own id, resolved in both places.
        await delivery('B', 'o2', 'late', 'resolved', 10, 20);
        await risk('B', 'o2', 'delayed', 'closed', 10, 20);
        // C: open; its event opened risk case X.
        await delivery('C', 'o3', 'no_scan', 'open', 10);
        await risk('X', 'o3', 'delayed', 'open', 11);
        // D: open in fulfilment, while its risk case Y was closed in risk.
        await delivery('D', 'o4', 'damaged', 'open', 10);
        await risk('Y', 'o4', 'damaged', 'closed', 11, 70);
        // E: resolved in fulfilment before its event reached risk.
        await delivery('E', 'o5', 'short_pick', 'resolved', 10, 15);
        // F: an older risk case on the order, closed before F opened, does not stand for it.
        await risk('Z', 'o6', 'wrong_address', 'closed', 1, 5);
        await delivery('F', 'o6', 'channel_change', 'open', 10);

        const after = await migrator.migrateTo('023_shipment_exceptions');
        assert.equal(after.error, undefined, String(after.error));

        const cases = await db
          .selectFrom('risk_cases')
          .select(['id', 'order_id', 'case_type', 'status', 'source', 'closed_at', 'explanation'])
          .orderBy('id')
          .execute();
        assert.deepEqual(
          cases.map((c: Record<string, unknown>) => [c.id, c.order_id, c.case_type, c.status, c.source]),
          [
            ['A', 'o1', 'lost_parcel', 'open', 'migrated'],
            ['B', 'o2', 'delayed', 'closed', 'event'],
            ['E', 'o5', 'out_of_stock', 'closed', 'migrated'],
            ['F', 'o6', 'wrong_address', 'open', 'migrated'],
            ['X', 'o3', 'delayed', 'open', 'event'],
            ['Y', 'o4', 'damaged', 'closed', 'event'],
            ['Z', 'o6', 'wrong_address', 'closed', 'event'],
          ],
        );
        const e = cases.find((c: { id: string }) => c.id === 'E');
        assert.equal(iso(e.closed_at), at(15));
        assert.deepEqual(readJson(e.explanation), {
          key: 'case.migrated',
          params: { kind: 'short_pick', note: 'note E' },
        });

        const exceptions = await db
          .selectFrom('shipment_exceptions')
          .select(['id', 'kind', 'note', 'detected_at', 'released_at'])
          .orderBy('id')
          .execute();
        assert.deepEqual(
          exceptions.map((x: Record<string, unknown>) => [
            x.id,
            x.kind,
            iso(x.detected_at),
            iso(x.released_at),
          ]),
          [
            ['A', 'lost', at(10), null],
            ['B', 'late', at(10), at(20)],
            ['C', 'no_scan', at(10), null],
            ['D', 'damaged', at(10), at(70)],
            ['E', 'short_pick', at(10), at(15)],
            ['F', 'channel_change', at(10), null],
          ],
          'active while an open risk case stands for it, released otherwise',
        );
        await assert.rejects(sql`select count(*) from delivery_cases`.execute(database.db));
      } finally {
        await drop();
      }
    });
  });
