import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleServerForFile } from '../helpers/console-server.ts';

// A fresh install without demo data: tables that used to show only antd's bare "暂无数据 / No
// data" now say what would be listed and how it gets filled, and a detail page for an id that
// does not exist says so and leads back to its list.

const { signedIn } = consoleServerForFile();

/** A page's empty table: where it is, its test id, how its sentence starts in Chinese and in English. */
type EmptyTable = { path: string; testId: string; zh: string; en: string };

const emptyTables: EmptyTable[] = [
  {
    path: '/training',
    testId: 'courses-empty',
    zh: '还没有课程。点击下方的“新建课程”',
    en: 'No courses yet. Click “New course” below',
  },
  {
    path: '/training',
    testId: 'requirements-empty',
    zh: '还没有任何岗位的必修课程。点击“设为必修”',
    en: 'No course is required of any role yet. Click “Require a course”',
  },
  {
    path: '/training',
    testId: 'sessions-empty',
    zh: '还没有安排培训场次。点击“安排培训”',
    en: 'No sessions scheduled. Click “Schedule a session”',
  },
  {
    path: '/service/surveys',
    testId: 'surveys-by-carrier-empty',
    zh: '还没有已回答的问卷。订单签收后会发出满意度问卷',
    en: 'No answered surveys yet. A survey goes out after an order is delivered',
  },
  {
    path: '/service/customer',
    testId: 'customer-orders-empty',
    zh: '在上方输入手机号、邮箱、订单号或渠道订单号并按回车',
    en: 'Type a phone number, e-mail, order number or channel order id in the box above',
  },
  {
    path: '/service/customer',
    testId: 'customer-complaints-empty',
    zh: '请先在上方查询客户。',
    en: 'Search for a customer above first.',
  },
  {
    path: '/insights',
    testId: 'at-risk-empty',
    zh: '当前没有临近发货时限的未完成订单。',
    en: 'No open order is close to its ship-by deadline right now.',
  },
  {
    path: '/insights?tab=period',
    testId: 'by-day-empty',
    zh: '该期间没有订单。请在本页右上方选择更长的日期范围或其他渠道。',
    en: 'No orders in this period. Choose a longer date range or another channel at the top right',
  },
  {
    path: '/insights?tab=bottlenecks',
    testId: 'findings-empty',
    zh: '没有发现瓶颈',
    en: 'No bottleneck found',
  },
  {
    path: '/insights?tab=customers',
    testId: 'affinity-empty',
    zh: '该期间没有被一起购买的两个 SKU。',
    en: 'No two SKUs were bought together in this period.',
  },
  {
    path: '/review/meetings',
    testId: 'calendar-days-empty',
    zh: '日历上还没有节假日或大促。在上方填写日期',
    en: 'No holidays or campaigns on the calendar. Enter a day above',
  },
  {
    path: '/my-work',
    testId: 'team-figures-empty',
    zh: '今天还没有人记录工作。',
    en: 'Nobody has recorded work today yet.',
  },
  {
    path: '/my-work',
    testId: 'shifts-empty',
    zh: '今天还没有记录排班。在上方填写人员和时长后点击“记录排班”',
    en: 'No shift recorded for today. Fill in the person and hours above and click “Record shift”',
  },
];

async function expectEmptyTables(page: Page, language: 'zh' | 'en'): Promise<void> {
  for (const table of emptyTables) {
    await page.goto(table.path);
    const empty = page.getByTestId(table.testId);
    await empty.waitFor();
    const text = (await empty.innerText()).trim();
    assert.ok(text.startsWith(table[language]), `${table.path} ${table.testId}: ${text}`);
    assert.doesNotMatch(text, /暂无数据|No data/, `${table.path} ${table.testId}`);
  }
}

test('empty tables of a fresh install say what would be listed and how it gets filled, in Chinese', async () => {
  const page = await signedIn('zh-CN');
  await expectEmptyTables(page, 'zh');
  await page.context().close();
});

