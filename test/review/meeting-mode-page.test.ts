import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { reviewRepository } from '../../src/modules/review/review.repository.ts';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { type RunningServer, startTestServer } from '../helpers/server.ts';

// Meeting mode in headless Chromium against the real server: the agenda's timers (one over its
// time), an action item typed in, the meeting closed with its minutes.

let server: RunningServer;
let browser: Browser;
let meetingId: string;

async function api(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
  return response.json();
}

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  await server.testApp.app.staff.createUser(
    { type: 'system', id: null, name: 'test' },
    {
      username: 'li.logistics',
      displayName: 'Li Logistics',
      role: 'logistics',
      password: 'logistics-pass-1',
    },
  );
  const series = await api('POST', '/meeting-series', {
    name: 'Weekly order meeting',
    participants: [{ name: 'Chair', email: null, department: 'operations' }],
    weekday: 1,
    startTime: '10:00',
    timeZone: 'Asia/Shanghai',
    onlineLink: 'https://meet.example.com/weekly',
  });
  const meeting = await api('POST', `/meeting-series/${series.id}/prepare`);
  meetingId = meeting.id;
  // The opening already ran 6 min 40 s of its 3 minutes (recorded as the timer banks it).
  await reviewRepository.updateAgendaItem(server.testApp.app.database.db, meeting.agenda[0].id, {
    used_seconds: 400,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('runs the agenda timers, takes an action item and closes the meeting', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto(`/review/meetings/${meetingId}`);

  const opening = page.getByTestId('agenda-timer-1');
  await opening.waitFor();
  assert.equal(await opening.getAttribute('data-overtime'), 'true');
  assert.equal((await opening.textContent())?.trim(), '6:40 / 3:00');

  await page.getByTestId('agenda-run-2').click();
  await page.locator('[data-testid="agenda-2"][data-running="true"]').waitFor();
  assert.match((await page.getByTestId('agenda-timer-2').textContent()) ?? '', /^\d+:\d\d \/ 10:00$/);

  // The agenda stays editable: the third item gets 20 minutes.
  await page.getByTestId('agenda-minutes-3').fill('20');
  await page.getByTestId('agenda-timer-3').getByText('/ 20:00').waitFor();

  await page.getByTestId('action-title').fill('Call the carrier about late parcels');
  // The owner is one of the active users; the item aims at a KPI, measured now.
  await page.getByTestId('action-owner').click();
  await page.locator('.ant-select-item-option', { hasText: 'Li Logistics' }).click();
  await page.getByTestId('action-kpi-select').click();
  await page.locator('.ant-select-item-option', { hasText: 'Open stock alerts' }).click();
  await page.getByTestId('action-deadline').click();
  await page.getByTestId('action-deadline').fill('2030-01-15');
  await page.keyboard.press('Enter');
  await page.getByTestId('action-add').click();
  await page.getByTestId('action-items').getByText('Call the carrier about late parcels').waitFor();
  await page.getByTestId('action-items').getByText('Open stock alerts: 0 → —').waitFor();

  await page.getByTestId('meeting-close').click();
  await page.locator('[data-testid="meeting-status"][data-status="closed"]').waitFor();
  assert.match(
    (await page.getByTestId('minutes').textContent()) ?? '',
    /Call the carrier about late parcels — Li Logistics/,
  );

  const stored = await api('GET', `/meetings/${meetingId}`);
  assert.equal(stored.status, 'closed');
  assert.deepEqual(
    stored.actionItems.map((a: { title: string; ownerName: string; kpi: unknown }) => [
      a.title,
      a.ownerName,
      a.kpi,
    ]),
    [
      [
        'Call the carrier about late parcels',
        'Li Logistics',
        { name: 'open_stock_alerts', before: 0, after: null },
      ],
    ],
  );
  assert.equal(stored.agenda[1].isRunning, false);
  assert.equal(stored.agenda[2].plannedMinutes, 20);
  await context.close();
});

test('lists the meetings in Chinese under their own menu group', async () => {
  const context = await newConsoleContext(browser, server.url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/review/meetings');
  await page.getByTestId('meetings-table').getByText('已结束').waitFor();
  await page.getByTestId('nav-menu').getByText('周会与改进').waitFor();
  await context.close();
});
