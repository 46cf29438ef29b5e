import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

// Opening a case reads the shop's business calendar. Read inside the opening transaction, with
// the settings cache cold (as after a start, or 2 s after the last read), SQLite's one
// connection waited for itself and every later request hung. A fresh app has that cold cache.

for (const dialect of testDialects) {
  describe(`opening a case on ${dialect}`, () => {
    const t = useTestApp(dialect);

    it('opens a drill and a case by hand as the first requests after a start', async () => {
      const drill = await t.current.request({
        method: 'POST',
        url: '/api/v1/risk/drills',
        payload: { caseType: 'lost_parcel' },
      });
      assert.equal(drill.statusCode, 201, drill.body);
      assert.equal(drill.json().isDrill, true);
      const manual = await t.current.request({
        method: 'POST',
        url: '/api/v1/risk/cases',
        payload: { caseType: 'damaged' },
      });
      assert.equal(manual.statusCode, 201, manual.body);
      assert.equal(manual.json().status, 'open');
    });
  });
}
