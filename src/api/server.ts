import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { App } from '../app.ts';
import { catalogRoutes } from '../modules/catalog/catalog.routes.ts';
import { fileImportsRoutes } from '../modules/channels/file-imports/index.ts';
import { channelsRoutes } from '../modules/channels/index.ts';
import { fulfilmentRoutes } from '../modules/fulfilment/fulfilment.routes.ts';
import { insightsDashboardRoutes, reportsRoutes } from '../modules/insights/index.ts';
import { inventoryRoutes } from '../modules/inventory/inventory.routes.ts';
import { supplyRoutes } from '../modules/inventory/supply.routes.ts';
import { logisticsRoutes } from '../modules/logistics/logistics.routes.ts';
import { ordersRoutes } from '../modules/orders/index.ts';
import { evaluationRoutes } from '../modules/performance/evaluations/evaluations.routes.ts';
import { performanceRoutes } from '../modules/performance/performance.routes.ts';
import { reviewRoutes } from '../modules/review/index.ts';
import { riskRoutes } from '../modules/risk/index.ts';
import { aftersalesRoutes, serviceRoutes } from '../modules/service/index.ts';
import { jobDescriptionRoutes } from '../modules/staff/job-descriptions.routes.ts';
import { staffRoutes } from '../modules/staff/staff.routes.ts';
import { trainingRoutes } from '../modules/staff/training/training.routes.ts';
import { AppError } from '../platform/errors.ts';
import { registerAuth } from './auth.ts';
import { errorPayload, registerErrorHandling } from './errors.ts';
import { probeRoutes, systemRoutes } from './system.routes.ts';
import './types.ts';

export interface ServerOptions {
  /** Serve the built console from this directory when it exists. */
  webDir?: string;
  secureCookies?: boolean;
}

/** The HTTP surface: API under /api/v1, probes at the root, the console everywhere else. */
export async function buildServer(app: App, options: ServerOptions = {}): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    // One log line per request costs more than the intake itself at load; errors are logged
    // by the error handler, and LOG_REQUESTS=1 turns the access log on.
    logController: new LogController({ disableRequestLogging: process.env.LOG_REQUESTS !== '1' }),
    bodyLimit: app.config.bodyLimitBytes,
    // Ids are generated server-side; clients never need to send huge param strings.
    routerOptions: { maxParamLength: 200 },
    trustProxy: app.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(server);

  server.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  await server.register(cookie);
  await server.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design and Swagger UI put styles inline; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  // The plugin throws what the builder returns, so the error handler shapes it like every other error.
  await server.register(rateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new AppError('RATE_LIMITED', 'too many attempts; wait a minute and try again') as never,
  });
  await registerOpenApi(server);
  registerAuth(server, app.staff);

  await server.register(probeRoutes(app));
  await server.register(
    async (api) => {
      await api.register(
        staffRoutes(app.staff, {
          loginRateLimitPerMinute: app.config.loginRateLimitPerMinute,
          secureCookies: options.secureCookies ?? false,
        }),
      );
      await api.register(jobDescriptionRoutes(app.staff));
      await api.register(performanceRoutes(app.performance));
      await api.register(evaluationRoutes(app.evaluations));
      await api.register(trainingRoutes(app.training));
      await api.register(catalogRoutes(app.catalog));
      await api.register(inventoryRoutes(app.inventory));
      await api.register(supplyRoutes(app.inventory));
      await api.register(fulfilmentRoutes(app.fulfilment));
      await api.register(logisticsRoutes(app.logistics));
      await api.register(ordersRoutes(app.orders));
      await api.register(channelsRoutes(app.catalog, app.channels));
      await api.register(fileImportsRoutes(app.fileImports));
      await api.register(serviceRoutes(app.service));
      await api.register(
        reportsRoutes({
          reports: app.insights.reports,
          now: () => app.clock.now(),
          receiveHistory: app.orders.intake.receiveHistory,
        }),
      );
      await api.register(insightsDashboardRoutes(app.insights));
      await api.register(reviewRoutes(app.review));
      await api.register(aftersalesRoutes(app.aftersales));
      await api.register(riskRoutes(app.risk));
      await api.register(systemRoutes(app));
    },
    { prefix: '/api/v1' },
  );
  await registerConsole(server, options.webDir ?? app.config.webDir);
  return server;
}

async function registerOpenApi(server: FastifyInstance): Promise<void> {
  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ordo API',
        version: '1',
        description: 'Order management for e-commerce operations teams.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created by an administrator' },
          session: { type: 'apiKey', in: 'cookie', name: 'ordo_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await server.register(swaggerUi, { routePrefix: '/docs' });
  server.get('/openapi.json', { schema: { hide: true }, config: { isPublic: true } }, async () =>
    server.swagger(),
  );
}

async function registerConsole(server: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  const hasConsole = fs.existsSync(indexFile);
  if (hasConsole)
    await server.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  // The customer's public pages answer as pages to any client (a link checker, a plain curl),
  // not only to a browser asking for HTML: CONTRACT.md names GET /track.
  if (hasConsole)
    for (const page of ['/track', '/survey/:token', '/rate/:token'])
      server.get(page, { schema: { hide: true }, config: { isPublic: true } }, (_request, reply) =>
        reply.type('text/html').sendFile('index.html'),
      );
  server.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (hasConsole && isPage) return reply.type('text/html').sendFile('index.html');
    return reply
      .status(404)
      .send(
        errorPayload(
          new AppError('ROUTE_NOT_FOUND', `${request.method} ${request.url.split('?')[0]} is not a route`),
        ),
      );
  });
}
