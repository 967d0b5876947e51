// The monthly KPI report (月度考核报告) for the HR director: a header block (company, department,
// month, prepared by, date of issue), the summary table of K1–K9 (target, actual, result), the
// exceptions behind each indicator (the late cards, the weeks without a check, the incidents
// counted and excluded), the data problems, the supervisor's remark, and signature lines for the
// network supervisor and the HR director; page numbers and the printed date in the footer. Like
// every form, it is laid out as plain strings first so collectText lists exactly what is drawn and
// the font is cut to those characters. Charts are not drawn yet.
import type { LedgerBackup } from '../../backup';
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

export interface KpiReportOptions {
  font: PdfFont;
  /** Date of issue, printed in the header and the footer. */
  now: Date;
  preparedBy?: string;
  /** The supervisor's remark; empty leaves ruled room to write by hand. */
  remark?: string;
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

const live = <T extends { deletedAt: string | null }>(rows: T[] | undefined): T[] =>
  (rows ?? []).filter((r) => r.deletedAt === null);

function companyName(backup: LedgerBackup): string {
  const setting = live(backup.tables.ledgerSettings).find((s) => s.key === 'companyName');
  return typeof setting?.value === 'string' ? setting.value : '';
}

function resultText(ind: KpiIndicator): string {
  const word = passText(ind.pass, 'zh');
  return ind.reason ? `${word}（${reasonText(ind.reason, 'zh')}）` : word;
}

interface ReportSheet {
  subtitle: string;
  header: string[][];
  summary: string[][];
  sections: { heading: string; lines: string[] }[];
  remark: string;
}

type SheetOptions = Omit<KpiReportOptions, 'font'>;

function reportSheet(report: KpiMonthReport, backup: LedgerBackup, options: SheetOptions): ReportSheet {
  const [year, month] = report.month.split('-');
  const monthText = `${year}年${Number(month)}月`;
  const header = [
    ['单位', companyName(backup), '部门', KPI_REPORT_DEPARTMENT],
    ['考核月份', monthText, '编制人', options.preparedBy?.trim() || '网络主管'],
    ['数据截至', `${chinaTime(report.now)}（北京时间）`, '签发日期', formatChineseDate(options.now)],
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
  return {
    subtitle: companyName(backup),
    header,
    summary,
    sections,
    remark: options.remark?.trim() ?? '',
  };
}

const FIXED_TEXT = [
  frameText(KPI_REPORT_TITLE),
  SUMMARY_COLUMNS.map((c) => c.header).join(''),
  '考核结果汇总明细与说明本月各项指标均无例外事项网络主管意见备注',
  ...KPI_REPORT_SIGNATURES.map(signatureLineText),
].join('\n');

/** Every string the report draws, for subsetting the font. */
export function kpiReportText(report: KpiMonthReport, backup: LedgerBackup, options: SheetOptions): string {
  const sheet = reportSheet(report, backup, options);
  return [
    FIXED_TEXT,
    sheet.subtitle,
    ...sheet.header.map((r) => r.join('')),
    ...sheet.summary.map((r) => r.join('')),
    ...sheet.sections.flatMap((s) => [s.heading, ...s.lines]),
    sheet.remark,
  ].join('\n');
}

/** The report as PDF bytes. */
export function renderKpiReport(
  report: KpiMonthReport,
  backup: LedgerBackup,
  options: KpiReportOptions,
): Uint8Array {
  const sheet = reportSheet(report, backup, options);
  const doc = new FormDocument({
    font: options.font,
    paper: 'a4',
    now: options.now,
    title: KPI_REPORT_TITLE,
  });
  useFastFontEmbedding(doc.pdf);
  doc.pdf.setDocumentProperties({
    title: `${KPI_REPORT_TITLE} ${report.month}`,
    creator: 'NetDesk 网管工作台',
  });
  doc.drawTitle(sheet.subtitle || undefined);
  doc.drawTable(HEADER_COLUMNS, sheet.header, { header: false });
  doc.drawHeading('考核结果汇总');
  doc.drawTable(SUMMARY_COLUMNS, sheet.summary);
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
  return doc.finish();
}
