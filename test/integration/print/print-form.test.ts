// This test stands in for the main process: it runs the real font service (Node) behind a fake
// NetdeskApi and reads the saved PDFs with poppler's pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFontService } from '../../../electron/services/font';
import { LEDGER_TABLES } from '../../../shared/schemas';
import { buildDemoLedger } from '../../../shared/demo';
import type { IpcRequest, NetdeskApi, PdfSaveResult } from '../../../shared/ipc';
import type { NetdeskDb } from '../../../renderer/db/schema';
import { freshDb } from '../../../renderer/db/test-support';
import { blankCardsPrintSource, cardPrintSource } from '../../../renderer/print/card-source';
import {
  clearPrintFontCache,
  pdfFileName,
  preparePrintFont,
  printForm,
} from '../../../renderer/print/print-form';

const now = new Date('2026-11-27T06:00:00Z');
const demo = buildDemoLedger({ now });
const work = mkdtempSync(join(tmpdir(), 'netdesk-print-'));
const fontService = createFontService();
let db: NetdeskDb;

beforeAll(async () => {
  db = await freshDb();
  for (const table of LEDGER_TABLES) await db.table(table).bulkPut(demo.tables[table] ?? []);
});
afterAll(() => {
  db.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => clearPrintFontCache());

/** The services as the main process answers them: the real font service, a recorded save. */
function fakeApi(saveAnswer: Partial<PdfSaveResult> = {}) {
  const saves: IpcRequest<'pdf:save'>[] = [];
  const api = {
    pdfFont: vi.fn((req: IpcRequest<'pdf:font'>) => fontService({ text: req.text })),
    savePdf: vi.fn((req: IpcRequest<'pdf:save'>) => {
      saves.push(req);
      return Promise.resolve({
        saved: true,
        fileName: req.fileName,
        path: `/reports/${req.fileName}`,
        ...saveAnswer,
      });
    }),
  } satisfies Pick<NetdeskApi, 'pdfFont' | 'savePdf'>;
  return { api, saves };
}

function pdfText(bytes: Uint8Array): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

const cardOf = (part: string) => demo.tables.repairCards!.find((c) => c.description.includes(part))!;

describe('cardPrintSource', () => {
  it('holds the card, its events, requester, department and device, and no device secret', async () => {
    const card = cardOf('RAID');
    const source = (await cardPrintSource(db, card.cardNo.toLowerCase(), now))!;
    expect(source.tables.repairCards!.map((c) => c.id)).toEqual([card.id]);
    expect(source.tables.repairEvents!.length).toBe(
      demo.tables.repairEvents!.filter((e) => e.cardId === card.id).length,
    );
    expect(source.tables.people!.map((p) => p.id)).toEqual([card.requesterId]);
    expect(source.tables.departments!.map((d) => d.id)).toEqual([card.departmentId]);
    const device = source.tables.devices![0]!;
    expect(device.assetTag).toBe('SV-01');
    expect(device.secret).toBe('');
    expect((await db.devices.get(device.id))!.secret).toMatch(/Demo-Only/);
    expect(JSON.stringify(source)).not.toContain('Demo-Only');
  });

  it('finds a card by record id, and nothing for an unknown or deleted card', async () => {
    const card = cardOf('硬盘灯常亮');
    expect((await cardPrintSource(db, card.id))!.tables.repairCards![0]!.cardNo).toBe(card.cardNo);
    expect(await cardPrintSource(db, 'WX-1999-Z-0001')).toBeNull();
    const gone = cardOf('OA 系统密码');
    await db.repairCards.update(gone.id, { deletedAt: now.toISOString() });
    expect(await cardPrintSource(db, gone.cardNo)).toBeNull();
    await db.repairCards.update(gone.id, { deletedAt: null });
  });
});

describe('printForm', () => {
  it('prints a card through the font service and saves it via the dialog in Electron', async () => {
    const card = cardOf('硬盘灯常亮');
    const { api, saves } = fakeApi();
    const source = (await cardPrintSource(db, card.cardNo, now))!;
    const result = await printForm('card', source, { id: card.cardNo, now, api, mode: 'electron' });
    expect(result).toMatchObject({ ok: true, saved: true, missing: [] });
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({
      fileName: `维修申请卡-${card.cardNo}.pdf`,
      target: 'dialog',
      open: true,
    });
    const text = pdfText(saves[0]!.bytes);
    for (const expected of [
      card.cardNo,
      card.requesterName,
      '电脑开机很慢',
      '部门负责人签字：',
      '报修人签字：',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('reports characters the font lacks before drawing anything, and prints them blank only when allowed', async () => {
    const card = cardOf('硬盘灯常亮');
    const source = (await cardPrintSource(db, card.cardNo, now))!;
    source.tables.repairCards![0]!.description = '已检查 ☑ 电源正常';
    const { api, saves } = fakeApi();
    const refused = await printForm('card', source, { id: card.cardNo, now, api, mode: 'electron' });
    expect(refused).toEqual({ ok: false, reason: 'missing-characters', missing: ['☑ (U+2611)'] });
    expect(api.savePdf).not.toHaveBeenCalled();
    const anyway = await printForm('card', source, {
      id: card.cardNo,
      now,
      api,
      mode: 'electron',
      allowMissing: true,
    });
    expect(anyway).toMatchObject({ ok: true, missing: ['☑ (U+2611)'] });
    expect(pdfText(saves[0]!.bytes)).toContain('已检查电源正常');
  });

  it('asks the font service again only for characters the last subset lacks', async () => {
    const { api } = fakeApi();
    const first = cardOf('硬盘灯常亮');
    const source = (await cardPrintSource(db, first.cardNo, now))!;
    await printForm('card', source, { id: first.cardNo, now, api, mode: 'electron' });
    await printForm('card', source, { id: first.cardNo, now, api, mode: 'electron', paper: 'a5' });
    expect(api.pdfFont).toHaveBeenCalledTimes(1);
    const other = cardOf('弹窗广告');
    const otherSource = (await cardPrintSource(db, other.cardNo, now))!;
    const result = await printForm('card', otherSource, { id: other.cardNo, now, api, mode: 'electron' });
    expect(result.ok).toBe(true);
    expect(api.pdfFont).toHaveBeenCalledTimes(2);
    // Each card's subset is kept for a reprint; the second was asked for its own characters only.
    await printForm('card', source, { id: first.cardNo, now, api, mode: 'electron' });
    expect(api.pdfFont).toHaveBeenCalledTimes(2);
    expect(api.pdfFont.mock.calls[1]![0].text).not.toContain('硬');
  });

  it('prints with the font asked for while the print dialog was open, without asking again', async () => {
    const { api } = fakeApi();
    const card = cardOf('弹窗广告');
    const source = (await cardPrintSource(db, card.cardNo, now))!;
    await preparePrintFont('card', source, { id: card.cardNo, api });
    expect(api.pdfFont).toHaveBeenCalledTimes(1);
    expect(await printForm('card', source, { id: card.cardNo, now, api, mode: 'electron' })).toMatchObject({
      ok: true,
    });
    expect(api.pdfFont).toHaveBeenCalledTimes(1);
    // Nothing to prepare for a card that is not there: the print reports it.
    await preparePrintFont('card', source, { id: 'no-such-card', api });
  });

  it('in browser mode saves into the reports folder and opens the PDF in a new tab', async () => {
    const card = cardOf('硬盘灯常亮');
    const { api, saves } = fakeApi({ url: '/reports/file/abc.pdf' });
    const opened: string[] = [];
    const source = (await cardPrintSource(db, card.cardNo, now))!;
    const result = await printForm('card', source, {
      id: card.cardNo,
      now,
      api,
      mode: 'browser',
      openWindow: (url) => opened.push(url),
    });
    expect(saves[0]!.target).toBe('reports');
    expect(opened).toEqual(['/reports/file/abc.pdf']);
    expect(result).toMatchObject({ ok: true, url: '/reports/file/abc.pdf' });
  });

  it('says so when the user cancels the save dialog', async () => {
    const card = cardOf('硬盘灯常亮');
    const { api } = fakeApi({ saved: false, fileName: undefined, path: undefined });
    const source = (await cardPrintSource(db, card.cardNo, now))!;
    expect(await printForm('card', source, { id: card.cardNo, now, api, mode: 'electron' })).toMatchObject({
      ok: true,
      saved: false,
    });
  });

  it('prints a batch of blank cards with the numbers reserved for it', async () => {
    const { api, saves } = fakeApi();
    const reserved = ['WX-2026-A-0101', 'WX-2026-A-0102'];
    const { backup, choice } = await blankCardsPrintSource(db, reserved, now);
    expect(choice).toEqual({ count: 2, firstCardNo: 'WX-2026-A-0101' });
    const result = await printForm('blank-cards', backup, {
      now,
      api,
      mode: 'electron',
      blankCards: choice,
      fileName: pdfFileName('空白维修申请卡', choice.firstCardNo ?? ''),
    });
    expect(result.ok).toBe(true);
    const text = pdfText(saves[0]!.bytes);
    expect(text).toContain('WX-2026-A-0101');
    expect(text).toContain('WX-2026-A-0102');
    expect(text).not.toContain('WX-2026-A-0103');
  });

  it('refuses blank-card numbers that are not one run, which the form could not print as reserved', async () => {
    await expect(blankCardsPrintSource(db, ['WX-2026-A-0101', 'WX-2026-A-0103'], now)).rejects.toThrow(
      RangeError,
    );
    await expect(blankCardsPrintSource(db, [], now)).rejects.toThrow(RangeError);
  });

  it('makes file names the save channel accepts', () => {
    expect(pdfFileName('维修申请卡', 'WX-2026-A-0001')).toBe('维修申请卡-WX-2026-A-0001.pdf');
    expect(pdfFileName('通讯录', 'a/b:c*?')).toBe('通讯录-a_b_c__.pdf');
    expect(pdfFileName('', '')).toBe('NetDesk.pdf');
  });
});
