import { describe, expect, it } from 'vitest';
import { drawQrCode, QR_QUIET_ZONE, qrMatrix, type QrCanvas } from './qr';

/** Stands in for jsPDF: records the filled rectangles and paints them onto a module grid. */
function recorder(origin: number, module: number, modules: number) {
  const grid = Array.from({ length: modules }, () => new Array<boolean>(modules).fill(false));
  const outside: number[][] = [];
  const canvas: QrCanvas = {
    setFillColor: () => canvas as never,
    rect: (x: number, y: number, w: number, h: number) => {
      const col = Math.round((x - origin) / module) - QR_QUIET_ZONE;
      const row = Math.round((y - origin) / module) - QR_QUIET_ZONE;
      const width = Math.round(w / module);
      expect(Math.round(h / module)).toBe(1);
      if (row < 0 || col < 0 || row >= modules || col + width > modules) outside.push([x, y, w, h]);
      for (let c = col; c < col + width; c++) {
        const cells = grid[row];
        if (cells && c in cells) cells[c] = true;
      }
      return canvas as never;
    },
  };
  return { canvas, grid, outside };
}

/** The 7×7 finder pattern: dark ring, light ring, dark 3×3 centre. */
function isFinderAt(grid: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      const shouldBeDark = ring !== 2;
      if (grid[top + r]?.[left + c] !== shouldBeDark) return false;
    }
  }
  return true;
}

describe('QR code of a card number', () => {
  it('a card number fits the smallest symbol, 21 × 21 modules, at level M', () => {
    expect(qrMatrix('WX-2026-A-0001').size).toBe(21);
    // Longer text takes a bigger symbol rather than being cut.
    expect(qrMatrix('维修申请卡 WX-2026-A-0001 https://example.invalid/cards/0001').size).toBeGreaterThan(21);
  });

  it('draws the three finder patterns in their corners and none in the fourth', () => {
    const size = 25;
    const { size: n } = qrMatrix('WX-2026-A-0001');
    const module = size / (n + 2 * QR_QUIET_ZONE);
    const { canvas, grid, outside } = recorder(10, module, n);
    drawQrCode(canvas, 'WX-2026-A-0001', 10, 10, size);
    expect(outside).toEqual([]);
    expect(isFinderAt(grid, 0, 0)).toBe(true);
    expect(isFinderAt(grid, 0, n - 7)).toBe(true);
    expect(isFinderAt(grid, n - 7, 0)).toBe(true);
    expect(isFinderAt(grid, n - 7, n - 7)).toBe(false);
  });

  it('draws exactly the dark modules of the matrix, different numbers differently', () => {
    const text = 'WX-2026-B-0123';
    const matrix = qrMatrix(text);
    const module = 1;
    const { canvas, grid } = recorder(0, module, matrix.size);
    drawQrCode(canvas, text, 0, 0, matrix.size + 2 * QR_QUIET_ZONE);
    for (let r = 0; r < matrix.size; r++) {
      for (let c = 0; c < matrix.size; c++) expect(grid[r]![c]).toBe(matrix.isDark(r, c));
    }
    const other = qrMatrix('WX-2026-B-0124');
    const differs = grid.some((row, r) => row.some((dark, c) => dark !== other.isDark(r, c)));
    expect(differs).toBe(true);
  });
});
