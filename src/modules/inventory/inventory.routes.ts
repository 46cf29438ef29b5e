import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  access,
  authErrors,
  codeParams,
  errorBody,
  idParams,
  pageOf,
  writeErrors,
} from '../../contracts/common.ts';
import {
  adjustmentBody,
  alertPage,
  alertQuery,
  channelRule,
  channelRuleBody,
  channelStock,
  channelStockQuery,
  inventorySettings,
  ledgerCheck,
  levelPage,
  levelQuery,
  movementPage,
  movementQuery,
  newWarehouseBody,
  planBody,
  report,
  reportKinds,
  reportQuery,
  skuPlanningBody,
  skuStock,
  stockLevel,
  transferBody,
  warehouse,
  warehouseChangesBody,
  warehouseList,
} from '../../contracts/inventory.ts';
import { type Inventory, reportCsv, reportXlsx } from './index.ts';

const tags = ['inventory'];

export function inventoryRoutes(inventory: Inventory): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/warehouses',
      {
        schema: { tags, summary: 'Warehouses', response: { 200: warehouseList, ...authErrors } },
        config: access.inventoryRead,
      },
      async () => ({ items: await inventory.warehouses.list(), nextCursor: null }),
    );
    app.post(
      '/warehouses',
      {
        schema: {
          tags,
          summary: 'Create a warehouse',
          body: newWarehouseBody,
          response: { 201: warehouse, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request, reply) =>
        reply.status(201).send(await inventory.warehouses.create(request.principal!.actor, request.body)),
    );
    app.patch(
      '/warehouses/:id',
      {
        schema: {
          tags,
          summary: 'Change a warehouse',
          params: idParams,
          body: warehouseChangesBody,
          response: { 200: warehouse, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request) =>
        inventory.warehouses.update(request.principal!.actor, request.params.id, request.body),
    );

    app.get(
      '/inventory/levels',
      {
        schema: {
          tags,
          summary: 'Stock levels per SKU and warehouse: on hand, reserved, available, incoming',
          querystring: levelQuery,
          response: { 200: levelPage, 400: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.levels.list(request.query),
    );
    app.post(
      '/inventory/adjustments',
      {
        schema: {
          tags,
          summary: 'Correct stock by hand (found, damaged, lost); recorded in the ledger',
          body: adjustmentBody,
          response: { 201: stockLevel, ...writeErrors },
        },
        config: access.inventoryWrite,
      },
      async (request, reply) =>
        reply.status(201).send(await inventory.levels.adjust(request.principal!.actor, request.body)),
    );
    app.post(
      '/inventory/transfers',
      {
        schema: {
          tags,
          summary: 'Move stock between warehouses',
          body: transferBody,
          response: { 201: z.object({ from: stockLevel, to: stockLevel }), ...writeErrors },
        },
        config: access.inventoryWrite,
      },
      async (request, reply) =>
        reply.status(201).send(await inventory.levels.transfer(request.principal!.actor, request.body)),
    );
    app.get(
      '/inventory/movements',
      {
        schema: {
          tags,
          summary: 'The stock ledger, newest first',
          querystring: movementQuery,
          response: { 200: movementPage, 400: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.ledger.movements(request.query),
    );
    app.get(
      '/inventory/check',
      {
        schema: {
          tags,
          summary: 'Recompute every level from the ledger and open purchase orders and list differences',
          response: { 200: ledgerCheck, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async () => inventory.ledger.check(),
    );

    app.get(
      '/inventory/skus/:code',
      {
        schema: {
          tags,
          summary: 'One SKU: levels and plans per warehouse, forecast, back-test, demand',
          params: codeParams,
          response: { 200: skuStock, 422: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.skus.stock(request.params.code),
    );
    app.patch(
      '/inventory/skus/:code',
      {
        schema: {
          tags,
          summary: "A SKU's planning fields: category, unit cost, supplier, owner",
          params: codeParams,
          body: skuPlanningBody,
          response: { 200: skuStock, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request) =>
        inventory.skus.updatePlanning(request.principal!.actor, request.params.code, request.body),
    );
    app.put(
      '/inventory/plans',
      {
        schema: {
          tags,
          summary: 'Warning line and safety stock of a SKU in a warehouse: by hand, computed, or off',
          body: planBody,
          response: { 200: skuStock, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request) => {
        await inventory.plans.set(request.principal!.actor, request.body);
        return inventory.skus.stock(request.body.sku);
      },
    );
    app.post(
      '/inventory/plans/recompute',
      {
        schema: {
          tags,
          summary: 'Recompute forecasts, safety stock and reorder points now',
          response: { 200: z.object({ planned: z.number() }), ...authErrors },
        },
        config: access.inventoryManage,
      },
      async () => inventory.plans.recompute(),
    );

    app.get(
      '/inventory/alerts',
      {
        schema: {
          tags,
          summary: 'Low-stock alerts',
          querystring: alertQuery,
          response: { 200: alertPage, 400: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.alerts.list(request.query),
    );
    app.get(
      '/inventory/alerts/count',
      {
        schema: {
          tags,
          summary: 'Open low-stock alerts',
          response: { 200: z.object({ open: z.number() }), ...authErrors },
        },
        config: access.inventoryRead,
      },
      async () => inventory.alerts.openCount(),
    );

    app.get(
      '/inventory/channel-rules',
      {
        schema: {
          tags,
          summary: 'Channel stock rules',
          response: { 200: z.object({ items: z.array(channelRule) }), ...authErrors },
        },
        config: access.inventoryRead,
      },
      async () => inventory.channelStock.rules(),
    );
    app.put(
      '/inventory/channel-rules',
      {
        schema: {
          tags,
          summary: 'Create or replace the stock rule of a channel (or of one SKU on it)',
          body: channelRuleBody,
          response: { 200: channelRule, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request) => inventory.channelStock.saveRule(request.principal!.actor, request.body),
    );
    app.delete(
      '/inventory/channel-rules/:id',
      {
        schema: {
          tags,
          summary: 'Delete a channel stock rule',
          params: idParams,
          response: { 204: z.null(), 404: errorBody, ...authErrors },
        },
        config: access.inventoryManage,
      },
      async (request, reply) => {
        await inventory.channelStock.deleteRule(request.principal!.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/inventory/channel-stock',
      {
        schema: {
          tags,
          summary: 'Available-to-sell per SKU on a channel, after its rule',
          querystring: channelStockQuery,
          response: { 200: pageOf(channelStock), 400: errorBody, 422: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.channelStock.list(request.query),
    );

    app.get(
      '/inventory/settings',
      {
        schema: { tags, summary: 'Inventory settings', response: { 200: inventorySettings, ...authErrors } },
        config: access.inventoryRead,
      },
      async () => inventory.settings.get(),
    );
    app.put(
      '/inventory/settings',
      {
        schema: {
          tags,
          summary: 'Change inventory settings',
          body: inventorySettings,
          response: { 200: inventorySettings, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request) => inventory.settings.update(request.principal!.actor, request.body),
    );

    app.get(
      '/inventory/reports/:kind',
      {
        schema: {
          tags,
          summary: 'Slow movers, fast movers, ABC, turnover, stock-outs; JSON, CSV or XLSX',
          params: z.object({ kind: z.enum(reportKinds) }),
          querystring: reportQuery,
          response: { 200: report.or(z.string()).or(z.instanceof(Buffer)), 400: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request, reply) => {
        const result = await inventory.reports.build(request.params.kind, request.query);
        const name = `${request.params.kind}-${result.days}d`;
        if (request.query.format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(reportCsv(result));
        if (request.query.format === 'xlsx')
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            .send(await reportXlsx(result));
        return result;
      },
    );
  };
}
