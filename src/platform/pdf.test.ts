import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatLocalDateTime, loadCjkFont, mm, renderPdf } from './pdf.ts';

const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const fontNames = (pdf: Buffer) => [...latin1(pdf).matchAll(/\/BaseFont \/(\S+)/g)].map((m) => m[1]);
const setup = { size: 'A4' as const, margin: 36, title: 'Test SO-1', keywords: ['SO-1', 'W-9'] };
const writeChinese = async (doc: PDFKit.PDFDocument) => {
  doc.text('收件人 张三 浙江省杭州市');
};

describe('renderPdf', () => {
  it('embeds the installed CJK font for Chinese text', async () => {
    // Fails on a machine without a CJK font: .ci/run installs fonts-wqy-microhei for this.
    assert.ok(await loadCjkFont(), 'no CJK font installed: apt-get install -y fonts-wqy-microhei');
    const pdf = await renderPdf(setup, writeChinese);
    assert.equal(latin1(pdf.subarray(0, 5)), '%PDF-');
    // Only the glyphs used are embedded, under a random 6-letter subset tag.
    assert.ok(
      fontNames(pdf).some((name) => /^[A-Z]{6}\+WenQuanYiMicroHei$/.test(name)),
      fontNames(pdf).join(),
    );
  });

  it('falls back to Helvetica, without failing, when no CJK font is installed', async () => {
    const pdf = await renderPdf({ ...setup, cjkFont: null }, writeChinese);
    assert.equal(latin1(pdf.subarray(0, 5)), '%PDF-');
    assert.deepEqual(fontNames(pdf), ['Helvetica']);
  });

  it('writes the title, keywords and the document’s own date into the metadata', async () => {
    const createdAt = new Date('2026-11-16T02:30:00Z');
    const text = latin1(await renderPdf({ ...setup, createdAt }, async () => {}));
    assert.match(text, /\(Test SO-1\)/);
    assert.match(text, /\(SO-1 W-9\)/);
    assert.match(text, /\(D:20261116023000Z\)/);
  });

  it('passes a drawing failure on', async () => {
    await assert.rejects(
      renderPdf(setup, async () => {
        throw new Error('bad wave');
      }),
      /bad wave/,
    );
  });

  it('finds no font when no candidate file exists', async () => {
    assert.equal(await loadCjkFont([{ path: '/nonexistent/font.ttc', postscriptName: 'X' }]), null);
  });
});

describe('helpers', () => {
  it('converts millimetres to points', () => {
    assert.equal(mm(25.4), 72);
    assert.equal(mm(100).toFixed(2), '283.46');
  });

  it('formats a time in the given zone, Shanghai by default', () => {
    const at = new Date('2026-11-16T17:05:00Z');
    assert.equal(formatLocalDateTime(at), '2026-11-17 01:05');
    assert.equal(formatLocalDateTime(at, 'UTC'), '2026-11-16 17:05');
  });
});
