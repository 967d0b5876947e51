// K6 with a fold of the earlier quotes gives the plain engine's answer: over showings spread across
// years, with the fold made in one go or month by month from any day up to the month's 1st, and
// the ledger holding only the showings from the fold's day on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpiMonth } from './engine';
import { EMPTY_QUOTE_FOLD, extendQuoteFold, quoteKey } from './quote-fold';
import { LedgerBuilder } from './test-ledger';
import { normalizeQuote } from '../culture/quotes';

const QUOTES = [
  '天道酬勤，厚德载物。',
  '天道酬勤, 厚德载物.',
  '千里之行，始于足下',
  '千里之行 始于足下！',
  '日新月异',
  '學而時習之',
];
const DAY0 = Date.parse('2023-01-01T00:00:00Z');
const dayOf = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
const YEARS4 = 4 * 365;

const showingsArb = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: YEARS4 }),
    text: fc.constantFrom(...QUOTES, '学而时习之'),
    shown: fc.boolean(),
    deleted: fc.boolean(),
  }),
  { maxLength: 60 },
);

describe("K6's fold of earlier quotes", () => {
  it('gives the plain engine’s answer over several years, however the fold was made', () => {
    fc.assert(
      fc.property(
        showingsArb,
        fc.integer({ min: 1, max: 47 }),
        fc.array(fc.integer({ min: 0, max: YEARS4 }), { maxLength: 4 }),
        (rows, monthIndex, cuts) => {
          const b = new LedgerBuilder();
          for (const r of rows) {
            const s = b.quote(dayOf(r.day), r.text, r.shown);
            if (r.deleted && r.day % 3 === 0) Object.assign(s, { deletedAt: '2027-01-01T00:00:00Z' });
          }
          const month = `${2023 + Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
          const first = `${month}-01`;
          const now = new Date('2027-03-01T00:00:00Z');
          // The fold made in steps at the given days (those up to the month's 1st), then to the 1st.
          const steps = [...cuts.map(dayOf).filter((d) => d < first), first].sort();
          let fold = EMPTY_QUOTE_FOLD;
          for (const day of steps) fold = extendQuoteFold(fold, b.quotes, b.quoteSchedule, day);
          const windowed = {
            ...b,
            quoteSchedule: b.quoteSchedule.filter((s) => s.date >= first),
          };
          expect(computeKpiMonth(windowed, month, now, { quoteFold: fold })).toEqual(
            computeKpiMonth(b, month, now),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('folds a text as normalizeQuote does, remembered', () => {
    for (const text of QUOTES) {
      expect(quoteKey(text)).toBe(normalizeQuote(text));
      expect(quoteKey(text)).toBe(normalizeQuote(text));
    }
    expect(quoteKey('學而時習之')).toBe(quoteKey('学而时习之'));
  });

  it('refuses a fold that starts after the month began, and one taken back in time', () => {
    const b = new LedgerBuilder();
    b.quote('2026-11-03', '日新月异');
    const late = extendQuoteFold(EMPTY_QUOTE_FOLD, b.quotes, b.quoteSchedule, '2026-11-02');
    expect(() =>
      computeKpiMonth(b, '2026-11', new Date('2026-12-01T00:00:00Z'), { quoteFold: late }),
    ).toThrow(/2026-11-02/);
    expect(() => extendQuoteFold(late, b.quotes, b.quoteSchedule, '2026-10-01')).toThrow();
  });
});
