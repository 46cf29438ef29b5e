import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm test without a browser', () => {
  it('stops at once with one line saying what to install', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'test/e2e/console'], {
      cwd: root,
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', ORDO_TEST_INSTALL: 'never' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /need Chromium at \/nonexistent\/chromium; install it .*apt-get install chromium/);
    assert.ok(Date.now() - started < 20_000);
  });
});
