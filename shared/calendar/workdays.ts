// The working-day calendar: which China calendar days are working days for the daily quote (每日一言,
// "updated every working day, rest days excepted") and anything else counted in working days.
//
// A day is a working day when it is Monday–Friday and not an official holiday, or when it is an
// adjusted working day (调休: a weekend day worked to bridge a holiday) — unless the company gave it
// as a rest day of its own (the supervisor keeps those in Settings; they arrive here as data).
//
// The official holidays and adjusted working days come from the data file of the npm package
// `chinese-days`, read directly. Its functions are not used: they turn 'YYYY-MM-DD' into a Date at
// UTC midnight and read it back in the machine's local zone, which names the wrong day on a PC set
// west of UTC. The data file is plain JSON, bundles into the renderer, and imports in Node as is.
// The package only knows the years the State Council has announced; `hasOfficialCalendar` says
// whether a year is among them, so a report can say its working days are only Monday–Friday.
import calendarData from 'chinese-days/dist/chinese-days.json';
import { daysFrom, isChinaDay, isoWeekday } from '../time/china';

interface OfficialCalendar {
  /** Official days off, with 'English name,中文名,length'. */
  holidays: Readonly<Record<string, string>>;
  /** Weekend days worked instead (调休上班). */
  workdays: Readonly<Record<string, string>>;
}

const official = calendarData as unknown as OfficialCalendar;

const officialYears = new Set(Object.keys(official.holidays).map((day) => Number(day.slice(0, 4))));

export type DayKind =
  | 'weekday'
  | 'weekend'
  /** An official holiday on what would be a weekday or weekend. */
  | 'holiday'
  /** 调休: a Saturday or Sunday worked to make up for a holiday. */
  | 'adjusted-working-day'
  /** A day the company gave off on its own. */
  | 'company-rest-day';

export interface CalendarDay {
  date: string;
  working: boolean;
  kind: DayKind;
  /** The holiday's Chinese name (春节, 国庆节…) for holidays and adjusted working days. */
  holiday: string | null;
}

/** Company rest days as given: a list of 'YYYY-MM-DD' or a set of them. */
export type CompanyRestDays = ReadonlySet<string> | readonly string[];

function toSet(days: CompanyRestDays): ReadonlySet<string> {
  return days instanceof Set ? days : new Set(days as readonly string[]);
}

function holidayName(entry: string | undefined): string | null {
  if (!entry) return null;
  return entry.split(',')[1] ?? entry;
}

/** What kind of day a China calendar day is, and whether it is worked. */
export function calendarDay(date: string, companyRestDays: CompanyRestDays = []): CalendarDay {
  if (!isChinaDay(date)) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${date}`);
  if (toSet(companyRestDays).has(date)) {
    return { date, working: false, kind: 'company-rest-day', holiday: null };
  }
  const adjusted = official.workdays[date];
  if (adjusted) return { date, working: true, kind: 'adjusted-working-day', holiday: holidayName(adjusted) };
  const holiday = official.holidays[date];
  if (holiday) return { date, working: false, kind: 'holiday', holiday: holidayName(holiday) };
  const weekend = isoWeekday(date) >= 6;
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'weekday', holiday: null };
}

/** True when the day is a working day (see the module header for the rule). */
export function isWorkingDay(date: string, companyRestDays: CompanyRestDays = []): boolean {
  return calendarDay(date, companyRestDays).working;
}

/** The working days from `from` to `to`, both included, in order. */
export function workingDaysIn(from: string, to: string, companyRestDays: CompanyRestDays = []): string[] {
  const rest = toSet(companyRestDays);
  return daysFrom(from, to).filter((day) => isWorkingDay(day, rest));
}

/** Whether the package knows the official holidays of the year; if not, only weekends are rest days. */
export function hasOfficialCalendar(year: number): boolean {
  return officialYears.has(year);
}

/**
 * The years from `from` to `to` (China days, both included) whose official holidays and adjusted
 * working days the package does not know yet: their days count as Monday–Friday until NetDesk
 * ships newer calendar data, and the screens that plan by working days say so.
 */
export function yearsWithoutOfficialCalendar(from: string, to: string): number[] {
  if (!isChinaDay(from) || !isChinaDay(to) || to < from) return [];
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    if (!hasOfficialCalendar(year)) years.push(year);
  return years;
}

/** The years with an official calendar, for tests and for the settings screen to show. */
export function officialCalendarYears(): number[] {
  return [...officialYears].sort((a, b) => a - b);
}

/** The official holidays and adjusted working days of a year, straight from the data. */
export function officialDaysOf(year: number): { holidays: string[]; adjustedWorkingDays: string[] } {
  const prefix = `${year}-`;
  const pick = (table: Readonly<Record<string, string>>) =>
    Object.keys(table)
      .filter((d) => d.startsWith(prefix))
      .sort();
  return { holidays: pick(official.holidays), adjustedWorkingDays: pick(official.workdays) };
}
