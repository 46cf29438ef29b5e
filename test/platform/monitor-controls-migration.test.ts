import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Migration, Migrator } from 'kysely';
import { migrations } from '../../migrations/index.ts';
import { readJson, writeJson } from '../../src/platform/db/dialect.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';

// Migration 027: a monitor's one `measure` becomes its list of `controls` (one entry, or none),
// the health monitors of 025 included, and back on the way down.

const provider = { getMigrations: async () => migrations as Record<string, Migration> };
const pause = { kind: 'pause_channel_auto_approval', level: 'critical', channel: 'web' };

for (const dialect of testDialects)
  describe(`migration 027 on ${dialect}`, () => {
    it('turns each monitor’s measure into a one-entry list of controls', async () => {
      const { database, drop } = await createTestDatabase(dialect, { isMigrated: false });
      try {
        const migrator = new Migrator({ db: database.db, provider });
        assert.equal((await migrator.migrateTo('026_complaint_mails')).error, undefined);
        // biome-ignore lint/suspicious/noExplicitAny: the measure column is gone from the DB types after 027.
        const db = database.db as any;
        const monitor = (id: string, measure: object | null) => ({
          id,
          name: id,
          metric: 'hold_rate',
          channel: 'web',
          carrier: null,
          sku: null,
          window_minutes: 60,
          min_volume: 4,
          warning: 0.25,
          critical: 0.5,
          measure: measure ? writeJson(measure) : null,
          notify: writeJson({ emails: [], webhookUrl: null }),
          is_enabled: 1,
          created_at: '2026-11-01T00:00:00.000Z',
        });
        await db
          .insertInto('risk_monitors')
          .values([monitor('with-measure', pause), monitor('without', null)])
          .execute();

        assert.equal((await migrator.migrateTo('027_monitor_controls')).error, undefined);
        const rows = await database.db.selectFrom('risk_monitors').select(['id', 'controls']).execute();
        const controls = new Map(rows.map((r) => [r.id, readJson(r.controls)]));
        assert.deepEqual(controls.get('with-measure'), [pause]);
        assert.deepEqual(controls.get('without'), []);
        assert.deepEqual(controls.get('00000000-0000-7000-8000-000000000001'), [
          { kind: 'notify_role', level: 'warning', role: 'it' },
        ]);
        assert.equal(rows.length, 8, 'the six health monitors and the two above');

        assert.equal((await migrator.migrateTo('026_complaint_mails')).error, undefined);
        const back = await db.selectFrom('risk_monitors').select(['id', 'measure']).orderBy('id').execute();
        const measures = new Map(
          back.map((r: { id: string; measure: unknown }) => [r.id, r.measure && readJson(r.measure)]),
        );
        assert.deepEqual(measures.get('with-measure'), pause);
        assert.equal(measures.get('without'), null);
      } finally {
        await drop();
      }
    });
  });
