import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleServerForFile } from '../helpers/console-server.ts';
import { newOrderInput } from '../helpers/factories.ts';

// Pages once found showing English (or raw keys) in the Chinese console: the order page's review
// card and service level, the health page's jobs, a risk case's timeline, audit details and the
// empty lists of a fresh install. Each is checked for its Chinese words and against the English
// or the code it used to show; English readers keep English words.

const { api, signedIn } = consoleServerForFile();

async function textOf(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).innerText();
}

// First, while the install is fresh: the API calls of later tests sign in with a new API key.
test('empty lists of a fresh install say what is empty and what to do, in Chinese and in English', async () => {
  const zh = await signedIn('zh-CN');
  const expectations: [string, string, string][] = [
    ['/review/meetings', 'meetings-table-empty', '还没有会议。点击“新建会议系列”'],
    ['/review/action-items', 'action-items-table-empty', '没有待办事项。'],
    ['/review/corrective-actions', 'corrective-table-empty', '还没有纠正措施。'],
    ['/review/knowledge', 'knowledge-empty', '还没有文章。点击“新建文章”'],
    ['/admin/api-keys', 'api-keys-table-empty', '还没有 API 密钥。'],
    ['/service/complaints', 'complaints-table-empty', '这里没有投诉。'],
    ['/service/returns', 'returns-table-empty', '还没有退换货。'],
    ['/risk/incidents', 'incidents-empty', '没有事件。'],
  ];
  for (const [path, testId, words] of expectations) {
    await zh.goto(path);
    const empty = zh.getByTestId(testId);
    await empty.waitFor();
    const text = await empty.innerText();
    assert.ok(text.startsWith(words), `${path}: ${text}`);
    assert.doesNotMatch(text, /暂无数据|No data/, path);
  }
  await zh.context().close();

  const en = await signedIn('en-US');
  await en.goto('/risk/incidents');
  assert.match(await textOf(en, 'incidents-empty'), /^No incidents\. When many orders are hit at once/);
  await en.goto('/admin/api-keys');
  assert.match(await textOf(en, 'api-keys-table-empty'), /^No API keys yet\./);
  await en.context().close();
});

test('the order page names the review card and the service level in the reader’s language', async () => {
  const order = await api('POST', '/orders', newOrderInput({ requestedService: 'express' }));
  const zh = await signedIn('zh-CN');
  await zh.goto(`/orders/${order.id}`);
  await zh.getByTestId('review-card').getByText('风险分').waitFor();
  const card = await textOf(zh, 'review-card');
  assert.match(card, /审核环节/);
  assert.doesNotMatch(card, /review\.|orderReview/, 'no raw i18n keys');
  await zh.getByText('特快', { exact: true }).first().waitFor();
  assert.equal(await zh.getByText('service.express').count(), 0);
  await zh.context().close();

  const en = await signedIn('en-US');
  await en.goto(`/orders/${order.id}`);
  await en.getByTestId('review-card').getByText('Risk score').waitFor();
  await en.getByText('Express', { exact: true }).first().waitFor();
  await en.context().close();
});

test('the health page names its scheduled jobs in Chinese, their codes beside them', async () => {
  const zh = await signedIn('zh-CN');
  await zh.goto('/admin/health');
  const job = zh.locator('[data-testid="health-job"][data-job="hold timers"]');
  await job.waitFor();
  assert.match(await job.innerText(), /延时审单计时\s*hold timers/);
  await zh.context().close();

  const en = await signedIn('en-US');
  await en.goto('/admin/health');
  const enJob = en.locator('[data-testid="health-job"][data-job="stock planning"]');
  assert.match(await enJob.innerText(), /Stock planning\s*stock planning/);
  await en.context().close();
});

