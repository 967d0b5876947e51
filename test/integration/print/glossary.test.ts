// The printed repair card and the screen speak with one glossary (shared/i18n/glossary.ts): the
// label a field has on the card in the drawer is the label it has on the paper that gets signed.
// Runs the real font subsetter (Node) and reads the PDF with poppler's pdftotext.
 
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFontSubsetter, readFontFile, type FontSubsetter } from '../../../electron/services/font';
import { buildDemoLedger } from '../../../shared/demo';
import { GLOSSARY } from '../../../shared/i18n/glossary';
import { pdfForms } from '../../../shared/pdf/forms';
import { formatCardTime } from '../../../shared/pdf/forms/repair-card';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-CN';

const now = new Date('2026-11-27T06:00:00Z');
const demo = buildDemoLedger({ now });
const work = mkdtempSync(join(tmpdir(), 'netdesk-glossary-'));
let subsetter: FontSubsetter;

beforeAll(async () => {
  subsetter = await openFontSubsetter(await readFontFile());
});
afterAll(() => {
  subsetter.dispose();
  rmSync(work, { recursive: true, force: true });
});

const squeeze = (text: string) => text.replace(/\s+/g, '');

function printedCard(cardNo: string): string {
  const form = pdfForms.card!;
  const text = form.collectText(demo, cardNo);
  const pdf = form.render(demo, {
    id: cardNo,
    paper: 'a4',
    now,
    font: { name: 'NotoSansSC', bytes: subsetter.subset(text) },
  });
  const file = join(work, `${cardNo}.pdf`);
  writeFileSync(file, pdf);
  return squeeze(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

describe('one glossary for the screen and the paper', () => {
  it('prints each field of the card under the label the screen gives it', () => {
    const cards = demo.tables.repairCards!;
    const intake = cards.find((c) => c.status === 'received')!;
    const done = cards.find((c) => c.description.includes('硬盘灯常亮'))!;
    const screen = zhCN.repair.fields;
    const paper = printedCard(intake.cardNo);
    expect(paper).toContain(`${screen.cardNo}${intake.cardNo}`);
    expect(paper).toContain(`${screen.status}${zhCN.repair.status.received}`);
    expect(paper).toContain(`${screen.requester}${squeeze(intake.requesterName)}`);
    expect(paper).toContain(`${screen.receivedAt}${squeeze(formatCardTime(intake.receivedAt))}`);
    expect(paper).toContain(`${screen.deviceTag}${intake.deviceTag}`);
    expect(paper).toContain(`${screen.faultCategory}${zhCN.repair.fault[intake.faultCategory]}`);
    expect(paper).toContain(`${screen.description}${squeeze(intake.description)}`);
    expect(paper).toContain(`${screen.requester}签字：`);

    const record = printedCard(done.cardNo);
    expect(record).toContain(`${screen.status}${zhCN.repair.status[done.status]}`);
    expect(record).toContain(`${screen.diagnosis}${squeeze(done.diagnosis).slice(0, 8)}`);
    expect(record).toContain(`${screen.workDone}${squeeze(done.workDone).slice(0, 8)}`);
    expect(record).toContain(`${screen.partName}`);
    expect(record).toContain(`${screen.partCost}`);
    // The words the first users found differing: 申请人/已接收/接收时间 on paper only.
    for (const stale of ['申请人', '已接收', '接收时间']) {
      expect(paper).not.toContain(stale);
      expect(record).not.toContain(stale);
    }
  });

  it('gives the screen, in both languages, the glossary’s words', () => {
    for (const [dict, words] of [
      [zhCN, GLOSSARY.zh],
      [en, GLOSSARY.en],
    ] as const) {
      expect(dict.repair.status).toEqual(words.repairStatus);
      expect(dict.repair.fault).toEqual(words.faultCategory);
      expect(dict.devices.types).toEqual(words.deviceType);
      for (const [field, word] of Object.entries(words.card)) {
        if (field in dict.repair.fields) {
          expect(dict.repair.fields[field as keyof typeof dict.repair.fields], field).toBe(word);
        }
      }
    }
  });
});
