// The monthly KPI report (月度考核报告) for the HR director: a header block (company, department,
// month, prepared by, date of issue, version), the summary table of K1–K9 (target, actual,
// result), four charts drawn as vector graphics (repair cards per week, by department, by fault
// category, time to repair), the exceptions behind each indicator, what changed since the previous
// version, the supervisor's remark, and signature lines for the network supervisor and the HR
// director; page numbers, the printed date and the SHA-256 of the frozen figures in the footer.
//
// The report is drawn from the frozen figures alone (shared/kpi/archive), never from the live
// ledger, so an issued version can be drawn again to the same bytes. Like every form, it is laid
// out as plain strings first so collectText lists exactly what is drawn and the font is cut to
// those characters.
import type { LedgerBackup } from '../../backup';
import {
  figureChangeText,
  freezeKpiReport,
  recordChangeText,
  type KpiReportFigures,
} from '../../kpi/archive';
import {
  FAULT_CATEGORY_LABELS,
  kpiChartSeries,
  REPAIR_TIME_LABELS,
  weekRangeLabel,
  type KpiChartSeries,
} from '../../kpi/charts';
import { kpiLedgerFromTables } from '../../kpi/ledger';
import { readLedgerSetting } from '../../ledger-settings';
import { actualText, exceptionText, KPI_NAMES, passText, reasonText, targetText } from '../../kpi/text';
import type { KpiIndicator, KpiMonthReport } from '../../kpi/types';
import { chinaTime } from '../../time/china';
import type { PdfFont } from '../font';
import {
  formatChineseDate,
  FormDocument,
  frameText,
  signatureLineText,
  useFastFontEmbedding,
  type TableColumn,
} from '../layout';

export const KPI_REPORT_TITLE = '月度考核报告';
/** The network supervisor's department in the duties document (隶属部门). */
export const KPI_REPORT_DEPARTMENT = '人力资源中心';
export const KPI_REPORT_SIGNATURES = ['网络主管', '人力资源部部长'] as const;
export const KPI_CHART_TITLES = {
  perWeek: '每周维修卡数',
  byDepartment: '各部门维修卡数',
  byCategory: '故障类别',
  timeToRepair: '维修用时分布',
} as const;

export interface KpiReportOptions {
  font: PdfFont;
  /** Date of issue, printed in the header and the footer. */
  now: Date;
  preparedBy?: string;
  /** The supervisor's remark; empty leaves ruled room to write by hand. */
  remark?: string;
}

export interface KpiReportDrawOptions {
  font: PdfFont;
  /** The SHA-256 of the frozen figures (figuresSha256), printed in every page's footer. */
  figuresSha256: string;
}

const SUMMARY_COLUMNS: TableColumn[] = [
  { header: '编号', weight: 6, align: 'center' },
  { header: '考核指标', weight: 19 },
  { header: '目标', weight: 25 },
  { header: '实际', weight: 30 },
  { header: '结果', weight: 20, align: 'center' },
];
const HEADER_COLUMNS: TableColumn[] = [
  { header: '', weight: 14 },
  { header: '', weight: 36 },
  { header: '', weight: 14 },
  { header: '', weight: 36 },
];

/** The company name kept in the ledger's settings ('' when none), read by the one rule for them. */
export function companyNameOf(backup: LedgerBackup): string {
  return readLedgerSetting(backup.tables.ledgerSettings ?? [], 'companyName');
}

/** The chart series of a backup's month (the CLI and tests; the app reads its month window). */
export function chartsFromBackup(backup: LedgerBackup, month: string, now: Date): KpiChartSeries {
  const ledger = kpiLedgerFromTables(backup.tables);
  return kpiChartSeries(
    {
      cards: backup.tables.repairCards ?? [],
      cardEvents: ledger.cardEvents,
      departments: backup.tables.departments ?? [],
    },
    month,
    now,
  );
}

