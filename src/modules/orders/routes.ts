import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { blocklistRoutes } from './audit/blocklist.routes.ts';
import { ruleSetsRoutes } from './audit/rule-sets.routes.ts';
import { mergeSplitRoutes } from './edits/merge-split.routes.ts';
import { notesRoutes } from './edits/notes.routes.ts';
import { orderEditsRoutes } from './edits/order-edits.routes.ts';
import type { Orders } from './index.ts';
import { intakeRoutes } from './intake/intake.routes.ts';
import { orderQueriesRoutes } from './queries/order-queries.routes.ts';
import { queueRoutes } from './queue/queue.routes.ts';
import { teamsRoutes } from './queue/teams.routes.ts';
import { addressFixRoutes } from './review/address-fix.routes.ts';
import { orderReviewRoutes } from './review/order-review.routes.ts';
import { orderSettingsRoutes } from './settings.routes.ts';

/** Every route of the orders module, one plugin per resource. */
export function ordersRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [
      intakeRoutes,
      orderQueriesRoutes,
      orderEditsRoutes,
      notesRoutes,
      mergeSplitRoutes,
      orderReviewRoutes,
      queueRoutes,
      teamsRoutes,
      ruleSetsRoutes,
      blocklistRoutes,
      orderSettingsRoutes,
      addressFixRoutes,
    ])
      await app.register(routes(orders));
  };
}
