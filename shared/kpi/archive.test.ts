import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  diffKpiFigures,
  figuresSha256,
  freezeKpiReport,
  latestVersion,
  recordChangeText,
  figureChangeText,
  type KpiReportFigures,
} from './archive';
import { kpiChartSeries } from './charts';
import { computeKpiMonth } from './engine';
import { cst, LedgerBuilder, plus } from './test-ledger';

const month = '2026-11';
const issuedAt = new Date(cst('2026-12-03 10:00'));

function figuresOf(b: LedgerBuilder, now: Date, previous: KpiReportFigures | null, remark = '') {
  return freezeKpiReport(
    {
      report: computeKpiMonth(b, month, now),
      charts: kpiChartSeries({ ...b, departments: [] }, month, now),
      issuedAt: now,
      company: '某某集团',
      preparedBy: '王网管',
      remark,
    },
    previous,
  );
}

function ledger() {
  const b = new LedgerBuilder();
  const r1 = cst('2026-11-02 09:00');
  const r7 = cst('2026-11-10 09:00');
  b.card(r1, [['repaired', plus(r1, 3)]], 'WX-2026-A-0001');
  const late = b.card(r7, [['repaired', plus(r7, 20)]], 'WX-2026-A-0007');
  return { b, late, r7 };
}

describe('freezing an issued report', () => {
  it('keeps the same figures and SHA-256 after the records change', async () => {
    const { b } = ledger();
    const v1 = figuresOf(b, issuedAt, null, '本月网络平稳。');
    const sha = await figuresSha256(v1);
    const stored = canonicalJson(v1);

    // After issuing, the card's repair is corrected to 30 h after receipt and a new card is logged.
    const ev = b.cardEvents.find((e) => e.type === 'repaired' && e.cardId === b.cards[1]!.id)!;
    ev.at = plus(b.cards[1]!.receivedAt, 30);
    b.card(cst('2026-11-20 09:00'), [], 'WX-2026-A-0009');

    // The archived version reads back to the same figures and the same SHA-256.
    const reopened = JSON.parse(stored) as KpiReportFigures;
    expect(await figuresSha256(reopened)).toBe(sha);
    expect(reopened.report.indicators.find((i) => i.id === 'K3')!.actual).toMatchObject({ met: 2, late: 0 });
    // The live ledger now says otherwise: a new version would differ.
    const live = figuresOf(b, new Date(cst('2026-12-05 10:00')), v1);
    expect(await figuresSha256(live)).not.toBe(sha);
  });

  it('gives the same SHA-256 whatever the key order of the stored JSON', async () => {
    const { b } = ledger();
    const v1 = figuresOf(b, issuedAt, null);
    const shuffled: unknown = JSON.parse(
      JSON.stringify(v1, Object.keys(v1).reverse().concat(collectKeys(v1))),
    );
    expect(await figuresSha256(shuffled as KpiReportFigures)).toBe(await figuresSha256(v1));
  });
});

function collectKeys(v: unknown, out = new Set<string>()): string[] {
  if (Array.isArray(v)) v.forEach((x) => collectKeys(x, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      collectKeys(x, out);
    }
  return [...out].reverse();
}

describe('re-issuing a report', () => {
  it('makes version 2 listing the changed indicator and the card now late', () => {
    const { b, late } = ledger();
    const v1 = figuresOf(b, issuedAt, null);
    expect(v1.version).toBe(1);
    expect(v1.changes).toEqual([]);

    const ev = b.cardEvents.find((e) => e.type === 'repaired' && e.cardId === late.id)!;
    ev.at = plus(late.receivedAt, 26);
    const v2 = figuresOf(b, new Date(cst('2026-12-05 10:00')), v1);
    expect(v2.version).toBe(2);
    expect(v2.changes.map((c) => c.id)).toEqual(['K3']);
    const k3 = v2.changes[0]!;
    expect(k3.before).toMatchObject({ actual: { met: 2, late: 0 }, pass: true });
    expect(k3.after).toMatchObject({ actual: { met: 1, late: 1 }, pass: false });
    expect(k3.records).toEqual([{ kind: 'card', cardNo: 'WX-2026-A-0007', before: 'met', after: 'late' }]);
    expect(recordChangeText(k3.records[0]!, 'zh')).toBe('维修卡 WX-2026-A-0007：按时 → 超时');
    expect(recordChangeText(k3.records[0]!, 'en')).toBe('card WX-2026-A-0007: on time → late');
    expect(figureChangeText(k3, 'zh')).toContain('K3');
    expect(figureChangeText(k3, 'zh')).toContain('达标 → ');
  });

  it('lists an exception that appeared or went, and nothing when only the report time moved', () => {
    const b = new LedgerBuilder();
    const srv = b.server('SRV-01');
    // November 2026 weeks: 2, 9, 16, 23 Nov (the week of 30 Nov is December's).
    for (const d of ['02', '09', '16'])
      b.check('server-maintenance', cst(`2026-11-${d} 10:00`), { deviceIds: [srv.id] });
    const v1 = figuresOf(b, issuedAt, null);
    const k4 = v1.report.indicators.find((i) => i.id === 'K4')!;
    expect(k4.actual).toEqual({ covered: 3, of: 4 });

    // Re-issued later, with nothing changed: no change listed.
    expect(figuresOf(b, new Date(cst('2026-12-06 10:00')), v1).changes).toEqual([]);

    // The missing week's record is entered late: K4 is now met, the week no longer listed.
    b.check('server-maintenance', cst('2026-11-26 10:00'), { deviceIds: [srv.id] });
    const v2 = figuresOf(b, new Date(cst('2026-12-06 10:00')), v1);
    expect(v2.changes).toHaveLength(1);
    expect(v2.changes[0]!.records).toEqual([
      expect.objectContaining({ kind: 'exception', ref: 'server-week:2026-W48:SRV-01', after: null }),
    ]);
    expect(recordChangeText(v2.changes[0]!.records[0]!, 'zh')).toMatch(/^已消除：.*SRV-01/);
  });

  it('refuses to compare versions of different months and finds the latest version', () => {
    const { b } = ledger();
    const v1 = figuresOf(b, issuedAt, null);
    expect(() =>
      freezeKpiReport({ ...v1, report: { ...v1.report, month: '2026-10' }, issuedAt }, v1),
    ).toThrow(RangeError);
    const rows = [
      { month, version: 1 },
      { month, version: 3 },
      { month: '2026-10', version: 5 },
      { month, version: 2 },
    ];
    expect(latestVersion(rows, month)).toEqual({ month, version: 3 });
    expect(latestVersion(rows, '2026-09')).toBeNull();
    expect(diffKpiFigures(v1, v1)).toEqual([]);
  });
});
