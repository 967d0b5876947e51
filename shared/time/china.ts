// China time, in one place: the calendar day, week and month of an instant as the supervisor's
// office sees them, whatever the time zone of the PC or server running the code.
//
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
// Calendar days are 'YYYY-MM-DD' strings, months 'YYYY-MM'; periods are half-open instant
// ranges [start, end) so that 23:59:59.999 falls in its day and 00:00 starts the next.
//
// The arithmetic is plain integer days on UTC dates rather than date-fns: date-fns computes in
// the local zone of the machine, and a rule that must hold on a supervisor's PC, in CI (UTC) and on
// a developer's laptop anywhere should not depend on it. date-fns serves as the independent oracle
// in the tests instead.
//
// Weeks run Monday to Sunday (ISO 8601). A week belongs to the month that holds its Thursday, so
// every week belongs to exactly one month and a month has four or five weeks.

export const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const DAY_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A half-open range of instants: start ≤ t < end. */
export interface Period {
  start: Date;
  end: Date;
}

/** A Monday–Sunday week as the KPI report counts it. */
export interface ChinaWeek extends Period {
  /** ISO week label, e.g. '2026-W53'. */
  isoWeek: string;
  /** Its Monday and Sunday, 'YYYY-MM-DD'. */
  monday: string;
  sunday: string;
  /** The month that holds its Thursday: the month it is reported in. */
  month: string;
}

type Instant = Date | string | number;

function toMs(at: Instant): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${String(at)}`);
  return ms;
}

/** The day's number since 1970-01-01, or NaN for anything but a real calendar day. */
function dayNumberOrNaN(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) return NaN;
  const date = Number(m[3]);
  // setUTCFullYear takes the year as written (Date.UTC would read 0050 as 1950); a day past the
  // month's end rolls into the next month, which the date check then catches.
  const ms = new Date(0).setUTCFullYear(Number(m[1]), Number(m[2]) - 1, date);
  return new Date(ms).getUTCDate() === date ? ms / DAY_MS : NaN;
}

/** True for a real calendar day 'YYYY-MM-DD' (2028-02-29 yes, 2026-02-29 no). */
export function isChinaDay(day: string): boolean {
  return !Number.isNaN(dayNumberOrNaN(day));
}

/** True for 'YYYY-MM' with a month 01–12. */
export function isChinaMonth(month: string): boolean {
  return MONTH_RE.test(month);
}

function dayNumber(day: string): number {
  const n = dayNumberOrNaN(day);
  if (Number.isNaN(n)) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  return n;
}

function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The China calendar day of an instant. */
export function chinaDay(at: Instant): string {
  return new Date(toMs(at) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China calendar month 'YYYY-MM' of an instant. */
export function chinaMonth(at: Instant): string {
  return chinaDay(at).slice(0, 7);
}

/** An instant as China wall-clock time, 'YYYY-MM-DD HH:mm' (with ':ss' when the seconds are not 0). */
export function chinaTime(at: Instant): string {
  const text = new Date(toMs(at) + CHINA_OFFSET_MS).toISOString();
  const seconds = text.slice(17, 19);
  return `${text.slice(0, 10)} ${text.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
}

/**
 * The instant of a China wall-clock time typed as 'YYYY-MM-DD HH:mm' (a 'T' or ':ss' also read),
 * or null when there is no such time: 2026-02-30, 24:00 and 10:60 are refused, not rolled over
 * into the next day or hour as Date would, so a mistyped time is caught rather than saved wrong.
 */
export function chinaInstant(text: string): Date | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!m || !isChinaDay(m[1]!)) return null;
  const [hours, minutes, seconds] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return new Date(dayStart(m[1]!).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** The instant a China calendar day starts (00:00 in Shanghai = 16:00 UTC the day before). */
export function dayStart(day: string): Date {
  return new Date(dayNumber(day) * DAY_MS - CHINA_OFFSET_MS);
}

/** The day as an instant range [00:00, next day 00:00). */
export function dayPeriod(day: string): Period {
  return { start: dayStart(day), end: dayStart(addDays(day, 1)) };
}

/** The calendar day n days after (or before, n < 0). */
export function addDays(day: string, n: number): string {
  return dayFromNumber(dayNumber(day) + n);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  // Day 0 of the epoch, 1970-01-01, was a Thursday.
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

/** Every calendar day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const out: string[] = [];
  for (let n = a; n <= b; n++) out.push(dayFromNumber(n));
  return out;
}

/** The Monday of the week holding the day. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The ISO week of a day: the year that holds its Thursday and the week number in that year. */
export function isoWeekOf(day: string): { year: number; week: number; label: string } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week, label: `${year}-W${String(week).padStart(2, '0')}` };
}

/** The week (Monday–Sunday) holding the day. */
export function weekOf(day: string): ChinaWeek {
  const monday = mondayOf(day);
  const sunday = addDays(monday, 6);
  return {
    isoWeek: isoWeekOf(monday).label,
    monday,
    sunday,
    month: addDays(monday, 3).slice(0, 7),
    start: dayStart(monday),
    end: dayStart(addDays(monday, 7)),
  };
}

/** First and last calendar day of a month. */
export function monthDays(month: string): { first: string; last: string } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const year = Number(m[1]);
  const mm = Number(m[2]);
  const first = `${month}-01`;
  const next = mm === 12 ? `${year + 1}-01-01` : `${year}-${String(mm + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

/** The month as an instant range [1st 00:00, next month's 1st 00:00), China time. */
export function monthPeriod(month: string): Period {
  const { first, last } = monthDays(month);
  return { start: dayStart(first), end: dayStart(addDays(last, 1)) };
}

/** 1 January of the month's year to the month's end: the year-to-date range of yearly targets. */
export function yearToDatePeriod(month: string): Period {
  return { start: dayStart(`${month.slice(0, 4)}-01-01`), end: monthPeriod(month).end };
}

/** The month after (n = 1) or before (n = -1) a month. */
export function addMonths(month: string, n: number): string {
  monthDays(month); // validates
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The weeks reported in a month: every Monday–Sunday week whose Thursday falls in it, in order.
 * 2026-12 has five (30 Nov–6 Dec … 28 Dec–3 Jan, whose Thursday is 31 Dec); 2027-01 starts on
 * 4 January.
 */
export function weeksOfMonth(month: string): ChinaWeek[] {
  const { first, last } = monthDays(month);
  // The first Thursday on or after the 1st.
  const firstThursday = addDays(first, (4 - isoWeekday(first) + 7) % 7);
  const weeks: ChinaWeek[] = [];
  for (let thursday = firstThursday; thursday <= last; thursday = addDays(thursday, 7)) {
    weeks.push(weekOf(thursday));
  }
  return weeks;
}
