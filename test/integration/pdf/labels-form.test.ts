import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFontSubsetter, readFontFile, type FontSubsetter } from '../../../electron/services/font';
import type { LedgerBackup } from '../../../shared/backup';
import { buildDemoLedger } from '../../../shared/demo';
import type { Device } from '../../../shared/schemas';
import { findMissingGlyphs } from '../../../shared/pdf/font';
import { PdfFormError, pdfForms, type RenderOptions } from '../../../shared/pdf/forms';
import { labelGrid, type LabelSheetChoice } from '../../../shared/pdf/forms/labels';

const now = new Date('2026-11-27T06:00:00Z');
const demo = buildDemoLedger({ now });
const form = pdfForms.labels!;
const work = mkdtempSync(join(tmpdir(), 'netdesk-labels-'));
const pngDir = resolve(import.meta.dirname, '../../../test-output/pdf');
let subsetter: FontSubsetter;

beforeAll(async () => {
  subsetter = await openFontSubsetter(await readFontFile());
  mkdirSync(pngDir, { recursive: true });
});
afterAll(() => {
  subsetter.dispose();
  rmSync(work, { recursive: true, force: true });
});

const squeeze = (text: string) => text.replace(/\s+/g, '');
const devices = () => demo.tables.devices!;
const device = (tag: string): Device => devices().find((d) => d.assetTag === tag)!;
const personName = (id: string | null) => demo.tables.people!.find((p) => p.id === id)?.name;

function print(backup: LedgerBackup, labels: LabelSheetChoice = {}, options: Partial<RenderOptions> = {}) {
  const text = form.collectText(backup);
  expect(findMissingGlyphs(text, subsetter.codepoints)).toEqual([]);
  const font = { name: 'NotoSansSC', bytes: subsetter.subset(text) };
  const pdf = form.render(backup, { paper: 'a4', now, font, labels, ...options });
  return { pdf, text };
}

function writePdf(pdf: Uint8Array): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
const pdfPages = (pdf: Uint8Array) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', writePdf(pdf), '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);

/** The text of one label (0-based position on page 1), read from its rectangle only. */
function labelText(pdf: Uint8Array, position: number, choice: LabelSheetChoice = {}): string {
  const g = labelGrid(choice, 'a4');
  const pt = (mm: number) => Math.round((mm * 72) / 25.4);
  const x = g.marginLeft + (position % g.cols) * (g.labelWidth + g.gapX);
  const y = g.marginTop + Math.floor(position / g.cols) * (g.labelHeight + g.gapY);
  const box = [x, y, g.labelWidth, g.labelHeight].map((v) => String(pt(v)));
  const args = ['-f', '1', '-l', '1', '-x', box[0]!, '-y', box[1]!, '-W', box[2]!, '-H', box[3]!];
  return squeeze(
    execFileSync('pdftotext', [...args, '-enc', 'UTF-8', writePdf(pdf), '-'], { encoding: 'utf8' }),
  );
}

