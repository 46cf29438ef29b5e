// Code 128 encodes ASCII only; a SKU with Chinese in it is printed as text without a barcode
// rather than failing the whole document.
const printableAscii = /^[\x20-\x7E]+$/;

/** A Code 128 barcode as PNG, bars only (the caller prints the text in the document's font). */
export async function code128Png(text: string): Promise<Buffer | null> {
  if (!printableAscii.test(text)) return null;
  // Loaded on the first barcode, like pdfkit: a server that never prints does not carry it.
  const { toBuffer } = await import('bwip-js');
  return toBuffer({
    bcid: 'code128',
    text,
    // The image is stretched to its box in the PDF, so it needs width only: a 3-pixel-tall
    // image embeds several times faster (pdfkit splits the alpha channel pixel by pixel).
    scaleX: 3,
    scaleY: 1,
    height: 3,
    // Code 128 needs a quiet zone of 10 modules each side, kept white inside the image so no
    // caller can crowd the bars.
    paddingwidth: 10,
    backgroundcolor: 'FFFFFF',
  });
}

/**
 * Draws `text` as Code 128 filling the box: scaling the width moves every bar alike, so the
 * code stays readable and wider modules only scan more easily. Returns false, drawing
 * nothing, when the text cannot be encoded.
 */
export async function drawCode128(
  doc: PDFKit.PDFDocument,
  text: string,
  box: { x: number; y: number; width: number; height: number },
): Promise<boolean> {
  const png = await code128Png(text);
  if (png === null) return false;
  doc.image(png, box.x, box.y, { width: box.width, height: box.height });
  return true;
}
