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

const filter = process.argv.slice(2);
let files = [...findTests('src'), ...findTests('test')].sort();
if (filter.length > 0) files = files.filter((f) => filter.some((part) => f.includes(part)));
if (files.some((f) => f.includes(`${path.sep}e2e${path.sep}`))) {
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
    '--test-timeout=180000',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' } },
);
console.log(await postgresTier());
process.exit(result.status ?? 1);
