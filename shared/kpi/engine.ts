// The monthly KPI engine: K1–K9 of one month as pure functions of the ledger's records, the month
// 'YYYY-MM' and the report time `now`. docs/kpi.md states each indicator exactly as computed here.
//
// Rules that hold for every indicator:
// - China time throughout (shared/time/china); a Monday–Sunday week belongs to the month of its
//   Thursday.
// - Nothing dated after `now` is seen, so a report run with an earlier `now` shows the month as it
//   stood then. A week not over at `now` counts only if it has already met its target; otherwise it
//   is in progress, not missed. Likewise today counts for the daily quote only once covered, and
//   days after today not at all.
// - Deleted and half-synced records are left out by the one predicate the lists use (isListed).
// - A month with no record at all gives every indicator pass null ("no records this month"); an
//   indicator with nothing to judge gives pass null with its reason; never a division by zero.
// - Records with impossible dates are listed as data problems and not counted.
// - The answer does not depend on the order of the records: what is counted is put in a fixed order
//   (by time, then id) and the exceptions are sorted.
import { hasOfficialCalendar, workingDaysIn } from '../calendar/workdays';
import { SLA_HOURS } from '../repair/sla';
import { isListed } from '../sync/arrival';
import {
  addDays,
  chinaDay,
  dayStart,
  isChinaMonth,
  monthDays,
  mondayOf,
  monthPeriod,
  weeksOfMonth,
  yearToDatePeriod,
  type ChinaWeek,
} from '../time/china';
import { quoteKey } from './quote-fold';
import { cardOutcome, countsInK3, eventsByCard, k3Pass, type KpiCardOutcome } from './card-outcome';
import type {
  DataProblem,
  KpiActuals,
  KpiException,
  KpiId,
  KpiIndicator,
  KpiLedger,
  KpiMonthMessageCode,
  KpiMonthReport,
  KpiNullReason,
  KpiOptions,
  KpiRecord,
  KpiTargets,
  WeekRef,
} from './types';

const HOUR_MS = 3600 * 1000;
/** K1: an outage longer than this is a major incident; exactly 24 h is not. */
export const MAJOR_INCIDENT_HOURS = 24;
/** K2: a power-cut outage must be restored within this many hours. */
export const POWER_CUT_RESTORE_HOURS = 24;
/** K5: a CCTV fault must be reported to the service provider within this many hours. */
export const CCTV_CONTACT_HOURS = 24;

export const KPI_TARGETS: KpiTargets = {
  K1: { maxPerYear: 10 },
  K2: { share: 1, withinHours: POWER_CUT_RESTORE_HOURS },
  K3: { share: 1, withinHours: SLA_HOURS },
  K4: { share: 1 },
  K5: { everyWeek: true, contactWithinHours: CCTV_CONTACT_HOURS },
  K6: { everyWorkingDay: true, maxRepeats: 0 },
  K7: { perWeek: 2 },
  K8: { everyWeek: true },
  K9: { perYear: 2 },
};

/** The month cannot be reported: malformed, or not begun yet at `now`. */
export class KpiMonthError extends Error {
  override readonly name = 'KpiMonthError';
  constructor(
    readonly code: KpiMonthMessageCode,
    readonly month: string,
  ) {
    super(
      code === 'future-month'
        ? `月份尚未开始，无法考核 / the month has not begun yet: ${month}`
        : `月份应为 YYYY-MM / the month must be YYYY-MM: ${month}`,
    );
  }
}

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

/** Records the lists show: not deleted, arrived whole. */
function live<T extends KpiRecord>(rows: readonly T[]): T[] {
  return rows.filter(isListed);
}

