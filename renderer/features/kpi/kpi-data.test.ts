import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, figuresSha256, type KpiReportFigures } from '../../../shared/kpi/archive';
import { kpiChartSeries } from '../../../shared/kpi/charts';
import { computeKpiMonth } from '../../../shared/kpi/engine';
import { kpiLedgerFromTables } from '../../../shared/kpi/ledger';
import { ledgerTables, type LedgerTable, type RecordInput } from '../../../shared/schemas';
import type { BackupTables } from '../../../shared/backup';
import { setLedgerSetting } from '../../db/ledger-settings';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import {
  checkKpiMonth,
  issueKpiReport,
  readIssuedReports,
  readKpiMonth,
  reopenKpiReport,
  type DrawKpiPdf,
} from './kpi-data';

let seq = 0;
/** A stored record of `table`: the schema's defaults plus the repository's metadata. */
function stored<T extends LedgerTable>(table: T, input: RecordInput<T>, deletedAt: string | null = null) {
  seq += 1;
  const at = '2020-01-05T02:00:00.000Z';
  return {
    ...(ledgerTables[table].parse(input) as object),
    id: `${table}-${seq}`,
    createdAt: at,
    updatedAt: at,
    deletedAt,
    hlc: {},
  } as never;
}

const card = (cardNo: string, receivedAt: string, departmentId = 'dept-a'): object =>
  stored('repairCards', {
    cardNo,
    requesterName: '王芳',
    departmentId,
    faultCategory: 'printer',
    description: '打印机卡纸',
    receivedAt,
  });

/**
 * A small ledger with records on both sides of every edge of November and December 2026: a card at
 * 23:30 on 30 November written with its +08:00 offset, one at midnight on 1 December, an October
 * one, a deleted one; last year's outage; a check on the Monday of the week December owns; a quote
 * first shown in February and repeated in November; a training of last year.
 */
function handBuiltTables(): BackupTables {
  const cards = [
    card('WX-2026-A-0001', '2026-11-30T23:30:00+08:00'),
    card('WX-2026-A-0002', '2026-11-30T16:00:00.000Z', 'dept-b'),
    card('WX-2026-A-0003', '2026-10-31T15:59:59.000Z'),
    card('WX-2026-A-0004', '2026-11-10T01:00:00.000Z'),
    { ...card('WX-2026-A-0005', '2026-11-11T01:00:00.000Z'), deletedAt: '2026-11-12T01:00:00.000Z' },
  ] as { id: string; receivedAt: string }[];
  const events = cards.flatMap((c, i) => [
    stored('repairEvents', { cardId: c.id, type: 'received', at: c.receivedAt }),
    stored('repairEvents', {
      cardId: c.id,
      type: 'repaired',
      at: new Date(Date.parse(c.receivedAt) + (i % 2 ? 30 : 5) * 3600 * 1000).toISOString(),
    }),
  ]);
  const server = stored('devices', { assetTag: 'SRV-01', type: 'server', name: '文件服务器' }) as {
    id: string;
  };
  const quote = stored('quotes', { text: '天道酬勤，厚德载物。', normalized: '天道酬勤厚德载物' }) as {
    id: string;
  };
  return {
    departments: [
      { ...(stored('departments', { name: '财务部' }) as object), id: 'dept-a' },
      { ...(stored('departments', { name: '工程部' }) as object), id: 'dept-b' },
    ] as never,
    repairCards: cards as never,
    repairEvents: events,
    devices: [server as never, stored('devices', { assetTag: 'PC-01', type: 'computer' })],
    networkIncidents: [
      stored('networkIncidents', {
        startAt: '2025-12-20T00:00:00.000Z',
        endAt: '2025-12-22T00:00:00.000Z',
        cause: 'equipment',
      }),
      stored('networkIncidents', {
        startAt: '2026-03-01T00:00:00.000Z',
        endAt: '2026-03-03T00:00:00.000Z',
        cause: 'equipment',
      }),
      stored('networkIncidents', {
        startAt: '2026-11-15T00:00:00+08:00',
        endAt: '2026-11-16T02:00:00+08:00',
        cause: 'power-cut',
      }),
    ],
    routineChecks: [
      stored('routineChecks', {
        kind: 'server-maintenance',
        at: '2026-11-29T10:00:00+08:00',
        deviceIds: [server.id],
      }),
      stored('routineChecks', {
        kind: 'server-maintenance',
        at: '2026-11-30T10:00:00+08:00',
        deviceIds: [server.id],
      }),
      stored('routineChecks', { kind: 'cctv', at: '2026-11-04T02:00:00.000Z', result: 'problem' }),
      stored('routineChecks', { kind: 'website-security', at: '2026-10-28T02:00:00.000Z', site: '集团官网' }),
      stored('routineChecks', { kind: 'website-backup', at: '2026-12-02T02:00:00.000Z', site: '集团官网' }),
    ],
    websiteUpdates: [
      stored('websiteUpdates', {
        site: '集团官网',
        publishedAt: '2026-11-27T02:00:00.000Z',
        title: '通知',
        category: 'activity',
      } as never),
      stored('websiteUpdates', {
        site: '集团官网',
        publishedAt: '2026-12-01T02:00:00.000Z',
        title: '公告',
        category: 'activity',
      } as never),
    ],
    quotes: [quote as never],
    quoteSchedule: [
      stored('quoteSchedule', { date: '2026-02-10', quoteId: quote.id }),
      stored('quoteSchedule', { date: '2026-11-05', quoteId: quote.id }),
    ],
    trainings: [
      stored('trainings', { date: '2025-11-10', topic: 'Excel', kind: 'office-software' }),
      stored('trainings', { date: '2026-04-10', topic: 'Word', kind: 'office-software' }),
    ],
  };
}

