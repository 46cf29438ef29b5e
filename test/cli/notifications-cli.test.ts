import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { runOrdo } from '../helpers/cli.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

const _root = path.resolve(import.meta.dirname, '../..');

const ordo = runOrdo;

describe('ordo notifications', () => {
  let dir: string;
  let mail: Awaited<ReturnType<typeof startMailCatcher>>;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-notify-cli-'));
    mail = await startMailCatcher();
  });
  after(async () => {
    await mail.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the messages a stopped worker left waiting, and runs the completion job', async () => {
    // A message left pending (the worker was down when it came due), for an order on file.
    const app = await createApp({
      config: loadConfig({ ORDO_DATA_DIR: dir }),
      logger: createLogger('silent'),
    });
    const actor = { type: 'system' as const, id: null, name: 'test' };
    const [outcome] = await app.orders.intake.receiveBatch(actor, [newOrderInput()]);
    assert.ok(outcome && outcome.outcome !== 'rejected', JSON.stringify(outcome));
    const now = new Date().toISOString();
    await app.database.db
      .insertInto('notification_messages')
      .values({
        id: 'm-cli-1',
        dedupe_key: 'received:cli:email',
        order_id: outcome.order.id,
        event: 'received',
        channel: 'email',
        language: 'en',
        recipient: 'li.cli@example.com',
        subject: 'Waiting mail',
        body: 'It waited for the worker.',
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      })
      .execute();
    await app.close();
    const env = { ORDO_DATA_DIR: dir, SMTP_URL: mail.url };
    const sent = await ordo(['notifications', 'send'], env);
    assert.equal(sent.status, 0, sent.stderr);
    assert.match(sent.stdout, /^1 messages tried/);
    assert.deepEqual(
      mail.mails.map((m) => [m.to, m.text.trim()]),
      [[['li.cli@example.com'], 'It waited for the worker.']],
    );
    const completed = await ordo(['notifications', 'complete-orders'], env);
    assert.equal(completed.status, 0, completed.stderr);
    assert.match(completed.stdout, /^0 orders completed, 0 kept open/);
  });
});
