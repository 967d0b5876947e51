// The label sheet chosen in the dialog reaches the PDF: this test stands in for the main process
// with the real font service behind a fake NetdeskApi, and reads the PDF with pdftotext, page by
// page (pdftotext separates pages with a form feed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFontService } from '../../../electron/services/font';
import { buildDeviceIndex } from '../../../shared/devices/device-list';
import { device } from '../../../shared/devices/test-records';
import type { IpcRequest, NetdeskApi } from '../../../shared/ipc';
import type { Person } from '../../../shared/schemas';
import { clearPrintFontCache } from '../../../renderer/print/print-form';
import {
  labelSheetChoice,
  printLabels,
  type LabelPrintChoice,
} from '../../../renderer/features/devices/print-labels';

const work = mkdtempSync(join(tmpdir(), 'netdesk-labels-'));
const fontService = createFontService();
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => clearPrintFontCache());

const zhang = { id: 'zhang', name: '张伟', deletedAt: null } as Person;
const people = new Map([[zhang.id, zhang]]);
const computers = Array.from({ length: 45 }, (_, i) =>
  device(`pc${i}`, {
    assetTag: `PC-${String(i + 1).padStart(4, '0')}`,
    type: 'computer',
    userPersonId: 'zhang',
  }),
);
const rows = buildDeviceIndex(computers, people, new Map()).rows;

/** Print through a fake main process; the PDF's pages as text. */
async function printedPages(choice: LabelPrintChoice) {
  let bytes: Uint8Array | undefined;
  let fileName = '';
  const api = {
    pdfFont: vi.fn((req: IpcRequest<'pdf:font'>) => fontService({ text: req.text })),
    savePdf: vi.fn((req: IpcRequest<'pdf:save'>) => {
      bytes = req.bytes;
      fileName = req.fileName;
      return Promise.resolve({ saved: true, fileName: req.fileName });
    }),
  } satisfies Pick<NetdeskApi, 'pdfFont' | 'savePdf'>;
  const result = await printLabels(rows, people, choice, () => Promise.resolve(false), {
    api,
    mode: 'electron',
  });
  expect(result?.ok).toBe(true);
  const file = join(work, 'labels.pdf');
  writeFileSync(file, bytes!);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((page) => page.trim());
  // Sorted: pdftotext reads a grid of labels in its own order.
  return { fileName, pages, tagsOn: (page: number) => (pages[page]!.match(/PC-\d{4}/g) ?? []).sort() };
}

describe('printing labels on the chosen sheet', () => {
  it('asks the labels form for exactly the devices and the grid chosen', () => {
    expect(labelSheetChoice(rows.slice(0, 2), { cols: 4, rows: 10, outline: true, skip: 3 })).toEqual({
      deviceIds: ['pc0', 'pc1'],
      cols: 4,
      rows: 10,
      outline: true,
      skip: 3,
    });
    expect(labelSheetChoice(rows.slice(0, 1), { cols: 3, rows: 8, outline: false, skip: 0 })).toEqual({
      deviceIds: ['pc0'],
      cols: 3,
      rows: 8,
    });
  });

  it('puts 40 labels on a page of a 4 × 10 sheet, 24 on the default 3 × 8', { timeout: 30_000 }, async () => {
    const wide = await printedPages({ cols: 4, rows: 10, outline: false, skip: 0 });
    expect(wide.pages).toHaveLength(2);
    expect(wide.tagsOn(0)).toHaveLength(40);
    expect(wide.tagsOn(1)).toEqual(['PC-0041', 'PC-0042', 'PC-0043', 'PC-0044', 'PC-0045']);
    expect(wide.fileName).toBe('资产标签-4x10-45.pdf');

    const usual = await printedPages({ cols: 3, rows: 8, outline: false, skip: 0 });
    expect(usual.pages).toHaveLength(2);
    expect(usual.tagsOn(0)).toHaveLength(24);
  });

  it('leaves the used positions of a part-used first sheet empty', { timeout: 30_000 }, async () => {
    const partUsed = await printedPages({ cols: 2, rows: 5, outline: true, skip: 7 });
    expect(partUsed.tagsOn(0)).toEqual(['PC-0001', 'PC-0002', 'PC-0003']);
    expect(partUsed.pages).toHaveLength(6); // 3 + 4 × 10 + 2
  });
});
