import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFontSubsetter, readFontFile, type FontSubsetter } from '../../../electron/services/font';
import type { LedgerBackup } from '../../../shared/backup';
import { buildDemoLedger } from '../../../shared/demo';
import type { PurchaseEvaluation } from '../../../shared/schemas';
import { findMissingGlyphs } from '../../../shared/pdf/font';
import { PdfFormError, pdfForms } from '../../../shared/pdf/forms';
import { evaluationReference } from '../../../shared/pdf/forms/evaluation';
import type { Paper } from '../../../shared/pdf/layout';

const now = new Date('2026-11-27T06:00:00Z');
const demo = buildDemoLedger({ now });
const form = pdfForms.evaluation!;
const work = mkdtempSync(join(tmpdir(), 'netdesk-evaluation-'));
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
const evaluations = () => demo.tables.purchaseEvaluations!;
const approved = () => evaluations().find((e) => e.status === 'approved')!;
const pending = () => evaluations().find((e) => e.status === 'pending')!;

function print(backup: LedgerBackup, id: string, paper: Paper = 'a4') {
  const text = form.collectText(backup, id);
  expect(findMissingGlyphs(text, subsetter.codepoints)).toEqual([]);
  const pdf = form.render(backup, {
    id,
    paper,
    now,
    font: { name: 'NotoSansSC', bytes: subsetter.subset(text) },
  });
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
/** Each page read on its own (`pdftotext -f n -l n`), spaces removed. */
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
function expectNumberedPages(pages: string[], reference: string): void {
  pages.forEach((page, i) => {
    expect(page, `page ${i + 1}`).toContain(squeeze(reference));
    expect(page, `page ${i + 1}`).toContain(`第${i + 1}页/共${pages.length}页`);
  });
}
function savePng(pdf: Uint8Array, name: string): string {
  const prefix = join(pngDir, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', writePdf(pdf), prefix]);
  return `${prefix}.png`;
}

function withEvaluation(patch: Partial<PurchaseEvaluation>): { backup: LedgerBackup; id: string } {
  const ev = { ...approved(), ...patch, id: 'ev-test' };
  return {
    backup: { ...demo, tables: { ...demo.tables, purchaseEvaluations: [...evaluations(), ev] } },
    id: ev.id,
  };
}

describe('the work request form (工作申请单)', () => {
  it('prints the request, the replaced device, the assessment, the decision and four signature lines', () => {
    const ev = approved();
    const requester = demo.tables.people!.find((p) => p.id === ev.requesterId)!;
    const department = demo.tables.departments!.find((d) => d.id === ev.departmentId)!;
    const old = demo.tables.devices!.find((d) => d.id === ev.replacesDeviceId)!;
    const { pdf } = print(demo, ev.id);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const all = squeeze(pages[0]!);
    expect(all).toContain('工作申请单');
    expect(all).toContain(`申请部门${department.name}申请人${requester.name}`);
    expect(all).toContain(squeeze(`申请事项${ev.item}预计费用899.00 元`));
    expect(all).toContain(squeeze(ev.reason));
    expect(all).toContain(`设备编号${old.assetTag}`);
    expect(all).toContain(`可行性${squeeze(ev.feasibility)}`);
    expect(all).toContain(`必要性${squeeze(ev.necessity)}`);
    expect(all).toContain(`评估建议${squeeze(ev.recommendation)}`);
    expect(all).toContain('审批结果已批准');
    expect(all).toContain(`审批人：${ev.approverName}`);
    const captions = ['申请人签字：', '部门负责人签字：', '网络主管签字：', '审批人签字：'];
    const at = captions.map((c) => all.indexOf(c));
    expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!))).toBe(true);
    expect(all.match(/日期：_+年_+月_+日/g)).toHaveLength(4);
    expect(savePng(pdf, 'evaluation-a4')).toSatisfy(existsSync);
  });

  it('prints a pending new purchase: no device replaced, no decision yet', () => {
    const { pdf } = print(demo, pending().id);
    const all = squeeze(pdfPages(pdf).join(''));
    expect(all).toContain('设备编号无（新增购置）');
    expect(all).toContain('审批结果待审批');
    expect(all).toContain('11800.00元');
    expect(savePng(pdf, 'evaluation-pending-a4')).toSatisfy(existsSync);
  });

  it('flows a long reason onto the next page and keeps the signatures whole', () => {
    const reason = Array.from(
      { length: 40 },
      (_, i) => `第 ${i + 1} 条：原设备故障频繁，影响日常办公。`,
    ).join('\n');
    const { backup, id } = withEvaluation({ reason });
    const { pdf } = print(backup, id, 'a5');
    const pages = pdfPages(pdf).map(squeeze);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('');
    for (const n of [1, 20, 40]) expect(all).toContain(`第${n}条：`);
    expect(pages.at(-1)).toContain('审批人签字：');
    expect(pages[1]).toContain('工作申请单（续）');
    expect(savePng(pdf, 'evaluation-long-a5')).toSatisfy(existsSync);
  });

  it('shows the new device once bought, and never a secret or an address', () => {
    const bought = demo.tables.devices!.find((d) => d.assetTag === 'SV-02')!;
    const { backup, id } = withEvaluation({
      status: 'bought',
      boughtDeviceId: bought.id,
      replacesDeviceId: demo.tables.devices!.find((d) => d.assetTag === 'SV-01')!.id,
    });
    const { pdf, text } = print(backup, id);
    const all = squeeze(pdfPages(pdf).join(''));
    expect(all).toContain('已购置');
    expect(all).toContain('新设备编号：SV-02');
    expect(all).toContain('设备编号SV-01');
    for (const secret of ['Demo-Only', 'admin', '192.168']) {
      expect(all).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    const collected = new Set(text);
    expect([...new Set(all)].filter((ch) => !collected.has(ch))).toEqual([]);
  });

  it.each(['a4', 'a5'] as const)('prints every demo request on one %s page', (paper) => {
    for (const ev of evaluations()) {
      const pages = pageTexts(print(demo, ev.id, paper).pdf);
      expect(pages, ev.item).toHaveLength(1);
      expectNumberedPages(pages, evaluationReference(ev));
    }
  });

  it.each(['a4', 'a5'] as const)(
    'keeps the four signatures with the decision, and names the form on every page, whatever the length of the reason (%s)',
    (paper) => {
      const sentence = '原设备故障频繁，维修费用已超过新购价格的一半，影响日常办公。';
      for (let length = 200; length <= 2000; length += 150) {
        const { backup, id } = withEvaluation({ reason: sentence.repeat(70).slice(0, length) });
        const pages = pageTexts(print(backup, id, paper).pdf);
        const signed = pages.filter((p) => p.includes('申请人签字：') && p.includes('审批人签字：'));
        expect(signed, `${length} characters`).toHaveLength(1);
        expect(signed[0], `${length} characters`).toContain('审批结果已批准');
        const ev = backup.tables.purchaseEvaluations!.find((e) => e.id === id)!;
        expectNumberedPages(pages, evaluationReference(ev));
      }
    },
  );

  it('asks for the id, and says when there is no such evaluation', () => {
    expect(() => form.collectText(demo)).toThrow(PdfFormError);
    expect(() => form.collectText(demo, 'nope')).toThrow('找不到工作申请单 / no purchase evaluation: nope');
  });
});
