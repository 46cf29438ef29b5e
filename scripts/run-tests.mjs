// `npm test`: every tier — unit tests beside the code, integration tests on SQLite and
// PostgreSQL, and the browser tests against the built console — in one node:test run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : findTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

async function postgresTier() {
  const url = process.env.ORDO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version');
    return `PostgreSQL tier: RUNNING against ${url.replace(/\/\/[^@]*@/, '//')} (server ${rows[0].server_version}); each test file makes its own database`;
  } catch (error) {
    return `PostgreSQL tier: NOT RUNNING (${error.message}); database tests run on SQLite only`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The browser tests drive Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and print
 * Chinese labels with a CJK font. Missing: installed with apt-get when running as root (unless
 * ORDO_TEST_INSTALL=never), otherwise the run stops at once with one line saying what to install.
 */
function ensureBrowser() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const usable = () => {
    try {
      fs.accessSync(chromium, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (usable()) return;
  const canInstall =
    process.env.ORDO_TEST_INSTALL !== 'never' &&
    process.getuid?.() === 0 &&
    chromium === '/usr/bin/chromium' &&
    spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (canInstall) {
    console.log('Browser tests: installing chromium and fonts-wqy-microhei with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei'], {
      stdio: 'ignore',
      env,
    });
    if (usable()) return;
  }
  console.error(
    `npm test: the browser tests need Chromium at ${chromium}; install it (Debian/Ubuntu: sudo apt-get install chromium fonts-wqy-microhei), set CHROMIUM_PATH, or run without them: npm test -- src test/api …`,
  );
  process.exit(1);
}

const filter = process.argv.slice(2);
let files = [...findTests('src'), ...findTests('test')].sort();
if (filter.length > 0) files = files.filter((f) => filter.some((part) => f.includes(part)));
if (files.some((f) => f.includes(`${path.sep}e2e${path.sep}`))) {
  ensureBrowser();
  spawnSync('node', ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
}
console.log(await postgresTier());
const result = spawnSync(
  'node',
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=2',
    '--test-timeout=600000',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' } },
);
console.log(await postgresTier());
process.exit(result.status ?? 1);