async function fill(db: NetdeskDb, tables: BackupTables) {
  for (const [name, rows] of Object.entries(tables)) {
    if (rows?.length) await db.table(name).bulkAdd(rows as object[]);
  }
}

let db: NetdeskDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

describe('the KPI screen reads only the month window', () => {
  it('gives exactly what the engine gives on the whole ledger, month by month', async () => {
    const tables = handBuiltTables();
    await fill(db, tables);
    const full = kpiLedgerFromTables(tables);
    const now = new Date('2026-12-20T04:00:00.000Z');
    for (const month of ['2026-10', '2026-11', '2026-12']) {
      const fromWindow = await readKpiMonth(db, month, now);
      expect(fromWindow.report).toEqual(computeKpiMonth(full, month, now));
      expect(fromWindow.charts).toEqual(
        kpiChartSeries({ ...full, departments: tables.departments ?? [] }, month, now),
      );
    }
    // Not a vacuous comparison: the card of 23:30 on 30 November (written +08:00) is November's,
    // the one of midnight is December's, the deleted one is nobody's.
    const nov = await readKpiMonth(db, '2026-11', now);
    expect(nov.charts.cards).toEqual([
      ['WX-2026-A-0001', 'met'],
      ['WX-2026-A-0004', 'late'],
    ]);
    const dec = await readKpiMonth(db, '2026-12', now);
    expect(dec.charts.cards.map(([no]) => no)).toEqual(['WX-2026-A-0002']);
  });

  it("leaves the company's own rest days, set for the whole ledger, out of K6's working days", async () => {
    await fill(db, handBuiltTables());
    const now = new Date('2026-12-20T04:00:00.000Z');
    const k6 = async () =>
      (await readKpiMonth(db, '2026-11', now)).report.indicators.find((i) => i.id === 'K6')!.actual as {
        of: number;
      };
    const before = (await k6()).of;
    const repo = createRepository(db, { now: manualClock('2026-12-20T04:00:00.000Z').now });
    // Monday 16 November 2026 is an official working day; the company rests on it.
    await setLedgerSetting(db, repo, 'companyRestDays', ['2026-11-16']);
    expect((await k6()).of).toBe(before - 1);
  });

  it('refuses a month after the current one and a malformed one', () => {
    const now = new Date('2026-12-07T01:00:00.000Z');
    expect(checkKpiMonth('2026-12', now)).toBeNull();
    expect(checkKpiMonth('2019-01', now)).toBeNull();
    expect(checkKpiMonth('2027-01', now)).toBe('future-month');
    expect(checkKpiMonth('2026-13', now)).toBe('bad-month');
    // 31 December 16:30 UTC is already 1 January in China: January is the current month.
    expect(checkKpiMonth('2027-01', new Date('2026-12-31T16:30:00.000Z'))).toBeNull();
  });
});