/** Figures of a report drawn straight from a backup (not archived): the CLI's `--pdf`. */
export function kpiFiguresFromBackup(
  report: KpiMonthReport,
  backup: LedgerBackup,
  options: Omit<KpiReportOptions, 'font'>,
): KpiReportFigures {
  return freezeKpiReport(
    {
      report,
      charts: chartsFromBackup(backup, report.month, new Date(report.now)),
      issuedAt: options.now,
      company: companyNameOf(backup),
      preparedBy: options.preparedBy ?? '',
      remark: options.remark ?? '',
    },
    null,
  );
}

function resultText(ind: KpiIndicator): string {
  const word = passText(ind.pass, 'zh');
  return ind.reason ? `${word}（${reasonText(ind.reason, 'zh')}）` : word;
}

interface ChartSheet {
  title: string;
  bars: { label: string; value: number }[];
}

interface ReportSheet {
  subtitle: string;
  header: string[][];
  summary: string[][];
  charts: ChartSheet[];
  chartNote: string;
  sections: { heading: string; lines: string[] }[];
  changes: { heading: string; lines: string[] }[];
  changesIntro: string;
  remark: string;
}

/** '2026-12-07T02:00:00.000Z' → '2026年12月7日' in China time. */
function issueDateText(iso: string): string {
  // formatChineseDate reads the date in China time whatever the PC's zone.
  return formatChineseDate(new Date(iso));
}

function chartSheets(c: KpiChartSeries): ChartSheet[] {
  return [
    {
      title: KPI_CHART_TITLES.perWeek,
      bars: c.perWeek.map((w) => ({ label: weekRangeLabel(w), value: w.count })),
    },
    {
      title: KPI_CHART_TITLES.byDepartment,
      bars: c.byDepartment.map((d) => ({ label: d.name, value: d.count })),
    },
    {
      title: KPI_CHART_TITLES.byCategory,
      bars: c.byCategory.map((x) => ({
        label: FAULT_CATEGORY_LABELS[x.category]?.zh ?? x.category,
        value: x.count,
      })),
    },
    {
      title: KPI_CHART_TITLES.timeToRepair,
      bars: c.timeToRepair.map((x) => ({
        label: REPAIR_TIME_LABELS[x.bucket].zh,
        value: x.count,
      })),
    },
  ];
}

function reportSheet(f: KpiReportFigures): ReportSheet {
  const report = f.report;
  const [year, month] = report.month.split('-');
  const monthText = `${year}年${Number(month)}月`;
  const header = [
    ['单位', f.company, '部门', KPI_REPORT_DEPARTMENT],
    ['考核月份', monthText, '编制人', f.preparedBy || '网络主管'],
    ['数据截至', `${chinaTime(report.now)}（北京时间）`, '签发日期', issueDateText(f.issuedAt)],
    ['版本', `第 ${f.version} 版`, '维修卡', `本月共 ${f.charts.total} 张`],
  ];
  const summary = report.indicators.map((ind) => [
    ind.id,
    KPI_NAMES[ind.id].zh,
    targetText(ind.id, 'zh'),
    actualText(ind, 'zh'),
    resultText(ind),
  ]);
  const sections = report.indicators
    .filter((ind) => ind.exceptions.length > 0)
    .map((ind) => ({
      heading: `${ind.id} ${KPI_NAMES[ind.id].zh}：${passText(ind.pass, 'zh')}`,
      lines: ind.exceptions.map((e) => `· ${exceptionText(e, 'zh')}`),
    }));
  const changes = f.changes.map((c) => ({
    heading: figureChangeText(c, 'zh'),
    lines: c.records.map((r) => `· ${recordChangeText(r, 'zh')}`),
  }));
  return {
    subtitle: f.company,
    header,
    summary,
    charts: chartSheets(f.charts),
    chartNote:
      '维修用时：自接卡至首次修复或给出维修建议，含等待配件与拒修待批的时间，故超过 24 小时不一定超时；“尚未完成”为截至数据时间仍未处理完的维修卡。',
    sections,
    changes,
    changesIntro:
      f.version > 1
        ? changes.length > 0
          ? `与第 ${f.version - 1} 版相比，以下指标有变化：`
          : `与第 ${f.version - 1} 版相比，各项指标均无变化。`
        : '',
    remark: f.remark,
  };
}