const byId = (a: KpiRecord, b: KpiRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function weekRef(w: ChinaWeek): WeekRef {
  return { isoWeek: w.isoWeek, monday: w.monday, sunday: w.sunday };
}

interface Month {
  month: string;
  nowMs: number;
  today: string;
  start: number;
  end: number;
  ytdStart: number;
  first: string;
  last: string;
  /** The day before the 1st and the day after the last: bounds of the written-date pre-test. */
  dayBefore: string;
  dayAfter: string;
  /** Weeks of the month that have begun at `now`. */
  weeks: ChinaWeek[];
  /** From the first week's Monday to the last week's end: where week-based records are looked for. */
  weeksStart: number;
  weeksEnd: number;
}

function monthContext(month: string, now: Date): Month {
  if (!isChinaMonth(month)) throw new KpiMonthError('bad-month', month);
  const nowMs = now.getTime();
  const period = monthPeriod(month);
  if (period.start.getTime() > nowMs) throw new KpiMonthError('future-month', month);
  const all = weeksOfMonth(month);
  const { first, last } = monthDays(month);
  return {
    month,
    nowMs,
    today: chinaDay(now),
    start: period.start.getTime(),
    end: period.end.getTime(),
    ytdStart: yearToDatePeriod(month).start.getTime(),
    first,
    last,
    dayBefore: addDays(first, -1),
    dayAfter: addDays(last, 1),
    weeks: all.filter((w) => w.start.getTime() <= nowMs),
    weeksStart: all[0]!.start.getTime(),
    weeksEnd: all.at(-1)!.end.getTime(),
  };
}

/**
 * A cheap first test on the date written in an ISO time: whatever its offset, its own date is
 * within a day of its China date, so a record whose written date is further than a day outside the
 * month cannot be in it. Spares parsing ten years of times to find one month's.
 */
function maybeInMonth(m: Month, isoTime: string): boolean {
  const day = isoTime.slice(0, 10);
  return day >= m.dayBefore && day <= m.dayAfter;
}

/** Split the month's begun weeks by the week rule: met, missed (over and not met), in progress. */
function judgeWeeks(m: Month, isMet: (w: ChinaWeek) => boolean) {
  const counted: ChinaWeek[] = [];
  const missed: ChinaWeek[] = [];
  let met = 0;
  for (const w of m.weeks) {
    const over = w.end.getTime() <= m.nowMs;
    if (isMet(w)) {
      met += 1;
      counted.push(w);
    } else if (over) {
      counted.push(w);
      missed.push(w);
    }
  }
  return { met, weeks: counted.length, missed };
}

/** Index of the week of the month holding instant t, or -1. */
function weekIndex(m: Month, t: number): number {
  if (t < m.weeksStart || t >= m.weeksEnd || t > m.nowMs) return -1;
  return m.weeks.findIndex((w) => w.start.getTime() <= t && t < w.end.getTime());
}

function indicator<K extends KpiId>(
  id: K,
  actual: KpiActuals[K],
  pass: boolean | null,
  reason: KpiNullReason | null,
  exceptions: KpiException[],
): KpiIndicator<K> {
  return { id, target: KPI_TARGETS[id], actual, pass, reason: pass === null ? reason : null, exceptions };
}

const problem = (p: DataProblem): KpiException => ({ kind: 'data-problem', problem: p });

// ── K1, K2: network incidents ────────────────────────────────────────────────────────────
function incidentSpan(m: Month, startAt: string, endAt: string | null) {
  const start = ms(startAt);
  const end = endAt === null ? null : ms(endAt);
  const ongoing = end === null || end > m.nowMs;
  const until = ongoing ? m.nowMs : end;
  return { start, end, ongoing, hours: (until - start) / HOUR_MS };
}

function k1(m: Month, ledger: KpiLedger): KpiIndicator<'K1'> {
  const exceptions: KpiException[] = [];
  let month = 0;
  let ytd = 0;
  for (const inc of live(ledger.incidents)) {
    const { start, end, ongoing, hours } = incidentSpan(m, inc.startAt, inc.endAt);
    if (start < m.ytdStart || start >= m.end || start > m.nowMs) continue;
    const inMonth = start >= m.start;
    if (end !== null && end < start) {
      exceptions.push(
        problem({
          kind: 'incident-ends-before-start',
          table: 'networkIncidents',
          recordId: inc.id,
          startAt: inc.startAt,
          endAt: inc.endAt!,
        }),
      );
      continue;
    }
    if (hours <= MAJOR_INCIDENT_HOURS) continue;
    // Carrier faults are outside the supervisor's control even when the flag was not ticked.
    if (inc.excluded || inc.cause === 'carrier') {
      if (inMonth) {
        exceptions.push({
          kind: 'excluded-incident',
          incidentId: inc.id,
          startAt: inc.startAt,
          endAt: inc.endAt,
          hours,
          reason: inc.exclusionReason?.trim() || (inc.cause === 'carrier' ? 'carrier' : ''),
        });
      }
      continue;
    }
    ytd += 1;
    if (inMonth) month += 1;
    exceptions.push({
      kind: 'major-incident',
      incidentId: inc.id,
      startAt: inc.startAt,
      endAt: inc.endAt,
      hours,
      ongoing,
      inMonth,
    });
  }
  return indicator('K1', { month, ytd }, ytd <= KPI_TARGETS.K1.maxPerYear, null, exceptions);
}

function k2(m: Month, ledger: KpiLedger): KpiIndicator<'K2'> {
  const exceptions: KpiException[] = [];
  let met = 0;
  let of = 0;
  const limit = POWER_CUT_RESTORE_HOURS;
  for (const inc of live(ledger.incidents)) {
    if (inc.cause !== 'power-cut') continue;
    const { start, end, ongoing, hours } = incidentSpan(m, inc.startAt, inc.endAt);
    if (start < m.start || start >= m.end || start > m.nowMs) continue;
    if (end !== null && end < start) {
      exceptions.push(
        problem({
          kind: 'incident-ends-before-start',
          table: 'networkIncidents',
          recordId: inc.id,
          startAt: inc.startAt,
          endAt: inc.endAt!,
        }),
      );
      continue;
    }
    if (!ongoing && hours <= limit) {
      met += 1;
      of += 1;
    } else if (ongoing && hours <= limit) {
      exceptions.push({
        kind: 'power-cut-open',
        incidentId: inc.id,
        startAt: inc.startAt,
        dueAt: iso(start + limit * HOUR_MS),
      });
    } else {
      of += 1;
      exceptions.push({
        kind: 'power-cut-late',
        incidentId: inc.id,
        startAt: inc.startAt,
        endAt: inc.endAt,
        hours,
        ongoing,
      });
    }
  }
  return indicator('K2', { met, of }, of === 0 ? null : met === of, 'no-power-cut', exceptions);
}

// ── K3: repair cards within 24 h (one card's rule in ./card-outcome.ts) ───────────────────
/** The month's cards (received in the month by `now`, listed), in id order. */
function monthCards(m: Month, cards: readonly KpiLedger['cards'][number][]) {
  return cards
    .filter((c) => maybeInMonth(m, c.receivedAt) && countsInK3(c, m.start, m.end, m.nowMs))
    .sort(byId);
}

function k3(m: Month, ledger: KpiLedger): KpiIndicator<'K3'> {
  const cards = monthCards(m, ledger.cards);
  const eventsOf = eventsByCard(new Set(cards.map((c) => c.id)), ledger.cardEvents);
  const exceptions: KpiException[] = [];
  const counts = { met: 0, late: 0, inProgress: 0, refusedPending: 0 };
  for (const card of cards) {
    const { outcome, exception } = cardOutcome(card, eventsOf.get(card.id) ?? [], m.nowMs);
    if (outcome !== 'problem') counts[outcome] += 1;
    if (exception) exceptions.push(exception);
  }
  return indicator('K3', counts, k3Pass(counts), 'no-decided-cards', exceptions);
}

export type { KpiCardOutcome };

/**
 * Every card K3 counts in `month` at `now` with its outcome — the same cards and the same rule as
 * computeKpiMonth, for a cache that patches the month when one card changes (kpiCardOutcome).
 */
export function kpiCardOutcomes(
  ledger: Pick<KpiLedger, 'cards' | 'cardEvents'>,
  month: string,
  now: Date,
): Record<string, KpiCardOutcome> {
  const m = monthContext(month, now);
  const cards = monthCards(m, ledger.cards);
  const eventsOf = eventsByCard(new Set(cards.map((c) => c.id)), ledger.cardEvents);
  const out: Record<string, KpiCardOutcome> = {};
  for (const card of cards) out[card.id] = cardOutcome(card, eventsOf.get(card.id) ?? [], m.nowMs).outcome;
  return out;
}

// ── K4, K5, K8: routine checks ─────────────────────────────────────────────────────────────
/**
 * A weekly check made up for an earlier week (its `forDay` in a week before the one it was done
 * in) covers no week: not the week it was due, which it was done after, nor the week it was done
 * in, which it was not for. A week counts as checked only by a check done in that week for that
 * week (docs/kpi.md, "Weekly checks: done in the week they were due").
 */
function madeUpLater(c: KpiLedger['checks'][number]): boolean {
  if (!c.forDay) return false;
  const t = ms(c.at);
  return !Number.isNaN(t) && mondayOf(c.forDay) !== mondayOf(chinaDay(new Date(t)));
}

function k4(m: Month, ledger: KpiLedger): KpiIndicator<'K4'> {
  const exceptions: KpiException[] = [];
  const covered = m.weeks.map(() => new Set<string>());
  for (const c of live(ledger.checks)) {
    if (c.kind !== 'server-maintenance' || madeUpLater(c)) continue;
    const i = weekIndex(m, ms(c.at));
    if (i < 0) continue;
    if (c.deviceIds.length === 0) {
      exceptions.push(
        problem({ kind: 'maintenance-without-server', table: 'routineChecks', recordId: c.id, at: c.at }),
      );
      continue;
    }
    for (const id of c.deviceIds) covered[i]!.add(id);
  }
  const servers = ledger.devices
    .filter((d) => d.type === 'server' && isListed(d))
    .sort((a, b) => a.assetTag.localeCompare(b.assetTag) || byId(a, b));
  let of = 0;
  let coveredCount = 0;
  m.weeks.forEach((w, i) => {
    const over = w.end.getTime() <= m.nowMs;
    for (const s of servers) {
      if (!inService(s, w, m.nowMs)) continue;
      if (covered[i]!.has(s.id)) {
        coveredCount += 1;
        of += 1;
      } else if (over) {
        of += 1;
        exceptions.push({
          kind: 'server-week-missing',
          week: weekRef(w),
          deviceId: s.id,
          assetTag: s.assetTag,
        });
      }
    }
  });
  const hasServers = servers.length > 0;
  return indicator(
    'K4',
    { covered: coveredCount, of },
    of === 0 ? null : coveredCount === of,
    hasServers ? 'no-finished-weeks' : 'no-servers',
    exceptions,
  );
}

/**
 * A server is in service in a week when it was in the ledger (or bought, whichever is earlier)
 * before the week ended, and not retired before the week began.
 */
function inService(d: KpiLedger['devices'][number], w: ChinaWeek, nowMs: number): boolean {
  const created = d.createdAt ? ms(d.createdAt) : Number.POSITIVE_INFINITY;
  const bought = d.purchaseDate ? dayStart(d.purchaseDate).getTime() : Number.POSITIVE_INFINITY;
  const from = Math.min(created, bought);
  if (from >= w.end.getTime() || from > nowMs) return false;
  if (d.status !== 'retired') return true;
  // Retired, and when is not known: not in service at all rather than a false miss.
  if (!d.retiredAt) return false;
  return ms(d.retiredAt) > w.start.getTime();
}

function k5(m: Month, ledger: KpiLedger): KpiIndicator<'K5'> {
  const exceptions: KpiException[] = [];
  const checked = m.weeks.map(() => false);
  let faults = 0;
  let contactsOnTime = 0;
  const limit = CCTV_CONTACT_HOURS * HOUR_MS;
  for (const c of live(ledger.checks)) {
    if (c.kind !== 'cctv') continue;
    const t = ms(c.at);
    const i = weekIndex(m, t);
    if (i < 0) continue;
    // A made-up check covers no week, but a fault it found still needs its provider contact.
    if (!madeUpLater(c)) checked[i] = true;
    if (c.result !== 'problem') continue;
    const due = t + limit;
    const contacted = c.providerContactedAt === null ? null : ms(c.providerContactedAt);
    const known = contacted !== null && contacted <= m.nowMs ? contacted : null;
    if (known !== null && known <= due) {
      faults += 1;
      contactsOnTime += 1;
    } else if (known === null && m.nowMs <= due) {
      exceptions.push({ kind: 'cctv-contact-pending', checkId: c.id, at: c.at, dueAt: iso(due) });
    } else {
      faults += 1;
      exceptions.push({
        kind: 'cctv-contact-late',
        checkId: c.id,
        at: c.at,
        contactedAt: known === null ? null : c.providerContactedAt,
        lateMs: (known ?? m.nowMs) - due,
      });
    }
  }
  const weeks = judgeWeeks(m, (w) => checked[m.weeks.indexOf(w)]!);
  for (const w of weeks.missed) exceptions.push({ kind: 'cctv-week-missing', week: weekRef(w) });
  const pass =
    weeks.weeks === 0 && faults === 0 ? null : weeks.met === weeks.weeks && contactsOnTime === faults;
  return indicator(
    'K5',
    { weeksChecked: weeks.met, weeks: weeks.weeks, faults, contactsOnTime },
    pass,
    'no-finished-weeks',
    exceptions,
  );
}

function siteCounts(options: KpiOptions) {
  const sites = options.websiteSites?.map((s) => s.trim()).filter(Boolean);
  if (!sites || sites.length === 0) return () => true;
  const set = new Set(sites);
  return (site: string | undefined) => set.has((site ?? '').trim());
}

function k8(m: Month, ledger: KpiLedger, options: KpiOptions): KpiIndicator<'K8'> {
  const counts = siteCounts(options);
  const security = m.weeks.map(() => false);
  const backup = m.weeks.map(() => false);
  for (const c of live(ledger.checks)) {
    if ((c.kind !== 'website-security' && c.kind !== 'website-backup') || madeUpLater(c)) continue;
    if (!counts(c.site)) continue;
    const i = weekIndex(m, ms(c.at));
    if (i < 0) continue;
    (c.kind === 'website-security' ? security : backup)[i] = true;
  }
  const at = (w: ChinaWeek) => m.weeks.indexOf(w);
  const weeks = judgeWeeks(m, (w) => security[at(w)]! && backup[at(w)]!);
  const exceptions: KpiException[] = weeks.missed.map((w) => ({
    kind: 'website-week-unchecked',
    week: weekRef(w),
    security: security[at(w)]!,
    backup: backup[at(w)]!,
  }));
  return indicator(
    'K8',
    { weeksMet: weeks.met, weeks: weeks.weeks },
    weeks.weeks === 0 ? null : weeks.met === weeks.weeks,
    'no-finished-weeks',
    exceptions,
  );
}

// ── K6, K7: company culture ─────────────────────────────────────────────────────────────────
function k6(m: Month, ledger: KpiLedger, options: KpiOptions): KpiIndicator<'K6'> {
  const exceptions: KpiException[] = [];
  const untilDay = m.today < m.last ? m.today : m.last;
  const quotes = new Map(live(ledger.quotes).map((q) => [q.id, q]));
  // Every showing up to today, in date order: the earliest day each normalised text was shown.
  // With a fold, the showings before its day are already in it (and need not be in the ledger).
  const fold = options.quoteFold ?? null;
  if (fold && fold.before > m.first)
    throw new Error(`K6's quote fold starts at ${fold.before}, after the month's first day ${m.first}`);
  const showings = live(ledger.quoteSchedule)
    .filter((s) => s.shown && s.date <= m.today && (!fold || s.date >= fold.before))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byId(a, b)));
  const firstShown = new Map<string, string>(fold ? Object.entries(fold.firstShown) : []);
  const coveredDays = new Set<string>();
  let repeats = 0;
  for (const s of showings) {
    const quote = quotes.get(s.quoteId);
    const inMonth = s.date >= m.first && s.date <= untilDay;
    if (!quote) {
      if (inMonth) {
        exceptions.push(
          problem({
            kind: 'quote-not-found',
            table: 'quoteSchedule',
            recordId: s.id,
            date: s.date,
            quoteId: s.quoteId,
          }),
        );
      }
      continue;
    }
    const key = quoteKey(quote.text);
    const first = firstShown.get(key);
    if (first === undefined) firstShown.set(key, s.date);
    if (!inMonth) continue;
    coveredDays.add(s.date);
    if (first !== undefined && first < s.date) {
      repeats += 1;
      exceptions.push({
        kind: 'quote-repeated',
        date: s.date,
        showingId: s.id,
        quoteId: quote.id,
        text: quote.text,
        firstShownOn: first,
      });
    }
  }
  let covered = 0;
  let of = 0;
  const days = untilDay < m.first ? [] : workingDaysIn(m.first, untilDay, options.companyRestDays ?? []);
  for (const day of days) {
    if (coveredDays.has(day)) {
      covered += 1;
      of += 1;
    } else if (day < m.today) {
      of += 1;
      exceptions.push({ kind: 'quote-day-missing', date: day });
    }
    // Today without a quote yet: in progress, not counted.
  }
  const year = Number(m.month.slice(0, 4));
  if (!hasOfficialCalendar(year)) exceptions.push({ kind: 'calendar-unknown', year });
  const pass = repeats > 0 ? false : of === 0 ? null : covered === of;
  return indicator('K6', { covered, of, repeats }, pass, 'no-working-days', exceptions);
}

