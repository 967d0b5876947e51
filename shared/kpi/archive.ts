// Issued monthly reports, archived unchanged. Issuing freezes everything the report prints (the
// figures K1–K9 with their exceptions, the chart series, the header, the remark, the version and
// what changed since the previous version) as one JSON value, the "frozen figures". Two SHA-256
// are kept:
// - the figures' SHA-256, over their canonical JSON (keys sorted, no spaces), printed in the PDF's
//   footer: a PDF cannot hold its own hash, so the footer names the figures it was made from, and
//   anyone can check a printed page against the archived record;
// - the PDF's SHA-256, the key under which the PDF bytes are stored as an attachment (the way
//   scanned repair cards are): reopening reads those very bytes and checks them against it.
// Re-issuing a month makes a new version that lists, per indicator whose figure or result changed,
// the records behind the change (a card now late, a week now covered).
import type { KpiCardOutcome, KpiChartSeries } from './charts';
import { actualText, exceptionText, KPI_NAMES, passText, type KpiLang } from './text';
import type { KpiException, KpiId, KpiIndicator, KpiMonthReport } from './types';

export const KPI_FIGURES_FORMAT = 1;

/** One record behind a changed figure: before and after (null: not there). */
export type KpiRecordChange =
  | { kind: 'exception'; ref: string; before: KpiException | null; after: KpiException | null }
  | { kind: 'card'; cardNo: string; before: KpiCardOutcome | null; after: KpiCardOutcome | null };

/** An indicator whose figure or result differs from the previous version. */
export interface KpiFigureChange {
  id: KpiId;
  before: { actual: KpiIndicator['actual']; pass: boolean | null };
  after: { actual: KpiIndicator['actual']; pass: boolean | null };
  records: KpiRecordChange[];
}

/** Everything an issued report prints, frozen at issue. */
export interface KpiReportFigures {
  format: typeof KPI_FIGURES_FORMAT;
  month: string;
  version: number;
  /** ISO: the date of issue printed in the header, and the PDF's creation date. */
  issuedAt: string;
  company: string;
  preparedBy: string;
  remark: string;
  report: KpiMonthReport;
  charts: KpiChartSeries;
  /** Against the previous version; empty for the first. */
  changes: KpiFigureChange[];
}

export interface FreezeInput {
  report: KpiMonthReport;
  charts: KpiChartSeries;
  issuedAt: Date;
  company: string;
  preparedBy: string;
  remark: string;
}

/** The figures of a new version of the month's report, compared with the latest issued one. */
export function freezeKpiReport(input: FreezeInput, previous: KpiReportFigures | null): KpiReportFigures {
  if (previous && previous.month !== input.report.month) {
    throw new RangeError(`previous version is of ${previous.month}, not ${input.report.month}`);
  }
  const figures: KpiReportFigures = {
    format: KPI_FIGURES_FORMAT,
    month: input.report.month,
    version: previous ? previous.version + 1 : 1,
    issuedAt: input.issuedAt.toISOString(),
    company: input.company,
    preparedBy: input.preparedBy.trim(),
    remark: input.remark.trim(),
    report: input.report,
    charts: input.charts,
    changes: previous ? diffKpiFigures(previous, input) : [],
  };
  // A deep copy through JSON: the frozen value shares nothing with live objects, and holds exactly
  // what the archive will store and read back (no undefined, no Date).
  return JSON.parse(canonicalJson(figures)) as KpiReportFigures;
}

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The SHA-256 printed in the report's footer: of the frozen figures' canonical JSON. */
export function figuresSha256(figures: KpiReportFigures): Promise<string> {
  return sha256Hex(canonicalJson(figures));
}

