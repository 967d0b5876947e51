import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFontSubsetter, readFontFile, type FontSubsetter } from '../../../electron/services/font';
import type { LedgerBackup } from '../../../shared/backup';
import { buildDemoLedger } from '../../../shared/demo';
import type { RepairCard } from '../../../shared/schemas';
import { findMissingGlyphs } from '../../../shared/pdf/font';
import { PdfFormError, pdfForms, type RenderOptions } from '../../../shared/pdf/forms';
import { FormDocument, useFastFontEmbedding, type Paper } from '../../../shared/pdf/layout';
import { blankCardNumbers, formatCardTime } from '../../../shared/pdf/forms/repair-card';

const now = new Date('2026-11-27T06:00:00Z');
const demo = buildDemoLedger({ now });
const cardForm = pdfForms.card!;
const blankForm = pdfForms['blank-cards']!;
const work = mkdtempSync(join(tmpdir(), 'netdesk-card-'));
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

const cards = () => demo.tables.repairCards!;
const demoCard = (descriptionPart: string): RepairCard =>
  cards().find((c) => c.description.includes(descriptionPart))!;
const squeeze = (text: string) => text.replace(/\s+/g, '');

function print(
  form: typeof cardForm,
  backup: LedgerBackup,
  options: Partial<RenderOptions> & { paper?: Paper } = {},
): { pdf: Uint8Array; text: string } {
  const text = form.collectText(backup, options.id);
  expect(findMissingGlyphs(text, subsetter.codepoints)).toEqual([]);
  const font = { name: 'NotoSansSC', bytes: subsetter.subset(text) };
  const pdf = form.render(backup, { paper: 'a4', now, ...options, font });
  return { pdf, text };
}

function writePdf(pdf: Uint8Array): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text of each page, as a reader copying from the PDF gets it (poppler's pdftotext). */
function pdfPages(pdf: Uint8Array): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', writePdf(pdf), '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);
}

