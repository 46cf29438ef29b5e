import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The server serves dist/web: build what is missing or older than its sources (npm test did already). */
export function ensureConsoleBuilt(): void {
  const result = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the console failed');
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A desktop-sized browser context whose relative URLs go to the test server. */
export function newConsoleContext(
  browser: Browser,
  baseURL: string,
  locale: string,
): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1440, height: 900 }, baseURL });
}

/** Docs screenshots are only taken when asked for (ORDO_SCREENSHOTS=1): they rewrite docs/screenshots. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.ORDO_SCREENSHOTS !== '1') return;
  const screenshotDir = path.join(repoRoot, 'docs', 'screenshots');
  fs.mkdirSync(screenshotDir, { recursive: true });
  // Let charts and tags finish their entry animations.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
}

/**
 * Fills and submits the login form and waits until the console has left the login page, so a
 * caller's next `goto` cannot cut the sign-in request off and land back on the login form.
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await submitLogin(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Fills and submits the login form without waiting for the outcome (a refusal stays on it). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Confirms a console dialog and waits until it has closed. Under load a click can land while
 * the dialog is still animating in and be lost, so an unchanged open dialog is confirmed again
 * (at most three times); a dialog that shows an error fails the test with the error's text.
 */
export async function confirmDialog(page: Page, testId: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await page.getByTestId(`${testId}-ok`).click();
    const closed = page
      .getByTestId(testId)
      .waitFor({ state: 'detached', timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
    if (await closed) return;
    const error = page.getByTestId(`${testId}-error`);
    if (await error.isVisible()) throw new Error(`${testId} failed: ${await error.textContent()}`);
  }
  throw new Error(`${testId} did not close after three confirmations`);
}

/**
 * Chooses an option of an Ant Design select (found by its test id) and waits until the select
 * shows it. Under load a click can land while the dropdown is still animating and be lost, so
 * the choice is made again (at most five times) until the select holds it.
 */
export async function chooseOption(
  page: Page,
  scope: Locator,
  testId: string,
  option: string,
): Promise<void> {
  const select = scope.getByTestId(testId);
  // The test id sits on the select's root or on its search input, depending on the select.
  const root = select.locator(
    "xpath=ancestor-or-self::div[contains(concat(' ', @class, ' '), ' ant-select ')][1]",
  );
  const exactly = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const chosen = root.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: exactly });
  const item = page.locator('.ant-select-item-option', { hasText: exactly }).filter({ visible: true });
  const succeeds = (step: Promise<unknown>) =>
    step.then(
      () => true,
      () => false,
    );
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    // Open the dropdown unless it is open already (a click on an open select closes it).
    if (!(await item.isVisible())) await select.click();
    await succeeds(item.click({ timeout: 5000 }));
    if (await succeeds(chosen.waitFor({ timeout: 5000 }))) return;
  }
  throw new Error(`${testId} did not take "${option}" after five choices`);
}