test('empty tables of a fresh install say what would be listed and how it gets filled, in English', async () => {
  const page = await signedIn('en-US');
  await expectEmptyTables(page, 'en');
  await page.context().close();
});

test('a customer search that finds nothing names what was typed and what to try instead', async () => {
  const zh = await signedIn('zh-CN');
  await zh.goto('/service/customer');
  await zh.getByTestId('customer-search').locator('input').fill('13900001111');
  await zh.getByTestId('customer-search').locator('input').press('Enter');
  await zh.getByText('没有与“13900001111”匹配的订单。').waitFor();
  assert.equal(
    (await zh.getByTestId('customer-orders-empty').innerText()).trim(),
    '没有与“13900001111”匹配的订单。请检查输入，或改用手机号或邮箱查询。',
  );
  assert.equal((await zh.getByTestId('customer-returns-empty').innerText()).trim(), '该客户没有退换货。');
  await zh.context().close();

  const en = await signedIn('en-US');
  await en.goto('/service/customer?q=nobody%40example.com');
  await en.getByText('No orders match “nobody@example.com”.').waitFor();
  assert.equal(
    (await en.getByTestId('customer-complaints-empty').innerText()).trim(),
    'This customer has no complaints.',
  );
  await en.context().close();
});

/** Opens a detail page for an id that does not exist, checks the not-found text, follows the link back. */
async function followNotFound(page: Page, path: string, title: string, back: string, listPath: string) {
  await page.goto(path);
  const notFound = page.getByTestId('not-found');
  await notFound.waitFor();
  assert.match(await notFound.innerText(), new RegExp(title));
  const link = page.getByTestId('not-found-back');
  assert.equal((await link.innerText()).trim(), back);
  await link.click();
  await page.waitForURL((url) => url.pathname === listPath);
}

test('a stocktake or complaint that does not exist says so and links back to its list', async () => {
  const zh = await signedIn('zh-CN');
  await followNotFound(
    zh,
    '/inventory/stocktakes/no-such-stocktake',
    '该盘点单不存在',
    '返回盘点列表',
    '/inventory/stocktakes',
  );
  await followNotFound(
    zh,
    '/service/complaints/no-such-complaint',
    '该投诉工单不存在',
    '返回投诉工单列表',
    '/service/complaints',
  );
  await zh.getByTestId('complaints-table-empty').waitFor();
  await zh.context().close();

  const en = await signedIn('en-US');
  await followNotFound(
    en,
    '/inventory/stocktakes/no-such-stocktake',
    'This stocktake does not exist',
    'Back to stocktakes',
    '/inventory/stocktakes',
  );
  await followNotFound(
    en,
    '/service/complaints/no-such-complaint',
    'This complaint does not exist',
    'Back to complaints',
    '/service/complaints',
  );
  await en.context().close();
});

test('a meeting or risk case that does not exist says so instead of loading for ever', async () => {
  const en = await signedIn('en-US');
  await followNotFound(
    en,
    '/review/meetings/no-such-meeting',
    'This meeting does not exist',
    'Back to meetings',
    '/review/meetings',
  );

  // A risk case opens in a drawer over the board; its way back closes the drawer.
  await en.goto('/risk/cases?case=no-such-case');
  const notFound = en.getByTestId('not-found');
  await notFound.waitFor();
  assert.match(await notFound.innerText(), /This risk case does not exist/);
  await en.getByTestId('not-found-back').click();
  await notFound.waitFor({ state: 'hidden' });
  // Closed for good: the address forgets the case, so a reload shows the board alone.
  assert.equal(new URL(en.url()).searchParams.get('case'), null);
  await en.reload();
  await en.getByTestId('current-user').waitFor();
  assert.equal(await en.getByTestId('not-found').count(), 0);
  await en.context().close();

  const zh = await signedIn('zh-CN');
  await zh.goto('/review/meetings/no-such-meeting');
  await zh.getByTestId('not-found').getByText('该会议不存在').waitFor();
  await zh.context().close();
});
