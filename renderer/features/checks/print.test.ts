// What the checks screen hands the check forms: read from a fake-indexeddb ledger, then laid out by
// the very form the print uses (collectText lists exactly what the page draws), so each test says
// what the printed page shows and leaves out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotItems, templateOf } from '../../../shared/checks/templates';
import { pdfForms } from '../../../shared/pdf/forms';
import { setLedgerSetting } from '../../db/ledger-settings';
import { createRepository, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { saveCheck, serversInService, type CheckInput } from './data';
import { CheckPrintNotFound, checkPrintInput, type CheckPrint } from './print';

let db: NetdeskDb;
let repo: Repository;
const cn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
const now = new Date(cn('2026-12-09 17:00')); // Wednesday of the week 2026-12-07 – 12-13

beforeEach(async () => {
  db = await freshDb();
  repo = createRepository(db, { now: manualClock(now.toISOString()).now });
  await repo.create('devices', { assetTag: 'SRV-01', type: 'server', name: '财务服务器' });
  await repo.create('devices', { assetTag: 'SRV-09', type: 'server', status: 'retired' });
  await repo.create('devices', { assetTag: 'CAM-01', type: 'cctv-camera' });
  await setLedgerSetting(db, repo, 'companyName', '华东实业集团');
});
afterEach(() => db.close());

/** The text the form would draw from what the screen hands it. */
async function printedText(what: CheckPrint): Promise<string> {
  const input = await checkPrintInput(db, what);
  return pdfForms[input.formName]!.collectText(input.source, input.id);
}

const round = (at: string, by: string, slot: '08:00' | '14:00', forDay?: string): CheckInput => ({
  kind: 'machine-room',
  at,
  by,
  slot,
  forDay: forDay ?? null,
  deviceIds: [],
  items: snapshotItems(templateOf([], 'machine-room'), []).map((l) => ({ ...l, result: 'ok', note: '' })),
});

describe('printing the checks’ forms', () => {
  it('prints a done server check with its server, the problem and the company', async () => {
    const servers = await serversInService(db);
    const lines = snapshotItems(
      templateOf([], 'server-maintenance'),
      servers.map((d) => ({ id: d.id, label: d.assetTag })),
    );
    const check = await saveCheck(
      db,
      repo,
      {
        kind: 'server-maintenance',
        at: cn('2026-12-09 15:00'),
        by: '王工',
        deviceIds: servers.map((d) => d.id),
        items: lines.map((l, i) => ({
          ...l,
          result: i === 0 ? 'problem' : 'ok',
          note: i === 0 ? '磁盘剩余 5%' : '',
        })),
      },
      now,
    );
    const input = await checkPrintInput(db, { form: 'check', checkId: check.id });
    expect(input.fileName).toBe('例行检查记录-服务器保养-2026-12-09.pdf');
    const text = await printedText({ form: 'check', checkId: check.id });
    expect(text).toContain('SRV-01 财务服务器');
    expect(text).toContain('磁盘剩余 5%');
    expect(text).toContain('王工');
    expect(text).toContain('华东实业集团');
  });

  it('refuses to print a check that is gone', async () => {
    await expect(checkPrintInput(db, { form: 'check', checkId: 'nope' })).rejects.toBeInstanceOf(
      CheckPrintNotFound,
    );
  });

  it('prints a blank server sheet from the ledger’s template and the servers in service only', async () => {
    await setLedgerSetting(db, repo, 'checkTemplates', [
      { kind: 'server-maintenance', items: [{ label: 'RAID 状态', perDevice: true }] },
    ]);
    const text = await printedText({ form: 'check-sheet', kind: 'server-maintenance' });
    expect(text).toContain('服务器保养检查表');
    expect(text).toContain('SRV-01 财务服务器 RAID 状态');
    expect(text).not.toContain('SRV-09');
    expect(text).not.toContain('CAM-01');
    expect(text).not.toContain('磁盘空间');
    const cctv = await printedText({ form: 'check-sheet', kind: 'cctv' });
    expect(cctv).toContain('CAM-01');
    expect(cctv).not.toContain('SRV-01');
  });

  it('prints the duty roster of the shown week: who did each round, a made-up round on its day, no other week', async () => {
    await saveCheck(db, repo, round(cn('2026-12-07 08:05'), '张三', '08:00'), now);
    await saveCheck(db, repo, round(cn('2026-12-09 14:10'), '李四', '14:00'), now);
    // Done on Wednesday for Tuesday's morning round: it belongs to Tuesday's row.
    await saveCheck(db, repo, round(cn('2026-12-09 09:00'), '王五', '08:00', '2026-12-08'), now);
    // Last week's round stays off this week's roster.
    await saveCheck(db, repo, round(cn('2026-12-04 08:03'), '赵六', '08:00'), now);
    const input = await checkPrintInput(db, { form: 'duty-roster', day: '2026-12-09' });
    expect(input.id).toBe('2026-12-07');
    expect(input.fileName).toBe('机房巡检值班表-2026-W50.pdf');
    const text = await printedText({ form: 'duty-roster', day: '2026-12-09' });
    const row = (day: string) => text.split('\n').find((l) => l.startsWith(day)) ?? '';
    expect(row('2026-12-07')).toContain('张三');
    expect(row('2026-12-08')).toContain('王五');
    expect(row('2026-12-09')).toContain('李四');
    expect(text).not.toContain('赵六');
  });
});