/** The footer line naming the frozen figures the PDF was drawn from. */
export function kpiFooterText(figures: Pick<KpiReportFigures, 'version'>, sha: string): string {
  return `考核数据 SHA-256：${sha}（第 ${figures.version} 版）`;
}

const FIXED_TEXT = [
  frameText(KPI_REPORT_TITLE),
  SUMMARY_COLUMNS.map((c) => c.header).join(''),
  '考核结果汇总明细与说明本月各项指标均无例外事项网络主管意见备注统计图表本版变更',
  Object.values(KPI_CHART_TITLES).join(''),
  '0123456789…',
  kpiFooterText({ version: 0 }, 'abcdef'),
  ...KPI_REPORT_SIGNATURES.map(signatureLineText),
].join('\n');

/** Every string the report draws, for subsetting the font. */
export function kpiReportText(figures: KpiReportFigures): string {
  const sheet = reportSheet(figures);
  return [
    FIXED_TEXT,
    sheet.subtitle,
    ...sheet.header.map((r) => r.join('')),
    ...sheet.summary.map((r) => r.join('')),
    ...sheet.charts.flatMap((c) => [c.title, ...c.bars.map((b) => b.label)]),
    sheet.chartNote,
    sheet.changesIntro,
    ...sheet.changes.flatMap((s) => [s.heading, ...s.lines]),
    ...sheet.sections.flatMap((s) => [s.heading, ...s.lines]),
    sheet.remark,
  ].join('\n');
}

// ── Charts: horizontal bars, drawn with lines, rectangles and text ─────────────────────────

const BAR_ROW_MM = 6;
const BAR_FILL: [number, number, number] = [70, 110, 160];

