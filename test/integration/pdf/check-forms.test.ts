// The routine checks on paper, read back with pdftotext: a filled check record with its problem
// item, the repair card opened from it and the CCTV provider contacts; a blank sheet per kind with
// the ledger's template and servers in service (the default checklist without a backup); the
// machine-room duty roster of a week with who did each round, rest days left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerBackup } from '../../../shared/backup';
import { buildDemoLedger } from '../../../shared/demo';
import { PdfFormError, pdfForms } from '../../../shared/pdf/forms';
import type { RoutineCheck } from '../../../shared/schemas';
import { openFormPrinter, type FormPrinter } from './print-text';

const now = new Date('2026-11-27T06:00:00Z');
const demo = buildDemoLedger({ now });
let printer: FormPrinter;
beforeAll(async () => {
  printer = await openFormPrinter('checks');
});
afterAll(() => printer.dispose());

const stamp = { createdAt: now.toISOString(), updatedAt: now.toISOString(), deletedAt: null, hlc: {} };
const cn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();

function withChecks(checks: RoutineCheck[], extra: Partial<LedgerBackup['tables']> = {}): LedgerBackup {
  return {
    ...demo,
    tables: { ...demo.tables, routineChecks: [...(demo.tables.routineChecks ?? []), ...checks], ...extra },
  };
}

describe('例行检查记录', () => {
  const server = demo.tables.devices!.find((d) => d.type === 'server' && d.status !== 'retired')!;
  const card = demo.tables.repairCards![0]!;
  const check: RoutineCheck = {
    id: 'chk-print',
    ...stamp,
    kind: 'cctv',
    at: cn('2026-11-24 10:00'),
    by: '王工',
    deviceIds: [server.id],
    site: '',
    slot: null,
    result: 'problem',
    findings: '3 号摄像机黑屏',
    actions: '已报服务商',
    providerContactedAt: cn('2026-11-25 11:30'),
    providerContacts: [
      {
        at: cn('2026-11-25 11:30'),
        provider: '海康威视售后',
        means: 'phone',
        agreed: '周四上门换电源',
        by: '王工',
      },
    ],
    items: [
      { label: `${server.assetTag} 在线`, deviceId: server.id, result: 'ok', note: '', repairCardId: null },
      {
        label: `${server.assetTag} 正常录像`,
        deviceId: server.id,
        result: 'problem',
        note: '无录像文件',
        repairCardId: card.id,
      },
    ],
    forDay: null,
    templateId: '',
  };

  it('prints the kind, time, who, each item with its result and card, and the provider contact', () => {
    const text = printer.print(pdfForms.check!, withChecks([check]), 'chk-print', now);
    for (const s of [
      '例行检查记录',
      '监控检查',
      '2026-11-2410:00',
      '王工',
      '无录像文件',
      card.cardNo,
      '海康威视售后',
      '周四上门换电源',
      '3号摄像机黑屏',
      '检查人签字',
      '网络主管签字',
    ])
      expect(text).toContain(s.replace(/\s+/g, ''));
    expect(text).toContain('有问题');
  });

  it('says which check is missing', () => {
    expect(() => pdfForms.check!.collectText(demo, 'nope')).toThrow(PdfFormError);
    expect(() => pdfForms.check!.collectText(demo)).toThrow(/--id/);
  });
});

describe('例行检查表 (blank)', () => {
  it('lists every server in service with the template’s items, and no retired server', () => {
    const text = printer.print(pdfForms['check-sheet']!, demo, 'server-maintenance', now);
    expect(text).toContain('服务器保养检查表');
    const servers = demo.tables.devices!.filter((d) => d.type === 'server');
    for (const s of servers.filter((d) => d.status !== 'retired')) expect(text).toContain(`${s.assetTag}`);
    for (const s of servers.filter((d) => d.status === 'retired')) expect(text).not.toContain(s.assetTag);
    expect(text).toContain('磁盘空间');
    expect(text).toContain('问题说明');
  });

  it('prints the default machine-room checklist from an empty ledger', () => {
    const text = printer.print(pdfForms['check-sheet']!, { ...demo, tables: {} }, 'machine-room', now);
    expect(text).toContain('机房巡检表');
    for (const item of ['设备运行', '电话线路', '网络线路', '无易燃物', '整洁', '门窗关闭'])
      expect(text).toContain(item);
  });

  it('refuses an unknown kind', () => {
    expect(() => pdfForms['check-sheet']!.collectText(demo, 'coffee')).toThrow(/--kind/);
  });
});

describe('机房巡检值班表', () => {
  const round = (at: string, slot: '08:00' | '16:30', by: string): RoutineCheck => ({
    id: `round-${at}`,
    ...stamp,
    kind: 'machine-room',
    at: cn(at),
    by,
    deviceIds: [],
    site: '',
    slot,
    result: 'ok',
    findings: '',
    actions: '',
    providerContactedAt: null,
    items: [],
    forDay: null,
    templateId: '',
  });

  it('prints the working days of the week with the round times and who did each round', () => {
    // 2026-09-28 (Mon) to 2026-10-04: 28–30 September are working days, 1–4 October the holiday.
    const backup = withChecks(
      [round('2026-09-29 08:05', '08:00', '赵值班'), round('2026-09-30 16:40', '16:30', '钱值班')],
      {
        routineChecks: [
          round('2026-09-29 08:05', '08:00', '赵值班'),
          round('2026-09-30 16:40', '16:30', '钱值班'),
        ],
      },
    );
    const text = printer.print(pdfForms['duty-roster']!, backup, '2026-10-01', now);
    expect(text).toContain('机房巡检值班表');
    expect(text).toContain('2026-09-28至2026-10-04');
    for (const slot of ['08:00', '11:00', '14:00', '16:30']) expect(text).toContain(slot);
    expect(text).toContain('2026-09-29星期二赵值班');
    expect(text).toContain('钱值班');
    expect(text).not.toContain('2026-10-01星期四');
    expect(text).not.toContain('2026-10-04星期日');
  });
});
