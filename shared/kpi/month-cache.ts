// The KPI month cache's rules: what a month's figures are kept as (a summary small enough to store
// per month), which months a written record can change (so a write forgets exactly those), when a
// kept summary is still true, and the year so far drawn from the months' summaries. Pure: the
// renderer keeps the summaries in its local store and forgets them from the write pipeline.
import { addMonths, chinaMonth, monthPeriod } from '../time/china';
import { k3Pass, type KpiCardOutcome } from './card-outcome';
import type { KpiActuals, KpiId, KpiMonthReport } from './types';

/** One indicator as a tile shows it: its result, its counts and how many exceptions lie behind it. */
export interface KpiTileFigure {
  id: KpiId;
  pass: boolean | null;
  actual: Record<string, number>;
  exceptions: number;
}

/** A month's K1–K9 as kept in the cache. */
export interface KpiMonthSummary {
  month: string;
  /** The report time the figures were computed for (ISO). */
  now: string;
  indicators: KpiTileFigure[];
  dataProblems: number;
  /** Nothing recorded in the month: every indicator grey, whatever its counts. */
  empty?: boolean;
  /**
   * Each card K3 counts, by id, with its outcome: what lets a write of one card patch K3 from that
   * card alone (patchSummaryCard) instead of recomputing the month. Absent in summaries kept by
   * an older NetDesk, which are then recomputed as before.
   */
  cards?: Record<string, KpiCardOutcome>;
}

export function summarizeKpiMonth(
  report: KpiMonthReport,
  cards?: Record<string, KpiCardOutcome>,
): KpiMonthSummary {
  return {
    month: report.month,
    now: report.now,
    indicators: report.indicators.map((i) => ({
      id: i.id,
      pass: i.pass,
      actual: { ...(i.actual as unknown as Record<string, number>) },
      exceptions: i.exceptions.length,
    })),
    dataProblems: report.dataProblems.length,
    empty: report.indicators.every((i) => i.reason === 'no-records-in-month'),
    ...(cards ? { cards } : {}),
  };
}

/**
 * The summary with one card's K3 outcome replaced (null: K3 no longer counts the card), or null
 * when it cannot be patched and the month must be recomputed: kept without per-card outcomes, an
 * empty month (its first record turns every indicator from grey to judged), or a card leaving a
 * month (the month may become empty). K3's counts, exceptions and result move by that card alone,
 * by the engine's own rule (k3Pass); the other indicators do not read repair cards.
 */
export function patchSummaryCard(
  summary: KpiMonthSummary,
  cardId: string,
  outcome: KpiCardOutcome | null,
): KpiMonthSummary | null {
  if (!summary.cards || summary.empty) return null;
  const before = summary.cards[cardId] ?? null;
  if (before === outcome) return summary;
  if (outcome === null) return null;
  const k3 = summary.indicators.find((i) => i.id === 'K3');
  if (!k3) return null;
  const counts = { ...(k3.actual as unknown as KpiActuals['K3']) };
  let exceptions = k3.exceptions;
  let dataProblems = summary.dataProblems;
  if (before !== null) {
    if (before === 'problem') dataProblems -= 1;
    else counts[before] -= 1;
    if (before !== 'met') exceptions -= 1;
  }
  if (outcome === 'problem') dataProblems += 1;
  else counts[outcome] += 1;
  if (outcome !== 'met') exceptions += 1;
  const tile: KpiTileFigure = {
    id: 'K3',
    pass: k3Pass(counts),
    actual: { ...counts },
    exceptions,
  };
  return {
    ...summary,
    indicators: summary.indicators.map((i) => (i.id === 'K3' ? tile : i)),
    dataProblems,
    cards: { ...summary.cards, [cardId]: outcome },
  };
}

// A card stays "in progress" for at most its 24-hour clock, which parts waits and refusals can
// stretch; a week's check may be done up to the week's Sunday. Two days past the month's end
// nothing about a month depends on the clock any more, only on its records.
const SETTLED_AFTER_MS = 2 * 24 * 3600 * 1000;

/**
 * Whether a summary computed for `summary.now` still holds at `now`, its records unchanged: a
 * settled month always; a month still moving only within the same minute (the screens' clock).
 */
