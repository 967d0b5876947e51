// The 工作申请单 as printed from the ledger: replacing a printer, the form names its responsible
// person by the seed's rule (the user of the computer it is attached to), read from what the
// print source loads, and checked in the PDF's text as a reader copying it would get it. The
// test stands in for the main process: the real font service (Node) and poppler's pdftotext.
 
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFontSubsetter, readFontFile, type FontSubsetter } from '../../../electron/services/font';
import { pdfForms } from '../../../shared/pdf/forms';
import { createRepository } from '../../../renderer/db/repository';
import { freshDb } from '../../../renderer/db/test-support';
import { evaluationPrintSource } from '../../../renderer/features/evaluations/print-evaluation';

const work = mkdtempSync(join(tmpdir(), 'netdesk-print-evaluation-'));
let subsetter: FontSubsetter;
beforeAll(async () => {
  subsetter = await openFontSubsetter(await readFontFile());
});
afterAll(() => {
  subsetter.dispose();
  rmSync(work, { recursive: true, force: true });
});

async function ledgerWithPrinter() {
  const db = await freshDb();
  const repo = createRepository(db);
  const finance = await repo.create('departments', { name: '财务部' });
  const requester = await repo.create('people', {
    employeeNo: '1001',
    name: '王芳',
    departmentId: finance.id,
  });
  const user = await repo.create('people', { employeeNo: '1002', name: '卢敏琪', departmentId: finance.id });
  const computer = await repo.create('devices', {
    assetTag: 'PC-0101',
    type: 'computer',
    userPersonId: user.id,
    secret: 'admin / Pc-Secret',
  });
  const printer = await repo.create('devices', {
    assetTag: 'PR-0101',
    type: 'printer',
    name: '财务部打印机',
    attachedToDeviceId: computer.id,
  });
  const evaluation = await repo.create('purchaseEvaluations', {
    departmentId: finance.id,
    requesterId: requester.id,
    requestedOn: '2026-12-01',
    item: '激光打印机 1 台',
    reason: '打印机卡纸频繁，维修不划算。',
    replacesDeviceId: printer.id,
  });
  return { db, evaluation };
}

function pdfText(source: Parameters<NonNullable<(typeof pdfForms)['evaluation']>['render']>[0], id: string) {
  const form = pdfForms.evaluation!;
  const text = form.collectText(source, id);
  const pdf = form.render(source, {
    id,
    paper: 'a4',
    now: new Date('2026-12-07T04:00:00Z'),
    font: { name: 'NotoSansSC', bytes: subsetter.subset(text) },
  });
  const file = join(work, `${id}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('printing a work request that replaces a printer', () => {
  it("names the printer's responsible person: the user of its computer", async () => {
    const { db, evaluation } = await ledgerWithPrinter();
    const source = await evaluationPrintSource(db, evaluation);
    const text = pdfText(source, evaluation.id).replace(/\s+/g, '');
    expect(text).toContain('PR-0101');
    expect(text).toContain('责任人卢敏琪');
    expect(text).toContain('申请人王芳');
    // The computer was read for the rule; its secret never reaches the paper.
    expect(source.tables.devices!.every((d) => d.secret === '')).toBe(true);
    expect(text).not.toContain('Pc-Secret');
    db.close();
  });
});
