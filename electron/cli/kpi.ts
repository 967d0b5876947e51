// `netdesk kpi --backup FILE --month YYYY-MM [--now ISO-TIME] [--json] [--pdf OUT.pdf]`: the monthly
// KPI figures K1–K9 of a backup file, as a readable table, as JSON for scripts, or as the monthly
// report PDF (月度考核报告). The figures come from shared/kpi, the same engine the app uses.
// Exit codes: 0 the report was made (whatever it says), 1 failure, 2 usage or bad input (a month
// not begun yet, a backup that is not valid).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBackup } from '../../shared/backup';
import { computeKpiMonth, KpiMonthError } from '../../shared/kpi/engine';
import { kpiLedgerFromTables } from '../../shared/kpi/ledger';
import { readLedgerSetting } from '../../shared/ledger-settings';
import {
  actualText,
  exceptionText,
  KPI_NAMES,
  passText,
  reasonText,
  targetText,
} from '../../shared/kpi/text';
import type { KpiMonthReport } from '../../shared/kpi/types';
import { describeCharacter } from '../../shared/pdf/font';
import { figuresSha256 } from '../../shared/kpi/archive';
import {
  kpiFiguresFromBackup,
  kpiReportText,
  renderKpiReportFigures,
} from '../../shared/pdf/forms/kpi-report';
import { chinaTime } from '../../shared/time/china';
import { defaultFontPath, prepareFont, readFontFile } from './font';
import { writeAtomically, type CliIo } from './netdesk';

const USAGE =
  'netdesk kpi --backup FILE --month YYYY-MM [--now ISO-TIME] [--json] [--pdf OUT.pdf [--remark TEXT] [--prepared-by NAME]]';
/** Exceptions listed per indicator in the table; --json and the PDF list them all. */
const TABLE_EXCEPTIONS_MAX = 15;

function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\n用法 / usage: ${USAGE}\n`);
  return 2;
}

export async function kpiCommand(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    const parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        backup: { type: 'string', short: 'b' },
        month: { type: 'string', short: 'm' },
        now: { type: 'string' },
        json: { type: 'boolean', default: false },
        pdf: { type: 'string' },
        remark: { type: 'string' },
        'prepared-by': { type: 'string' },
      },
    });
    if (parsed.positionals.length > 0) {
      return usage(io, `多余的参数 / unexpected argument: ${parsed.positionals[0]}`);
    }
    values = parsed.values;
  } catch (err) {
    return usage(io, err instanceof Error ? err.message : String(err));
  }
  if (!values.backup) return usage(io, '缺少 --backup / missing --backup');
  if (!values.month) return usage(io, '缺少 --month / missing --month');
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (values.now !== undefined && (Number.isNaN(now.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(values.now))) {
    return usage(io, `--now 需要 ISO 8601 时间 / --now needs an ISO 8601 time: ${values.now}`);
  }

  const backupPath = resolve(io.cwd, values.backup);
  let text: string;
  try {
    text = await readFile(backupPath, 'utf8');
  } catch (err) {
    return usage(
      io,
      `无法读取备份文件 / cannot read the backup file: ${backupPath}\n${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parsed = parseBackup(text);
  if (!parsed.ok) {
    return usage(
      io,
      `备份文件无效 / the backup file is not valid: ${backupPath}\n` +
        parsed.problems.map((p) => `  - ${p}`).join('\n'),
    );
  }

  let report: KpiMonthReport;
  try {
    // The company's own rest days travel in the backup as a ledger-wide setting.
    const companyRestDays = readLedgerSetting(parsed.backup.tables.ledgerSettings ?? [], 'companyRestDays');
    report = computeKpiMonth(kpiLedgerFromTables(parsed.backup.tables), values.month, now, {
      companyRestDays,
    });
  } catch (err) {
    if (err instanceof KpiMonthError) return usage(io, err.message);
    throw err;
  }

  if (values.pdf) {
    const out = resolve(io.cwd, values.pdf);
    const fontPath = defaultFontPath();
    const sheet = { now, remark: values.remark ?? '', preparedBy: values['prepared-by'] ?? '' };
    const figures = kpiFiguresFromBackup(report, parsed.backup, sheet);
    const prepared = await prepareFont(await readFontFile(fontPath), kpiReportText(figures));
    if (prepared.missing.length > 0) {
      io.stderr(
        `警告：字体缺少以下字符，PDF 中它们会是空白 / warning: the font lacks these characters: ` +
          `${prepared.missing.map(describeCharacter).join('  ')}\n`,
      );
    }
    const pdf = renderKpiReportFigures(figures, {
      font: prepared.font,
      figuresSha256: await figuresSha256(figures),
    });
    await writeAtomically(out, pdf);
    // With --json, stdout holds the JSON alone.
    (values.json ? io.stderr : io.stdout)(
      `已生成 / wrote 月度考核报告: ${out} (${(pdf.byteLength / 1024).toFixed(1)} KB)\n`,
    );
  }

  if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (!values.pdf) io.stdout(kpiTable(report));
  return 0;
}

/** The report as a readable bilingual table for the terminal. */
export function kpiTable(report: KpiMonthReport): string {
  const lines: string[] = [
    `月度考核 / KPI ${report.month}（截至 / as of ${chinaTime(report.now)} 北京时间 China time）`,
    '',
  ];
  for (const ind of report.indicators) {
    const name = KPI_NAMES[ind.id];
    const result = `${passText(ind.pass, 'zh')} ${passText(ind.pass, 'en')}`;
    lines.push(`${ind.id}  ${name.zh} / ${name.en}  —  ${result}`);
    lines.push(`    目标 target: ${targetText(ind.id, 'zh')} / ${targetText(ind.id, 'en')}`);
    lines.push(`    实际 actual: ${actualText(ind, 'zh')} / ${actualText(ind, 'en')}`);
    if (ind.reason)
      lines.push(`    说明 note:   ${reasonText(ind.reason, 'zh')} / ${reasonText(ind.reason, 'en')}`);
    for (const e of ind.exceptions.slice(0, TABLE_EXCEPTIONS_MAX)) {
      lines.push(`    · ${exceptionText(e, 'zh')}`);
      lines.push(`      ${exceptionText(e, 'en')}`);
    }
    const more = ind.exceptions.length - TABLE_EXCEPTIONS_MAX;
    if (more > 0) lines.push(`    … 另有 ${more} 条 / ${more} more (--json lists all)`);
    lines.push('');
  }
  if (report.dataProblems.length > 0) {
    lines.push(`数据问题 / data problems: ${report.dataProblems.length}（见上 / listed above）`);
  }
  return `${lines.join('\n')}\n`;
}