export function isSummaryCurrent(summary: Pick<KpiMonthSummary, 'month' | 'now'>, now: Date): boolean {
  const computed = Date.parse(summary.now);
  const settledAt = monthPeriod(summary.month).end.getTime() + SETTLED_AFTER_MS;
  if (computed >= settledAt) return true;
  return Math.floor(computed / 60_000) === Math.floor(now.getTime() / 60_000);
}

/** Months a record can change: `[from, to]` inclusive ('YYYY-MM'), `to` null for every later month. */
export interface MonthRange {
  from: string;
  to: string | null;
}

const ALL: MonthRange = { from: '0000-01', to: null };

function monthOf(at: unknown): string | null {
  if (typeof at !== 'string' || at === '') return null;
  // Dates ('YYYY-MM-DD') are China days already; instants are read in China time.
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at.slice(0, 7);
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? null : chinaMonth(new Date(ms));
}

const around = (month: string | null, before: number, after: number): MonthRange[] =>
  month ? [{ from: addMonths(month, -before), to: addMonths(month, after) }] : [ALL];
const yearFrom = (month: string | null): MonthRange[] =>
  month ? [{ from: month, to: `${month.slice(0, 4)}-12` }] : [ALL];

/**
 * The months whose K1–K9 a written record of `table` can change, generously: a repair event can
 * decide a card of the month before; a check or an update counts for a week that may straddle two
 * months; an incident or a training counts in every later month of its year (K1 and K9 run year to
 * date); a showing makes later showings of the same words repeats; a quote's words, a server and
 * the company's rest days reach every month. A record of a table the engine does not read: none.
 */
export function monthsTouched(table: string, record: Record<string, unknown>): MonthRange[] {
  switch (table) {
    case 'repairCards':
      return around(monthOf(record.receivedAt), 0, 0);
    case 'repairEvents':
      return around(monthOf(record.at), 1, 0);
    case 'routineChecks':
      return around(monthOf(record.at), 1, 1);
    case 'websiteUpdates':
      return around(monthOf(record.publishedAt), 1, 1);
    case 'networkIncidents':
      return yearFrom(monthOf(record.startAt));
    case 'trainings':
      return yearFrom(monthOf(record.date));
    case 'quoteSchedule': {
      const month = monthOf(record.date);
      return month ? [{ from: month, to: null }] : [ALL];
    }
    case 'quotes':
      return [ALL];
    case 'devices':
      return record.type === 'server' ? [ALL] : [];
    case 'ledgerSettings':
      return record.key === 'companyRestDays' ? [ALL] : [];
    default:
      return [];
  }
}

/** The tables whose records monthsTouched() can name months for. */
export const KPI_INPUT_TABLES = [
  'repairCards',
  'repairEvents',
  'routineChecks',
  'websiteUpdates',
  'networkIncidents',
  'trainings',
  'quoteSchedule',
  'quotes',
  'devices',
  'ledgerSettings',
] as const;

/** One indicator over the months of a year so far: how many months met, missed, or had nothing to judge. */
export interface KpiYearFigure {
  id: KpiId;
  met: number;
  missed: number;
  open: number;
  /** The months it missed, oldest first: each one click from its month's exceptions. */
  missedMonths: string[];
  /** The latest month's result for year-to-date indicators (K1, K9), which carry the year in each month. */
  latest: KpiTileFigure | null;
}

/** The year so far from its months' summaries (any order; the months of one year). */
export function yearSoFar(summaries: readonly KpiMonthSummary[]): KpiYearFigure[] {
  const months = [...summaries].sort((a, b) => a.month.localeCompare(b.month));
  const ids: KpiId[] = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9'];
  return ids.map((id) => {
    const figure: KpiYearFigure = { id, met: 0, missed: 0, open: 0, missedMonths: [], latest: null };
    for (const s of months) {
      const tile = s.indicators.find((i) => i.id === id);
      if (!tile) continue;
      figure.latest = tile;
      if (tile.pass === true) figure.met += 1;
      else if (tile.pass === false) {
        figure.missed += 1;
        figure.missedMonths.push(s.month);
      } else figure.open += 1;
    }
    return figure;
  });
}

/** The months of `month`'s year from January up to `month`. */
export function monthsOfYearSoFar(month: string): string[] {
  const out: string[] = [];
  for (let m = `${month.slice(0, 4)}-01`; m <= month; m = addMonths(m, 1)) out.push(m);
  return out;
}
