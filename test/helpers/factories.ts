import type { z } from 'zod';
import type { App } from '../../src/app.ts';
import { newCarrierBody, serviceBody } from '../../src/contracts/fulfilment.ts';
import { adjustmentBody, newWarehouseBody } from '../../src/contracts/inventory.ts';
import type { Actor } from '../../src/platform/actor.ts';

/** Builders of valid input; tests override only what they are about. */
let sequence = 0;

/** A valid CN order; each call has its own buyer (phone), so orders do not look like merge candidates. */
export function newOrderInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  const phone = `+86138${String(sequence + process.pid * 1000)
    .slice(-8)
    .padStart(8, '0')}`;
  return {
    channel: 'web',
    externalId: `T-${Date.now()}-${sequence}`,
    placedAt: '2026-11-20T08:01:02Z',
    currency: 'CNY',
    customer: { name: '王芳', email: 'fang@example.com', phone },
    shippingAddress: {
      name: '王芳',
      phone,
      country: 'CN',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      line1: '文三路 100 号',
      line2: '',
      postalCode: '310000',
    },
    lines: [{ sku: 'TEE-RED-M', quantity: 2, unitPrice: '59.90' }],
    shippingFee: '10.00',
    discount: '0.00',
    total: '129.80',
    payment: { status: 'paid', method: 'alipay', paidAmount: '129.80', paidAt: '2026-11-20T08:01:30Z' },
    type: 'normal',
    buyerNote: '',
    sellerNote: '',
    requestedService: 'standard',
    ...overrides,
  };
}

export function newSkuInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    code: `SKU-${sequence}`,
    name: `Test item ${sequence}`,
    price: '19.90',
    barcode: null,
    weightGrams: 250,
    ...overrides,
  };
}

/*
 * Records made through the modules' use-cases (no HTTP), for tests whose subject is elsewhere.
 * Each takes the contract's input type, so a test names only what it is about and a contract
 * change breaks the factory at compile time rather than every test that built the row by hand.
 */

const testActor: Actor = { type: 'system', id: null, name: 'test' };

/** A warehouse; the code doubles as its name unless one is given. */
export function newWarehouse(app: App, input: Partial<z.input<typeof newWarehouseBody>> & { code: string }) {
  return app.inventory.warehouses.create(testActor, newWarehouseBody.parse({ name: input.code, ...input }));
}

/** Stock of a SKU put on hand by an adjustment (in the `main` warehouse unless named). */
export function stockUp(
  app: App,
  input: Partial<z.input<typeof adjustmentBody>> & Pick<z.input<typeof adjustmentBody>, 'sku' | 'delta'>,
) {
  return app.inventory.levels.adjust(
    testActor,
    adjustmentBody.parse({ warehouse: 'main', reason: 'test stock', ...input }),
  );
}

/** A carrier with one standard service covering CN at 12.00 for the first kilo, 2.00 each next. */
export async function newCarrier(
  app: App,
  input: Partial<z.input<typeof newCarrierBody>> & { code: string },
  service: Partial<z.input<typeof serviceBody>> = {},
) {
  const carrier = await app.logistics.carriers.create(
    testActor,
    newCarrierBody.parse({ name: input.code, ...input }),
  );
  const rateCard = {
    zones: [{ id: 'cn', regions: ['CN'] }],
    rates: [
      {
        zoneId: 'cn',
        firstWeightGrams: 1000,
        firstPrice: '12.00',
        extraWeightStepGrams: 1000,
        extraPrice: '2.00',
      },
    ],
  };
  await app.logistics.carriers.saveService(
    testActor,
    carrier.id,
    serviceBody.parse({ code: 'std', name: 'Standard', kind: 'standard', rateCard, ...service }),
  );
  return carrier;
}
