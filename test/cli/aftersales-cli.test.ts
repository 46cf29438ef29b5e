import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

const root = path.resolve(import.meta.dirname, '../..');
const smtp = await startMailCatcher();
after(() => smtp.close());

for (const dialect of testDialects) {
  describe(`ordo complaints / returns / surveys on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const api = async (method: 'POST' | 'PUT', url: string, payload: object) => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload });
      assert.ok(response.statusCode < 300, response.body);
      return response.json();
    };
    // Spawned, not spawnSync: the mail catcher in this process must keep answering meanwhile.
    function ordo(...args: string[]) {
      const testDb = t.current.testDb;
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', SMTP_URL: smtp.url };
      delete env.DATABASE_URL;
      if (dialect === 'postgres') env.DATABASE_URL = testDb.url!;
      else env.ORDO_DATA_DIR = path.dirname(testDb.sqliteFile!);
      return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
        });
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.on('exit', (status) => resolve({ status, stdout, stderr }));
      });
    }
    const email = `cli-buyer-${dialect}@example.com`;
    let orderNumber = '';
    let complaintIds: string[] = [];
    let returnId = '';

    before(async () => {
      await api('POST', '/skus', { code: 'CLI-1', name: 'CLI item', price: '59.90' });
      // Delivered a week ago in the system it came from: due for its survey.
      const [delivered] = await t.current.app.orders.intake.receiveHistory(
        { type: 'system', id: null, name: 'test' },
        [
          newOrderInput({
            customer: { name: '王芳', email, phone: '+8613800000001' },
            lines: [{ sku: 'CLI-1', quantity: 2, unitPrice: '59.90' }],
            placedAt: '2026-11-20T08:00:00Z',
            status: 'delivered',
            milestones: { shippedAt: '2026-11-21T08:00:00Z', deliveredAt: '2026-11-23T08:00:00Z' },
          }),
        ],
      );
      assert.equal(delivered?.outcome, 'created', JSON.stringify(delivered));
      orderNumber = (delivered as { number: string }).number;
      const late = await api('POST', '/complaints', {
        category: 'delivery_delay',
        subject: 'Still waiting',
        message: 'Where is it?',
        orderNumber,
      });
      const broken = await api('POST', '/complaints', {
        category: 'damaged',
        subject: 'Cracked mug',
        message: 'It arrived cracked.',
        orderNumber,
      });
      await api('POST', `/complaints/${broken.id}/resolve`, { kind: 'explain', cost: '0', note: 'Sorry.' });
      complaintIds = [late.id, broken.id];
      returnId = (
        await api('POST', '/returns', {
          orderNumber,
          reason: 'too big',
          lines: [{ sku: 'CLI-1', quantity: 1 }],
        })
      ).id;
    });

    it('lists complaints newest first, filtered by status, as text or JSON', async () => {
      const all = await ordo('complaints', 'list');
      assert.equal(all.status, 0, all.stderr);
      const lines = all.stdout.trim().split('\n');
      assert.deepEqual(
        lines.slice(0, -1).map((l) => l.split('\t').slice(0, 4)),
        [
          [complaintIds[1], 'resolved', orderNumber, 'damaged'],
          [complaintIds[0], 'open', orderNumber, 'delivery_delay'],
        ],
      );
      assert.equal(lines.at(-1), '2 shown');

      const open = await ordo('complaints', 'list', '--status', 'open', '--json');
      assert.equal(open.status, 0, open.stderr);
      const page = JSON.parse(open.stdout);
      assert.deepEqual(
        page.items.map((c: { id: string; subject: string }) => [c.id, c.subject]),
        [[complaintIds[0], 'Still waiting']],
      );
      assert.equal(page.nextCursor, null);
    });

    it('names a bad option and exits non-zero', async () => {
      const wrong = await ordo('complaints', 'list', '--status', 'closed');
      assert.notEqual(wrong.status, 0);
      assert.match(wrong.stderr, /^ordo: status: /);
    });

    it('flags SLA breaches on demand', async () => {
      const checked = await ordo('complaints', 'check-sla');
      assert.equal(checked.status, 0, checked.stderr);
      assert.match(checked.stdout, /^\d+ complaints newly breached\n$/);
    });

    it('lists returns by status', async () => {
      const requested = await ordo('returns', 'list', '--status', 'requested');
      assert.equal(requested.status, 0, requested.stderr);
      assert.deepEqual(requested.stdout.trim().split('\n'), [
        [returnId, 'requested', 'return', orderNumber, 'too big'].join('\t'),
        '1 shown',
      ]);
    });

    it('mails the due survey once however often it runs', async () => {
      const sent = await ordo('surveys', 'send-due');
      assert.equal(sent.status, 0, sent.stderr);
      assert.equal(sent.stdout.trim(), '1 surveys sent');
      const again = await ordo('surveys', 'send-due');
      assert.equal(again.stdout.trim(), '0 surveys sent');
      const surveys = smtp.mails.filter((m) => m.to.includes(email) && m.text.includes('/survey/'));
      assert.equal(surveys.length, 1);
    });
  });
}
