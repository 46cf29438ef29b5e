import fs from 'node:fs';
import type { Font } from 'fontkit';
import { DateTime } from 'luxon';
import { defaultCalendar } from './business-calendar.ts';

/** Millimetres to PDF points (1/72 inch). */
export const mm = (value: number) => (value * 72) / 25.4;

/** Where Debian's CJK font packages put their files, in order of preference. */
export const cjkFontCandidates: readonly { path: string; postscriptName: string }[] = [
  // fonts-wqy-microhei: 5 MB, the smallest package that covers simplified Chinese.
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', postscriptName: 'WenQuanYiZenHei' },
];

/** The first candidate present on this machine, parsed; null when none is installed. */
export async function loadCjkFont(candidates = cjkFontCandidates): Promise<Font | null> {
  const found = candidates.find((candidate) => fs.existsSync(candidate.path));
  if (found === undefined) return null;
  // fontkit and pdfkit are loaded on the first document: together they are ~25 MB of memory
  // that a server which never prints should not carry.
  const { create: createFont } = await import('fontkit');
  const font = createFont(fs.readFileSync(found.path), found.postscriptName);
  return 'layout' in font ? font : null;
}

// Parsing the 5 MB collection costs ~65 ms, ten times a whole label, so it is done once per
// process; pdfkit only reads the parsed font and subsets it into each document.
let processFont: Promise<Font | null> | undefined;
const defaultCjkFont = () => {
  processFont ??= loadCjkFont();
  return processFont;
};

/** Font names registered on every document; both are Helvetica when no CJK font is installed. */
export interface DocumentFonts {
  regular: string;
  bold: string;
}

export interface PdfSetup {
  size: 'A4' | [number, number];
  margin: number;
  /** Title and keywords go into the PDF's metadata, where search and tests can read them. */
  title: string;
  keywords: string[];
  /** The document's own time; omitted, pdfkit stamps the render time. */
  createdAt?: Date;
  /** Keep pages open so footers can number them once the page count is known. */
  bufferPages?: boolean;
  /** Defaults to the installed CJK font; null forces the Helvetica fallback. */
  cjkFont?: Font | null;
}

/** Creates the document, lets `draw` fill it, and returns the finished file. */
export async function renderPdf(
  setup: PdfSetup,
  draw: (doc: PDFKit.PDFDocument, fonts: DocumentFonts) => Promise<void>,
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: setup.size,
    margin: setup.margin,
    bufferPages: setup.bufferPages ?? false,
    info: {
      Title: setup.title,
      Keywords: setup.keywords.join(' '),
      Creator: 'Ordo',
      // The document's own time, not the render time, so a reprint carries the same date.
      ...(setup.createdAt ? { CreationDate: setup.createdAt } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const cjkFont = setup.cjkFont === undefined ? await defaultCjkFont() : setup.cjkFont;
  let fonts: DocumentFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  if (cjkFont !== null) {
    // pdfkit takes an already parsed fontkit font (it checks for `layout`); its typings
    // only list files and bytes.
    doc.registerFont('cjk', cjkFont as unknown as Buffer);
    fonts = { regular: 'cjk', bold: 'cjk' };
  }
  doc.font(fonts.regular);
  return draw(doc, fonts).then(
    () => {
      doc.end();
      return finished;
    },
    (error: unknown) => {
      doc.end();
      throw error;
    },
  );
}

/**
 * Writes "prefix · 第 i/n 页 Page i of n" in every page's bottom margin, so a page that comes
 * loose still says what it belongs to. Needs `bufferPages`; call it after the last page.
 */
export function numberPages(doc: PDFKit.PDFDocument, fonts: DocumentFonts, prefix: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    const y = height - margins.bottom + 8;
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    margins.bottom = 0;
    doc.font(fonts.regular).fontSize(8);
    const text = `${prefix} · 第 ${i + 1}/${count} 页 Page ${i + 1} of ${count}`;
    doc.text(text, margins.left, y, { width: width - margins.left - margins.right, align: 'center' });
  }
}

/** 'YYYY-MM-DD HH:mm' where the document is used. */
export function formatLocalDateTime(at: Date, timeZone = defaultCalendar.timeZone): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}

/**
 * "UTC+8 Asia/Shanghai": the zone's offset at `at` and its name, written as the console writes
 * it beside its times, so paper and screen name the same zone the same way.
 */
export function zoneLabel(timeZone: string, at: Date): string {
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return `${(offset ?? 'GMT').replace('GMT', 'UTC')} ${timeZone}`;
}

/** 'YYYY-MM-DD HH:mm (UTC+8 Asia/Shanghai)': an operational time that says whose clock it is. */
export function formatZonedDateTime(at: Date, timeZone = defaultCalendar.timeZone): string {
  return `${formatLocalDateTime(at, timeZone)} (${zoneLabel(timeZone, at)})`;
}
