import { buildServer } from '../api/server.ts';
import { createApp } from '../app.ts';
import type { Config } from '../platform/config.ts';

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
  await server.listen({ port: config.port, host: config.host });
  app.logger.info(
    { database: app.database.dialect, url: `http://${config.host}:${config.port}` },
    'Ordo is serving',
  );
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** `ordo worker`: only the outbox dispatcher, for deployments that scale workers separately. */
export async function runWorker(config: Config, options: { once: boolean }): Promise<number | undefined> {
  const app = await createApp({ config });
  if (options.once) {
    await app.orders.releaseDueTimers();
    const handled = await app.dispatcher.drain();
    await app.close();
    return handled;
  }
  app.startWorker();
  app.logger.info({ workerId: app.dispatcher.workerId, database: app.database.dialect }, 'worker running');
  const shutdown = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return undefined;
}
