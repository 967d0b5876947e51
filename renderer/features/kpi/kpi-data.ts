// The KPI screen's data: one month's K1–K9 and chart series read from the ledger through its
// indexes (only the records kpiRecordWindow names: the month's cards and their events — as kept
// KPI facts, ./card-facts.ts — the year's
// incidents and trainings, the month's checks and updates, the month's quotes with a kept fold of
// the earlier ones, the servers),
// never a scan of ten years; and the issued reports of a month, issued, reopened and re-issued
// through the repository's public writes. The figures come from the shared engine, unchanged.
import { addMonths, chinaMonth, isChinaMonth } from '../../../shared/time/china';
import {
  figuresSha256,
  freezeKpiReport,
  isSameDocument,
  latestVersion,
  type KpiReportFigures,
} from '../../../shared/kpi/archive';
import { kpiChartSeries, type KpiChartSeries } from '../../../shared/kpi/charts';
import { computeKpiMonth } from '../../../shared/kpi/engine';
import { kpiReadWindow } from '../../../shared/kpi/read-window';
import { retiredAtOf } from '../../../shared/kpi/ledger';
import type { QuoteFold } from '../../../shared/kpi/quote-fold';
import type { KpiLedger, KpiMonthReport } from '../../../shared/kpi/types';
import { CHECK_KINDS, type KpiReport } from '../../../shared/schemas';
import { getLedgerSetting } from '../../db/ledger-settings';
import type { Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { readMonthCards } from './card-facts';
import { quoteFoldBefore, quotesOf } from './quote-fold-store';

export interface KpiMonthData {
  report: KpiMonthReport;
  charts: KpiChartSeries;
}

/** Why a month cannot be shown: malformed, or after the current month. */
export type KpiMonthRefusal = 'bad-month' | 'future-month';

/** The month the picker may show, or why not: any month up to the current one (China time). */
export function checkKpiMonth(month: string, now: Date): KpiMonthRefusal | null {
  if (!isChinaMonth(month)) return 'bad-month';
  return month > chinaMonth(now) ? 'future-month' : null;
}

/** The month the screen opens on: the current one. */
export function defaultKpiMonth(now: Date): string {
  return chinaMonth(now);
}

/** The month before `month`: the one usually issued. */
export const previousMonth = (month: string) => addMonths(month, -1);

/** The records `month`'s report needs, read by index (see kpiRecordWindow and kpiReadWindow). */
export async function readKpiMonthLedger(
  db: NetdeskDb,
  month: string,
): Promise<
  KpiLedger & { departments: { id: string; name: string; createdAt?: string | null }[]; quoteFold: QuoteFold }
> {
  const w = kpiReadWindow(month);
  const [
    { cards, cardEvents },
    incidents,
    checksByKind,
    websiteUpdates,
    trainings,
    quoteSchedule,
    quoteFold,
    servers,
    departments,
  ] = await Promise.all([
    // The month's cards and their events, from their kept KPI facts once the month is built.
    readMonthCards(db, month, w.cardsReceived),
    db.networkIncidents
      .where('startAt')
      .between(w.incidentsStarted.from, w.incidentsStarted.to, true, false)
      .toArray(),
    Promise.all(
      CHECK_KINDS.map((kind) =>
        db.routineChecks
          .where('[kind+at]')
          .between([kind, w.checksAndUpdates.from], [kind, w.checksAndUpdates.to], true, false)
          .toArray(),
      ),
    ),
    db.websiteUpdates
      .where('publishedAt')
      .between(w.checksAndUpdates.from, w.checksAndUpdates.to, true, false)
      .toArray(),
    db.trainings.where('date').between(w.trainingDays.from, w.trainingDays.to, true, true).toArray(),
    // K6: the month's showings; the earlier ones come folded (./quote-fold-store.ts).
    db.quoteSchedule.where('date').between(w.quoteDaysFrom, w.quoteDaysUntil, true, true).toArray(),
    quoteFoldBefore(db, w.quoteDaysFrom),
    // K4 reads servers only; the rest of the asset register is not needed.
    db.devices.where('type').equals('server').toArray(),
    db.departments.toArray(),
  ]);
  const quotes = await quotesOf(db, quoteSchedule);
  return {
    cards,
    cardEvents,
    incidents,
    checks: checksByKind.flat(),
    devices: servers.map((d) => ({ ...d, retiredAt: retiredAtOf(d) })),
    websiteUpdates,
    quotes,
    quoteSchedule,
    trainings,
    departments,
    quoteFold,
  };
}

/**
 * K1–K9 and the chart series of `month` as of `now`. Throws KpiMonthError for a future month.
 * The company's own rest days (a ledger-wide setting) take working days out of K6's count.
 */
export async function readKpiMonth(db: NetdeskDb, month: string, now: Date): Promise<KpiMonthData> {
  const { report, ledger } = await readKpiMonthData(db, month, now);
  return { report, charts: kpiChartSeries(ledger, month, now) };
}

/** `month`'s K1–K9 as of `now` and the records they were computed from (no chart series). */
export async function readKpiMonthData(
  db: NetdeskDb,
  month: string,
  now: Date,
): Promise<{ report: KpiMonthReport; ledger: Awaited<ReturnType<typeof readKpiMonthLedger>> }> {
  const [ledger, companyRestDays] = await Promise.all([
    readKpiMonthLedger(db, month),
    getLedgerSetting(db, 'companyRestDays'),
  ]);
  const report = computeKpiMonth(ledger, month, now, { companyRestDays, quoteFold: ledger.quoteFold });
  return { report, ledger };
}

export type StoredKpiReport = KpiReport;

/** The issued versions of a month, newest first (deleted ones left out). */
export async function readIssuedReports(db: NetdeskDb, month: string): Promise<StoredKpiReport[]> {
  const rows = await db.kpiReports.where('month').equals(month).toArray();
  return rows
    .filter((r) => r.deletedAt === null && Boolean(r.createdAt))
    .sort((a, b) => b.version - a.version);
}

/** Draws a report's PDF from its frozen figures (the print path supplies the font). */
export type DrawKpiPdf = (figures: KpiReportFigures, figuresSha: string) => Promise<Uint8Array>;

export interface IssueInput {
  month: string;
  now: Date;
  remark: string;
  preparedBy: string;
  company: string;
}

/**
 * Issue `month`'s report (a new version when one exists): freeze the figures as they stand now,
 * draw the PDF from them, store its bytes as an attachment (content-addressed by SHA-256, synced
 * like scanned cards), then the kpiReports record naming both hashes. The attachment goes first,
 * so a record never names bytes that are not stored.
 */
export async function issueKpiReport(
  ledger: { db: NetdeskDb; repo: Repository },
  input: IssueInput,
  draw: DrawKpiPdf,
): Promise<StoredKpiReport> {
  const { db, repo } = ledger;
  const data = await readKpiMonth(db, input.month, input.now);
  const issued = await readIssuedReports(db, input.month);
  const previous = latestVersion(issued, input.month);
  const figures = freezeKpiReport(
    {
      report: data.report,
      charts: data.charts,
      issuedAt: input.now,
      company: input.company,
      preparedBy: input.preparedBy,
      remark: input.remark,
    },
    previous ? (previous.figures as unknown as KpiReportFigures) : null,
  );
  const sha = await figuresSha256(figures);
  const bytes = await draw(figures, sha);
  const stored = await repo.putAttachment({
    bytes,
    name: `月度考核报告-${input.month}-v${figures.version}.pdf`,
    mime: 'application/pdf',
  });
  return repo.create('kpiReports', {
    month: input.month,
    issuedAt: figures.issuedAt,
    issuedBy: input.preparedBy,
    figures: figures as unknown as Record<string, unknown>,
    pdfSha256: stored.sha256,
    version: figures.version,
    figuresSha256: sha,
    remark: figures.remark,
    changes: figures.changes as unknown as Record<string, unknown>[],
  });
}

export type ReopenResult =
  | { ok: true; bytes: Uint8Array; source: 'archive' | 'redrawn' }
  | { ok: false; reason: 'figures-changed' | 'pdf-missing' };

/**
 * The issued PDF exactly as issued: the stored bytes, checked against the record's SHA-256. When
 * the bytes are not on this PC yet (another PC issued it and its attachment has not arrived), the
 * PDF is drawn again from the frozen figures and given only if it hashes to the same SHA-256.
 */
export async function reopenKpiReport(
  db: NetdeskDb,
  record: Pick<KpiReport, 'figures' | 'pdfSha256' | 'figuresSha256'>,
  draw: DrawKpiPdf,
): Promise<ReopenResult> {
  const figures = record.figures as unknown as KpiReportFigures;
  if (record.figuresSha256 && (await figuresSha256(figures)) !== record.figuresSha256) {
    return { ok: false, reason: 'figures-changed' };
  }
  if (!record.pdfSha256) return { ok: false, reason: 'pdf-missing' };
  const stored = await db.attachments.get(record.pdfSha256);
  if (stored) {
    const bytes = new Uint8Array(await blobBytes(stored.blob));
    if (await isSameDocument(bytes, record.pdfSha256)) return { ok: true, bytes, source: 'archive' };
  }
  const redrawn = await draw(figures, record.figuresSha256 ?? (await figuresSha256(figures)));
  return (await isSameDocument(redrawn, record.pdfSha256))
    ? { ok: true, bytes: redrawn, source: 'redrawn' }
    : { ok: false, reason: 'pdf-missing' };
}

/** A Blob's bytes; jsdom's Blob lacks arrayBuffer(), so FileReader is the fallback. */
function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the stored PDF'));
    reader.readAsArrayBuffer(blob);
  });
}
