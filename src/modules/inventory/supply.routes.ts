import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  access,
  authErrors,
  csvText,
  errorBody,
  idParams,
  listQuery,
  pdfFile,
  writeErrors,
} from '../../contracts/common.ts';
import {
  countImportResult,
  countsBody,
  draftLinesBody,
  fromSuggestionsBody,
  lineNoteBody,
  newPurchaseOrderBody,
  newStocktakeBody,
  newSupplierBody,
  purchaseOrder,
  purchaseOrderPage,
  purchaseOrderQuery,
  receiveBody,
  stocktake,
  stocktakeDetail,
  stocktakePage,
  stocktakeQuery,
  suggestionList,
  suggestionQuery,
  supplier,
  supplierChangesBody,
  supplierPage,
} from '../../contracts/inventory.ts';
import { invalidField } from '../../platform/errors.ts';
import type { Permission } from '../staff/index.ts';
import type { Inventory } from './index.ts';

/** Suppliers, replenishment suggestions, purchase orders and receiving, stocktakes. */
export function supplyRoutes(inventory: Inventory): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['suppliers'];
    app.get(
      '/suppliers',
      {
        schema: {
          tags,
          summary: 'Suppliers; q searches code and name',
          querystring: listQuery.extend({ q: z.string().trim().max(100).optional() }),
          response: { 200: supplierPage, 400: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.suppliers.list(request.query),
    );
    app.post(
      '/suppliers',
      {
        schema: {
          tags,
          summary: 'Create a supplier',
          body: newSupplierBody,
          response: { 201: supplier, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request, reply) =>
        reply.status(201).send(await inventory.suppliers.create(request.principal!.actor, request.body)),
    );
    app.patch(
      '/suppliers/:id',
      {
        schema: {
          tags,
          summary: 'Change a supplier',
          params: idParams,
          body: supplierChangesBody,
          response: { 200: supplier, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request) =>
        inventory.suppliers.update(request.principal!.actor, request.params.id, request.body),
    );

    const poTags = ['purchasing'];
    app.get(
      '/inventory/suggestions',
      {
        schema: {
          tags: poTags,
          summary: 'Replenishment suggestions: what to order, how much, from whom, arriving when',
          querystring: suggestionQuery,
          response: { 200: suggestionList, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.replenishment.suggestions(request.query),
    );
    app.post(
      '/purchase-orders',
      {
        schema: {
          tags: poTags,
          summary: 'Create a draft purchase order',
          body: newPurchaseOrderBody,
          response: { 201: purchaseOrder, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request, reply) =>
        reply.status(201).send(await inventory.purchaseOrders.create(request.principal!.actor, request.body)),
    );
    app.post(
      '/purchase-orders/from-suggestions',
      {
        schema: {
          tags: poTags,
          summary: 'Turn chosen suggestions into draft purchase orders, one per supplier',
          body: fromSuggestionsBody,
          response: { 201: z.object({ items: z.array(purchaseOrder) }), ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await inventory.purchaseOrders.createFromSuggestions(request.principal!.actor, request.body)),
    );
    app.get(
      '/purchase-orders',
      {
        schema: {
          tags: poTags,
          summary: 'Purchase orders; isOverdue=true lists those past their due date',
          querystring: purchaseOrderQuery,
          response: { 200: purchaseOrderPage, 400: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.purchaseOrders.list(request.query),
    );
    app.get(
      '/purchase-orders/:id',
      {
        schema: {
          tags: poTags,
          summary: 'One purchase order',
          params: idParams,
          response: { 200: purchaseOrder, 404: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request) => inventory.purchaseOrders.get(request.params.id),
    );
    app.put(
      '/purchase-orders/:id/lines',
      {
        schema: {
          tags: poTags,
          summary:
            'Edit a draft line by line: its lines as they should be (quantities, costs, added, removed)',
          params: idParams,
          body: draftLinesBody,
          response: { 200: purchaseOrder, ...writeErrors },
        },
        config: access.inventoryManage,
      },
      async (request) =>
        inventory.purchaseOrders.editDraft(request.principal!.actor, request.params.id, request.body),
    );
    app.get(
      '/purchase-orders/:id/purchase-order.pdf',
      {
        schema: {
          tags: poTags,
          summary: 'The purchase order as a PDF to send to the supplier',
          params: idParams,
          response: { 200: pdfFile, 404: errorBody, ...authErrors },
        },
        config: access.inventoryRead,
      },
      async (request, reply) => {
        const po = await inventory.purchaseOrders.get(request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${po.number}.pdf"`)
          .send(await inventory.purchaseOrders.pdf(po.id));
      },
    );
    for (const [action, run, summary] of [
      ['send', inventory.purchaseOrders.send, 'Send to the supplier: its quantities count as incoming'],
      ['cancel', inventory.purchaseOrders.cancel, 'Cancel; what was still incoming is no longer expected'],
    ] as const) {
      app.post(
        `/purchase-orders/:id/${action}`,
        {
          schema: {
            tags: poTags,
            summary,
            params: idParams,
            response: { 200: purchaseOrder, ...writeErrors },
          },
          config: access.inventoryManage,
        },
        async (request) => run(request.principal!.actor, request.params.id),
      );
    }
    app.post(
      '/purchase-orders/:id/receive',
      {
        schema: {
          tags: poTags,
          summary: 'Receive goods against the purchase order: stock goes up, backorders allocate',
          params: idParams,
          body: receiveBody,
          response: { 200: purchaseOrder, ...writeErrors },
        },
        config: access.inventoryWrite,
      },
      async (request) =>
        inventory.purchaseOrders.receive(request.principal!.actor, request.params.id, request.body),
    );

    stocktakeRoutes(app, inventory);
  };
}

function stocktakeRoutes(app: Parameters<FastifyPluginAsyncZod>[0], inventory: Inventory) {
  const tags = ['stocktakes'];
  app.post(
    '/stocktakes',
    {
      schema: {
        tags,
        summary: 'Start a full or cycle count of a warehouse',
        body: newStocktakeBody,
        response: { 201: stocktakeDetail, ...writeErrors },
      },
      config: access.inventoryWrite,
    },
    async (request, reply) =>
      reply.status(201).send(await inventory.stocktakes.create(request.principal!.actor, request.body)),
  );
  app.post(
    '/stocktakes/cycle-plan',
    {
      schema: {
        tags,
        summary: 'Create the cycle counts that are due by ABC class',
        response: { 200: z.object({ items: z.array(stocktake) }), ...authErrors },
      },
      config: access.inventoryWrite,
    },
    async (request) => inventory.stocktakes.planCycleCounts(request.principal!.actor),
  );
  app.get(
    '/stocktakes',
    {
      schema: {
        tags,
        summary: 'Stocktakes',
        querystring: stocktakeQuery,
        response: { 200: stocktakePage, 400: errorBody, ...authErrors },
      },
      config: access.inventoryRead,
    },
    async (request) => inventory.stocktakes.list(request.query),
  );
  app.get(
    '/stocktakes/:id',
    {
      schema: {
        tags,
        summary: 'A stocktake with its lines; book figures stay hidden while counting',
        params: idParams,
        response: { 200: stocktakeDetail, 404: errorBody, ...authErrors },
      },
      config: access.inventoryRead,
    },
    async (request) => inventory.stocktakes.get(request.params.id),
  );
  app.put(
    '/stocktakes/:id/counts',
    {
      schema: {
        tags,
        summary: 'Enter counted quantities',
        params: idParams,
        body: countsBody,
        response: { 200: stocktakeDetail, ...writeErrors },
      },
      config: access.inventoryWrite,
    },
    async (request) =>
      inventory.stocktakes.recordCounts(request.principal!.actor, request.params.id, request.body),
  );
  app.post(
    '/stocktakes/:id/counts/import',
    {
      schema: {
        tags,
        summary: 'Enter counts from CSV (text/csv; columns sku,counted[,note])',
        params: idParams,
        body: csvText,
        response: { 200: countImportResult, 415: errorBody, ...writeErrors },
      },
      config: access.inventoryWrite,
    },
    async (request) => {
      if (!request.body.trim()) throw invalidField('file', 'csvEmpty');
      return inventory.stocktakes.importCounts(request.principal!.actor, request.params.id, request.body);
    },
  );
  const noteParams = idParams.extend({ sku: z.string().min(1).max(64) });
  app.put(
    '/stocktakes/:id/lines/:sku/note',
    {
      schema: {
        tags,
        summary: 'Investigation note on a counted line',
        params: noteParams,
        body: lineNoteBody,
        response: { 200: stocktakeDetail, ...writeErrors },
      },
      config: access.inventoryWrite,
    },
    async (request) =>
      inventory.stocktakes.setLineNote(
        request.principal!.actor,
        request.params.id,
        request.params.sku,
        request.body.note,
      ),
  );
  for (const [action, run, permission, summary] of [
    [
      'submit',
      inventory.stocktakes.submit,
      access.inventoryWrite,
      'Submit a finished count for review (shows variances)',
    ],
    [
      'approve',
      inventory.stocktakes.approve,
      access.inventoryManage,
      'Approve: post every variance to the ledger',
    ],
    ['cancel', inventory.stocktakes.cancel, access.inventoryManage, 'Cancel the count; nothing is posted'],
  ] as const) {
    app.post(
      `/stocktakes/:id/${action}`,
      {
        schema: { tags, summary, params: idParams, response: { 200: stocktakeDetail, ...writeErrors } },
        config: permission as { permission: Permission },
      },
      async (request) => run(request.principal!.actor, request.params.id),
    );
  }
}
