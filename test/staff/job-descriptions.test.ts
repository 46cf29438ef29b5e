import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

const warehouseDescription = {
  role: 'warehouse',
  title: 'Warehouse operator',
  duties: ['Pick the orders on your pick list', 'Pack and weigh each parcel'],
  workflow: [
    { step: 'Open the pick list', screen: '/fulfilment/picking' },
    { step: 'Pack at the station', screen: '/fulfilment/packing' },
  ],
  standards: ['Scan every item before it goes into the box'],
  kpis: [{ name: 'picks per hour', target: 60, unit: 'lines/h' }],
};

for (const dialect of testDialects) {
  describe(`job descriptions on ${dialect}`, () => {
    const t = useTestApp(dialect);

    async function signIn(username: string) {
      const created = await t.current.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username, password: 'correct horse battery', role: 'warehouse', displayName: username },
      });
      assert.equal(created.statusCode, 201, created.body);
      const login = await t.current.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'correct horse battery' },
      });
      assert.equal(login.statusCode, 200);
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
      return (inject: { method: 'GET' | 'POST'; url: string }) =>
        t.current.server.inject({ ...inject, headers });
    }

    it('versions a role description and records who acknowledged which version', async () => {
      const asPicker = await signIn('picker1');
      const none = await asPicker({ method: 'GET', url: '/api/v1/job-descriptions/mine' });
      assert.deepEqual(none.json(), { jobDescription: null, acknowledgedAt: null });

      const v1 = await t.current.request({
        method: 'POST',
        url: '/api/v1/job-descriptions',
        payload: warehouseDescription,
      });
      assert.equal(v1.statusCode, 201, v1.body);
      assert.equal(v1.json().version, 1);

      const mine = await asPicker({ method: 'GET', url: '/api/v1/job-descriptions/mine' });
      assert.equal(mine.json().jobDescription.id, v1.json().id);
      assert.equal(mine.json().acknowledgedAt, null);
      assert.deepEqual(mine.json().jobDescription.workflow, warehouseDescription.workflow);

      const ack = await asPicker({
        method: 'POST',
        url: `/api/v1/job-descriptions/${v1.json().id}/acknowledge`,
      });
      assert.equal(ack.statusCode, 200, ack.body);
      assert.ok(ack.json().acknowledgedAt);

      const v2 = await t.current.request({
        method: 'POST',
        url: '/api/v1/job-descriptions',
        payload: { ...warehouseDescription, standards: ['Scan every item', 'Report a short pick at once'] },
      });
      assert.equal(v2.json().version, 2);
      // A new version needs a new acknowledgement; the old one stays on version 1.
      const after = await asPicker({ method: 'GET', url: '/api/v1/job-descriptions/mine' });
      assert.equal(after.json().jobDescription.version, 2);
      assert.equal(after.json().acknowledgedAt, null);
      const acks1 = await t.current.request({
        method: 'GET',
        url: `/api/v1/job-descriptions/${v1.json().id}/acknowledgements`,
      });
      assert.equal(acks1.json().items.length, 1);
      const acks2 = await t.current.request({
        method: 'GET',
        url: `/api/v1/job-descriptions/${v2.json().id}/acknowledgements`,
      });
      assert.equal(acks2.json().items.length, 0);

      const versions = await t.current.request({
        method: 'GET',
        url: '/api/v1/roles/warehouse/job-descriptions',
      });
      assert.deepEqual(
        versions.json().items.map((d: { version: number }) => d.version),
        [2, 1],
      );
      const current = await t.current.request({ method: 'GET', url: '/api/v1/job-descriptions' });
      assert.deepEqual(
        current.json().items.map((d: { role: string; version: number }) => [d.role, d.version]),
        [['warehouse', 2]],
      );
    });

    it('refuses bad input with field details and writes nothing', async () => {
      const unknownRole = await t.current.request({
        method: 'POST',
        url: '/api/v1/job-descriptions',
        payload: { ...warehouseDescription, role: 'astronaut' },
      });
      assert.equal(unknownRole.statusCode, 422, unknownRole.body);
      assert.equal(unknownRole.json().error.details.field, 'role');
      const badScreen = await t.current.request({
        method: 'POST',
        url: '/api/v1/job-descriptions',
        payload: { ...warehouseDescription, role: 'finance', workflow: [{ step: 'x', screen: 'orders' }] },
      });
      assert.equal(badScreen.statusCode, 400);
      assert.equal(badScreen.json().error.details.field, 'workflow.0.screen');
      const noDuties = await t.current.request({
        method: 'POST',
        url: '/api/v1/job-descriptions',
        payload: { ...warehouseDescription, role: 'finance', duties: [] },
      });
      assert.equal(noDuties.statusCode, 400);
      const finance = await t.current.request({
        method: 'GET',
        url: '/api/v1/roles/finance/job-descriptions',
      });
      assert.deepEqual(finance.json().items, []);
      const byWarehouse = await t.current.request({
        role: 'warehouse',
        method: 'POST',
        url: '/api/v1/job-descriptions',
        payload: warehouseDescription,
      });
      assert.equal(byWarehouse.statusCode, 403);
    });
  });
}
