// The series behind the monthly report's four charts, as pure functions of the month's repair
// cards: cards received per week, by department (the busiest few and the rest), by fault category,
// and how long the repairs took. Like the indicators they are computed "as of" the report time
// and from the cards received in the month (the K3 cards), so the charts and the K3 figure always
// speak of the same cards. The per-card outcome is kept too (`cards`): it is what a re-issued
// report compares to say which cards changed.
import { FAULT_CATEGORIES } from '../schemas/records';
import { evaluateSla } from '../repair/sla';
import { isListed } from '../sync/arrival';
import { addDays, chinaDay, mondayOf, monthDays, monthPeriod } from '../time/china';
import type { KpiCard, KpiCardEvent, KpiRecord } from './types';
import type { KpiLang } from './text';

/** What the charts read of a card on top of what the engine reads. */
export interface KpiChartCard extends KpiCard {
  departmentId?: string | null;
  faultCategory?: string | null;
}

export interface KpiChartDepartment extends KpiRecord {
  name: string;
}

export interface KpiChartInput {
  cards: readonly KpiChartCard[];
  cardEvents: readonly KpiCardEvent[];
  departments: readonly KpiChartDepartment[];
}

export type RepairTimeBucket = 'lt4' | '4to8' | '8to24' | 'gt24' | 'open';
export const REPAIR_TIME_BUCKETS: readonly RepairTimeBucket[] = ['lt4', '4to8', '8to24', 'gt24', 'open'];

/** Outcome of one card as the charts and the re-issue comparison see it. */
export type KpiCardOutcome = 'met' | 'late' | 'open' | 'paused' | 'refused';

export interface KpiChartSeries {
  /** Cards received in the month (deleted ones left out). */
  total: number;
  /** Each Monday–Sunday week that has days in the month, its days clipped to the month. */
  perWeek: { from: string; to: string; count: number }[];
  /** The busiest departments by cards, then one `others` row (absent when nobody else). */
  byDepartment: { departmentId: string | null; name: string; count: number }[];
  /** Every fault category, in the form's order, even those with no card. */
  byCategory: { category: string; count: number }[];
  /** Receipt to first "repaired" or "suggestion given"; `open` not done at the report time. */
  timeToRepair: { bucket: RepairTimeBucket; count: number }[];
  /** Every card of the month: [number, outcome], sorted by number. */
  cards: [string, KpiCardOutcome][];
}

/** Departments shown by name before the rest are summed as "others". */
export const CHART_TOP_DEPARTMENTS = 6;
/** The `departmentId` of the summed rest; its name is the word for "others". */
export const OTHER_DEPARTMENTS = '__others__';

const HOUR_MS = 3600 * 1000;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Which bucket a repair of `ms` falls in: exactly 4 h is in 4–8 h, exactly 24 h in 8–24 h (met). */
export function repairTimeBucket(ms: number): Exclude<RepairTimeBucket, 'open'> {
  if (ms < 4 * HOUR_MS) return 'lt4';
  if (ms < 8 * HOUR_MS) return '4to8';
  if (ms <= 24 * HOUR_MS) return '8to24';
  return 'gt24';
}

export const REPAIR_TIME_LABELS: Record<RepairTimeBucket, Record<KpiLang, string>> = {
  lt4: { zh: '4 小时内', en: 'under 4 h' },
  '4to8': { zh: '4–8 小时', en: '4–8 h' },
  '8to24': { zh: '8–24 小时', en: '8–24 h' },
  gt24: { zh: '超过 24 小时', en: 'over 24 h' },
  open: { zh: '尚未完成', en: 'not done yet' },
};

export const FAULT_CATEGORY_LABELS: Record<string, Record<KpiLang, string>> = {
  hardware: { zh: '硬件故障', en: 'Hardware' },
  software: { zh: '软件故障', en: 'Software' },
  network: { zh: '网络故障', en: 'Network' },
  printer: { zh: '打印机故障', en: 'Printer' },
  account: { zh: '账号密码', en: 'Account' },
  other: { zh: '其他', en: 'Other' },
};

export const OTHER_DEPARTMENTS_LABEL: Record<KpiLang, string> = { zh: '其他部门', en: 'Others' };
export const UNKNOWN_DEPARTMENT_LABEL: Record<KpiLang, string> = { zh: '未知部门', en: 'Unknown' };

/**
 * The chart series of `month` as of `now`, in the report's language for department fallbacks.
 * Cards received after `now` are not seen, as in the indicators.
 */
