import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpiMonth, kpiRecordWindow } from './engine';
import { HOUR, LedgerBuilder } from './test-ledger';
import type { KpiLedger } from './types';

// Times from late October to mid-January in whole minutes, so that ties between records happen.
const BASE = Date.parse('2026-10-20T00:00:00+08:00');
const time = fc
  .integer({ min: 0, max: 90 * 24 * 60 })
  .map((min) => new Date(BASE + min * 60000).toISOString());
const day = fc
  .integer({ min: 0, max: 60 })
  .map((d) => new Date(BASE + d * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10));
const eventType = fc.constantFrom(
  'started',
  'part-ordered',
  'part-arrived',
  'repaired',
  'suggestion-given',
  'refused',
  'approved',
  'note',
) as fc.Arbitrary<'started'>;
const QUOTES = [
  '天道酬勤，厚德载物。',
  '天道酬勤, 厚德载物.',
  '千里之行，始于足下',
  '千里之行 始于足下！',
  '日新月异',
];

const ledgerArb = fc
  .record({
    cards: fc.array(fc.record({ at: time, events: fc.array(fc.tuple(eventType, time), { maxLength: 5 }) }), {
      maxLength: 12,
    }),
    incidents: fc.array(
      fc.record({
        start: time,
        hours: fc.option(fc.integer({ min: -5, max: 60 })),
        cause: fc.constantFrom('power-cut', 'carrier', 'equipment'),
        excluded: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    checks: fc.array(
      fc.record({
        kind: fc.constantFrom('server-maintenance', 'cctv', 'website-security', 'website-backup'),
        at: time,
        servers: fc.subarray([0, 1, 2]),
        problem: fc.boolean(),
        contactHours: fc.option(fc.integer({ min: 0, max: 40 })),
      }),
      { maxLength: 20 },
    ),
    updates: fc.array(fc.record({ at: time, site: fc.constantFrom('集团官网', '物业网站') }), {
      maxLength: 15,
    }),
    showings: fc.array(fc.record({ date: day, text: fc.constantFrom(...QUOTES), shown: fc.boolean() }), {
      maxLength: 30,
    }),
    trainings: fc.array(fc.record({ date: day, kind: fc.constantFrom('office-software', 'other') }), {
      maxLength: 4,
    }),
  })
  .map((g) => {
    const b = new LedgerBuilder();
    const servers = ['SRV-A', 'SRV-B', 'SRV-C'].map((tag) => b.server(tag));
    for (const c of g.cards) b.card(c.at, c.events);
    for (const i of g.incidents) {
      const end = i.hours === null ? null : new Date(Date.parse(i.start) + i.hours * HOUR).toISOString();
      b.incident(i.start, end, { cause: i.cause, excluded: i.excluded });
    }
    for (const c of g.checks) {
      b.check(c.kind, c.at, {
        deviceIds: c.kind === 'server-maintenance' ? c.servers.map((n) => servers[n]!.id) : [],
        result: c.problem ? 'problem' : 'ok',
        providerContactedAt:
          c.contactHours === null ? null : new Date(Date.parse(c.at) + c.contactHours * HOUR).toISOString(),
      });
    }
    for (const u of g.updates) b.update(u.at, u.site);
    for (const s of g.showings) b.quote(s.date, s.text, s.shown);
    for (const t of g.trainings) b.training(t.date, t.kind);
    return b;
  });

/** The same records, each table in another order given by the seed. */
function shuffled(ledger: KpiLedger, seed: number): KpiLedger {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const mix = <T>(rows: readonly T[]): T[] => {
    const out = [...rows];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    cards: mix(ledger.cards),
    cardEvents: mix(ledger.cardEvents),
    incidents: mix(ledger.incidents),
    checks: mix(ledger.checks),
    devices: mix(ledger.devices),
    websiteUpdates: mix(ledger.websiteUpdates),
    quotes: mix(ledger.quotes),
    quoteSchedule: mix(ledger.quoteSchedule),
    trainings: mix(ledger.trainings),
  };
}

/** Only the records kpiRecordWindow says the month needs, as the app reads them by index. */
function windowed(ledger: KpiLedger, month: string): KpiLedger {
  const w = kpiRecordWindow(month);
  const within = (at: string, r: { from: string; to: string }) =>
    Date.parse(at) >= Date.parse(r.from) && Date.parse(at) < Date.parse(r.to);
  const cards = ledger.cards.filter((c) => within(c.receivedAt, w.cardsReceived));
  const ids = new Set(cards.map((c) => c.id));
  return {
    cards,
    cardEvents: ledger.cardEvents.filter((e) => ids.has(e.cardId)),
    incidents: ledger.incidents.filter((i) => within(i.startAt, w.incidentsStarted)),
    checks: ledger.checks.filter((c) => within(c.at, w.checksAndUpdates)),
    devices: ledger.devices,
    websiteUpdates: ledger.websiteUpdates.filter((u) => within(u.publishedAt, w.checksAndUpdates)),
    quotes: ledger.quotes,
    quoteSchedule: ledger.quoteSchedule.filter((s) => s.date <= w.quoteDaysUntil),
    trainings: ledger.trainings.filter((t) => t.date >= w.trainingDays.from && t.date <= w.trainingDays.to),
  };
}

describe('the KPI engine', () => {
  it('needs only the records of its window: the same answer as from the whole ledger', () => {
    fc.assert(
      fc.property(
        ledgerArb,
        fc.constantFrom('2026-11', '2026-12'),
        fc.integer({ min: 0, max: 50 * 24 }),
        (ledger, month, nowHours) => {
          const now = new Date(Date.parse('2026-12-01T00:00:00+08:00') + nowHours * HOUR);
          expect(computeKpiMonth(windowed(ledger, month), month, now)).toEqual(
            computeKpiMonth(ledger, month, now),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same answer whatever the order of the records', () => {
    fc.assert(
      fc.property(
        ledgerArb,
        fc.integer(),
        fc.constantFrom('2026-11', '2026-12'),
        fc.integer({ min: 0, max: 50 * 24 }),
        (ledger, seed, month, nowHours) => {
          const now = new Date(Date.parse('2026-12-01T00:00:00+08:00') + nowHours * HOUR);
          const a = computeKpiMonth(ledger, month, now);
          const b = computeKpiMonth(shuffled(ledger, seed), month, now);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });
});