function savePng(pdf: Uint8Array, name: string): string {
  const prefix = join(pngDir, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', writePdf(pdf), prefix]);
  return `${prefix}.png`;
}

describe('the asset label sheet (资产标签)', () => {
  it('prints every device in service, 24 to an A4 sheet, with tag, name and responsible person', () => {
    const { pdf } = print(demo, { outline: true });
    const inService = devices().filter((d) => d.status !== 'retired');
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(Math.ceil(inService.length / 24));
    const all = squeeze(pages.join(''));
    for (const d of inService) expect(all).toContain(d.assetTag);
    expect(all).not.toContain('PC-OLD-07'); // retired: no label unless asked for
    // Sorted by tag: CAM-01 first, under its code its name and the person of the machine room.
    const camera = device('CAM-01');
    expect(labelText(pdf, 0)).toBe(`CAM-01${camera.name}责任人：${personName(camera.userPersonId)}`);
    expect(savePng(pdf, 'labels-a4')).toSatisfy(existsSync);
  });

  it('names the user of the computer a printer hangs on as its responsible person', () => {
    const printer = device('PR-CW-01');
    const host = devices().find((d) => d.id === printer.attachedToDeviceId)!;
    const { pdf } = print(demo, { deviceIds: ['PR-CW-01'] });
    expect(squeeze(pdfPages(pdf)[0]!)).toContain(
      `PR-CW-01${printer.name}责任人：${personName(host.userPersonId)}`,
    );
  });

  it('prints the devices asked for, by id or tag, in that order; a device without a name shows its type', () => {
    const unnamed = { ...device('SW-3F-01'), name: '', id: 'unnamed-switch', assetTag: 'SW-9' };
    const backup = { ...demo, tables: { ...demo.tables, devices: [...devices(), unnamed] } };
    const { pdf } = print(backup, { deviceIds: ['SV-02', device('FW-01').id, 'sw-9', 'PC-OLD-07'] });
    expect(labelText(pdf, 0)).toMatch(/^SV-02/);
    expect(labelText(pdf, 1)).toMatch(/^FW-01/);
    expect(labelText(pdf, 2)).toMatch(new RegExp(`^SW-9交换机${unnamed.brand}${unnamed.model}责任人：`));
    expect(labelText(pdf, 3)).toBe('PC-OLD-07旧财务电脑责任人：未登记');
  });

  it('lays out other grids, leaves used positions empty, and refuses grids that do not fit', () => {
    const twelve = devices()
      .slice(0, 12)
      .map((d) => d.id);
    expect(pdfPages(print(demo, { cols: 2, rows: 5, deviceIds: twelve }).pdf)).toHaveLength(2);
    const skipped = print(demo, { skip: 20, deviceIds: twelve }).pdf;
    expect(pdfPages(skipped)).toHaveLength(2);
    expect(labelText(skipped, 19)).toBe('');
    expect(labelText(skipped, 20)).toMatch(new RegExp(`^${devices()[0]!.assetTag}`));
    expect(labelGrid({}, 'a4')).toMatchObject({ cols: 3, rows: 8, labelHeight: 33.9 });
    expect(labelGrid({}, 'a4').labelWidth).toBeCloseTo(63.53, 1);
    expect(labelGrid({ cols: 4, rows: 10, marginTop: 5, marginLeft: 5, gapX: 0 }, 'a4')).toMatchObject({
      labelWidth: 50,
      labelHeight: 28.7,
    });
    const refused = (choice: LabelSheetChoice) => {
      try {
        print(demo, choice);
      } catch (err) {
        return err instanceof PdfFormError ? `${err.code}: ${err.message}` : String(err);
      }
      return 'printed';
    };
    expect(refused({ cols: 8 })).toMatch(/^invalid-options: 标签太小/);
    expect(refused({ cols: 3, labelWidth: 70, marginLeft: 10 })).toMatch(
      /^invalid-options: 标签网格超出纸张/,
    );
    expect(refused({ rows: 0 })).toMatch(/^invalid-options: 行数/);
    expect(refused({ skip: 24 })).toMatch(/^invalid-options: 跳过/);
    expect(refused({ deviceIds: ['SV-01', 'NO-SUCH'] })).toBe(
      'not-found: 找不到设备 / no such device: NO-SUCH',
    );
  });

  it('lists in collectText every character it prints, and never prints a secret or an address', () => {
    const { pdf, text } = print(demo);
    const collected = new Set(text);
    const shown = squeeze(pdfPages(pdf).join(''));
    expect([...new Set(shown)].filter((ch) => !collected.has(ch))).toEqual([]);
    for (const secret of ['Demo-Only', 'admin', '192.168', '演示数据']) {
      expect(shown).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
  });

  // Its speed (100 labels under 2 s) is measured by `npm run bench`, never asserted here.
  it('prints 100 labels on five sheets of 3 × 8', () => {
    const many = buildDemoLedger({ now, people: 120 });
    const ids = many.tables.devices!.slice(0, 100).map((d) => d.id);
    const pdf = print(many, { deviceIds: ids }).pdf;
    expect(pdfPages(pdf)).toHaveLength(5);
  });
});