describe('issued reports', () => {
  // A stand-in for the PDF renderer: deterministic bytes from the frozen figures.
  const draw: DrawKpiPdf = (figures, sha) =>
    Promise.resolve(new TextEncoder().encode(`%PDF ${sha} ${canonicalJson(figures).length}`));

  it('reopens the same bytes after a card is edited, and a re-issue lists the card now late', async () => {
    await fill(db, handBuiltTables());
    const clock = manualClock('2026-12-03T02:00:00.000Z');
    const repo = createRepository(db, { now: clock.now });
    const input = { month: '2026-11', remark: '本月平稳。', preparedBy: '王网管', company: '测试集团' };
    const v1 = await issueKpiReport({ db, repo }, { ...input, now: clock.now() }, draw);
    expect(v1).toMatchObject({ version: 1, changes: [], remark: '本月平稳。' });
    const original = await reopenKpiReport(db, v1, draw);
    expect(original).toMatchObject({ ok: true, source: 'archive' });

    // The card repaired 5 h after receipt is corrected to 30 h: late.
    const cardRow = (await db.repairCards.where('cardNo').equals('WX-2026-A-0001').first())!;
    const ev = (await db.repairEvents.where('cardId').equals(cardRow.id).toArray()).find(
      (e) => e.type === 'repaired',
    )!;
    await repo.update('repairEvents', ev.id, {
      at: new Date(Date.parse(cardRow.receivedAt) + 30 * 3600 * 1000).toISOString(),
    });

    clock.advance(86400 * 1000);
    const [stillV1] = await readIssuedReports(db, '2026-11');
    const again = await reopenKpiReport(db, stillV1!, draw);
    expect(again.ok && original.ok && again.bytes).toEqual(original.ok && original.bytes);
    expect(await figuresSha256(stillV1!.figures as unknown as KpiReportFigures)).toBe(v1.figuresSha256);

    const v2 = await issueKpiReport({ db, repo }, { ...input, now: clock.now() }, draw);
    expect(v2.version).toBe(2);
    expect(v2.figuresSha256).not.toBe(v1.figuresSha256);
    expect(v2.changes).toEqual([
      expect.objectContaining({
        id: 'K3',
        records: [{ kind: 'card', cardNo: 'WX-2026-A-0001', before: 'met', after: 'late' }],
      }),
    ]);
    expect((await readIssuedReports(db, '2026-11')).map((r) => r.version)).toEqual([2, 1]);
  });

  it('redraws from the frozen figures when the bytes are not on this PC, and refuses altered figures', async () => {
    await fill(db, handBuiltTables());
    const repo = createRepository(db, { now: () => new Date('2026-12-03T02:00:00.000Z') });
    const input = { month: '2026-11', remark: '', preparedBy: '', company: '' };
    const v1 = await issueKpiReport(
      { db, repo },
      { ...input, now: new Date('2026-12-03T02:00:00.000Z') },
      draw,
    );
    await db.attachments.clear();
    expect(await reopenKpiReport(db, v1, draw)).toMatchObject({ ok: true, source: 'redrawn' });

    const tampered = structuredClone(v1);
    (tampered.figures as unknown as KpiReportFigures).remark = '改过的意见';
    expect(await reopenKpiReport(db, tampered, draw)).toEqual({ ok: false, reason: 'figures-changed' });
  });
});
