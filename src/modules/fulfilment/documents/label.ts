import { type DocumentFonts, formatZonedDateTime, mm, renderPdf } from '../../../platform/pdf.ts';
import { drawCode128 } from './barcode.ts';

export interface LabelParty {
  name: string;
  phone: string;
  addressLines: string[];
}

export interface ShippingLabel {
  trackingNumber: string;
  carrierName: string;
  serviceName: string;
  from: LabelParty;
  to: LabelParty;
  orderNumber: string;
  weightGrams: number;
  /** 1-based: the second of three boxes is 2 of 3. */
  parcelIndex: number;
  parcelCount: number;
  createdAt: Date;
  /** The shop's zone, named beside the time as the console names it; defaults to the calendar's. */
  timeZone?: string;
}

// 100 × 150 mm, the common 4 × 6 in thermal roll.
const WIDTH = mm(100);
const HEIGHT = mm(150);
const MARGIN = mm(3);
const INNER = WIDTH - 2 * MARGIN;

/** 1250 → "1.25 kg"; grams are whole, so three decimals are exact. */
const kilograms = (grams: number) => `${Number((grams / 1000).toFixed(3))} kg`;

interface Box {
  y: number;
  height: number;
  size: number;
  font: string;
  align?: 'left' | 'center' | 'right';
}

/** Text clipped to its box with an ellipsis, so a long address never pushes a new page. */
function textIn(doc: PDFKit.PDFDocument, text: string, box: Box, x = MARGIN, width = INNER) {
  doc
    .font(box.font)
    .fontSize(box.size)
    .text(text, x, box.y, { width, height: box.height, ellipsis: true, align: box.align ?? 'left' });
}

function rule(doc: PDFKit.PDFDocument, y: number) {
  doc
    .moveTo(MARGIN, y)
    .lineTo(WIDTH - MARGIN, y)
    .lineWidth(1)
    .stroke();
}

function party(doc: PDFKit.PDFDocument, fonts: DocumentFonts, who: LabelParty, top: number, large: boolean) {
  const nameSize = large ? 14 : 9;
  const addressSize = large ? 12 : 8;
  const nameHeight = nameSize * 1.4;
  textIn(doc, `${who.name}  ${who.phone}`, { y: top, height: nameHeight, size: nameSize, font: fonts.bold });
  const addressHeight = large ? 88 : 36;
  textIn(doc, who.addressLines.join('\n'), {
    y: top + nameHeight,
    height: addressHeight,
    size: addressSize,
    font: fonts.regular,
  });
}

/** A 100 × 150 mm thermal shipping label: carrier, tracking barcode, recipient, sender, order. */
export function labelPdf(label: ShippingLabel): Promise<Buffer> {
  const setup = {
    size: [WIDTH, HEIGHT] as [number, number],
    margin: MARGIN,
    title: `Shipping label ${label.trackingNumber}`,
    keywords: [label.trackingNumber, label.orderNumber],
    createdAt: label.createdAt,
  };
  return renderPdf(setup, async (doc, fonts) => {
    const { regular, bold } = fonts;
    textIn(doc, label.carrierName, { y: MARGIN, height: 20, size: 16, font: bold }, MARGIN, INNER - 70);
    textIn(
      doc,
      label.serviceName,
      { y: MARGIN + 20, height: 14, size: 10, font: regular },
      MARGIN,
      INNER - 70,
    );
    const parcels = `${label.parcelIndex}/${label.parcelCount}`;
    textIn(doc, parcels, { y: MARGIN, height: 22, size: 18, font: bold, align: 'right' });
    rule(doc, 44);

    await drawCode128(doc, label.trackingNumber, { x: MARGIN, y: 50, width: INNER, height: mm(18) });
    textIn(doc, label.trackingNumber, { y: 104, height: 16, size: 13, font: bold, align: 'center' });
    rule(doc, 124);

    textIn(doc, '收件人 To', { y: 128, height: 10, size: 7, font: regular });
    party(doc, fonts, label.to, 138, true);
    rule(doc, 250);

    textIn(doc, '寄件人 From', { y: 254, height: 10, size: 7, font: regular });
    party(doc, fonts, label.from, 263, false);
    rule(doc, 316);

    const created = formatZonedDateTime(label.createdAt, label.timeZone);
    const footer = [
      `订单 Order ${label.orderNumber}`,
      `重量 Weight ${kilograms(label.weightGrams)}`,
      created,
    ];
    textIn(doc, footer.join('\n'), { y: 322, height: 40, size: 9, font: regular });
    // Left empty for the recipient's signature, as carriers' own labels do.
    textIn(doc, '签收 Signature', { y: 368, height: 10, size: 7, font: regular });
    doc
      .rect(MARGIN, 378, INNER, HEIGHT - MARGIN - 380)
      .lineWidth(0.5)
      .stroke();
  });
}
