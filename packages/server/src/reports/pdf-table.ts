/** A simple bordered table for pdfkit: wraps cells, repeats the header row on each new page. */
export interface PdfTable {
  /** Printed above the table when the section heading does not already say it. */
  readonly caption?: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Column widths as fractions of the content width. */
  readonly widths: readonly number[];
  /** Cells drawn in the alert colour. */
  readonly alert?: (row: number, col: number) => boolean;
}

const PAD = 3;
const SIZE = 8.5;

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[]): number {
  doc.fontSize(SIZE);
  return (
    Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 50) - 2 * PAD }))) + 2 * PAD
  );
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: readonly string[],
  widths: readonly number[],
  bold: boolean,
  alert: (c: number) => boolean,
): void {
  const y = doc.y;
  const h = rowHeight(doc, cells, widths);
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 50;
    if (bold) doc.rect(x, y, w, h).fill('#f2f5f8');
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#bbbbbb').stroke();
    doc
      .font(bold || i === 0 ? 'bold' : 'body')
      .fontSize(SIZE)
      .fillColor(alert(i) ? '#b00020' : '#1a1a1a');
    doc.text(cell, x + PAD, y + PAD, { width: w - 2 * PAD });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + h;
}

/** Draws the table from the current position, breaking pages between rows. */
export function drawTablePdf(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const content = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const widths = table.widths.map((f) => f * content);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (table.caption) doc.font('bold').fontSize(9.5).fillColor('#1a1a1a').text(table.caption).moveDown(0.2);
  drawRow(doc, table.head, widths, true, () => false);
  table.rows.forEach((row, r) => {
    if (doc.y + rowHeight(doc, row, widths) > bottom()) {
      doc.addPage();
      drawRow(doc, table.head, widths, true, () => false);
    }
    drawRow(doc, row, widths, false, (c) => table.alert?.(r, c) ?? false);
  });
  doc.moveDown(0.4);
}
