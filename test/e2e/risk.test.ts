import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confirmDialog, saveScreenshot } from '../helpers/browser.ts';
import { consoleServerForFile } from '../helpers/console-server.ts';
import { newOrderInput } from '../helpers/factories.ts';

// The risk console (issue 14): a playbook step edited and saved as version 2, in Chinese; an
// incident declared for a SKU, its affected orders previewed and held, in English.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const { api, signedIn } = consoleServerForFile();

test('a playbook step is edited in Chinese and saved as version 2', async () => {
  const page = await signedIn('zh-CN');
  await page.goto('/risk/playbooks');
  await page.getByTestId('playbook-list').getByText('商品破损').click();
  const firstStep = page.getByTestId('playbook-step').first();
  await firstStep.getByText('收集照片').waitFor();
  const limit = firstStep.locator('[data-testid="step-limit"]');
  await limit.fill('2');
  await page.getByTestId('playbook-note').fill('两小时内收集照片');
  await page.getByTestId('playbook-save').click();
  await page.getByTestId('playbook-versions').getByText('两小时内收集照片').waitFor();
  await saveScreenshot(page, 'risk-playbooks.png');

  const versions = await api('GET', '/risk/playbooks/damaged/versions');
  assert.deepEqual(
    versions.items.map((p: Json) => p.version),
    [2, 1],
  );
  assert.equal(versions.items[0].steps[0].limitWorkingHours, 2);
  assert.equal(versions.items[0].steps[1].limitWorkingHours, versions.items[1].steps[1].limitWorkingHours);
  assert.equal(versions.items[0].customerMessage.translations['zh-CN'].subject, '关于您的订单 {number}');
  await page.context().close();
});

test('an incident for a SKU previews its affected orders and holds them, and nothing else', async () => {
  await api('POST', '/skus', { code: 'KETTLE-9', name: 'Kettle', price: '99.00' });
  await api('POST', '/skus', { code: 'TEE-RED-M', name: 'Tee', price: '59.90' });
  const kettleLines = {
    lines: [{ sku: 'KETTLE-9', quantity: 1, unitPrice: '99.00' }],
    total: '109.00',
    payment: { status: 'paid', method: 'alipay', paidAmount: '109.00' },
  };
  const affected = [await api('POST', '/orders', newOrderInput(kettleLines))];
  affected.push(await api('POST', '/orders', newOrderInput(kettleLines)));
  const other = await api('POST', '/orders', newOrderInput());

  const page = await signedIn('en-US');
  await page.goto('/risk/incidents');
  await page.getByTestId('declare-incident').click();
  const form = page.getByTestId('declare-incident-form');
  await form.getByTestId('incident-title').fill('Kettle lid recall');
  await form.getByTestId('selection-sku').fill('KETTLE-9');
  // The owner is chosen among the users, by name.
  await form.getByTestId('incident-owner').click();
  await page.locator('.ant-select-item-option', { hasText: 'Administrator' }).click();
  await form.getByTestId('preview-selection').click();
  await form.getByTestId('affected-count').getByText('2 orders selected, 2 can still be stopped').waitFor();
  for (const order of affected) await form.getByTestId('affected-orders').getByText(order.number).waitFor();
  assert.equal(await form.getByTestId('affected-orders').getByText(other.number).count(), 0);
  await confirmDialog(page, 'declare-incident-form');

  const detail = page.getByTestId('incident-detail');
  await detail.getByText('Administrator').waitFor();
  for (const order of affected) await detail.getByText(order.number).waitFor();
  await detail.getByTestId('incident-hold').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await detail.locator('[data-testid="incident-log-entry"][data-kind="action_hold"]').waitFor();
  await saveScreenshot(page, 'risk-incident.png');

  // The log entry is written after the hold: by now every affected order carries it.
  for (const order of affected) {
    const now = await api('GET', `/orders/${order.id}`);
    assert.equal(now.status, 'pending_review');
    assert.ok(now.holds.includes('INCIDENT'), JSON.stringify(now.holds));
  }
  const untouched = await api('GET', `/orders/${other.id}`);
  assert.ok(!untouched.holds.includes('INCIDENT'));
  await page.context().close();
});

test('the old delivery cases address leads to the risk cases board, and a case opens there by its id', async () => {
  const order = await api('POST', '/orders', newOrderInput({ externalId: 'risk-e2e-lost-parcel' }));
  const opened = await api('POST', '/risk/cases', { caseType: 'lost_parcel', orderId: order.id });
  const page = await signedIn('en-US');
  // Bookmarks of the removed Fulfilment → Cases page land on the one place cases are worked.
  await page.goto('/fulfilment/cases');
  await page.waitForURL('**/risk/cases');
  await page.locator(`[data-testid="risk-case"][data-case-id="${opened.id}"]`).waitFor();
  // An audit entry on a case links to the board with that case open.
  await page.goto(`/risk/cases?case=${encodeURIComponent(opened.id)}`);
  await page.getByTestId('risk-case-detail').getByText('Lost parcel', { exact: false }).waitFor();
  await page.context().close();
});
