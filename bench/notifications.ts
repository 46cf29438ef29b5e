import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { type App, createApp } from '../src/app.ts';
import { generateDemoShop } from '../src/cli/demo-data/index.ts';
import { type NotifyingEvent, notifyingEvents } from '../src/modules/service/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { readJson } from '../src/platform/db/dialect.ts';
import { createLogger } from '../src/platform/logger.ts';
import { withCleanup } from './support/cleanup.ts';

/**
 * `npm run bench -- notifications [--quick] [--save]`: customer mail against intake, on SQLite,
 * in one run. Two apps take the same orders in interleaved chunks while their workers run:
 * one with notifications (a local SMTP server receives the order mails), one without. Reported:
 * messages sent per second against orders taken in per second (target ≥ 1: dispatch keeps up),
 * and intake with notifications against intake without (target ≥ 0.9: at most 10% slower).
 */
const actor = { type: 'system' as const, id: null, name: 'bench' };
const chunkSize = 100;

async function startSmtpSink(): Promise<{ url: string; count: () => number; close(): Promise<void> }> {
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    // Pooled connections, as docs/notifications.md recommends for volume.
    url: `smtp://127.0.0.1:${port}/?pool=true&maxConnections=8`,
    count: () => received,
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}

async function freshApp(label: string, env: Record<string, string>): Promise<{ app: App; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ordo-bench-notify-${label}-`));
  const app = await createApp({
    config: loadConfig({ ORDO_DATA_DIR: dir, ...env }),
    logger: createLogger('warn'),
  });
  return { app, dir };
}

async function seedCatalog(app: App, shop: ReturnType<typeof generateDemoShop>) {
  for (const channel of shop.channels)
    await app.catalog.channels.createChannel(actor, channel).catch(() => undefined);
  const csv = ['code,name,price', ...shop.skus.map((s) => `${s.code},"${s.name}",${s.price}`)].join('\n');
  await app.catalog.importSkus(actor, csv);
}

async function countSent(app: App): Promise<number> {
  // Mail counts: the other messages of the order (held, approved) are off by default.
  const row = await app.database.db
    .selectFrom('notification_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function run(args: string[]): Promise<void> {
  const isQuick = args.includes('--quick');
  const count = isQuick ? 2_000 : 10_000;
  await withCleanup(async (cleanup) => {
    const sink = await startSmtpSink();
    cleanup.add('smtp sink', () => sink.close());
    const shop = generateDemoShop({ seed: 11, now: new Date(), orderCount: count });
    const on = await freshApp('on', { SMTP_URL: sink.url });
    const off = await freshApp('off', {});
    for (const { app, dir } of [on, off]) {
      cleanup.add('app', async () => {
        await app.close();
        fs.rmSync(dir, { recursive: true, force: true });
      });
      await seedCatalog(app, shop);
      app.startWorker();
    }
    const elapsed = { on: 0, off: 0 };
    for (let start = 0; start < count; start += chunkSize) {
      const chunk = shop.orders.slice(start, start + chunkSize);
      for (const [name, { app }] of [
        ['on', on],
        ['off', off],
      ] as const) {
        const t0 = performance.now();
        await app.orders.intake.receiveBatch(actor, chunk);
        elapsed[name] += performance.now() - t0;
      }
    }
    const intakeOn = (count / elapsed.on) * 1000;
    const intakeOff = (count / elapsed.off) * 1000;

    // Capacity: the same orders into an app whose worker is stopped, so the events wait; then
    // the worker handles them and sends every mail. Messages per second of that, against the
    // orders per second of the intake alone: at ≥ 1 the mail never falls behind the orders.
    const backlog = await freshApp('backlog', { SMTP_URL: sink.url });
    cleanup.add('backlog app', async () => {
      await backlog.app.close();
      fs.rmSync(backlog.dir, { recursive: true, force: true });
    });
    await seedCatalog(backlog.app, shop);
    const intakeBegan = performance.now();
    for (let start = 0; start < count; start += chunkSize)
      await backlog.app.orders.intake.receiveBatch(actor, shop.orders.slice(start, start + chunkSize));
    const intakeAlone = (count / (performance.now() - intakeBegan)) * 1000;
    // The notification part of the worker's job: each waiting event through the notification
    // handler (the handlers of other modules are not timed), then every mail sent.
    const events = await backlog.app.database.db
      .selectFrom('outbox')
      .select(['type', 'payload'])
      .where('type', 'in', notifyingEvents)
      .orderBy('id')
      .execute();
    const dispatchBegan = performance.now();
    for (const event of events)
      await backlog.app.service.notifications.notifyForEvent(
        event.type as NotifyingEvent,
        readJson(event.payload),
      );
    const queuedMs = performance.now() - dispatchBegan;
    await backlog.app.service.notifications.whenIdle();
    await backlog.app.service.notifications.deliverDue();
    const dispatchMs = performance.now() - dispatchBegan;
    const sent = await countSent(backlog.app);
    const messagesPerSecond = (sent / dispatchMs) * 1000;
    const lines = [
      `# notifications ${isQuick ? 'quick' : 'full'} run ${new Date().toISOString()}; node ${process.version}, ${os.cpus().length} CPUs, SQLite`,
      `notifications dispatch: ${sent} mails in ${(dispatchMs / 1000).toFixed(1)} s (${events.length} events handled in ${(queuedMs / 1000).toFixed(1)} s): ${messagesPerSecond.toFixed(0)} messages/s, bound intake ${intakeAlone.toFixed(0)} orders/s, ratio ${(messagesPerSecond / intakeAlone).toFixed(2)} (target ≥ 1)`,
      `notifications intake with notifications on: ${intakeOn.toFixed(0)} orders/s, bound off ${intakeOff.toFixed(0)} orders/s, ratio ${(intakeOn / intakeOff).toFixed(2)} (target ≥ 0.90)`,
    ];
    for (const line of lines.slice(1)) console.log(line);
    if (args.includes('--save')) {
      const file = path.join('bench/results', `notifications-${new Date().toISOString().slice(0, 10)}.txt`);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      console.log(`saved ${file}`);
    }
  });
}
