// 保证申请书 printed from the demo ledger: its title, the employee, computer and program, the
// reason, the ledger's own pledge wording (as edited in the app), and the three signature lines,
// checked by the text pdftotext extracts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFontSubsetter, readFontFile, type FontSubsetter } from '../../../electron/services/font';
import type { LedgerBackup } from '../../../shared/backup';
import { buildDemoLedger } from '../../../shared/demo';
import { findMissingGlyphs } from '../../../shared/pdf/font';
import { PdfFormError, pdfForms } from '../../../shared/pdf/forms';

const now = new Date('2026-11-27T06:00:00Z');
const demo = buildDemoLedger({ now });
const form = pdfForms.guarantee!;
const work = mkdtempSync(join(tmpdir(), 'netdesk-guarantee-'));
let subsetter: FontSubsetter;

beforeAll(async () => {
  subsetter = await openFontSubsetter(await readFontFile());
});
afterAll(() => {
  subsetter.dispose();
  rmSync(work, { recursive: true, force: true });
});

const squeeze = (text: string) => text.replace(/\s+/g, '');

function printedText(backup: LedgerBackup, id: string): string {
  const text = form.collectText(backup, id);
  expect(findMissingGlyphs(text, subsetter.codepoints)).toEqual([]);
  const pdf = form.render(backup, {
    id,
    paper: 'a4',
    now,
    font: { name: 'NotoSansSC', bytes: subsetter.subset(text) },
  });
  const file = join(work, `${id}.pdf`);
  writeFileSync(file, pdf);
  return squeeze(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

describe('保证申请书', () => {
  const permission = demo.tables.imPermissions![0]!;
  const person = demo.tables.people!.find((p) => p.id === permission.personId)!;
  const device = demo.tables.devices!.find((d) => d.id === permission.deviceId)!;

  it('prints the employee, the computer, the program, the pledge and three signature lines', () => {
    const backup: LedgerBackup = {
      ...demo,
      tables: {
        ...demo.tables,
        imPermissions: [{ ...permission, reason: '与外地项目公司传送工程图纸' }],
      },
    };
    const text = printedText(backup, permission.id);
    expect(text).toContain('保证申请书');
    expect(text).toContain(person.name);
    expect(text).toContain(device.assetTag);
    expect(text).toContain(permission.software);
    expect(text).toContain('与外地项目公司传送工程图纸');
    expect(text).toContain('不用于聊天娱乐');
    for (const who of ['申请人签字', '部门负责人签字', '网络主管签字']) expect(text).toContain(who);
  });

  it('prints the pledge as the ledger has it worded', () => {
    const at = now.toISOString();
    const backup: LedgerBackup = {
      ...demo,
      tables: {
        ...demo.tables,
        ledgerSettings: [
          ...(demo.tables.ledgerSettings ?? []),
          {
            id: 'pledge',
            key: 'guaranteePledge',
            value: '本人承诺上班时间只用于业务联系。',
            createdAt: at,
            updatedAt: '2099-01-01T00:00:00.000Z',
            deletedAt: null,
            hlc: {},
          },
        ],
      },
    };
    const text = printedText(backup, permission.id);
    expect(text).toContain('本人承诺上班时间只用于业务联系。');
    expect(text).not.toContain('不用于聊天娱乐');
  });

  it('says which permission is missing', () => {
    expect(() => form.collectText(demo, 'nope')).toThrow(PdfFormError);
    expect(() => form.collectText(demo)).toThrow(/--id/);
  });
});
