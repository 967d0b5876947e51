// A QR code drawn straight into a PDF as filled squares, so the printed repair card carries its
// number in a form a phone or a USB scanner reads back (the scanner types it, like an asset tag).
// Vector squares stay sharp at any print resolution and need no image encoder, so this runs the
// same in Node (the CLI) and in the renderer.
import type { jsPDF } from 'jspdf';
import QRCode from 'qrcode';

/** Light modules around the symbol that a reader needs to find it (ISO/IEC 18004: four). */
export const QR_QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side (21 for version 1, +4 per version). */
  size: number;
  isDark(row: number, col: number): boolean;
}

/**
 * The module matrix of `text` at error correction level M (15 % of the symbol may be smudged or
 * torn and it still reads, which suits a card handled in an office).
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  return { size, isDark: (row, col) => data[row * size + col] === 1 };
}

/** What drawQrCode needs from a jsPDF document (a recorder stands in for it in tests). */
export type QrCanvas = Pick<jsPDF, 'rect' | 'setFillColor'>;

/**
 * Draw the QR code of `text` with its top-left corner at (x, y), `size` wide and high in the
 * document's unit, quiet zone included (the caller keeps that square free of anything else).
 * Each run of dark modules in a row is one rectangle, which keeps the PDF small.
 */
export function drawQrCode(pdf: QrCanvas, text: string, x: number, y: number, size: number): QrMatrix {
  const matrix = qrMatrix(text);
  const module = size / (matrix.size + 2 * QR_QUIET_ZONE);
  const left = x + QR_QUIET_ZONE * module;
  const top = y + QR_QUIET_ZONE * module;
  pdf.setFillColor(0, 0, 0);
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col++;
      pdf.rect(left + start * module, top + row * module, (col - start) * module, module, 'F');
    }
  }
  return matrix;
}
