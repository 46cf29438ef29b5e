import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PackingSlip, packingSlipPdf } from './packing-slip.ts';

const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const pages = (pdf: Buffer) => [...latin1(pdf).matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]);
const barcodeCount = (pdf: Buffer) =>
  latin1(pdf)
    .split('endobj')
    .filter((object) => object.includes('/Subtype /Image') && object.includes('/ColorSpace /DeviceRGB'))
    .length;

const slip: PackingSlip = {
  number: 'SO-20261116-0001',
  customerName: '张三',
  addressLines: ['浙江省 杭州市 西湖区', '文三路 478 号'],
  lines: [
    { sku: 'TEE-RED-M', name: '纯棉圆领短袖T恤 红色 M码', quantity: 2 },
    { sku: 'MUG-350', name: '陶瓷马克杯 350ml', quantity: 1 },
  ],
  note: '请在周末送货',
};

describe('packingSlipPdf', () => {
  it('renders one A4 page with the order’s barcode', async () => {
    const pdf = await packingSlipPdf(slip);
    assert.equal(latin1(pdf.subarray(0, 5)), '%PDF-');
    assert.deepEqual(pages(pdf), ['0 0 595.28 841.89']);
    assert.equal(barcodeCount(pdf), 1);
    assert.match(latin1(pdf), /\(Packing slip SO-20261116-0001\)/);
  });

  it('renders without a note', async () => {
    const { note: _, ...withoutNote } = slip;
    assert.equal(pages(await packingSlipPdf(withoutNote)).length, 1);
  });

  it('flows a long order onto further A4 pages', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({
      sku: `SKU-${i}`,
      name: '陶瓷马克杯',
      quantity: 1,
    }));
    const sizes = pages(await packingSlipPdf({ ...slip, lines }));
    assert.ok(sizes.length >= 2, `${sizes.length} pages`);
    assert.ok(sizes.every((size) => size === '0 0 595.28 841.89'));
  });
});
