import { buildServer } from '../api/server.ts';
import { createApp } from '../app.ts';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';

/** `ordo serve`: migrate, create the first admin if needed, serve API + console, run the worker inline. */
export async function serve(config: Config, options: { worker: boolean }): Promise<void> {
  const app = await createApp({ config });
  const firstAdmin = await app.staff.ensureFirstAdmin(config.adminPassword);
  if (firstAdmin) {
    const shown = config.adminPassword ? '(from ORDO_ADMIN_PASSWORD)' : firstAdmin.password;
    process.stdout.write(
      `\nFirst start: created user "admin" with password ${shown}\nSign in and change it; it is not shown again.\n\n`,
    );
  }
  const server = await buildServer(app);
  app.startIntakeThreads();
  if (options.worker && config.worker === 'inline') app.startWorker();
  try {
    await server.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Nothing may stay behind holding the database open and serving nothing: close, then fail.
    await server.close().catch(() => {});
    await app.close().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new AppError(
        'ADDRESS_IN_USE',
        `cannot listen on ${config.host}:${config.port}: the address is in use (another Ordo or program?); stop it or set PORT`,
      );
    throw error;
  }
  app.logger.info(
    { database: app.database.dialect, url: `http://${config.host}:${config.port}` },
    'Ordo is serving',
  );
  onStopSignal(async (signal) => {
    app.logger.info({ signal }, 'shutting down');
    await server.close();
    await app.close();
  });
}

/** `ordo worker`: only the outbox dispatcher, for deployments that scale workers separately. */
export async function runWorker(config: Config, options: { once: boolean }): Promise<number | undefined> {
  const app = await createApp({ config });
  if (options.once) {
    await app.orders.review.releaseDueTimers();
    const handled = await app.dispatcher.drain();
    await app.close();
    return handled;
  }
  app.startWorker();
  app.logger.info({ workerId: app.dispatcher.workerId, database: app.database.dialect }, 'worker running');
  // The loop's timers do not hold the process (a server's socket does); alone, the worker must
  // stay until it is told to stop, or on SQLite it would exit as soon as it fell idle.
  const stayAlive = setInterval(() => {}, 60 * 60_000);
  onStopSignal(async () => {
    clearInterval(stayAlive);
    await app.close();
  });
  return undefined;
}

/**
 * Stops once on SIGINT or SIGTERM, however often they come: under `npm start` a Ctrl-C reaches
 * the server from the terminal and again from the launcher, and the second must not cut the
 * first's shutdown short.
 */
function onStopSignal(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let isStopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    void stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