function k7(m: Month, ledger: KpiLedger, options: KpiOptions): KpiIndicator<'K7'> {
  const counts = siteCounts(options);
  const perWeek = m.weeks.map(() => 0);
  for (const u of live(ledger.websiteUpdates)) {
    if (!counts(u.site)) continue;
    const i = weekIndex(m, ms(u.publishedAt));
    if (i >= 0) perWeek[i]! += 1;
  }
  const need = KPI_TARGETS.K7.perWeek;
  const weeks = judgeWeeks(m, (w) => perWeek[m.weeks.indexOf(w)]! >= need);
  const exceptions: KpiException[] = weeks.missed.map((w) => ({
    kind: 'website-week-short',
    week: weekRef(w),
    updates: perWeek[m.weeks.indexOf(w)]!,
  }));
  return indicator(
    'K7',
    { weeksMet: weeks.met, weeks: weeks.weeks },
    weeks.weeks === 0 ? null : weeks.met === weeks.weeks,
    'no-finished-weeks',
    exceptions,
  );
}

// ── K9: office-software trainings, year to date ──────────────────────────────────────────────
function k9(m: Month, ledger: KpiLedger): KpiIndicator<'K9'> {
  const from = `${m.month.slice(0, 4)}-01-01`;
  const until = m.today < m.last ? m.today : m.last;
  // A cancelled training, or a department's request nobody has planned yet, was not held, whatever
  // its date. A planned one whose day has passed counts (older ledgers have no status at all).
  const ytd = live(ledger.trainings).filter(
    (t) =>
      t.kind === 'office-software' &&
      t.status !== 'cancelled' &&
      t.status !== 'requested' &&
      t.date >= from &&
      t.date <= until,
  ).length;
  const need = KPI_TARGETS.K9.perYear;
  if (ytd >= need) return indicator('K9', { ytd }, true, null, []);
  const short: KpiException[] = [{ kind: 'trainings-short', held: ytd, needed: need }];
  // The year is judged in December's report; before that fewer is still in progress.
  const december = m.month.endsWith('-12');
  return indicator('K9', { ytd }, december ? false : null, 'trainings-in-progress', short);
}

