import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  saveScreenshot,
  signIn,
} from '../helpers/browser.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { signedInAs } from '../helpers/people.ts';
import { type RunningServer, startTestServer } from '../helpers/server.ts';

// A warehouse operator sees the course their role requires on the home page and passes its quiz;
// a manager sees the order processors ranked and opens the records behind a score.

let server: RunningServer;
let browser: Browser;
const password = 'correct horse battery';

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  const request = server.testApp.request;
  const created = await request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { username: 'pat', password, role: 'warehouse', displayName: 'Pat Picker' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const course = await request({
    method: 'POST',
    url: '/api/v1/training/courses',
    payload: {
      title: 'Safe picking',
      topic: 'order_flow',
      quiz: [{ question: 'When do you scan an item?', options: ['Before boxing it', 'Never'], answer: 0 }],
      passMark: 100,
    },
  });
  assert.equal(course.statusCode, 201, course.body);
  const required = await request({
    method: 'PUT',
    url: '/api/v1/training/requirements',
    payload: { role: 'warehouse', courseId: course.json().id, renewalDays: 365 },
  });
  assert.equal(required.statusCode, 200, required.body);

  // ana releases one held order; ben does nothing.
  await request({
    method: 'POST',
    url: '/api/v1/skus',
    payload: { code: 'TEA-1', name: 'Tea', price: '10.00' },
  });
  const ana = await signedInAs(server.testApp, 'ana', 'order_processor');
  await signedInAs(server.testApp, 'ben', 'order_processor');
  const order = await request({
    method: 'POST',
    url: '/api/v1/orders',
    payload: newOrderInput({
      externalId: 'eval-page-1',
      lines: [{ sku: 'TEA-1', quantity: 1, unitPrice: '10.00' }],
    }),
  });
  const released = await ana({
    method: 'POST',
    url: `/api/v1/orders/${order.json().id}/holds/release`,
    payload: { codes: ['TOTAL_MISMATCH'] },
  });
  assert.equal(released.statusCode, 200, released.body);
  const now = Date.now();
  const period = await request({
    method: 'POST',
    url: '/api/v1/evaluations',
    payload: {
      name: 'This week',
      role: 'order_processor',
      from: new Date(now - 86_400_000).toISOString(),
      to: new Date(now + 86_400_000).toISOString(),
      weights: [{ figure: 'ordersReviewed', weight: 100 }],
    },
  });
  assert.equal(period.statusCode, 201, period.body);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a warehouse operator sees their training due and passes the quiz', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'pat', password);
  const card = page.getByTestId('my-training');
  await card.getByText('Safe picking').waitFor({ timeout: 60_000 });
  await card.getByTestId('training-status-due').waitFor();
  await card.getByTestId('training-due-count').waitFor();
  await saveScreenshot(page, 'training-due.png');

  await card.getByRole('link', { name: 'Courses and quizzes' }).click();
  await page.getByTestId('take-quiz-Safe picking').click();
  const quiz = page.getByTestId('quiz-modal');
  await quiz.getByText('Before boxing it').click();
  await page.getByTestId('quiz-modal-ok').click();
  await quiz.getByTestId('quiz-result').getByText('Passed with 100%').waitFor({ timeout: 60_000 });
  await page.locator('.ant-modal').getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('my-training').getByTestId('training-status-valid').waitFor({ timeout: 60_000 });
  // The operator has no evaluations menu entry.
  assert.equal(await page.getByRole('menuitem', { name: 'Evaluations' }).count(), 0);
  await context.close();
});

test('a manager sees the ranking and opens the records behind a score', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('my-training').waitFor({ timeout: 60_000 });
  await page.goto('/evaluations');
  const ranking = page.getByTestId('ranking');
  const ana = ranking.locator('tr', { hasText: 'ana' });
  await ana.waitFor({ timeout: 60_000 });
  const cells = await ana.locator('td').allInnerTexts();
  assert.ok(cells.includes('100'), cells.join(' | '));
  assert.ok(cells.includes('1'), cells.join(' | '));
  await ranking.locator('tr', { hasText: 'ben' }).waitFor();
  await ana.locator('.ant-table-row-expand-icon').click();
  const sources = page.getByTestId('ranking-sources');
  await sources.waitFor({ timeout: 60_000 });
  assert.match(await sources.innerText(), /Audit log entries: [0-9a-f-]{36}/);
  await page.getByTestId('weights-sum').getByText('Total: 100%').waitFor();
  // Every per-person figure can be weighed, the rates per shift hour and the errors included.
  const weights = page.getByTestId('weights');
  for (const label of ['Pick errors', 'Pack errors', 'Minutes to review', 'Reviews / hour', 'Average rating'])
    await weights.getByText(label, { exact: true }).waitFor();
  assert.equal(await page.getByTestId('weight-hoursWorked').count(), 0);
  await saveScreenshot(page, 'evaluations-ranking.png');
  await context.close();
});

test('speaks Chinese', async () => {
  const context = await newConsoleContext(browser, server.url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.goto('/training');
  await page.getByText('各岗位必修课程').waitFor({ timeout: 60_000 });
  await page.goto('/evaluations');
  await page.getByText('指标权重').waitFor({ timeout: 60_000 });
  await page.getByTestId('weights').getByText('每小时拣货行', { exact: true }).waitFor();
  await context.close();
});
