/**
 * `npm run bench -- <name> [options]`: runs one benchmark. Each prints its figures as ratios
 * against a bound measured in the same run (DESIGN.md section 8), so they hold on a noisy machine.
 */
const benchmarks: Record<
  string,
  { summary: string; load: () => Promise<{ run(args: string[]): Promise<void> }> }
> = {
  ingest: {
    summary: 'order intake over HTTP (single and batch) vs raw SQL, on SQLite and PostgreSQL; server RSS',
    load: () => import('./ingest.ts'),
  },
  inventory: {
    summary: 'allocation under contention on PostgreSQL vs raw SQL; forecasts for 10,000 SKUs',
    load: () => import('./inventory.ts'),
  },
  fulfilment: {
    summary: 'a wave over 10,000 orders, label PDFs, route planning vs the proven optima',
    load: () => import('./fulfilment.ts'),
  },
  'file-import': {
    summary: 'import of 100,000 orders from a marketplace CSV (Shopify mapping) vs the canonical CSV',
    load: () => import('./file-import.ts'),
  },
  'history-import': {
    summary: 'import of 100,000 past orders with --history vs the live import; the weekly pack over them',
    load: () => import('./history-import.ts'),
  },
  'webhook-intake': {
    summary: 'signed Shopify webhooks vs the canonical single-order POST, same server and orders',
    load: () => import('./webhook-intake.ts'),
  },
  insights: {
    summary: 'dashboards, order search, work queue over generated order histories (--million for 1,000,000)',
    load: () => import('./insights.ts'),
  },
  audit: {
    summary: 'audit chain latency, ingest with all rules vs none, dry run over 100,000 orders',
    load: () => import('./audit.ts'),
  },
  monitors: {
    summary: 'one cycle of every kind of risk monitor over 1,000,000 orders vs 1 s, on SQLite and PostgreSQL',
    load: () => import('./monitors.ts'),
  },
  notifications: {
    summary: 'customer mail dispatch vs order intake in the same run; intake slowdown with notifications on',
    load: () => import('./notifications.ts'),
  },
};

function listBenchmarks(): void {
  console.error('usage: npm run bench -- <name> [options]\n\navailable benchmarks:');
  for (const [name, { summary }] of Object.entries(benchmarks))
    console.error(`  ${name.padEnd(10)} ${summary}`);
}

const [name, ...args] = process.argv.slice(2);
const benchmark = name === undefined ? undefined : benchmarks[name];
if (!benchmark) {
  if (name !== undefined) console.error(`unknown benchmark "${name}"\n`);
  listBenchmarks();
  process.exit(1);
}
try {
  await (await benchmark.load()).run(args);
} catch (error) {
  console.error(`bench ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
