import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { signedInAs } from '../helpers/people.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const catcher = await startMailCatcher();
after(() => catcher.close());

const course = {
  title: 'Picking and packing',
  topic: 'order_flow',
  description: 'From the pick list to the sealed parcel.',
  quiz: [
    { question: 'When do you scan an item?', options: ['Before it goes in the box', 'Never'], answer: 0 },
    { question: 'A short pick is reported…', options: ['At the end of the day', 'At once'], answer: 1 },
  ],
  passMark: 100,
};

for (const dialect of testDialects) {
  describe(`training on ${dialect}`, () => {
    const clock = fixedClock('2026-11-01T09:00:00Z');
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: catcher.url } });
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, role = 'admin') => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload, role });
      return { status: response.statusCode, body: response.json() as Json };
    };
    const email = `wei.${dialect}@example.com`;
    const mailsTo = () => catcher.mails.filter((m) => m.to.includes(email));

    it('keeps a record of sessions and quizzes, and reminds once when a required course expires', async () => {
      const wei = await signedInAs(t.current, `wei-${dialect}`, 'warehouse', email);
      const created = await api('POST', '/training/courses', course);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const courseId = created.body.id;
      // People taking the quiz never see its answers.
      assert.equal('answer' in created.body.quiz[0], false);

      const badAnswer = await api('POST', '/training/courses', {
        ...course,
        quiz: [{ question: 'q', options: ['a', 'b'], answer: 2 }],
      });
      assert.equal(badAnswer.status, 400);
      assert.equal(badAnswer.body.error.details.field, 'quiz.0.answer');
      const badPlaybook = await api('POST', '/training/courses', {
        ...course,
        links: [{ kind: 'playbook', id: 'no-such-case-type' }],
      });
      assert.equal(badPlaybook.body.error.details.field, 'links.0.id');
      assert.equal((await api('GET', '/training/courses')).body.items.length, 1);

      const required = await api('PUT', '/training/requirements', {
        role: 'warehouse',
        courseId,
        renewalDays: 30,
      });
      assert.equal(required.status, 200, JSON.stringify(required.body));
      assert.equal(
        (await api('PUT', '/training/requirements', { role: 'king', courseId, renewalDays: 30 })).status,
        422,
      );

      const session = await api('POST', '/training/sessions', {
        courseId,
        startsAt: '2026-11-02T09:00:00Z',
        trainer: 'Lead picker',
        location: 'Warehouse A',
      });
      assert.equal(session.status, 201, JSON.stringify(session.body));
      const unknownPerson = await api('POST', `/training/sessions/${session.body.id}/attendance`, {
        usernames: [`wei-${dialect}`, 'ghost'],
      });
      assert.equal(unknownPerson.body.error.details.field, 'usernames.1');
      const attended = await api('POST', `/training/sessions/${session.body.id}/attendance`, {
        usernames: [`wei-${dialect}`],
      });
      assert.deepEqual(attended.body.attendees, [`wei-${dialect}`]);

      const due = await wei({ method: 'GET', url: '/api/v1/training/mine' });
      assert.equal(due.json().required[0].status, 'due');

      const failed = await wei({
        method: 'POST',
        url: `/api/v1/training/courses/${courseId}/attempts`,
        payload: { answers: [0, 0] },
      });
      assert.deepEqual([failed.json().score, failed.json().isPassed], [50, false]);
      const passed = await wei({
        method: 'POST',
        url: `/api/v1/training/courses/${courseId}/attempts`,
        payload: { answers: [0, 1] },
      });
      assert.equal(passed.statusCode, 201, passed.body);
      assert.equal(passed.json().isPassed, true);
      const record = (await wei({ method: 'GET', url: '/api/v1/training/mine' })).json();
      assert.equal(record.required[0].status, 'valid');
      assert.equal(record.required[0].expiresAt, '2026-12-01T09:00:00.000Z');
      assert.equal(record.attempts.length, 2);
      assert.equal(record.attended.length, 1);

      const reminders = t.current.app.training.records;
      assert.deepEqual(await reminders.sendReminders(), { reminded: 0 });

      // Nine days before the pass runs out it is expiring: one reminder, by mail, once.
      clock.set('2026-11-22T09:00:00Z');
      assert.equal((await api('GET', `/training/people/wei-${dialect}`)).body.required[0].status, 'expiring');
      assert.deepEqual(await reminders.sendReminders(), { reminded: 1 });
      assert.deepEqual(await reminders.sendReminders(), { reminded: 0 });
      assert.equal(mailsTo().length, 1);
      assert.match(mailsTo()[0]!.text, /Picking and packing" expires on 2026-12-01/);

      // Once it has run out, one more reminder says so.
      clock.set('2026-12-02T09:00:00Z');
      assert.deepEqual(await reminders.sendReminders(), { reminded: 1 });
      assert.equal(mailsTo().length, 2);
      assert.match(mailsTo()[1]!.text, /expired on 2026-12-01/);
      assert.equal((await api('GET', `/training/people/wei-${dialect}`)).body.required[0].status, 'expired');

      assert.equal((await api('POST', '/training/courses', course, 'warehouse')).status, 403);
    });
  });
}
