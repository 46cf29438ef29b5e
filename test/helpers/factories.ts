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