/** Page 1 as a PNG in test-output/pdf/, to look at. */
function savePng(pdf: Uint8Array, name: string): string {
  const prefix = join(pngDir, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', writePdf(pdf), prefix]);
  return `${prefix}.png`;
}

describe('the printed repair card (维修申请卡)', () => {
  it('prints number, requester, device, fault, times, record, parts and the three signature lines', () => {
    const card = demoCard('硬盘灯常亮');
    const { pdf } = print(cardForm, demo, { id: card.cardNo });
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const all = squeeze(pages.join(''));
    expect(all).toContain('维修申请卡');
    expect(all).toContain(card.cardNo);
    expect(all).toContain(card.requesterName);
    expect(all).toContain('财务部');
    expect(all).toContain(squeeze(card.description));
    expect(all).toContain(card.deviceTag);
    expect(all).toContain('故障类别硬件故障');
    expect(all).toContain('设备类型电脑');
    expect(all).toContain(`接收时间${squeeze(formatCardTime(card.receivedAt))}`);
    // Parts waited for: due 24 h after the part arrived, and met.
    expect(all).toMatch(/应完成时间\d{4}-\d{2}-\d{2}\d{2}:\d{2}（按时）/);
    expect(all).toContain(squeeze(card.workDone));
    expect(all).toContain('512G固态硬盘1299.00');
    expect(all).toContain('合计1299.00');
    expect(all).toContain('2小时30分钟');
    for (const caption of ['部门负责人签字：', '网络主管签字：', '申请人签字：'])
      expect(all).toContain(caption);
    expect(all).toContain('打印日期：2026年11月27日');
    expect(savePng(pdf, 'card-a4')).toSatisfy(existsSync);
  });

  it('lists in collectText every character the PDF shows, so nothing missing goes unnoticed', () => {
    for (const card of cards()) {
      const { pdf, text } = print(cardForm, demo, { id: card.cardNo });
      const collected = new Set(text);
      const unlisted = [...new Set(squeeze(pdfPages(pdf).join('')))].filter((ch) => !collected.has(ch));
      expect(unlisted, card.cardNo).toEqual([]);
    }
  });

  it('never prints a device secret or network address', () => {
    const card = demoCard('RAID');
    const { pdf, text } = print(cardForm, demo, { id: card.cardNo });
    const all = squeeze(pdfPages(pdf).join(''));
    expect(all).toContain('SV-01');
    for (const secret of ['Demo-Only', 'admin', '192.168']) {
      expect(all).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    // Large faults: the vendor contact log is on the card.
    expect(all).toContain('戴尔售后800热线');
    expect(all).toContain('DEMO-558201');
    expect(all).toContain('等待配件：配件到货后24小时内');
  });

  it('shows the refusal, its cause and who approved it, or that approval is still pending', () => {
    const approved = squeeze(
      pdfPages(print(cardForm, demo, { id: demoCard('弹窗广告').cardNo }).pdf).join(''),
    );
    expect(approved).toContain('拒修原因安装游戏：电脑中安装了网络游戏及游戏外挂');
    expect(approved).toMatch(/审批总经理批准维修（\d{4}-\d{2}-\d{2}\d{2}:\d{2}）：同意维修/);
    const pending = squeeze(
      pdfPages(print(cardForm, demo, { id: demoCard('屏幕碎裂').cardNo }).pdf).join(''),
    );
    expect(pending).toContain('拒修原因暴力使用');
    expect(pending).toContain('审批待总经理或董事长批准');
    expect(pending).toContain('拒修：经总经理或董事长批准后24小时内');
  });

  it('at intake: head signature pending, record empty, still the three signature lines', () => {
    const card = demoCard('OA 系统密码');
    const all = squeeze(pdfPages(print(cardForm, demo, { id: card.cardNo }).pdf).join(''));
    expect(all).toContain('部门负责人待签字');
    expect(all).toContain('当前状态已接收');
    for (const caption of ['部门负责人签字：', '网络主管签字：', '申请人签字：'])
      expect(all).toContain(caption);
  });

  it('prints on A5, still one page for an everyday card', () => {
    const card = demoCard('硬盘灯常亮');
    const { pdf } = print(cardForm, demo, { id: card.cardNo, paper: 'a5' });
    savePng(pdf, 'card-a5');
    expect(execFileSync('pdfinfo', [writePdf(pdf)], { encoding: 'utf8' })).toMatch(
      /Page size:\s+419\.53 x 595\.28 pts/,
    );
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    expect(squeeze(pages[0]!)).toContain(card.cardNo);
    expect(squeeze(pages[0]!)).toContain('申请人签字：');
  });

  it.each(['a4', 'a5'] as const)(
    'flows a 2,000-character description and 50 parts onto more pages on %s, nothing clipped',
    (paper) => {
      const backup = structuredClone(demo);
      const card = backup.tables.repairCards!.find((c) => c.description.includes('硬盘灯常亮'))!;
      const sentence = '开机后风扇狂转，屏幕偶尔闪烁并出现蓝屏，重启后又能用一会儿。';
      card.description = (sentence.repeat(70) + '最后一句：请尽快处理。').slice(-2000);
      expect(card.description).toHaveLength(2000);
      card.parts = Array.from({ length: 50 }, (_, i) => ({ name: `配件第${i + 1}号`, quantity: 1, cost: i }));
      const { pdf } = print(cardForm, backup, { id: card.cardNo, paper });
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      const all = squeeze(pages.join(''));
      expect(all).toContain('最后一句：请尽快处理。');
      for (let i = 1; i <= 50; i++) expect(all).toContain(`配件第${i}号`);
      expect(squeeze(pages[1]!)).toContain('维修申请卡（续）');
      const last = squeeze(pages[pages.length - 1]!);
      for (const caption of ['部门负责人签字：', '网络主管签字：', '申请人签字：'])
        expect(last).toContain(caption);
      expect(last).toContain(`第${pages.length}页/共${pages.length}页`);
      savePng(pdf, `card-long-${paper}`);
    },
  );

  it('finds a card by record id or by its number as typed, and says so when there is none', () => {
    const card = demoCard('硬盘灯常亮');
    expect(cardForm.collectText(demo, card.id)).toContain(card.cardNo);
    expect(cardForm.collectText(demo, ` ${card.cardNo.toLowerCase()} `)).toContain(card.cardNo);
    expect(() => cardForm.collectText(demo, 'WX-1999-Z-0001')).toThrow(PdfFormError);
    expect(() => cardForm.collectText(demo, undefined)).toThrow(/--id/);
    const deleted = structuredClone(demo);
    deleted.tables.repairCards!.find((c) => c.id === card.id)!.deletedAt = now.toISOString();
    expect(() => cardForm.collectText(deleted, card.cardNo)).toThrow(/找不到维修卡/);
  });

  it('prints the same card to the same bytes', () => {
    const id = demoCard('硬盘灯常亮').cardNo;
    expect(
      Buffer.from(print(cardForm, demo, { id }).pdf).equals(Buffer.from(print(cardForm, demo, { id }).pdf)),
    ).toBe(true);
  });

  it('embeds the font to exactly the bytes jsPDF itself writes, only faster', () => {
    const text = cardForm.collectText(demo, demoCard('硬盘灯常亮').cardNo);
    const font = { name: 'NotoSansSC', bytes: subsetter.subset(text) };
    const draw = (fast: boolean) => {
      const doc = new FormDocument({ font, paper: 'a4', now, title: '维修申请卡' });
      if (fast) useFastFontEmbedding(doc.pdf);
      doc.drawParagraph(text);
      return Buffer.from(doc.finish());
    };
    const plain = draw(false);
    expect(draw(true).equals(plain)).toBe(true);
    expect(plain.byteLength).toBeGreaterThan(10_000);
  });

  // The 80 ms budget is measured by `npm run bench` in Chromium; the size is deterministic.
  it('prints a card under 60 KB', () => {
    const card = demoCard('硬盘灯常亮');
    const bytes = print(cardForm, demo, { id: card.cardNo }).pdf.byteLength;
    expect(bytes).toBeLessThan(60 * 1024);
  });
});

describe('times on the card', () => {
  it('read as the Asia/Shanghai clock does, from 2000 to 2040', () => {
    const shanghai = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2040, 0, 1); t += 997 * 60_000 * 37) {
      const iso = new Date(t).toISOString();
      expect(formatCardTime(iso)).toBe(shanghai.format(new Date(t)));
    }
  });

  it('are Asia/Shanghai whatever the zone of the PC', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
        process.env.TZ = zone;
        expect(formatCardTime('2026-11-05T16:30:00.000Z')).toBe('2026-11-06 00:30');
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('blank numbered cards', () => {
  it('prints one card a page, each with its own number and QR, fields empty', () => {
    const { pdf } = print(blankForm, demo, { blankCards: { count: 3, pcCode: 'B', year: 2026, from: 101 } });
    savePng(pdf, 'blank-a4');
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      const text = squeeze(page);
      expect(text).toContain(`WX-2026-B-010${i + 1}`);
      expect(text).toContain('维修申请卡');
      expect(text).not.toContain('（续）');
      expect(text).not.toContain(demo.tables.people![0]!.name);
      for (const caption of ['部门负责人签字：', '网络主管签字：', '申请人签字：'])
        expect(text).toContain(caption);
    });
  });

  it('fits one blank card on each A5 sheet too', () => {
    const { pdf } = print(blankForm, demo, {
      paper: 'a5',
      blankCards: { count: 2, firstCardNo: 'WX-2026-A-0101' },
    });
    savePng(pdf, 'blank-a5');
    const pages = pdfPages(pdf);
    expect(pages.map((p) => squeeze(p).match(/WX-2026-A-\d{4}/)?.[0])).toEqual([
      'WX-2026-A-0101',
      'WX-2026-A-0102',
    ]);
  });

  it('continues after the highest number the ledger has used for that PC and year', () => {
    const used = cards()
      .map((c) => c.cardNo)
      .filter((n) => n.startsWith('WX-2026-A-'))
      .sort();
    const highest = Number(used[used.length - 1]!.slice(-4));
    expect(blankCardNumbers(demo, { count: 2, pcCode: 'a', year: 2026 }, now)).toEqual([
      `WX-2026-A-${String(highest + 1).padStart(4, '0')}`,
      `WX-2026-A-${String(highest + 2).padStart(4, '0')}`,
    ]);
    // No year given: this year in Shanghai (already 2027 there at 2026-12-31 17:00 UTC).
    expect(blankCardNumbers(demo, { pcCode: 'C' }, new Date('2026-12-31T17:00:00Z'))).toEqual([
      'WX-2027-C-0001',
    ]);
  });

  it('refuses a batch it cannot number, with the reason', () => {
    expect(() => print(blankForm, demo, { blankCards: { count: 0, pcCode: 'A' } })).toThrow(PdfFormError);
    expect(() => blankCardNumbers(demo, { count: 501, pcCode: 'A' }, now)).toThrow(/1 到 500/);
    expect(() => blankCardNumbers(demo, { pcCode: 'AB' }, now)).toThrow(/一个字母/);
    expect(() => blankCardNumbers(demo, { firstCardNo: 'WX-26-A-1' }, now)).toThrow(/起始编号/);
  });
});
