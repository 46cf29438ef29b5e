import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/app.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { runOrdo } from '../helpers/cli.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

const _root = path.resolve(import.meta.dirname, '../..');

const ordo = runOrdo;

describe('ordo training remind', () => {
  let dir: string;
  let mail: Awaited<ReturnType<typeof startMailCatcher>>;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-training-cli-'));
    mail = await startMailCatcher();
  });
  after(async () => {
    await mail.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('mails each person once about a required course they have not passed', async () => {
    const app = await createApp({
      config: loadConfig({ ORDO_DATA_DIR: dir }),
      logger: createLogger('silent'),
    });
    await app.staff.createUser(systemActor, {
      username: 'kim',
      password: 'correct horse battery',
      role: 'logistics',
      email: 'kim@example.com',
    });
    const course = await app.training.courses.createCourse(systemActor, {
      title: 'Carrier hand-over',
      topic: 'logistics',
      description: '',
      links: [],
      quiz: [{ question: 'Who signs?', options: ['The driver', 'Nobody'], answer: 0 }],
      passMark: 100,
    });
    await app.training.courses.setRequirement(systemActor, {
      role: 'logistics',
      courseId: course.id,
      renewalDays: null,
    });
    await app.close();

    const env = { ORDO_DATA_DIR: dir, SMTP_URL: mail.url };
    const first = await ordo(['training', 'remind'], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /1 training reminders given/);
    const again = await ordo(['training', 'remind'], env);
    assert.match(again.stdout, /0 training reminders given/);
    const mails = mail.mails.filter((m) => m.to.includes('kim@example.com'));
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /"Carrier hand-over" is required for your role/);
  });
});
