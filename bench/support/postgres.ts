import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Cleanup } from './cleanup.ts';

/** Where the benchmark creates its throw-away databases (loopback only). */
export const adminUrl = process.env.ORDO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database, registers its drop, and returns its URL. */
export async function freshPostgresDatabase(purpose: string, cleanup: Cleanup): Promise<string> {
  const name = `ordo_bench_${purpose}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  cleanup.add(`drop ${name}`, async () => {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Vacuums and analyzes a database the benchmark just wrote, outside the clock. The server and the
 * bound take turns; without this, autovacuum of what one wrote would start during the other's
 * turn and slow it down.
 */
export async function settlePostgres(url: string | undefined): Promise<void> {
  if (url === undefined) return;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
