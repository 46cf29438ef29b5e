import { Command, Option } from 'commander';
import { createApp } from '../app.ts';
import { roles } from '../modules/staff/roles.ts';
import { systemActor } from '../platform/actor.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { assertNotNewer, migrateToLatest, migrationStatus } from '../platform/db/migrate.ts';
import { AppError } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';
import { addAftersalesCommands } from './aftersales.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { addChannelCommands } from './channels.ts';
import { runDemo } from './demo.ts';
import {
  importMarketplaceFile,
  importOrdersFile,
  importSkusFile,
  importStockFile,
  importSuppliersFile,
} from './import.ts';
import { refreshInsights } from './insights.ts';
import { checkStockLedger } from './inventory.ts';
import { followUpMeetings, prepareMeetings } from './meeting.ts';
import { addMonitorCommands } from './monitors.ts';
import { periodReportCommand, weeklyReportCommand } from './report.ts';
import { routesCommand } from './routes.ts';
import { runWorker, serve } from './serve.ts';
import { completeDueOrders, sendDueNotifications } from './service.ts';
import { sendTrainingReminders } from './training.ts';

const cliActor = { ...systemActor, name: 'cli' };

/** The `ordo` command line; every command reads the same environment as the server. */
export function buildCli(): Command {
  const program = new Command('ordo')
    .description('Ordo — order management for e-commerce operations')
    .showHelpAfterError();
  const config = () => loadConfig();
  // The CLI prints its own summaries; the logger only speaks up for warnings.
  const quietApp = () =>
    createApp({ config: config(), logger: createLogger(process.env.LOG_LEVEL ?? 'warn') });

  program
    .command('serve')
    .description('serve the API and console (runs the worker inline unless ORDO_WORKER=off)')
    .option('--no-worker', 'do not run the outbox worker in this process')
    .action((opts) => serve(config(), { worker: opts.worker }));

  program
    .command('worker')
    .description('run the outbox worker alone')
    .option('--once', 'deliver what is due, then exit')
    .action(async (opts) => {
      const handled = await runWorker(config(), { once: Boolean(opts.once) });
      if (handled !== undefined) console.log(`delivered ${handled} events`);
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .option('--status', 'list applied and pending migrations; change nothing')
    .option('--dry-run', 'say which migrations would be applied; change nothing')
    .action(async (opts) => {
      const c = config();
      const database = openDatabase({ databaseUrl: c.databaseUrl, dataDir: c.dataDir });
      try {
        if (opts.status || opts.dryRun) {
          const status = await migrationStatus(database);
          const pending = status.known.filter((m) => m.appliedAt === null).map((m) => m.name);
          if (opts.status) {
            for (const m of status.known)
              console.log(
                `${m.appliedAt ? 'applied' : 'pending'}  ${m.name}${m.appliedAt ? `  ${m.appliedAt}` : ''}`,
              );
            for (const name of status.unknown) console.log(`unknown  ${name}  (applied by a newer Ordo)`);
          }
          assertNotNewer(status);
          if (opts.dryRun)
            console.log(
              pending.length
                ? `would apply: ${pending.join(', ')}`
                : 'schema is up to date; nothing to apply',
            );
          return;
        }
        const { applied } = await migrateToLatest(database);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      } finally {
        await database.close();
      }
    });

  program
    .command('backup <file>')
    .description(
      'write a consistent backup of the database to FILE while Ordo keeps serving (docs/operations.md)',
    )
    .action((file) => backupCommand(config(), file));

  program
    .command('restore <file>')
    .description('restore a backup into the empty configured database (stop Ordo first)')
    .option('--force', 'replace a database that is not empty')
    .option('--drill', 'restore into a scratch database, compare the counts with the manifest, remove it')
    .action((file, opts) =>
      restoreCommand(config(), file, { force: Boolean(opts.force), drill: Boolean(opts.drill) }),
    );

  const user = program.command('user').description('manage users');
  user
    .command('create')
    .requiredOption('--name <username>', 'login name')
    .addOption(new Option('--role <role>', 'role').choices([...roles]).makeOptionMandatory())
    .option('--password <password>', 'password (generated and printed when omitted)')
    .option('--display-name <name>', 'name shown in the console')
    .action(async (opts) => {
      const app = await quietApp();
      const password = opts.password ?? (await import('../platform/auth/tokens.ts')).randomToken(12);
      const created = await app.staff.createUser(cliActor, {
        username: opts.name,
        role: opts.role,
        password,
        displayName: opts.displayName,
      });
      await app.close();
      console.log(
        `created user ${created.username} (${created.role})${opts.password ? '' : ` with password ${password}`}`,
      );
    });

  const apikey = program.command('apikey').description('manage API keys');
  apikey
    .command('create')
    .requiredOption('--name <name>', 'what the key is for')
    .addOption(new Option('--role <role>', 'role').choices([...roles]).makeOptionMandatory())
    .action(async (opts) => {
      const app = await quietApp();
      const { key, apiKey } = await app.staff.createApiKey(cliActor, { name: opts.name, role: opts.role });
      await app.close();
      console.error(`API key "${apiKey.name}" (${apiKey.role}); store it now, it is not shown again:`);
      console.log(key);
    });

  const reportCommand = program.command('report').description('reports over orders (docs/reports.md)');
  reportCommand
    .command('weekly')
    .description('the weekly pack: a week, the 4 weeks before, the same week last year, exception orders')
    .option('--week <week>', 'ISO week such as 2026-W47 (default: the last whole week)')
    .option('--tz <zone>', 'IANA time zone of days and weeks (default: the shop zone)')
    .option('--json', 'one JSON object')
    .option('--pdf <file>', 'also write the pack with its charts as PDF')
    .action(async (opts) => {
      const app = await quietApp();
      try {
        await weeklyReportCommand(app, opts);
      } finally {
        await app.close();
      }
    });
  reportCommand
    .command('period')
    .description('orders placed from --from to --to (exclusive): volume, stage hours, lateness')
    .requiredOption('--from <date>', 'first local day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'local day the period ends before, YYYY-MM-DD')
    .option('--tz <zone>', 'IANA time zone of the days (default: the shop zone)')
    .option('--json', 'one JSON object')
    .action(async (opts) => {
      const app = await quietApp();
      try {
        await periodReportCommand(app, opts);
      } finally {
        await app.close();
      }
    });

  const importCommand = program.command('import').description('import data from files');
  importCommand
    .command('orders <file>')
    .description(
      'import orders from CSV (one row per line item) or JSONL (one order per line); with --channel, a marketplace export (CSV or XLSX) read through a column mapping',
    )
    .option('--batch-size <n>', 'orders per transaction', '500')
    .option('--no-progress', 'no progress bar')
    .option('--history', 'past orders from another system: stored with their status and milestones')
    .option('--channel <code>', 'the channel a marketplace export is from')
    .option('--mapping <name|file.json>', "the column mapping: a saved or preset one's name, or a JSON file")
    .option(
      '--result <file>',
      'where to write the lines that failed (default: FILE.failed.csv beside the input)',
    )
    .action(async (file, opts) => {
      if (opts.history && opts.channel)
        throw new AppError(
          'VALIDATION_FAILED',
          '--history: takes canonical CSV or JSONL with status and milestones, not a marketplace export (--channel)',
          { field: 'history' },
        );
      if ((opts.mapping || opts.result) && !opts.channel)
        throw new AppError('VALIDATION_FAILED', '--channel: required with --mapping and --result', {
          field: 'channel',
        });
      const app = await quietApp();
      try {
        const options = {
          batchSize: Number(opts.batchSize),
          showProgress: opts.progress,
          history: Boolean(opts.history),
        };
        if (opts.channel)
          await importMarketplaceFile(app, cliActor, file, {
            ...options,
            channel: opts.channel,
            mapping: opts.mapping,
            result: opts.result,
          });
        else await importOrdersFile(app, cliActor, file, options);
      } finally {
        await app.close();
      }
    });
  importCommand
    .command('skus <file>')
    .description(
      'create or update SKUs from CSV (code,name,price,barcode,weightGrams,lengthMm,widthMm,heightMm)',
    )
    .action(async (file) => {
      const app = await quietApp();
      try {
        await importSkusFile(app, cliActor, file);
      } finally {
        await app.close();
      }
    });

  importCommand
    .command('stock <file>')
    .description(
      'set counted on-hand from CSV (sku,warehouse,onHand,bin,reason); each difference is an adjustment',
    )
    .option('--no-progress', 'no progress bar')
    .action(async (file, opts) => {
      const app = await quietApp();
      try {
        await importStockFile(app, cliActor, file, { showProgress: opts.progress });
      } finally {
        await app.close();
      }
    });
  importCommand
    .command('suppliers <file>')
    .description(
      'create or update suppliers from CSV (code,name,leadTimeDays,minOrderQty,packSize,maxOrderQty,contactName,email,phone,skus)',
    )
    .action(async (file) => {
      const app = await quietApp();
      try {
        await importSuppliersFile(app, cliActor, file);
      } finally {
        await app.close();
      }
    });

  const inventory = program.command('inventory').description('stock levels and the ledger');
  inventory
    .command('check')
    .description('recompute every stock level from the ledger; non-zero exit on a mismatch')
    .action(async () => {
      const app = await quietApp();
      try {
        await checkStockLedger(app);
      } finally {
        await app.close();
      }
    });

  program
    .command('insights')
    .description('KPI summaries behind the insights dashboards')
    .command('refresh')
    .description('recompute the days whose orders changed since the last run (--full: every day)')
    .option('--full', 'rebuild the summaries of every day')
    .action(async (options: { full?: boolean }) => {
      const app = await quietApp();
      try {
        await refreshInsights(app, options);
      } finally {
        await app.close();
      }
    });

  routesCommand(program, quietApp);

  const notifications = program
    .command('notifications')
    .description('customer messages and order completion');
  for (const [name, description, run] of [
    [
      'send',
      'send every due customer message now (retries and quiet-hour deferrals included)',
      sendDueNotifications,
    ],
    ['complete-orders', 'complete delivered orders whose return window has ended', completeDueOrders],
  ] as const) {
    notifications
      .command(name)
      .description(description)
      .action(async () => {
        const app = await quietApp();
        try {
          await run(app);
        } finally {
          await app.close();
        }
      });
  }
  const withApp = async (run: (app: Awaited<ReturnType<typeof quietApp>>) => Promise<void>) => {
    const app = await quietApp();
    try {
      await run(app);
    } finally {
      await app.close();
    }
  };
  addAftersalesCommands(program, withApp);
  addMonitorCommands(program, withApp);
  addChannelCommands(program, withApp, cliActor);
  const meeting = program.command('meeting').description('the weekly order-processing meeting');
  meeting
    .command('prepare [series]')
    .description("prepare a series' next meeting now, or every series whose Friday preparation is due")
    .action(async (series: string | undefined) => {
      const app = await quietApp();
      try {
        await prepareMeetings(app, series);
      } finally {
        await app.close();
      }
    });
  meeting
    .command('follow-up')
    .description('run the scheduled pass once: reminders, late minutes, owners, corrective-action KPIs')
    .action(() => withApp(followUpMeetings));

  program
    .command('training')
    .description('staff training')
    .command('remind')
    .description(
      'remind people of required courses due, expiring or expired (once each; mail when they have an address)',
    )
    .action(() => withApp(sendTrainingReminders));

  program
    .command('demo')
    .description(
      'fill the database with a realistic demo shop (SKUs, channels, warehouses, suppliers, stock, ~3,000 orders over 8 weeks)',
    )
    .option('--orders <n>', 'number of orders', '3000')
    .option('--seed <n>', 'random seed', '7')
    .action(async (opts) => {
      const app = await quietApp();
      try {
        await runDemo(app, { orderCount: Number(opts.orders), seed: Number(opts.seed) });
      } finally {
        await app.close();
      }
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`ordo: ${message.split('\n')[0]}`);
    process.exitCode = error instanceof AppError ? error.exitCode : 1;
    // A failed command ends even if something it opened still holds the event loop.
    setTimeout(() => process.exit(), 2000).unref();
  }
}