export function kpiChartSeries(
  input: KpiChartInput,
  month: string,
  now: Date,
  options: { topDepartments?: number; lang?: KpiLang } = {},
): KpiChartSeries {
  const lang = options.lang ?? 'zh';
  const top = options.topDepartments ?? CHART_TOP_DEPARTMENTS;
  const period = monthPeriod(month);
  const from = period.start.getTime();
  const to = Math.min(period.end.getTime(), now.getTime() + 1);
  const cards = input.cards.filter((c) => {
    if (!isListed(c)) return false;
    const t = Date.parse(c.receivedAt);
    return t >= from && t < to;
  });
  const ids = new Set(cards.map((c) => c.id));
  const events = new Map<string, KpiCardEvent[]>();
  for (const e of input.cardEvents) {
    if (!ids.has(e.cardId) || !isListed(e)) continue;
    const list = events.get(e.cardId);
    if (list) list.push(e);
    else events.set(e.cardId, [e]);
  }

  // Weeks: every Monday from the one holding the 1st to the one holding the last day.
  const { first, last } = monthDays(month);
  const perWeek: KpiChartSeries['perWeek'] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    perWeek.push({ from: monday < first ? first : monday, to: sunday > last ? last : sunday, count: 0 });
  }

  const deptCounts = new Map<string | null, number>();
  const catCounts = new Map<string, number>(FAULT_CATEGORIES.map((c) => [c, 0]));
  const buckets = new Map<RepairTimeBucket, number>(REPAIR_TIME_BUCKETS.map((b) => [b, 0]));
  const outcomes: [string, KpiCardOutcome][] = [];

  for (const card of cards) {
    const day = chinaDay(card.receivedAt);
    const week = perWeek.find((w) => day >= w.from && day <= w.to);
    if (week) week.count += 1;
    const dept = card.departmentId ?? null;
    deptCounts.set(dept, (deptCounts.get(dept) ?? 0) + 1);
    const cat = card.faultCategory && catCounts.has(card.faultCategory) ? card.faultCategory : 'other';
    catCounts.set(cat, (catCounts.get(cat) ?? 0) + 1);

    const sla = evaluateSla(card.receivedAt, events.get(card.id) ?? [], now);
    const took = sla.doneAt === null ? null : Date.parse(sla.doneAt) - Date.parse(card.receivedAt);
    // A repair dated before its receipt is a data problem (listed by the engine): no bucket.
    if (took === null) buckets.set('open', buckets.get('open')! + 1);
    else if (took >= 0) {
      const b = repairTimeBucket(took);
      buckets.set(b, buckets.get(b)! + 1);
    }
    outcomes.push([card.cardNo, outcomeOf(sla.state)]);
  }

  const names = new Map(input.departments.filter(isListed).map((d) => [d.id, d.name]));
  const ranked = [...deptCounts.entries()]
    .map(([departmentId, count]) => ({
      departmentId,
      name: (departmentId && names.get(departmentId)) || UNKNOWN_DEPARTMENT_LABEL[lang],
      count,
    }))
    .sort(
      (a, b) => b.count - a.count || cmp(a.name, b.name) || cmp(a.departmentId ?? '', b.departmentId ?? ''),
    );
  // Summing a single department as "others" would hide its name for nothing.
  const shown = ranked.length <= top + 1 ? ranked : ranked.slice(0, top);
  const rest = ranked.slice(shown.length).reduce((n, d) => n + d.count, 0);
  const byDepartment =
    rest > 0
      ? [...shown, { departmentId: OTHER_DEPARTMENTS, name: OTHER_DEPARTMENTS_LABEL[lang], count: rest }]
      : shown;

  outcomes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    total: cards.length,
    perWeek,
    byDepartment,
    byCategory: [...catCounts.entries()].map(([category, count]) => ({ category, count })),
    timeToRepair: [...buckets.entries()].map(([bucket, count]) => ({ bucket, count })),
    cards: outcomes,
  };
}

function outcomeOf(state: ReturnType<typeof evaluateSla>['state']): KpiCardOutcome {
  switch (state) {
    case 'met':
    case 'late':
    case 'paused':
    case 'refused':
      return state;
    case 'overdue':
      return 'late';
    case 'running':
      return 'open';
  }
}

/** A week of the per-week chart as a short label: '12/1–12/6', or '11/30' for a single day. */
export function weekRangeLabel(w: { from: string; to: string }): string {
  const md = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
  return w.from === w.to ? md(w.from) : `${md(w.from)}–${md(w.to)}`;
}
