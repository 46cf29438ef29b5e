import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from './browser.ts';
import { startTestServer } from './server.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

/**
 * A test file's server and browser for console tests: started before its tests and closed after
 * them, with the admin's API calls (any 2xx, else the test fails with the body) and a page signed
 * in as the admin in a locale.
 */
export function consoleServerForFile() {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  before(async () => {
    ensureConsoleBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function api(method: 'GET' | 'POST', url: string, payload?: object): Promise<Json> {
    const response = await server.testApp.request({ method, url: `/api/v1${url}`, payload });
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  }

  async function signedIn(locale: string): Promise<Page> {
    const context = await newConsoleContext(browser, server.url, locale);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, 'admin', server.adminPassword);
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  return { api, signedIn };
}
