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
import { shanghaiClock } from '../../doubles/shanghai-clock';

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
    expect(all).toContain(`接卡时间${squeeze(formatCardTime(card.receivedAt))}`);
    // Parts waited for: due 24 h after the part arrived, and met.
    expect(all).toMatch(/期限\d{4}-\d{2}-\d{2}\d{2}:\d{2}（按时）/);
    expect(all).toContain(squeeze(card.workDone));
    expect(all).toContain('512G固态硬盘1299.00');
    expect(all).toContain('合计1299.00');
    expect(all).toContain('2小时30分钟');
    for (const caption of ['部门负责人签字：', '网络主管签字：', '报修人签字：'])
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
    expect(all).toContain('厂家/维修商');
    expect(all).toContain('戴尔售后800热线');
    expect(all).toContain('DEMO-558201');
    expect(all).toContain('等配件：配件到货后24小时内');
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
    expect(all).toContain('状态已接卡');
    for (const caption of ['部门负责人签字：', '网络主管签字：', '报修人签字：'])
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
    expect(squeeze(pages[0]!)).toContain('报修人签字：');
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
      for (const caption of ['部门负责人签字：', '网络主管签字：', '报修人签字：'])
        expect(last).toContain(caption);
      expect(last).toContain(`第${pages.length}页/共${pages.length}页`);
      expect(last).toContain('配件第50号');
      pages.forEach((page) => expect(squeeze(page)).toContain(card.cardNo));
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
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2040, 0, 1); t += 997 * 60_000 * 37) {
      const iso = new Date(t).toISOString();
      expect(formatCardTime(iso)).toBe(shanghaiClock.format(new Date(t)));
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
      for (const caption of ['部门负责人签字：', '网络主管签字：', '报修人签字：'])
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

// ── How a card sits on paper ────────────────────────────────────────────────────────────
// Each page read on its own, as poppler extracts it (`pdftotext -f n -l n`).
function pageTexts(pdf: Uint8Array): string[] {
  const file = writePdf(pdf);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    squeeze(
      execFileSync(
        'pdftotext',
        ['-f', String(i + 1), '-l', String(i + 1), '-layout', '-enc', 'UTF-8', file, '-'],
        {
          encoding: 'utf8',
        },
      ),
    ),
  );
}

const SIGNATURE_LABELS = ['部门负责人签字：', '网络主管签字：', '报修人签字：'];

/** Every page names its card and says which page of how many it is. */
function expectNumberedPages(pages: string[], cardNo: string): void {
  pages.forEach((page, i) => {
    expect(page, `page ${i + 1}`).toContain(cardNo);
    expect(page, `page ${i + 1}`).toContain(`第${i + 1}页/共${pages.length}页`);
  });
}

/** The page with the signatures also holds `lastRow`, the last thing they sign for. */
function expectSignaturesWith(pages: string[], lastRow: string): void {
  const signed = pages.filter((p) => SIGNATURE_LABELS.every((label) => p.includes(label)));
  expect(signed, 'one page with all three signature boxes').toHaveLength(1);
  expect(signed[0]).toContain(squeeze(lastRow));
}

const VENDOR_NOTES = [
  '原厂工程师远程确认主板供电故障，安排上门',
  '工程师上门更换主板，测试正常，保修期内免费',
];

/**
 * An everyday card as the supervisor fills it: refused for a game and its cheat, approved by the
 * general manager, a description of a few hundred characters, the record written, two parts and
 * two calls to the vendor.
 */
