import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

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
