import { inflateSync } from 'node:zlib';

/**
 * The text a reader sees in a PDF Ordo printed (pdfkit), one line per text operation, so a test
 * can compare a document with the console. Reads what pdfkit writes: Flate streams, hex strings
 * in Tj/TJ, and the embedded font's ToUnicode CMap (`beginbfrange` with arrays); a PDF drawn in
 * the built-in Helvetica (no CJK font installed) has no CMap and reads byte by byte.
 */
export function pdfText(pdf: Buffer): string {
  const streams = pdfStreams(pdf);
  const cmaps = streams.filter((stream) => stream.includes('beginbfrange'));
  if (cmaps.length > 1) throw new Error('pdfText reads documents with one embedded font');
  const toUnicode = cmaps.length === 1 ? parseCmap(cmaps[0]) : undefined;
  const decode = (hex: string) =>
    toUnicode ? decodeCids(hex, toUnicode) : Buffer.from(hex, 'hex').toString('latin1');
  const lines: string[] = [];
  for (const content of streams.filter((stream) => /\b(Tj|TJ)\b/.test(stream))) {
    for (const [, operand] of content.matchAll(/(\[[^\]]*\]|<[0-9a-fA-F]*>)\s*T[jJ]/g)) {
      lines.push([...operand.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decode(hex[1])).join(''));
    }
  }
  return lines.join('\n');
}

function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const pattern = /<<((?:[^<>]|<<[^>]*>>|<[^<>]*>)*)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const body = pdf.subarray(start, end);
    const isFlate = match[1].includes('/FlateDecode');
    try {
      streams.push((isFlate ? inflateSync(body) : body).toString('latin1'));
    } catch {
      // An image or a font file whose trailing bytes inflate refuses: no text in it.
    }
    pattern.lastIndex = end;
  }
  return streams;
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const unicode = (hex: string) =>
    String.fromCharCode(...(hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
  for (const [, start, , list] of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const targets = [...list.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((target) =>
      unicode(target[1].replace(/\s/g, '')),
    );
    for (const [offset, target] of targets.entries()) map.set(Number.parseInt(start, 16) + offset, target);
  }
  return map;
}

function decodeCids(hex: string, toUnicode: Map<number, string>): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    text += toUnicode.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
  return text;
}
