import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, newSkuInput } from '../helpers/factories.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
type Line = { sku: string; quantity: number; receivedQuantity: number; unitCost: string };
type Po = { id: string; number: string; status: string; dueAt: string; isOverdue: boolean; lines: Line[] };
const dayMs = 24 * 60 * 60 * 1000;
const start = '2026-11-20T09:00:00Z';

for (const dialect of testDialects) {
  describe(`suppliers, purchase orders and receiving on ${dialect}`, () => {
    const clock = fixedClock(start);
    const t = useTestApp(dialect, { clock });
    // Ids are time-ordered: a fixed clock must still move on, or a long run wraps their counter.
    beforeEach(() => clock.advance(1000));
    const api = (method: Method, url: string, payload?: object, role = 'admin') =>
      t.current.request({ method, url: `/api/v1${url}`, payload, role });
    /** The body of a call that must succeed. */
    const ok = async (method: Method, url: string, payload?: object) => {
      const response = await api(method, url, payload);
      assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.statusCode === 204 ? null : response.json();
    };
    const newSku = async (code: string, planning: object = {}) => {
      await ok('POST', '/skus', newSkuInput({ code, price: '10.00' }));
      if (Object.keys(planning).length > 0) await ok('PATCH', `/inventory/skus/${code}`, planning);
    };
    const level = async (sku: string, warehouse = 'main') =>
      (await ok('GET', `/inventory/levels?sku=${sku}&warehouse=${warehouse}`)).items[0];
    const newPo = async (supplier: string, lines: object[], extra: object = {}): Promise<Po> =>
      ok('POST', '/purchase-orders', { supplier, warehouse: 'main', lines, ...extra });
    /** Delivers every outbox event and waits for the allocation runs they start. */
    const settle = async () => {
      const { dispatcher, allocator } = t.current.app;
      while ((await dispatcher.drain()) > 0) await allocator.idle();
      await allocator.idle(); // a wake-up during a run queues exactly one more run
      await allocator.idle();
    };
    const poNumbers = async (query: string) =>
      (await ok('GET', `/purchase-orders?${query}`)).items.map((p: Po) => p.number);

    it('creates, rejects and changes suppliers', async () => {
      const acme = { code: 'ACME', name: 'Acme Trading', leadTimeDays: 5, minOrderQty: 10, packSize: 6 };
      const created = await api('POST', '/suppliers', acme);
      assert.equal(created.statusCode, 201);
      assert.equal(created.json().packSize, 6);
      assert.equal(created.json().isActive, true);
      const duplicate = await api('POST', '/suppliers', { ...acme, name: 'Another Acme' });
      assert.equal(duplicate.statusCode, 409);
      assert.equal(duplicate.json().error.code, 'SUPPLIER_CODE_TAKEN');
      assert.equal(duplicate.json().error.details.field, 'code');
      const badLead = await api('POST', '/suppliers', { code: 'LATE', name: 'Late', leadTimeDays: -1 });
      assert.equal(badLead.statusCode, 400);
      assert.equal(badLead.json().error.details.field, 'leadTimeDays');
      await ok('POST', '/suppliers', { code: 'BETA', name: 'Beta Supply', leadTimeDays: 3 });
      await ok('POST', '/suppliers', { ...acme, code: 'PACK', name: 'Pack & Co' });
      const changed = await ok('PATCH', `/suppliers/${created.json().id}`, {
        name: 'Acme Ltd',
        phone: '123',
      });
      assert.equal(changed.name, 'Acme Ltd');
      assert.equal(changed.phone, '123');
      const found = await ok('GET', '/suppliers?q=acme');
      assert.deepEqual(
        found.items.map((s: Record<string, unknown>) => [s.code, s.name, s.leadTimeDays]),
        [['ACME', 'Acme Ltd', 5]],
      );
      // Fields the PATCH did not send must stay as they were.
      assert.deepEqual([found.items[0].minOrderQty, found.items[0].packSize], [10, 6]);
    });

    it('drafts a purchase order with costs from the SKU and a due date from the lead time', async () => {
      await newSku('PO-A', { unitCost: '12.50', supplier: 'ACME' });
      await newSku('PO-B', { unitCost: '3.00' });
      const po = await newPo('ACME', [
        { sku: 'PO-A', quantity: 10 },
        { sku: 'PO-B', quantity: 5, unitCost: '2.00' },
      ]);
      assert.equal(po.status, 'draft');
      assert.deepEqual(
        po.lines.map((l) => [l.sku, l.quantity, l.receivedQuantity, l.unitCost]),
        [
          ['PO-A', 10, 0, '12.50'],
          ['PO-B', 5, 0, '2.00'],
        ],
      );
      assert.equal((po as Po & { total: string }).total, '135.00', '10 × 12.50 + 5 × 2.00');
      assert.equal(po.dueAt.slice(0, 10), '2026-11-25', 'today (20th) + 5 days of lead time');
      assert.equal((await level('PO-A'))?.incoming ?? 0, 0, 'a draft is not incoming stock');
      const unknownSku = await api('POST', '/purchase-orders', {
        supplier: 'ACME',
        warehouse: 'main',
        lines: [
          { sku: 'PO-A', quantity: 1 },
          { sku: 'NOPE', quantity: 1 },
        ],
      });
      assert.equal(unknownSku.statusCode, 422);
      assert.equal(unknownSku.json().error.details.field, 'lines.1.sku');
    });

    it('edits a draft line by line, refuses bad lines whole, and prints it for the supplier', async () => {
      await newSku('PO-E1', { unitCost: '4.00', supplier: 'ACME' });
      await newSku('PO-E2', { unitCost: '6.00' });
      const po = await newPo('ACME', [{ sku: 'PO-E1', quantity: 10 }]);
      const edited = await ok('PUT', `/purchase-orders/${po.id}/lines`, {
        lines: [
          { sku: 'PO-E1', quantity: 12, unitCost: '3.80' },
          { sku: 'PO-E2', quantity: 4 },
        ],
      });
      assert.deepEqual(
        edited.lines.map((l: Po['lines'][number]) => [l.sku, l.quantity, l.unitCost]),
        [
          ['PO-E1', 12, '3.80'],
          ['PO-E2', 4, '6.00'],
        ],
      );
      assert.equal(edited.total, '69.60');
      const bad = await api('PUT', `/purchase-orders/${po.id}/lines`, {
        lines: [
          { sku: 'PO-E1', quantity: 1 },
          { sku: 'NOPE', quantity: 1 },
        ],
      });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().error.details.field, 'lines.1.sku');
      assert.equal((await ok('GET', `/purchase-orders/${po.id}`)).lines.length, 2, 'nothing changed');
      const pdf = await api('GET', `/purchase-orders/${po.id}/purchase-order.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 4).toString('latin1'), '%PDF');
      await ok('POST', `/purchase-orders/${po.id}/send`);
      const sent = await api('PUT', `/purchase-orders/${po.id}/lines`, {
        lines: [{ sku: 'PO-E1', quantity: 1 }],
      });
      assert.equal(sent.statusCode, 409, 'a sent order is not edited');
    });

    it('sends, receives in part, refuses an over-receipt whole, receives the rest', async () => {
      const po = await newPo('ACME', [
        { sku: 'PO-A', quantity: 10 },
        { sku: 'PO-B', quantity: 5 },
      ]);
      const sent = await ok('POST', `/purchase-orders/${po.id}/send`);
      assert.equal(sent.status, 'sent');
      assert.equal((await level('PO-A')).incoming, 10);
      assert.equal((await level('PO-B')).incoming, 5);

      const partly = await api(
        'POST',
        `/purchase-orders/${po.id}/receive`,
        {
          lines: [{ sku: 'PO-A', quantity: 4 }],
          note: 'first pallet',
        },
        'warehouse',
      );
      assert.equal(partly.statusCode, 200);
      assert.equal(partly.json().status, 'partly_received');
      assert.deepEqual(
        [await level('PO-A')].map((l) => [l.onHand, l.incoming]),
        [[4, 6]],
      );
      const receipts = await ok('GET', '/inventory/movements?sku=PO-A&kind=receipt');
      assert.deepEqual(
        receipts.items.map((m: Record<string, unknown>) => [m.onHandDelta, m.referenceType, m.referenceId]),
        [[4, 'purchase_order', po.number]],
      );

      // The first line alone would fit; the second does not, so neither is taken.
      const over = await api('POST', `/purchase-orders/${po.id}/receive`, {
        lines: [
          { sku: 'PO-A', quantity: 2 },
          { sku: 'PO-B', quantity: 6 },
        ],
      });
      assert.equal(over.statusCode, 409);
      assert.equal(over.json().error.code, 'OVER_RECEIPT');
      assert.equal(over.json().error.details.field, 'lines.1.quantity');
      assert.deepEqual(
        [await level('PO-A'), await level('PO-B')].map((l) => [l.onHand, l.incoming]),
        [
          [4, 6],
          [0, 5],
        ],
      );
      const unchanged: Po = await ok('GET', `/purchase-orders/${po.id}`);
      assert.deepEqual(
        unchanged.lines.map((l) => l.receivedQuantity),
        [4, 0],
      );
      assert.equal(unchanged.status, 'partly_received');

      const rest = await ok('POST', `/purchase-orders/${po.id}/receive`, {
        lines: [
          { sku: 'PO-A', quantity: 6 },
          { sku: 'PO-B', quantity: 5 },
        ],
      });
      assert.equal(rest.status, 'received');
      assert.ok(rest.closedAt, 'a received order is closed');
      assert.deepEqual(
        [await level('PO-A'), await level('PO-B')].map((l) => [l.onHand, l.incoming]),
        [
          [10, 0],
          [5, 0],
        ],
      );
      const cancel = await api('POST', `/purchase-orders/${po.id}/cancel`);
      assert.equal(cancel.statusCode, 409);
      assert.equal(cancel.json().error.code, 'INVALID_TRANSITION');
    });

    it('cancelling a sent purchase order takes its quantities out of incoming', async () => {
      const po = await newPo('ACME', [{ sku: 'PO-A', quantity: 7 }]);
      await ok('POST', `/purchase-orders/${po.id}/send`);
      assert.equal((await level('PO-A')).incoming, 7);
      const byWarehouse = await api('POST', `/purchase-orders/${po.id}/cancel`, undefined, 'warehouse');
      assert.equal(byWarehouse.statusCode, 403, 'cancelling needs inventory:manage');
      const cancelled = await ok('POST', `/purchase-orders/${po.id}/cancel`);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await level('PO-A')).incoming, 0);
    });

    it('refuses to receive into a cancelled purchase order and changes nothing', async () => {
      const po = await newPo('ACME', [{ sku: 'PO-A', quantity: 3 }]);
      await ok('POST', `/purchase-orders/${po.id}/send`);
      await ok('POST', `/purchase-orders/${po.id}/cancel`);
      const receive = await api('POST', `/purchase-orders/${po.id}/receive`, {
        lines: [{ sku: 'PO-A', quantity: 1 }],
      });
      assert.equal(receive.json().error?.code, 'INVALID_TRANSITION', receive.body);
      assert.equal(receive.statusCode, 409);
      assert.deepEqual(
        [await level('PO-A')].map((l) => [l.onHand, l.incoming]),
        [[10, 0]],
      );
    });

    it('flags a sent purchase order overdue once its due date has passed', async () => {
      const sent = await newPo('BETA', [{ sku: 'PO-B', quantity: 2 }]);
      await ok('POST', `/purchase-orders/${sent.id}/send`);
      const draft = await newPo('BETA', [{ sku: 'PO-B', quantity: 2 }]);
      assert.equal(sent.dueAt.slice(0, 10), '2026-11-23', 'BETA delivers in 3 days');
      assert.equal((await ok('GET', `/purchase-orders/${sent.id}`)).isOverdue, false);
      assert.deepEqual(await poNumbers('isOverdue=true'), []);
      const now = clock.now();
      try {
        clock.advance(4 * dayMs);
        const late: Po = await ok('GET', `/purchase-orders/${sent.id}`);
        assert.equal(late.isOverdue, true);
        assert.equal(
          (await ok('GET', `/purchase-orders/${draft.id}`)).isOverdue,
          false,
          'a draft is never late',
        );
        assert.deepEqual(await poNumbers('isOverdue=true'), [sent.number]);
        assert.deepEqual(await poNumbers('isOverdue=true&supplier=ACME'), []);
      } finally {
        clock.set(now);
      }
      await ok('POST', `/purchase-orders/${sent.id}/cancel`);
      await ok('POST', `/purchase-orders/${draft.id}/cancel`);
    });

    it('suggests a rounded quantity at the warning line and drafts one order per supplier', async () => {
      await newSku('SUG-A', { supplier: 'PACK', unitCost: '4.00' });
      await newSku('SUG-A2', { supplier: 'PACK', unitCost: '1.50' });
      await newSku('SUG-B', { supplier: 'BETA' });
      await newSku('SUG-NONE');
      await ok('POST', '/inventory/adjustments', {
        sku: 'SUG-A',
        warehouse: 'main',
        delta: 3,
        reason: 'opening',
      });
      await ok('PUT', '/inventory/plans', {
        sku: 'SUG-A',
        warehouse: 'main',
        mode: 'manual',
        warningLine: 5,
      });
      const { items } = await ok('GET', '/inventory/suggestions?supplier=PACK');
      // No demand yet, so a hand-set line of 5 orders up to 5 + ceil(0 × 7 review days) = 5,
      // lifted to line + 1 = 6 so that stock sitting on the line still orders. Position =
      // onHand 3 − reserved 0 + incoming 0 − backordered 0 = 3 ≤ 5; need = 6 − 3 = 3;
      // max(3, min order 10) = 10, rounded up to packs of 6 → 12.
      assert.deepEqual(
        items.map((s: Record<string, unknown>) => [s.sku, s.supplier, s.need, s.quantity, s.unitCost]),
        [['SUG-A', 'PACK', 3, 12, '4.00']],
      );
      assert.equal(items[0].arrivesBy, '2026-11-25');

      const before = (await ok('GET', '/purchase-orders?limit=500')).items.length;
      const noSupplier = await api('POST', '/purchase-orders/from-suggestions', {
        warehouse: 'main',
        items: [
          { sku: 'SUG-A', quantity: 12 },
          { sku: 'SUG-NONE', quantity: 1 },
        ],
      });
      assert.equal(noSupplier.statusCode, 422);
      assert.equal(noSupplier.json().error.details.field, 'items.1.sku');
      assert.equal((await ok('GET', '/purchase-orders?limit=500')).items.length, before, 'nothing drafted');

      const drafted = await api('POST', '/purchase-orders/from-suggestions', {
        warehouse: 'main',
        items: [
          { sku: 'SUG-A', quantity: 12 },
          { sku: 'SUG-B', quantity: 4 },
          { sku: 'SUG-A2', quantity: 6 },
        ],
      });
      assert.equal(drafted.statusCode, 201);
      const bySupplier = drafted
        .json()
        .items.map((p: Po & { supplier: { code: string } }) => [
          p.supplier.code,
          p.status,
          p.lines.map((l) => `${l.sku}×${l.quantity}@${l.unitCost}`),
        ])
        .sort();
      assert.deepEqual(bySupplier, [
        ['BETA', 'draft', ['SUG-B×4@0.00']],
        ['PACK', 'draft', ['SUG-A×12@4.00', 'SUG-A2×6@1.50']],
      ]);
    });

    it('receiving gives backordered stock to the most urgent order first', async () => {
      await newSku('BO-1', { supplier: 'ACME', unitCost: '6.00' });
      await settle();
      const order = async (externalId: string, type: string, placedAt: string) => {
        const input = newOrderInput({
          externalId,
          type,
          placedAt,
          lines: [{ sku: 'BO-1', quantity: 1, unitPrice: '10.00' }],
          total: '20.00',
        });
        const payment = { ...(input.payment as object), paidAmount: '20.00' };
        return ok('POST', '/orders', { ...input, payment });
      };
      const normal = await order('bo-normal', 'normal', '2026-11-20T08:00:00Z');
      const urgent = await order('bo-urgent', 'urgent', '2026-11-20T08:30:00Z');
      assert.deepEqual([normal.status, urgent.status], ['approved', 'approved']);
      await t.current.app.orders.allocation.allocateApproved();
      const status = async (id: string) => (await ok('GET', `/orders/${id}`)).status;
      assert.deepEqual([await status(normal.id), await status(urgent.id)], ['backordered', 'backordered']);
      await settle();

      const po = await newPo('ACME', [{ sku: 'BO-1', quantity: 1 }]);
      await ok('POST', `/purchase-orders/${po.id}/send`);
      await ok('POST', `/purchase-orders/${po.id}/receive`, { lines: [{ sku: 'BO-1', quantity: 1 }] });
      await settle();

      assert.equal(await status(urgent.id), 'allocated', 'urgent outranks normal although placed later');
      assert.equal(await status(normal.id), 'backordered');
      const detail = await ok('GET', `/orders/${urgent.id}`);
      assert.deepEqual(
        detail.allocations.map((a: Record<string, unknown>) => [a.sku, a.warehouse, a.quantity, a.status]),
        [['BO-1', 'main', 1, 'reserved']],
      );
      const bo = await level('BO-1');
      assert.deepEqual([bo.onHand, bo.reserved, bo.available], [1, 1, 0]);
    });

    it('leaves the books consistent with the ledger', async () => {
      const check = await ok('GET', '/inventory/check');
      assert.ok(check.checked >= 4, `checked ${check.checked}`);
      assert.deepEqual(check.mismatches, []);
    });
  });
}
