import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerBackup } from '../backup';
import { buildDemoLedger } from '../demo';
import { distinctCharacters, findMissingGlyphs, fontCodepoints, type PdfFont } from './font';
import { pdfForms } from './forms';
import { FormDocument, frameText, keepSignaturesWithContent, signatureLineText } from './layout';

const fullFont = readFileSync(
  createRequire(import.meta.url).resolve(
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  ),
);
const now = new Date('2026-11-27T06:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'netdesk-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function fontFor(text: string): Promise<PdfFont> {
  const bytes = await subsetFont(fullFont, distinctCharacters(text), {
    targetFormat: 'truetype',
    noLayoutClosure: true,
  });
  return { name: 'NotoSansSC', bytes: new Uint8Array(bytes) };
}

function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Run a poppler-utils tool (pdftotext, pdfinfo) on the PDF. */
function poppler(tool: string, pdf: Uint8Array, args: string[] = []): string {
  if (!hasTool(tool)) {
    throw new Error(`${tool} is not installed: install Debian poppler-utils (apt-get install poppler-utils)`);
  }
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

/** The text of each page, as a reader copying from the PDF would get it (poppler's pdftotext). */
function pdfPages(pdf: Uint8Array): string[] {
  return poppler('pdftotext', pdf, ['-layout', '-enc', 'UTF-8']).split('\f').slice(0, -1);
}

async function renderDirectory(backup: LedgerBackup, paper: 'a4' | 'a5' = 'a4') {
  const form = pdfForms.directory!;
  const text = form.collectText(backup);
  const font = await fontFor(text);
  expect(findMissingGlyphs(text, fontCodepoints(font.bytes))).toEqual([]);
  return form.render(backup, { font, paper, now });
}

describe('directory (通讯录)', () => {
  const demo = buildDemoLedger({ now });

  it('prints the title, departments, heads and people of the demo ledger with page numbers', async () => {
    const pdf = await renderDirectory(demo);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const pages = pdfPages(pdf);
    const all = pages.join('\n');
    expect(all).toContain('通讯录');
    expect(all).toContain('综合办公室');
    expect(all).toContain('网络中心');
    const person = demo.tables.people!.find((p) => p.active)!;
    expect(all).toContain(person.name);
    expect(all).toContain(person.phone);
    expect(all).toContain('打印日期：2026年11月27日');
    // pdftotext drops the thin spaces of the footer's small type, so compare without spaces.
    pages.forEach((page, i) => expect(squeeze(page)).toContain(`第${i + 1}页/共${pages.length}页`));
  });

  it('leaves out people who have left and deleted records', async () => {
    const backup = structuredClone(demo);
    const people = backup.tables.people!;
    people[0]!.deletedAt = '2026-11-01T00:00:00.000Z';
    const leaver = people.find((p) => !p.active)!;
    const all = pdfPages(await renderDirectory(backup)).join('\n');
    expect(all).not.toContain(people[0]!.employeeNo);
    expect(all).not.toContain(leaver.employeeNo);
    expect(all).toContain(people[1]!.employeeNo);
  });

  it("prints each person's computer from the device register: after a handover, on the new user's row", async () => {
    const backup = structuredClone(demo);
    const [from, to] = backup.tables.people!.filter((p) => p.active && p.computerTag);
    const computer = backup.tables.devices!.find(
      (d) => d.type === 'computer' && d.userPersonId === from!.id,
    )!;
    computer.userPersonId = to!.id;
    const lines = pdfPages(await renderDirectory(backup))
      .join('\n')
      .split('\n');
    const rowOf = (employeeNo: string) => lines.find((l) => l.includes(employeeNo)) ?? '';
    expect(rowOf(to!.employeeNo)).toContain(computer.assetTag);
    // The old user's row no longer names it, though their imported tag still says so.
    expect(from!.computerTag).toBe(computer.assetTag);
    expect(rowOf(from!.employeeNo)).not.toContain(computer.assetTag);
  });

  it('flows 300 people onto more pages, header on every page, nobody clipped', async () => {
    const big = buildDemoLedger({ now, people: 300 });
    const pages = pdfPages(await renderDirectory(big));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('通讯录（续）');
    for (const page of pages) {
      expect(page).toMatch(/部门\s+部门负责人\s+工号\s+姓名\s+电话\s+电脑编号/);
    }
    const all = pages.join('\n');
    const missing = big.tables.people!.filter((p) => p.active && !all.includes(p.employeeNo));
    expect(missing.map((p) => p.employeeNo)).toEqual([]);
    // Each page reads alone: its first row names its department again.
    const firstRow = pages[1]!.split('\n').find((l) => /HT\d{4}/.test(l))!;
    expect(big.tables.departments!.some((d) => firstRow.includes(d.name))).toBe(true);
  });

  it('prints on A5 paper when asked, everyone still listed', async () => {
    const pdf = await renderDirectory(demo, 'a5');
    expect(poppler('pdfinfo', pdf)).toMatch(/Page size:\s+419\.53 x 595\.28 pts/);
    const all = pdfPages(pdf).join('\n');
    const missing = demo.tables.people!.filter((p) => p.active && !all.includes(p.employeeNo));
    expect(missing).toEqual([]);
  });

  it('prints the same ledger to the same bytes', async () => {
    expect(Buffer.from(await renderDirectory(demo)).equals(Buffer.from(await renderDirectory(demo)))).toBe(
      true,
    );
  });
});

describe('FormDocument (what every form shares)', () => {
  const title = '维修申请卡';
  const long = Array.from(
    { length: 120 },
    (_, i) => `第${i + 1}条维修记录：更换硬盘并重装系统，数据已恢复。`,
  ).join('');
  const captions = ['部门负责人', '网络主管', '申请人'];

  it('flows long text onto following pages, and keeps a signature block whole', async () => {
    const text = [frameText(title), long, ...captions.map(signatureLineText), '说明'].join('\n');
    const doc = new FormDocument({ font: await fontFor(text), paper: 'a5', now, title });
    doc.drawTitle('说明');
    doc.drawParagraph(long);
    doc.drawSignatureBlock(captions);
    const pages = pdfPages(doc.finish());
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('').replace(/\s+/g, '');
    expect(all).toContain('第1条维修记录');
    expect(all).toContain('第120条维修记录：更换硬盘并重装系统，数据已恢复。');
    const last = pages[pages.length - 1]!;
    for (const c of captions) expect(last).toContain(`${c}签字：`);
    expect(last).toMatch(/日期：_+年_+月_+日/);
    expect(squeeze(last)).toContain(`第${pages.length}页/共${pages.length}页`);
  });

  it('continues a table row taller than a page instead of clipping it', async () => {
    const text = [frameText(title), '项目内容', long].join('\n');
    const doc = new FormDocument({ font: await fontFor(text), paper: 'a5', now, title });
    doc.drawTable(
      [
        { header: '项目', weight: 1 },
        { header: '内容', weight: 5 },
      ],
      [['内容', long]],
    );
    const pages = pdfPages(doc.finish());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.join('').replace(/\s+/g, '')).toContain('第120条维修记录');
    expect(pages[1]).toMatch(/项目\s+内容/);
  });

  it('moves the last rows of a table over with signatures that would stand alone on a page', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [String(i + 1), `配件第${i + 1}号`]);
    const text = [
      frameText(title),
      'WX-2026-A-0042序号名称',
      ...rows.flat(),
      ...captions.map(signatureLineText),
    ].join('\n');
    const font = await fontFor(text);
    const columns = [
      { header: '序号', weight: 1 },
      { header: '名称', weight: 5 },
    ];
    // However many rows there are, some count ends the table right at the foot of a page.
    for (let count = 20; count <= 60; count += 2) {
      const doc = new FormDocument({ font, paper: 'a5', now, title, reference: 'WX-2026-A-0042' });
      doc.layoutSheet(() => {
        doc.drawTable(columns, rows.slice(0, count));
        doc.drawSignatureRow(captions);
      });
      const pages = pdfPages(doc.finish()).map(squeeze);
      const signed = pages.find((p) => p.includes('申请人签字：'))!;
      expect(signed, `${count} rows`).toContain(`配件第${count}号`);
      expect(signed, `${count} rows`).toContain(`配件第${count - 1}号`);
      pages.forEach((page, i) => {
        expect(page).toContain(`WX-2026-A-0042第${i + 1}页/共${pages.length}页`);
        if (i > 0) expect(page).toContain(`${title}（续）WX-2026-A-0042`);
      });
    }
  });

  it('knows a stranded signature and which rows go with it', () => {
    const unit = (kind: 'content' | 'heading' | 'signature', startPage: number, endPage = startPage) => ({
      kind,
      startPage,
      endPage,
    });
    // Signature on the page of the last row: nothing to move.
    expect(keepSignaturesWithContent([unit('content', 1), unit('signature', 1)])).toBeUndefined();
    // Alone on page 2: the last two rows go with it.
    expect(
      keepSignaturesWithContent([
        unit('content', 1),
        unit('content', 1),
        unit('content', 1),
        unit('signature', 2),
      ]),
    ).toBe(1);
    // The row before the last runs over two pages: only the last moves.
    expect(keepSignaturesWithContent([unit('content', 1, 2), unit('content', 2), unit('signature', 3)])).toBe(
      1,
    );
    // One row pushed over onto the signatures' page: the row before it comes too.
    expect(
      keepSignaturesWithContent([
        unit('content', 1),
        unit('content', 1),
        unit('content', 2),
        unit('signature', 2),
      ]),
    ).toBe(1);
    // The end of a long text run over with them: left as it is.
    expect(
      keepSignaturesWithContent([unit('content', 1), unit('content', 1, 2), unit('signature', 2)]),
    ).toBeUndefined();
    // A heading goes with the rows it heads.
    expect(
      keepSignaturesWithContent([
        unit('content', 1),
        unit('heading', 1),
        unit('content', 1),
        unit('signature', 2),
      ]),
    ).toBe(1);
  });
});
