import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Metrics } from '../../platform/metrics.ts';
import type { Catalog } from '../catalog/index.ts';
import type { AuditCheck } from './audit-rules.ts';
import { createIntake } from './intake.ts';
import { createOrderActions } from './order-actions.ts';
import { createOrderQueries } from './order-queries.ts';

export type { IntakeResult } from './intake.ts';
export { validationError } from './intake.ts';
export type { OrderStatus } from './order-status.ts';
export { orderTransitions } from './order-status.ts';

/** The orders module: intake, queries and actions on orders. */
export function createOrders(deps: {
  database: Database;
  clock: Clock;
  catalog: Catalog;
  metrics?: Metrics;
  auditChain?: readonly AuditCheck[];
}) {
  const queries = createOrderQueries(deps);
  return {
    ...createIntake(deps),
    ...queries,
    ...createOrderActions({ ...deps, queries }),
  };
}

export type Orders = ReturnType<typeof createOrders>;
