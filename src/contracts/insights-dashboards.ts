import { z } from 'zod';

/** Shapes of the insights dashboards API (/api/v1/insights/…), shared with the console. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day such as 2026-11-01');

export const insightsStages = [
  'receivedToApproved',
  'approvedToAllocated',
  'allocatedToPicking',
  'pickingToPacked',
  'packedToShipped',
  'shippedToDelivered',
  'receivedToShipped',
  'receivedToDelivered',
] as const;
export const insightsDims = ['channel', 'warehouse', 'carrier', 'team', 'hour', 'weekday'] as const;
export const insightsTables = [
  'kpis',
  'volume',
  'channels',
  'stages',
  'holds',
  'carriers',
  'bottlenecks',
  'segments',
  'affinity',
  'regions',
  'hours',
  'queues',
  'turnover',
  'slow-movers',
  'stockouts',
] as const;

export const periodQuery = z.object({
  from: day.describe('first day (UTC), inclusive'),
  to: day.describe('last day (UTC), exclusive'),
  channel: z.string().trim().min(1).max(64).optional(),
});

export const kpiDefinition = z
  .object({
    key: z.string(),
    name: z.string(),
    formula: z.string(),
    unit: z.string(),
    goodDirection: z.enum(['up', 'down']),
    target: z.number().nullable(),
  })
  .meta({ id: 'KpiDefinition' });

export const kpiTargetBody = z.object({ target: z.number().finite().nullable() });
export const kpiKeyParams = z.object({ key: z.string().min(1).max(64) });

const stageFigures = z.object({
  n: z.number(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  exact: z.boolean().describe('false: percentiles from per-day sketches, within 2%'),
});

export const periodKpis = z
  .object({
    summary: z.object({
      from: z.string(),
      to: z.string(),
      channel: z.string().nullable(),
      counts: z.record(z.string(), z.number()),
      byDay: z.array(
        z.object({
          day: z.string(),
          orders: z.number(),
          shipped: z.number(),
          held: z.number(),
          cancelled: z.number(),
        }),
      ),
      byChannel: z.record(z.string(), z.number()),
      byType: z.record(z.string(), z.number()),
      byStatus: z.record(z.string(), z.number()),
      holdsByReason: z.record(z.string(), z.number()),
      stages: z.record(z.string(), stageFigures),
      /** Stock-outs over the period's days (the stock-out rate KPI), when inventory reports them. */
      stock: z
        .object({ skuDays: z.number(), outDays: z.number(), rate: z.number().nullable() })
        .nullable()
        .optional(),
    }),
    kpis: z.array(kpiDefinition.extend({ value: z.number().nullable() })),
  })
  .meta({ id: 'InsightsPeriod' });

export const weekOverWeek = z
  .object({
    current: z.object({ from: z.string(), to: z.string() }),
    previous: z.object({ from: z.string(), to: z.string() }),
    kpis: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        unit: z.string(),
        goodDirection: z.enum(['up', 'down']),
        target: z.number().nullable(),
        value: z.number().nullable(),
        previous: z.number().nullable(),
        change: z.number().nullable(),
      }),
    ),
    byDay: z.array(
      z.object({
        day: z.string(),
        orders: z.number(),
        shipped: z.number(),
        held: z.number(),
        cancelled: z.number(),
      }),
    ),
  })
  .meta({ id: 'InsightsWeekOverWeek' });

export const operationsToday = z
  .object({
    at: z.string(),
    placedToday: z.number(),
    queues: z.array(
      z.object({
        status: z.string(),
        orders: z.number(),
        oldestPlacedAt: z.string().nullable(),
        oldestAgeHours: z.number().nullable(),
      }),
    ),
    slaAtRisk: z.object({
      overdue: z.number(),
      dueSoon: z.number(),
      orders: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          status: z.string(),
          shipBy: z.string(),
          hoursLeft: z.number(),
        }),
      ),
    }),
  })
  .meta({ id: 'InsightsOperations' });

const stageLoss = {
  stage: z.enum(insightsStages),
  orders: z.number(),
  hours: z.number(),
  avgHours: z.number().nullable(),
  baselineAvgHours: z.number().nullable(),
  excessHours: z.number(),
};

export const bottleneckReport = z
  .object({
    from: z.string(),
    to: z.string(),
    baselineFrom: z.string(),
    stages: z.array(z.object(stageLoss)),
    worstStage: z.enum(insightsStages).nullable(),
    findings: z.array(
      z.object({
        ...stageLoss,
        dim: z.enum(insightsDims),
        value: z.string(),
        drillDown: z.object({
          from: z.string(),
          to: z.string(),
          stage: z.enum(insightsStages),
          dim: z.enum(insightsDims),
          value: z.string(),
        }),
      }),
    ),
  })
  .meta({ id: 'InsightsBottlenecks' });

export const customerBehaviour = z
  .object({
    from: z.string(),
    to: z.string(),
    orders: z.number(),
    customers: z.number(),
    repeatCustomers: z.number(),
    repeatRate: z.number().nullable(),
    basket: z.object({
      avgUnits: z.number().nullable(),
      avgLines: z.number().nullable(),
      avgValue: z.string().nullable(),
      currency: z.string().nullable(),
    }),
    segments: z.array(
      z.object({ segment: z.string(), customers: z.number(), orders: z.number(), value: z.string() }),
    ),
    affinity: z.array(
      z.object({
        skuA: z.string(),
        skuB: z.string(),
        orders: z.number(),
        support: z.number(),
        confidence: z.number(),
        lift: z.number(),
      }),
    ),
    byHour: z.array(z.object({ hour: z.number(), orders: z.number() })),
    byWeekday: z.array(z.object({ weekday: z.number(), orders: z.number() })),
    regions: z.array(z.object({ province: z.string(), city: z.string(), orders: z.number() })),
  })
  .meta({ id: 'InsightsCustomerBehaviour' });

export const drillDownQuery = periodQuery.extend({
  stage: z.enum(insightsStages).optional(),
  dim: z.enum(insightsDims).optional(),
  value: z.string().max(100).optional(),
  status: z.string().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
});

export const drillDownPage = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        channel: z.string(),
        status: z.string(),
        placedAt: z.string(),
        stageHours: z.number().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'InsightsOrderPage' });

export const tableParams = z.object({ table: z.enum(insightsTables) });
export const tableQuery = periodQuery.extend({ format: z.enum(['json', 'csv', 'xlsx']).default('json') });
export const insightsTable = z
  .object({
    name: z.string(),
    columns: z.array(z.object({ key: z.string(), type: z.enum(['text', 'number', 'money', 'percent']) })),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  })
  .meta({ id: 'InsightsTable' });

export const refreshResult = z.object({ days: z.array(z.string()) });

export type PeriodKpis = z.output<typeof periodKpis>;
export type WeekOverWeek = z.output<typeof weekOverWeek>;
export type OperationsToday = z.output<typeof operationsToday>;
export type BottleneckReport = z.output<typeof bottleneckReport>;
export type CustomerBehaviour = z.output<typeof customerBehaviour>;
export type DrillDownPage = z.output<typeof drillDownPage>;
export type InsightsTable = z.output<typeof insightsTable>;
export type KpiDefinition = z.output<typeof kpiDefinition>;
