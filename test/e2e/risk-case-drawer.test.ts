import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confirmDialog, saveScreenshot } from '../helpers/browser.ts';
import { consoleServerForFile } from '../helpers/console-server.ts';
import { newOrderInput } from '../helpers/factories.ts';

// The case drawer (issue 14): a case given to a person, its step's action taken, closed with an
// outcome that the case records and that takes it off the open board; its labels in Chinese.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const { api, signedIn } = consoleServerForFile();

async function openLostParcelCase(externalId: string): Promise<Json> {
  const order = await api('POST', '/orders', newOrderInput({ externalId }));
  return api('POST', '/risk/cases', { caseType: 'lost_parcel', orderId: order.id });
}

test('a case is given to a person, its step action taken, and closed with an outcome', async () => {
  const person = await api('POST', '/users', {
    username: 'li.wei',
    displayName: 'Li Wei',
    role: 'logistics',
    password: 'correct horse battery',
  });
  const opened = await openLostParcelCase('case-drawer-lost');
  const page = await signedIn('en-US');
  await page.goto(`/risk/cases?case=${encodeURIComponent(opened.id)}`);
  const detail = page.getByTestId('risk-case-detail');
  await detail.getByText('Lost parcel', { exact: false }).waitFor();

  await detail.getByTestId('case-owner').click();
  await page.locator('.ant-select-item-option', { hasText: 'Li Wei' }).click();
  await detail.locator('[data-testid="case-event"][data-kind="assigned"]', { hasText: 'Li Wei' }).waitFor();
  // The board's card names the person; the column stays the team's.
  const card = page.locator(`[data-testid="risk-case"][data-case-id="${opened.id}"]`);
  await card.getByTestId('risk-case-owner').getByText('Li Wei', { exact: false }).waitFor();

  // Confirming the carrier is the first step; its action is offered and recorded.
  await detail.getByTestId('case-action-contact_carrier').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await detail
    .locator('[data-testid="case-event"][data-kind="action"]', { hasText: 'Contact the carrier' })
    .waitFor();

  await detail.getByTestId('case-close').click();
  const form = page.getByTestId('case-close-form');
  await form.getByTestId('case-outcome-choice').click();
  await page.locator('.ant-select-item-option', { hasText: 'Reshipped' }).click();
  await form.getByTestId('case-review-note').fill('Carrier lost it at the hub; replacement sent');
  await confirmDialog(page, 'case-close-form');
  await detail.getByTestId('case-status').getByText('Closed').waitFor();
  await detail.getByTestId('case-outcome').getByText('Reshipped').waitFor();
  await card.waitFor({ state: 'detached' });
  await saveScreenshot(page, 'risk-case-drawer.png');

  const closed = await api('GET', `/risk/cases/${opened.id}`);
  assert.equal(closed.ownerId, person.id);
  assert.equal(closed.status, 'closed');
  assert.deepEqual(closed.outcome, { key: 'case.reshipped' });
  assert.equal(closed.reviewNote, 'Carrier lost it at the hub; replacement sent');
  assert.deepEqual(
    closed.timeline.map((e: Json) => e.kind),
    ['opened', 'assigned', 'action', 'closed'],
  );
  const open = await api('GET', '/risk/cases?status=open&limit=500');
  assert.ok(!open.items.some((c: Json) => c.id === opened.id));
  await page.context().close();
});

test('the case drawer speaks Chinese', async () => {
  const opened = await openLostParcelCase('case-drawer-zh');
  const page = await signedIn('zh-CN');
  await page.goto(`/risk/cases?case=${encodeURIComponent(opened.id)}`);
  const detail = page.getByTestId('risk-case-detail');
  await detail.getByText('负责人', { exact: true }).waitFor();
  await detail.getByTestId('case-owner').getByText('选择负责人').waitFor();
  await detail.getByText('时间线').waitFor();
  await detail.getByTestId('case-action-contact_carrier').getByText('联系承运商').waitFor();
  await detail.getByTestId('case-close').getByText('关闭工单').waitFor();
  await detail.getByTestId('case-status').getByText('处理中').waitFor();
  await page.context().close();
});