// ── The report ───────────────────────────────────────────────────────────────────────────
/** Whether anything at all was recorded in the month (up to `now`). */
function monthHasRecords(m: Month, ledger: KpiLedger): boolean {
  const inMonth = (at: string) => {
    const t = ms(at);
    return t >= m.start && t < m.end && t <= m.nowMs;
  };
  const dayInMonth = (day: string) => day >= m.first && day <= m.last && day <= m.today;
  // Cheap tables first; `some` stops at the first record, so only an empty month reads them all.
  return (
    ledger.checks.some((c) => inMonth(c.at) && isListed(c)) ||
    ledger.quoteSchedule.some((s) => dayInMonth(s.date) && isListed(s)) ||
    ledger.websiteUpdates.some((u) => inMonth(u.publishedAt) && isListed(u)) ||
    ledger.incidents.some((i) => inMonth(i.startAt) && isListed(i)) ||
    ledger.trainings.some((t) => dayInMonth(t.date) && isListed(t)) ||
    ledger.cards.some((c) => inMonth(c.receivedAt) && isListed(c))
  );
}

/** A stable order for the exceptions of an indicator: by date, then by what they name. */
function exceptionKey(e: KpiException): string {
  const p = e.kind === 'data-problem' ? e.problem : e;
  const parts = Object.entries(p)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k}=${String(v)}`);
  const when =
    ('week' in p && p.week ? p.week.monday : '') ||
    ('receivedAt' in p ? p.receivedAt : '') ||
    ('startAt' in p ? p.startAt : '') ||
    ('at' in p ? p.at : '') ||
    ('date' in p ? p.date : '');
  return `${when}|${e.kind}|${parts.join('&')}`;
}

/** Where the records a month's report reads lie, for a caller that fetches them by index. */
export interface KpiRecordWindow {
  /** Repair cards received in [from, to); their events are all that is needed of repairEvents. */
  cardsReceived: { from: string; to: string };
  /** Network incidents that started in [from, to): the year to date. */
  incidentsStarted: { from: string; to: string };
  /** Routine checks and website updates dated in [from, to): the month and its weeks. */
  checksAndUpdates: { from: string; to: string };
  /** Trainings dated from..to (days, inclusive): the year to date. */
  trainingDays: { from: string; to: string };
  /**
   * Quote showings dated up to this day (every earlier one, to find repeats); all quotes, all
   * devices. With a K6 fold of the showings before `quoteDaysFrom` (KpiOptions.quoteFold), only
   * the showings from that day and the quotes they name.
   */
  quoteDaysUntil: string;
  quoteDaysFrom: string;
}

/**
 * The records a month's report needs, so that at ten years' scale the app can read only those
 * through its indexes: computing from just these gives the same answer as from the whole ledger.
 */
export function kpiRecordWindow(month: string): KpiRecordWindow {
  if (!isChinaMonth(month)) throw new KpiMonthError('bad-month', month);
  const period = monthPeriod(month);
  const weeks = weeksOfMonth(month);
  const { last } = monthDays(month);
  const from = Math.min(period.start.getTime(), weeks[0]!.start.getTime());
  const to = Math.max(period.end.getTime(), weeks.at(-1)!.end.getTime());
  return {
    cardsReceived: { from: period.start.toISOString(), to: period.end.toISOString() },
    incidentsStarted: { from: yearToDatePeriod(month).start.toISOString(), to: period.end.toISOString() },
    checksAndUpdates: { from: iso(from), to: iso(to) },
    trainingDays: { from: `${month.slice(0, 4)}-01-01`, to: last },
    quoteDaysUntil: last,
    quoteDaysFrom: monthDays(month).first,
  };
}

/**
 * Every indicator K1–K9 of `month` ('YYYY-MM') as of `now`. Throws KpiMonthError for a malformed
 * month or one that has not begun at `now`.
 */
export function computeKpiMonth(
  ledger: KpiLedger,
  month: string,
  now: Date,
  options: KpiOptions = {},
): KpiMonthReport {
  const m = monthContext(month, now);
  const indicators = [
    k1(m, ledger),
    k2(m, ledger),
    k3(m, ledger),
    k4(m, ledger),
    k5(m, ledger),
    k6(m, ledger, options),
    k7(m, ledger, options),
    k8(m, ledger, options),
    k9(m, ledger),
  ];
  const empty = !monthHasRecords(m, ledger);
  const dataProblems: DataProblem[] = [];
  for (const ind of indicators) {
    ind.exceptions.sort((a, b) => {
      const ka = exceptionKey(a);
      const kb = exceptionKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    for (const e of ind.exceptions) {
      if (e.kind !== 'data-problem') continue;
      // K1 and K2 both list a power-cut incident that ends before it starts: report it once.
      const seen = dataProblems.some((p) => p.kind === e.problem.kind && p.recordId === e.problem.recordId);
      if (!seen) dataProblems.push(e.problem);
    }
    if (empty) {
      ind.pass = null;
      ind.reason = 'no-records-in-month';
    }
  }
  return { month, now: now.toISOString(), indicators, dataProblems };
}
