import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelPdf, type ShippingLabel } from './label.ts';

const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const pages = (pdf: Buffer) => [...latin1(pdf).matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]);
/** Widths in pixels of the barcode images (their alpha masks are grey images, not RGB). */
const barcodeWidths = (pdf: Buffer) =>
  latin1(pdf)
    .split('endobj')
    .filter((object) => object.includes('/Subtype /Image') && object.includes('/ColorSpace /DeviceRGB'))
    .map((object) => Number(/\/Width (\d+)/.exec(object)?.[1]));

const label: ShippingLabel = {
  trackingNumber: 'SF1234567890123',
  carrierName: '顺丰速运',
  serviceName: '标准快递',
  from: {
    name: 'Ordo 杭州仓',
    phone: '0571-88888888',
    addressLines: ['浙江省杭州市余杭区', '文一西路 1 号'],
  },
  to: {
    name: '张三',
    phone: '13800138000',
    addressLines: ['浙江省 杭州市 西湖区', '文三路 478 号华星时代广场 A 座 1201 室'],
  },
  orderNumber: 'SO-20261116-0001',
  weightGrams: 1250,
  parcelIndex: 1,
  parcelCount: 2,
  createdAt: new Date('2026-11-16T02:30:00Z'),
};

describe('labelPdf', () => {
  it('renders one 100 × 150 mm page with the tracking barcode', async () => {
    const pdf = await labelPdf(label);
    assert.equal(latin1(pdf.subarray(0, 5)), '%PDF-');
    assert.deepEqual(pages(pdf), ['0 0 283.464567 425.19685']);
    // "SF1" in set B, switch to set C, "234567890123" as 6 digit pairs: 10 symbols.
    // Start 11 + 10 × 11 + check 11 + stop 13 + 2 × 10 quiet = 165 modules × 3 px = 495.
    assert.deepEqual(barcodeWidths(pdf), [495]);
  });

  it('carries the tracking and order numbers in its metadata', async () => {
    const text = latin1(await labelPdf(label));
    assert.match(text, /\(Shipping label SF1234567890123\)/);
    assert.match(text, /\(SF1234567890123 SO-20261116-0001\)/);
    assert.match(text, /\(D:20261116023000Z\)/);
  });

  it('still renders a tracking number Code 128 cannot encode, as text only', async () => {
    const pdf = await labelPdf({ ...label, trackingNumber: '顺丰-123' });
    assert.equal(latin1(pdf.subarray(0, 5)), '%PDF-');
    assert.deepEqual(barcodeWidths(pdf), []);
  });

  it('keeps a very long address on one page', async () => {
    const longAddress = Array.from({ length: 30 }, (_, i) => `第 ${i + 1} 行地址 very long address line`);
    const pdf = await labelPdf({ ...label, to: { ...label.to, addressLines: longAddress } });
    assert.equal(pages(pdf).length, 1);
  });

  it('renders 20 labels in a row (average time reported, not asserted)', async (t) => {
    await labelPdf(label); // The first render loads the font and the barcode engine.
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) {
      const pdf = await labelPdf({ ...label, trackingNumber: `SF12345678901${String(i).padStart(2, '0')}` });
      assert.equal(latin1(pdf.subarray(0, 5)), '%PDF-');
    }
    t.diagnostic(`label render: ${((performance.now() - started) / 20).toFixed(1)} ms on average over 20`);
  });
});