function everydayCard(description = ''): { backup: LedgerBackup; card: RepairCard } {
  const backup = structuredClone(demo);
  const card = backup.tables.repairCards!.find((c) => c.description.includes('弹窗广告'))!;
  card.description =
    description ||
    '电脑最近两周弹窗广告很多，开机后右下角不断弹出游戏和购物广告，杀毒软件被关闭后无法重新开启，' +
      '浏览器主页被篡改为不明导航网站，改回后重启又被改掉。打开财务软件时经常卡住十几秒，' +
      '月底要报税，比较着急。同事说可能中了病毒，我没有自己动过系统设置，只是上周下载过一个看视频的软件，' +
      '安装时没注意勾选项。另外机箱风扇声音比以前大很多，偶尔有焦味，开机有时要按两次电源键才能启动，' +
      '显示器偶尔闪一下黑屏再恢复。电脑里有本部门的合同扫描件和报表，请维修时注意保留数据，不要重装前不打招呼。';
  card.diagnosis = '游戏外挂携带木马，系统文件被篡改；主板供电模块电容鼓包，导致开机困难和焦味。';
  card.workDone =
    '卸载游戏及外挂，查杀木马，恢复浏览器设置，重新开启杀毒软件；备份用户数据后联系厂商更换主板，' +
    '更换机箱风扇，清理灰尘，测试财务软件与打印正常。';
  card.parts = [
    { name: '主板（原厂保修更换）', quantity: 1, cost: 0 },
    { name: '机箱风扇 12cm', quantity: 1, cost: 35 },
  ];
  const received = Date.parse(card.receivedAt);
  for (const [i, note] of VENDOR_NOTES.entries()) {
    backup.tables.repairEvents!.push({
      ...backup.tables.repairEvents!.find((e) => e.cardId === card.id)!,
      id: `vendor-${i}`,
      type: 'vendor-contact',
      at: new Date(received + (i + 1) * 3 * 3600_000).toISOString(),
      by: '付华',
      note,
      vendor: '联想服务站 400 热线',
      approverRole: null,
      approverName: '',
    });
  }
  return { backup, card };
}

describe('a card on paper: one sheet when it can, signatures with what they sign', () => {
  it.each(['a4', 'a5'] as const)(
    'prints an everyday refused-then-approved card with parts and vendor calls on one %s page',
    (paper) => {
      const { backup, card } = everydayCard();
      expect(card.description.length).toBeGreaterThan(200);
      const { pdf } = print(cardForm, backup, { id: card.cardNo, paper });
      savePng(pdf, `card-everyday-${paper}`);
      const pages = pageTexts(pdf);
      expect(pages).toHaveLength(1);
      const page = pages[0]!;
      expect(page).toContain(squeeze(card.description));
      expect(page).toContain('拒修原因安装游戏');
      expect(page).toMatch(/审批总经理批准维修/);
      expect(page).toContain('机箱风扇12cm');
      expectSignaturesWith(pages, '合计235.00');
      expectNumberedPages(pages, card.cardNo);
    },
  );

  it.each(['a4', 'a5'] as const)('prints every card of the demo ledger on one %s page', (paper) => {
    for (const card of cards()) {
      const pages = pageTexts(print(cardForm, demo, { id: card.cardNo, paper }).pdf);
      expect(pages, card.cardNo).toHaveLength(1);
      expectNumberedPages(pages, card.cardNo);
      for (const label of SIGNATURE_LABELS) expect(pages[0], card.cardNo).toContain(label);
    }
  });

  it.each(['a4', 'a5'] as const)(
    'keeps the signatures with the parts above them whatever the length of the description (%s)',
    (paper) => {
      const sentence = '开机后风扇狂转，屏幕偶尔闪烁并出现蓝屏，重启后又能用一会儿。';
      // From a card that just fits to one that runs well onto a second page, in small steps, so
      // some length ends the content right at the foot of page 1.
      for (let length = 300; length <= 2000; length += 113) {
        const { backup, card } = everydayCard(sentence.repeat(80).slice(0, length));
        const pages = pageTexts(print(cardForm, backup, { id: card.cardNo, paper }).pdf);
        expectSignaturesWith(pages, '合计235.00');
        expectNumberedPages(pages, card.cardNo);
        if (pages.length > 1) expect(pages[1], `${length} characters`).toContain('维修申请卡（续）');
      }
    },
  );

  it('numbers each blank card as its own sheet', () => {
    const { pdf } = print(blankForm, demo, { blankCards: { count: 2, pcCode: 'B', year: 2026, from: 7 } });
    const pages = pageTexts(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('WX-2026-B-0007第1页/共1页');
    expect(pages[1]).toContain('WX-2026-B-0008第1页/共1页');
  });
});