test('a risk case’s timeline says how it was opened in Chinese, not by its source code', async () => {
  // The order first: its intake reads the shop's settings the case then reads again.
  const order = await api('POST', '/orders', newOrderInput());
  const opened = await api('POST', '/risk/cases', { caseType: 'delayed', orderId: order.id });
  const zh = await signedIn('zh-CN');
  await zh.goto(`/risk/cases?case=${encodeURIComponent(opened.id)}`);
  const event = zh.locator('[data-testid="case-event"][data-kind="opened"]');
  await event.waitFor();
  const text = await event.innerText();
  assert.match(text, /创建 · 手工创建$/);
  assert.doesNotMatch(text, /manual/);
  await zh.context().close();

  const en = await signedIn('en-US');
  await en.goto(`/risk/cases?case=${encodeURIComponent(opened.id)}`);
  assert.match(
    await en.locator('[data-testid="case-event"][data-kind="opened"]').innerText(),
    /opened by hand$/,
  );
  await en.context().close();
});

test('the audit log names a new user’s role and a case’s opening in Chinese', async () => {
  await api('POST', '/users', {
    username: 'zhou.min',
    displayName: '周敏',
    role: 'warehouse',
    password: 'correct horse battery',
  });
  const zh = await signedIn('zh-CN');
  await zh.goto('/admin/audit-log');
  const details = zh.getByTestId('audit-details').filter({ hasText: 'zhou.min' });
  await details.getByText('仓库管理员').waitFor();
  assert.doesNotMatch(await details.innerText(), /warehouse/);
  // The case opened by the test before: its action named, not its code.
  await zh.getByText('创建风险工单', { exact: true }).first().waitFor();
  assert.equal(await zh.getByText('case.opened', { exact: true }).count(), 0);
  await zh.context().close();
});

test('insights say order types and hold reasons in Chinese and name channels, not their codes', async () => {
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  // No SKU is in the catalog: each order is held as an unknown SKU.
  for (const hour of [1, 2])
    await api('POST', '/orders', newOrderInput({ type: 'urgent', placedAt: `${day}T0${hour}:00:00Z` }));
  const refreshed = await api('POST', '/insights/refresh', {});
  assert.ok(refreshed.days.includes(day));
  const channels = await api('GET', '/channels');
  const web = channels.items.find((channel: { id: string }) => channel.id === 'web');
  assert.notEqual(web.name, 'web', 'the channel has a name of its own');

  const zh = await signedIn('zh-CN');
  const to = new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  await zh.goto(`/insights?tab=period&from=${day}&to=${to}`);
  const byType = zh.locator('.ant-card').filter({ hasText: '按类型' }).last();
  await byType.getByText('加急', { exact: true }).waitFor();
  assert.equal(await byType.getByText('urgent', { exact: true }).count(), 0);
  const holds = zh.locator('.ant-card').filter({ hasText: '按原因统计的挂起' }).last();
  await holds.getByText('未知 SKU', { exact: true }).waitFor();
  assert.equal(await holds.getByText('UNKNOWN_SKU', { exact: true }).count(), 0);
  const byChannel = zh.locator('.ant-card').filter({ hasText: '按渠道' }).last();
  await byChannel.getByText(web.name, { exact: true }).waitFor();
  await zh.context().close();
});

test('the customer lookup names each order’s status in the reader’s language', async () => {
  const email = 'lookup-status@example.com';
  const order = await api('POST', '/orders', newOrderInput({ customer: { name: '周洁', email } }));
  const zh = await signedIn('zh-CN');
  await zh.goto(`/service/customer?q=${encodeURIComponent(email)}`);
  const row = zh.getByTestId('customer-orders').getByRole('row', { name: new RegExp(order.number) });
  await row.waitFor();
  const status = row.locator(`[data-status="${order.status}"]`);
  const expected: Record<string, string> = {
    pending_review: '待审核',
    approved: '已审核',
    allocated: '已分配库存',
  };
  assert.equal(await status.innerText(), expected[order.status] ?? '(unexpected status)');
  assert.doesNotMatch(await row.innerText(), /pending_review|approved|allocated/);
  await zh.context().close();
});
