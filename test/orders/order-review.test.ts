import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { signLink } from '../../src/platform/signed-link.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

for (const dialect of testDialects) {
  describe(`holds, review and regrouping on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T09:00:00Z');
    const t = useTestApp(dialect, { clock });
    const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, role = 'admin') =>
      t.current.request({ method, url, payload, role });
    const orderPost = async (overrides: Record<string, unknown>) =>
      (await api('POST', '/api/v1/orders', newOrderInput(overrides))).json();

    it('needs a processor and then finance to approve a high-risk order; each stage decides once', async () => {
      await api('POST', '/api/v1/skus', { code: 'TEE-RED-M', name: 'Tee', price: '59.90' });
      await api('POST', '/api/v1/blocklist', { kind: 'phone', value: '+8613911112222' });
      const order = await orderPost({
        externalId: 'risk-1',
        shippingAddress: { ...(newOrderInput().shippingAddress as object), phone: '+8613911112222' },
      });
      assert.deepEqual(order.holds.sort(), ['BLOCKLISTED', 'HIGH_RISK']);
      assert.equal(order.review.stage, 'processor');
      assert.ok(order.review.riskScore >= 100);
      const release = await api('POST', `/api/v1/orders/${order.id}/holds/release`, { codes: ['HIGH_RISK'] });
      assert.equal(release.json().error.code, 'HOLD_NOT_RELEASABLE');
      const financeFirst = await api(
        'POST',
        `/api/v1/orders/${order.id}/review/finance`,
        { decision: 'approve' },
        'finance',
      );
      assert.equal(financeFirst.json().error.code, 'WRONG_REVIEW_STAGE');
      const processorByFinance = await api(
        'POST',
        `/api/v1/orders/${order.id}/review/processor`,
        { decision: 'approve' },
        'finance',
      );
      assert.equal(processorByFinance.statusCode, 403);
      const first = await api(
        'POST',
        `/api/v1/orders/${order.id}/review/processor`,
        { decision: 'approve' },
        'order_processor',
      );
      assert.equal(first.json().review.stage, 'finance');
      await api(
        'POST',
        `/api/v1/orders/${order.id}/holds/release`,
        { codes: ['BLOCKLISTED'], note: 'known customer' },
        'order_processor',
      );
      const second = await api(
        'POST',
        `/api/v1/orders/${order.id}/review/finance`,
        { decision: 'approve' },
        'finance',
      );
      assert.equal(second.json().status, 'approved');
      const types = second.json().events.map((e: { type: string }) => e.type);
      assert.ok(types.includes('review_approved') && types.includes('approved'));
      const decisions = await t.current.app.database.db
        .selectFrom('review_decisions')
        .selectAll()
        .where('order_id', '=', order.id)
        .execute();
      assert.deepEqual(decisions.map((d) => d.stage).sort(), ['finance', 'processor']);
    });

    it('cancels a high-risk order rejected in review, with the reason', async () => {
      const order = await orderPost({
        externalId: 'risk-2',
        shippingAddress: { ...(newOrderInput().shippingAddress as object), phone: '+8613911112222' },
      });
      const noReason = await api('POST', `/api/v1/orders/${order.id}/review/processor`, {
        decision: 'reject',
      });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().error.details.field, 'reason');
      const rejected = await api('POST', `/api/v1/orders/${order.id}/review/processor`, {
        decision: 'reject',
        reason: 'fraud pattern',
      });
      assert.equal(rejected.json().status, 'cancelled');
      assert.deepEqual(rejected.json().holds, []);
    });

    it('releases a payment hold by itself when the payment arrives', async () => {
      const order = await orderPost({ externalId: 'pay-1', payment: { status: 'pending' } });
      assert.deepEqual(order.holds, ['PAYMENT_PENDING']);
      const paid = await api(
        'POST',
        `/api/v1/orders/${order.id}/payment`,
        { status: 'paid', paidAmount: '129.80' },
        'integration',
      );
      assert.equal(paid.json().status, 'approved');
      const approved = paid
        .json()
        .events.find(
          (e: { type: string; actor: { name: string } }) => e.type === 'approved' && e.actor.name === 'audit',
        );
      assert.equal(approved.data.automatic, true, 'no person touched it');
    });

    it('keeps the hold when the new payment still does not cover the total', async () => {
      const order = await orderPost({ externalId: 'pay-2', payment: { status: 'pending' } });
      const partly = await api('POST', `/api/v1/orders/${order.id}/payment`, {
        status: 'paid',
        paidAmount: '100.00',
      });
      assert.equal(partly.json().status, 'pending_review');
      assert.deepEqual(partly.json().holds, ['AMOUNT_MISMATCH']);
    });

    it('releases an address hold when an operator corrects the address, and records it', async () => {
      const address = { ...(newOrderInput().shippingAddress as Record<string, unknown>) };
      const order = await orderPost({
        externalId: 'addr-1',
        shippingAddress: { ...address, district: '', line1: '文三路' },
      });
      assert.deepEqual(order.holds, ['ADDRESS_INCOMPLETE']);
      const fixed = await api('PUT', `/api/v1/orders/${order.id}/address`, { shippingAddress: address });
      assert.equal(fixed.json().status, 'approved');
      const event = fixed.json().events.find((e: { type: string }) => e.type === 'address_corrected');
      assert.equal(event.data.by, 'operator');
      const bad = await api('PUT', `/api/v1/orders/${order.id}/address`, {
        shippingAddress: { ...address, country: 'China' },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.field, 'shippingAddress.country');
    });

    it('holds new orders for the autohold minutes and lets the timer release them', async () => {
      await api('PATCH', '/api/v1/settings/orders', { autohold: { isEnabled: true, minutes: 20 } });
      const order = await orderPost({ externalId: 'auto-1' });
      assert.deepEqual(order.holds, ['AUTOHOLD']);
      assert.equal(order.review.holdUntil, '2026-11-20T09:20:00.000Z');
      assert.equal(await t.current.app.orders.review.releaseDueTimers(), 0);
      clock.advance(20 * 60_000);
      assert.equal(await t.current.app.orders.review.releaseDueTimers(), 1);
      assert.equal((await api('GET', `/api/v1/orders/${order.id}`)).json().status, 'approved');
      await api('PATCH', '/api/v1/settings/orders', { autohold: { isEnabled: false, minutes: 20 } });
    });

    it('keeps presale orders until the release date', async () => {
      await api('POST', '/api/v1/skus', {
        code: 'PRE-1',
        name: 'Presale item',
        price: '10.00',
        presaleReleaseAt: '2026-12-01T00:00:00Z',
      });
      const order = await orderPost({
        externalId: 'pre-1',
        lines: [{ sku: 'PRE-1', quantity: 1, unitPrice: '10.00' }],
        total: '20.00',
        payment: { status: 'paid', paidAmount: '20.00' },
      });
      assert.deepEqual(order.holds, ['PRESALE']);
      assert.equal(order.type, 'presale');
      clock.set('2026-12-01T00:00:01Z');
      await t.current.app.orders.review.releaseDueTimers();
      assert.equal((await api('GET', `/api/v1/orders/${order.id}`)).json().status, 'approved');
      clock.set('2026-11-20T10:00:00Z');
    });

    it('offers orders of the same buyer for merging, merges and unmerges them', async () => {
      const buyer = newOrderInput();
      const first = await orderPost({
        externalId: 'merge-1',
        customer: buyer.customer,
        shippingAddress: buyer.shippingAddress,
      });
      const second = await orderPost({
        externalId: 'merge-2',
        customer: buyer.customer,
        shippingAddress: buyer.shippingAddress,
      });
      assert.equal(first.status, 'approved');
      assert.deepEqual(second.holds, ['MERGE_CANDIDATE']);
      assert.match(second.holdDetails[0].message, new RegExp(first.number));
      const candidates = (await api('GET', `/api/v1/orders/${second.id}/merge-candidates`)).json().items;
      assert.deepEqual(
        candidates.map((c: { id: string }) => c.id),
        [first.id],
      );
      const merged = await api('POST', '/api/v1/orders/merge', { orderIds: [first.id, second.id] });
      assert.equal(merged.statusCode, 200);
      const { groupId, orders } = merged.json();
      assert.ok(groupId);
      assert.deepEqual(
        orders.map((o: { groupId: string }) => o.groupId),
        [groupId, groupId],
      );
      assert.equal(orders[1].status, 'approved');
      const other = await orderPost({ externalId: 'merge-3' });
      const refused = await api('POST', '/api/v1/orders/merge', { orderIds: [first.id, other.id] });
      assert.equal(refused.json().error.code, 'NOT_MERGEABLE');
      const unmerged = await api('POST', `/api/v1/orders/${second.id}/unmerge`);
      assert.equal(unmerged.json().groupId, null);
      assert.equal(
        (await api('GET', `/api/v1/orders/${first.id}`)).json().groupId,
        null,
        'a group of one is no group',
      );
    });

    it('merges automatically in auto mode', async () => {
      await api('PATCH', '/api/v1/settings/orders', { merge: { mode: 'auto' } });
      const buyer = newOrderInput();
      const first = await orderPost({
        externalId: 'auto-merge-1',
        customer: buyer.customer,
        shippingAddress: buyer.shippingAddress,
      });
      const second = await orderPost({
        externalId: 'auto-merge-2',
        customer: buyer.customer,
        shippingAddress: buyer.shippingAddress,
      });
      assert.equal(second.status, 'approved');
      assert.ok(second.groupId);
      assert.equal((await api('GET', `/api/v1/orders/${first.id}`)).json().groupId, second.groupId);
      await api('PATCH', '/api/v1/settings/orders', { merge: { mode: 'offer' } });
    });

    it('splits lines into parcels, refuses a bad split, and undoes it', async () => {
      await api('POST', '/api/v1/skus', { code: 'MUG-1', name: 'Mug', price: '10.00' });
      const order = await orderPost({
        externalId: 'split-1',
        lines: [
          { sku: 'TEE-RED-M', quantity: 1, unitPrice: '59.90' },
          { sku: 'MUG-1', quantity: 1, unitPrice: '10.00' },
        ],
        total: '79.90',
        payment: { status: 'paid', paidAmount: '79.90' },
      });
      const split = await api('POST', `/api/v1/orders/${order.id}/split`, { parcels: [[1], [2]] });
      assert.deepEqual(
        split.json().lines.map((l: { parcel: number }) => l.parcel),
        [1, 2],
      );
      const bad = await api('POST', `/api/v1/orders/${order.id}/split`, { parcels: [[1], [1]] });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.field, 'parcels');
      const undone = await api('POST', `/api/v1/orders/${order.id}/split`, { parcels: [[1, 2]] });
      assert.deepEqual(
        undone.json().lines.map((l: { parcel: number }) => l.parcel),
        [1, 1],
      );
    });

    it('keeps a conversation on the order and mails notes to the customer', async () => {
      const order = await orderPost({ externalId: 'custom-1', type: 'custom' });
      const note = await api('POST', `/api/v1/orders/${order.id}/notes`, {
        direction: 'to_customer',
        body: 'Which engraving font?',
      });
      assert.equal(note.statusCode, 201);
      clock.advance(1000);
      await api('POST', `/api/v1/orders/${order.id}/notes`, {
        direction: 'internal',
        body: 'Customer prefers serif',
      });
      const notes = (await api('GET', `/api/v1/orders/${order.id}/notes`)).json().items;
      assert.deepEqual(
        notes.map((n: { direction: string }) => n.direction),
        ['to_customer', 'internal'],
      );
      await t.current.app.dispatcher.drain();
      const timeline = (await api('GET', `/api/v1/orders/${order.id}`))
        .json()
        .events.map((e: { type: string }) => e.type);
      assert.ok(timeline.includes('customer_notified'));
    });

    it('lets the customer fix the address and write to the shop through a signed link, and refuses forged or old links', async () => {
      const address = { ...(newOrderInput().shippingAddress as Record<string, unknown>) };
      const order = await orderPost({ externalId: 'link-1', shippingAddress: { ...address, district: '' } });
      assert.deepEqual(order.holds, ['ADDRESS_INCOMPLETE']);
      const link = await t.current.app.orders.customer.linkFor(order.id);
      const token = link.split('/fix/')[1];
      const view = await t.current.server.inject({
        method: 'GET',
        url: `/api/v1/public/address-fix/${token}`,
      });
      assert.equal(view.statusCode, 200);
      assert.equal(view.json().problems[0].code, 'ADDRESS_INCOMPLETE');
      const forged = `${token.slice(0, -2)}${token.endsWith('A') ? 'BB' : 'AA'}`;
      const refused = await t.current.server.inject({
        method: 'POST',
        url: `/api/v1/public/address-fix/${forged}`,
        payload: { shippingAddress: address },
      });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'INVALID_LINK');
      const secret = await t.current.app.orders.customer.secretForTests();
      const old = signLink(secret, {
        purpose: 'address-fix',
        subject: order.id,
        expiresAt: clock.now().getTime() - 1000,
      });
      const expired = await t.current.server.inject({
        method: 'GET',
        url: `/api/v1/public/address-fix/${old}`,
      });
      assert.equal(expired.statusCode, 410);
      assert.equal(
        (await api('GET', `/api/v1/orders/${order.id}`)).json().status,
        'pending_review',
        'refused links change nothing',
      );
      const fixed = await t.current.server.inject({
        method: 'POST',
        url: `/api/v1/public/address-fix/${token}`,
        payload: { shippingAddress: address },
      });
      assert.equal(fixed.statusCode, 200);
      assert.deepEqual(fixed.json().problems, []);
      const after = (await api('GET', `/api/v1/orders/${order.id}`)).json();
      assert.equal(after.status, 'approved');
      assert.equal(
        after.events.find((e: { type: string }) => e.type === 'address_corrected').data.by,
        'customer',
      );
      const message = await t.current.server.inject({
        method: 'POST',
        url: `/api/v1/public/address-fix/${token}/messages`,
        payload: { body: 'Please deliver after 6 pm' },
      });
      assert.deepEqual(
        message.json().messages.map((m: { direction: string }) => m.direction),
        ['from_customer'],
      );
    });
  });
}