/** Steps of 1, 2 or 5 × 10ⁿ giving at most `ticks` intervals up to at least `max`. */
function niceStep(max: number, ticks: number): number {
  if (max <= ticks) return 1;
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function fitLabel(doc: FormDocument, label: string, width: number, size: number): string {
  doc.pdf.setFontSize(size);
  if (doc.pdf.getTextWidth(label) <= width) return label;
  let cut = label;
  while (cut.length > 1 && doc.pdf.getTextWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function chartHeight(doc: FormDocument, rows: number): number {
  return doc.lineHeight(doc.bodySize) + 2 + rows * BAR_ROW_MM + doc.lineHeight(doc.smallSize) + 3;
}

function drawBarChart(
  doc: FormDocument,
  chart: ChartSheet,
  x: number,
  y: number,
  width: number,
  rows: number,
): void {
  const pdf = doc.pdf;
  const size = doc.smallSize;
  doc.text(chart.title, x, y, doc.bodySize, 'left');
  const top = y + doc.lineHeight(doc.bodySize) + 2;
  const labelW = 24;
  const valueW = 8;
  const left = x + labelW + 2;
  const plotW = width - labelW - 2 - valueW;
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const step = niceStep(max, 4);
  const axisMax = Math.ceil(max / step) * step;
  const bottom = top + rows * BAR_ROW_MM;
  const lh = doc.lineHeight(size);

  // Grid lines and tick values under the plot.
  pdf.setLineWidth(0.1);
  pdf.setDrawColor(200, 200, 200);
  for (let v = 0; v <= axisMax; v += step) {
    const gx = left + (v / axisMax) * plotW;
    pdf.line(gx, top, gx, bottom);
    doc.text(String(v), gx, bottom + 0.8, size - 1, 'center');
  }
  pdf.setDrawColor(0, 0, 0);
  pdf.setLineWidth(0.2);
  pdf.line(left, top, left, bottom);

  chart.bars.forEach((bar, i) => {
    const rowTop = top + i * BAR_ROW_MM;
    const labelY = rowTop + (BAR_ROW_MM - lh) / 2;
    doc.text(fitLabel(doc, bar.label, labelW, size), left - 2, labelY, size, 'right');
    const w = (bar.value / axisMax) * plotW;
    if (w > 0) {
      pdf.setFillColor(...BAR_FILL);
      pdf.rect(left, rowTop + 1, w, BAR_ROW_MM - 2, 'F');
    }
    doc.text(String(bar.value), left + w + 1, labelY, size, 'left');
  });
  pdf.setFillColor(0, 0, 0);
  pdf.setLineWidth(0.2);
}

function drawCharts(doc: FormDocument, charts: ChartSheet[], note: string): void {
  const gap = 8;
  const width = (doc.contentWidth - gap) / 2;
  for (let i = 0; i < charts.length; i += 2) {
    const pair = charts.slice(i, i + 2);
    const rows = Math.max(...pair.map((c) => c.bars.length), 1);
    const h = chartHeight(doc, rows);
    doc.ensureSpace(h);
    pair.forEach((chart, k) =>
      drawBarChart(doc, chart, doc.contentLeft + k * (width + gap), doc.y, width, rows),
    );
    doc.y += h + 2;
  }
  doc.drawParagraph(note, { size: doc.smallSize });
}

/** The report as PDF bytes, drawn from the frozen figures alone. */
export function renderKpiReportFigures(figures: KpiReportFigures, options: KpiReportDrawOptions): Uint8Array {
  const sheet = reportSheet(figures);
  const issued = new Date(figures.issuedAt);
  const doc = new FormDocument({ font: options.font, paper: 'a4', now: issued, title: KPI_REPORT_TITLE });
  useFastFontEmbedding(doc.pdf);
  doc.pdf.setDocumentProperties({
    title: `${KPI_REPORT_TITLE} ${figures.month}`,
    creator: 'NetDesk 网管工作台',
  });
  doc.drawTitle(sheet.subtitle || undefined);
  doc.drawTable(HEADER_COLUMNS, sheet.header, { header: false });
  doc.drawHeading('考核结果汇总');
  doc.drawTable(SUMMARY_COLUMNS, sheet.summary);
  doc.drawHeading('统计图表');
  drawCharts(doc, sheet.charts, sheet.chartNote);
  if (sheet.changesIntro) {
    doc.drawHeading('本版变更');
    doc.drawParagraph(sheet.changesIntro, { size: doc.bodySize, gapAfter: 0.5 });
    for (const change of sheet.changes) {
      doc.drawParagraph(change.heading, { size: doc.smallSize + 1, gapAfter: 0.3 });
      for (const line of change.lines)
        doc.drawParagraph(line, { size: doc.smallSize + 1, indent: 3, gapAfter: 0.3 });
    }
  }
  doc.drawHeading('明细与说明');
  if (sheet.sections.length === 0) doc.drawParagraph('本月各项指标均无例外事项。');
  for (const section of sheet.sections) {
    doc.drawParagraph(section.heading, { size: doc.bodySize, gapAfter: 0.5 });
    for (const line of section.lines)
      doc.drawParagraph(line, { size: doc.smallSize + 1, indent: 3, gapAfter: 0.3 });
    doc.y += 2;
  }
  doc.drawHeading('网络主管意见');
  doc.drawLabeledText('备注', sheet.remark, { minLines: 3 });
  doc.drawSignatureBlock([...KPI_REPORT_SIGNATURES]);

  // The figures' SHA-256 under the printed date and page number on every page, in the margin.
  const footer = kpiFooterText(figures, options.figuresSha256);
  const y = doc.pageHeight - doc.margin + 0.5;
  const pages = doc.pdf.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.pdf.setPage(page);
    doc.text(footer, doc.pageWidth / 2, y, doc.smallSize - 1.5, 'center');
  }
  return doc.finish();
}