/** Which record an exception is about, so the same record is matched across versions. */
export function exceptionRef(e: KpiException): string {
  switch (e.kind) {
    case 'late-card':
    case 'card-in-progress':
    case 'card-refused-pending':
      return `card:${e.cardNo}`;
    case 'major-incident':
    case 'excluded-incident':
    case 'power-cut-late':
    case 'power-cut-open':
      return `incident:${e.incidentId}`;
    case 'server-week-missing':
      return `server-week:${e.week.isoWeek}:${e.assetTag}`;
    case 'cctv-week-missing':
      return `cctv-week:${e.week.isoWeek}`;
    case 'cctv-contact-late':
    case 'cctv-contact-pending':
      return `check:${e.checkId}`;
    case 'quote-day-missing':
      return `quote-day:${e.date}`;
    case 'quote-repeated':
      return `quote-day:${e.date}:repeat`;
    case 'calendar-unknown':
      return `calendar:${e.year}`;
    case 'website-week-short':
    case 'website-week-unchecked':
      return `website-week:${e.week.isoWeek}`;
    case 'trainings-short':
      return 'trainings';
    case 'data-problem':
      return `problem:${e.problem.kind}:${e.problem.recordId}`;
  }
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Per indicator whose figure (`actual`) or result (`pass`) changed, the records behind it: the
 * exceptions that appeared, went or changed kind, and for K3 every card whose outcome changed (a
 * card met in the previous version has no exception there, so the exceptions alone cannot say it
 * is now late).
 */
export function diffKpiFigures(
  previous: Pick<KpiReportFigures, 'report' | 'charts'>,
  next: Pick<KpiReportFigures, 'report' | 'charts'>,
): KpiFigureChange[] {
  const changes: KpiFigureChange[] = [];
  for (const after of next.report.indicators) {
    const before = previous.report.indicators.find((i) => i.id === after.id);
    if (!before) continue;
    if (same(before.actual, after.actual) && before.pass === after.pass) continue;
    const records: KpiRecordChange[] = [];
    if (after.id === 'K3') {
      const was = new Map(previous.charts.cards);
      const now = new Map(next.charts.cards);
      for (const cardNo of [...new Set([...was.keys(), ...now.keys()])].sort()) {
        const b = was.get(cardNo) ?? null;
        const a = now.get(cardNo) ?? null;
        if (b !== a) records.push({ kind: 'card', cardNo, before: b, after: a });
      }
    }
    const beforeByRef = groupByRef(before.exceptions);
    const afterByRef = groupByRef(after.exceptions);
    for (const ref of [...new Set([...beforeByRef.keys(), ...afterByRef.keys()])].sort()) {
      // K3's cards are listed above with their outcome; their exceptions would say it twice.
      if (after.id === 'K3' && ref.startsWith('card:')) continue;
      const b = beforeByRef.get(ref) ?? null;
      const a = afterByRef.get(ref) ?? null;
      // The same record still listed for the same reason: a lateness that grew is not a change.
      if (b && a && b.kind === a.kind) continue;
      records.push({ kind: 'exception', ref, before: b, after: a });
    }
    changes.push({
      id: after.id,
      before: { actual: before.actual, pass: before.pass },
      after: { actual: after.actual, pass: after.pass },
      records,
    });
  }
  return changes;
}

function groupByRef(exceptions: readonly KpiException[]): Map<string, KpiException> {
  const map = new Map<string, KpiException>();
  for (const e of exceptions) if (!map.has(exceptionRef(e))) map.set(exceptionRef(e), e);
  return map;
}

/** The latest issued version of a month among stored reports (deleted ones left out by the caller). */
export function latestVersion<T extends { month: string; version: number }>(
  reports: readonly T[],
  month: string,
): T | null {
  let best: T | null = null;
  for (const r of reports) if (r.month === month && (!best || r.version > best.version)) best = r;
  return best;
}

/** True when the bytes read back are the very PDF that was issued. */
export async function isSameDocument(bytes: Uint8Array, pdfSha256: string): Promise<boolean> {
  return (await sha256Hex(bytes)) === pdfSha256;
}

const OUTCOME_TEXT: Record<KpiCardOutcome, Record<KpiLang, string>> = {
  met: { zh: '按时', en: 'on time' },
  late: { zh: '超时', en: 'late' },
  open: { zh: '处理中', en: 'in progress' },
  paused: { zh: '等待配件', en: 'waiting for parts' },
  refused: { zh: '拒修待批', en: 'refused, awaiting approval' },
};

/** One record behind a change, as a line: 'WX-2026-A-0007：按时 → 超时'. */
export function recordChangeText(change: KpiRecordChange, lang: KpiLang): string {
  const zh = lang === 'zh';
  if (change.kind === 'card') {
    const { cardNo, before, after } = change;
    if (before === null)
      return zh
        ? `新增维修卡 ${cardNo}（${OUTCOME_TEXT[after!].zh}）`
        : `card ${cardNo} added (${OUTCOME_TEXT[after!].en})`;
    if (after === null)
      return zh
        ? `维修卡 ${cardNo} 已不在本月（已删除或改期）`
        : `card ${cardNo} no longer in the month (deleted or re-dated)`;
    return zh
      ? `维修卡 ${cardNo}：${OUTCOME_TEXT[before].zh} → ${OUTCOME_TEXT[after].zh}`
      : `card ${cardNo}: ${OUTCOME_TEXT[before].en} → ${OUTCOME_TEXT[after].en}`;
  }
  if (change.after && !change.before) return `${zh ? '新增：' : 'now: '}${exceptionText(change.after, lang)}`;
  if (change.before && !change.after)
    return `${zh ? '已消除：' : 'resolved: '}${exceptionText(change.before, lang)}`;
  return `${zh ? '现为：' : 'now: '}${exceptionText(change.after!, lang)}`;
}

/** The heading of one changed indicator: its figure and result before → after. */
export function figureChangeText(change: KpiFigureChange, lang: KpiLang): string {
  const side = (s: KpiFigureChange['before']) =>
    `${actualText({ id: change.id, actual: s.actual } as KpiIndicator, lang)}${lang === 'zh' ? '，' : ', '}${passText(s.pass, lang)}`;
  const sep = lang === 'zh' ? '：' : ': ';
  return `${change.id} ${KPI_NAMES[change.id][lang]}${sep}${side(change.before)} → ${side(change.after)}`;
}
