import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PickLine, type PickWave, pickListPdf } from './pick-list.ts';

const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const pages = (pdf: Buffer) => [...latin1(pdf).matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]);
const barcodeCount = (pdf: Buffer) =>
  latin1(pdf)
    .split('endobj')
    .filter((object) => object.includes('/Subtype /Image') && object.includes('/ColorSpace /DeviceRGB'))
    .length;

const line = (i: number, overrides: Partial<PickLine> = {}): PickLine => ({
  bin: `A-01-${String(i).padStart(2, '0')}`,
  sku: `TEE-RED-${i}`,
  name: '纯棉圆领短袖T恤 红色 M码',
  quantity: 2,
  orders: ['SO-1001', 'SO-1002'],
  ...overrides,
});

const wave = (lines: PickLine[]): PickWave => ({
  number: 'W-20261116-007',
  warehouse: '杭州一号仓',
  createdAt: new Date('2026-11-16T02:30:00Z'),
  lines,
});

describe('pickListPdf', () => {
  it('renders an A4 page with the wave’s barcode and one per SKU', async () => {
    const pdf = await pickListPdf(wave([line(1), line(2), line(3, { bin: null })]));
    assert.equal(latin1(pdf.subarray(0, 5)), '%PDF-');
    assert.deepEqual(pages(pdf), ['0 0 595.28 841.89']);
    assert.equal(barcodeCount(pdf), 4); // the wave + 3 SKUs
    assert.match(latin1(pdf), /\(Pick list W-20261116-007\)/);
  });

  it('prints a SKU that Code 128 cannot encode without its barcode', async () => {
    const pdf = await pickListPdf(wave([line(1), line(2, { sku: '茶杯-红' })]));
    assert.equal(barcodeCount(pdf), 2); // the wave + TEE-RED-1
  });

  it('flows a long wave onto further A4 pages', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => line(i));
    const pdf = await pickListPdf(wave(lines));
    const sizes = pages(pdf);
    assert.ok(sizes.length >= 2, `${sizes.length} pages`);
    assert.ok(sizes.every((size) => size === '0 0 595.28 841.89'));
    assert.equal(barcodeCount(pdf), 41);
  });

  it('renders an empty wave as a single page', async () => {
    assert.equal(pages(await pickListPdf(wave([]))).length, 1);
  });
});
