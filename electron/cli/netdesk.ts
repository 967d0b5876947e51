// The `netdesk` command line: write the demo ledger, print a form from a backup file to PDF.
// Each command is a plain function of (argv, io) returning an exit code, so tests run it in-process;
// bin.mjs only wires it to the real process. Exit codes: 0 ok, 1 failure, 2 usage or bad input.
// Messages are bilingual (Chinese first): the supervisor reads Chinese, scripts and logs read English.
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parseBackup,
  serializeBackup,
  type LedgerBackup,
} from '../../shared/backup';
import { buildDemoLedger } from '../../shared/demo';
import { pathProblem } from '../../shared/file-names';
import { describeCharacter, FontFormatError } from '../../shared/pdf/font';
import { PdfFormError, pdfForms } from '../../shared/pdf/forms';
import { CHECK_PDF_OPTIONS, checkPdfChoice } from './checks-pdf';
import type { LabelSheetChoice } from '../../shared/pdf/forms/labels';
import { BLANK_CARDS_MAX, type BlankCardsChoice } from '../../shared/pdf/forms/repair-card';
import { parseCardNo } from '../../shared/repair/card-number';
import { PAPERS, type Paper } from '../../shared/pdf/layout';
import { defaultFontPath, prepareFont, readFontFile } from './font';
import { writeDatasetBackup } from './dataset';
// Folder sync: the headless replica and the folder check live in their own modules.
import { replicaCommand } from './replica';
import { verifyCommand } from './verify';
import { kpiCommand } from './kpi';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative paths in arguments are resolved against this folder. */
  cwd: string;
}

/** A usage or input problem: reported with exit code 2 and nothing written. */
class UsageError extends Error {}

const USAGE = `netdesk — NetDesk 网管工作台 命令行 / command line

用法 / Usage:
  netdesk demo --out FILE [--seed N] [--people N] [--now ISO-TIME]
      写出演示台账（备份格式）/ write the demo ledger as a backup file
  netdesk demo --years N --employees E --out FILE [--devices D] [--cards C] [--seed N] [--now ISO-TIME]
      写出多年大型集团台账（基准测试用）/ write N years of a group of E employees (the bench's ledger)
  netdesk pdf <表单/form> --backup FILE --out FILE.pdf [--id ID] [--paper a4|a5]
              [--font FILE.ttf] [--now ISO-TIME] [--strict]
      从备份文件打印表单为 PDF / print a form from a backup file to PDF
  netdesk pdf blank-cards --out FILE.pdf --count N (--pc A [--year Y] [--from N] | --first NO)
              [--backup FILE] [--paper a4|a5]
      打印带编号的空白维修申请卡 / print blank numbered repair cards
  netdesk pdf labels --backup FILE --out FILE.pdf [--cols 3 --rows 8] [--ids TAG,TAG…]
              [--skip N] [--outline] [--label-width MM --label-height MM]
              [--margin-top MM --margin-left MM --gap-x MM --gap-y MM]
      打印资产标签（二维码）/ print a sheet of asset labels with QR codes
  netdesk pdf check --backup FILE --id ID --out FILE.pdf
      打印一次例行检查的记录 / print a done routine check
  netdesk pdf check-sheet --kind KIND --out FILE.pdf [--backup FILE]
      空白检查表（KIND: server-maintenance, cctv, website-security, website-backup, machine-room）
      / a blank check sheet to fill by hand
  netdesk pdf duty-roster --backup FILE --out FILE.pdf [--week YYYY-MM-DD]
      一周的机房巡检值班表 / the machine-room duty roster of the week holding that day
  netdesk pdf evaluation --backup FILE --id ID --out FILE.pdf
      打印工作申请单（设备购置/更换评估）/ print a purchase evaluation (工作申请单)
  netdesk forms
      列出可打印的表单 / list the printable forms
  netdesk replica --ledger FILE <init|import|put|delete|dump|sync|status> …
      无界面副本账本与文件夹同步 / headless replica ledger and folder sync (netdesk replica --help)
  netdesk verify --folder DIR
      检查同步文件夹，不做修改 / check a sync folder without changing it
  netdesk verify --webdav URL [--user U]
      检查 WebDAV 服务器上的同步文件夹（密码：NETDESK_WEBDAV_PASSWORD 或标准输入）
      / check a sync folder on a WebDAV server (password: NETDESK_WEBDAV_PASSWORD or stdin)
  netdesk kpi --backup FILE --month YYYY-MM [--now ISO-TIME] [--json] [--pdf OUT.pdf]
      月度考核指标 K1–K9 与月度考核报告 / the month's KPI K1–K9 and the monthly report PDF
  netdesk verify --backups DIR
      检查备份文件夹（校验登记的备份，统计半成品）/ check a backups folder and count partial files
  netdesk --help | --version

选项 / Options:
  --seed N      演示数据的随机种子（默认 1）/ demo seed (default 1)
  --people N    演示通讯录人数（默认 40）/ people in the demo directory (default 40)
  --years N     多年台账的年数 / years of history (with --employees: default 4 cards a person a year,
                4 devices a person)
  --now T       以该时间为“现在”（ISO 8601）/ treat T as now, for repeatable output
  --id ID       要打印的记录（如维修卡）/ the record a one-record form prints
  --paper P     纸张 a4 或 a5（默认 a4）/ paper size, a4 (default) or a5
  --font F      TrueType 字体文件（默认 Noto Sans SC）/ TrueType font (default Noto Sans SC)
  --strict      字体缺字时不输出并返回 1 / fail (exit 1) when the font lacks a character
  --count N     空白卡张数（1–500，默认 1）/ blank cards to print (1–500, default 1)
  --pc L        本机电脑代号（一个字母）/ this PC's letter in card numbers (A–Z)
  --year Y      编号中的年份（默认今年）/ the year in the numbers (default: this year)
  --from N      起始序号（默认接着备份中已用的编号）/ first sequence number (default: after
                those used in the backup)
  --first NO    起始编号，如 WX-2026-A-0101 / the first card number, e.g. WX-2026-A-0101

退出码 / Exit codes: 0 成功 ok · 1 失败 failure · 2 用法或输入错误 usage or bad input

示例 / Examples:
  netdesk demo --out demo.netdesk.json
  netdesk pdf directory --backup demo.netdesk.json --out 通讯录.pdf
  netdesk pdf card --backup demo.netdesk.json --id WX-2026-A-0002 --out card.pdf --paper a5
  netdesk pdf blank-cards --count 20 --pc A --year 2026 --from 101 --out blank.pdf
`;

/** Run `netdesk` with the arguments after the program name. Never throws; returns the exit code. */
export async function runNetdesk(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // Every argument may name a file or folder: one with control characters (a pasted path
    // carrying a stray tab or escape) is refused before anything is read or written.
    for (const arg of argv) {
      const problem = pathProblem(arg);
      if (problem) throw new UsageError(`${problem}\n运行 / run: netdesk --help`);
    }
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return EXIT_OK;
      case '--version':
      case '-v':
        io.stdout(`${await packageVersion()}\n`);
        return EXIT_OK;
      case 'demo':
        return await demoCommand(rest, io);
      case 'pdf':
        return await pdfCommand(rest, io);
      case 'forms':
        io.stdout(formList());
        return EXIT_OK;
      // Folder sync.
      case 'replica':
        return await replicaCommand(rest, io);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'kpi':
        return await kpiCommand(rest, io);
      default:
        throw new UsageError(`未知命令 / unknown command: ${command}\n运行 / run: netdesk --help`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`失败 / failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs explains unknown options and missing values well; add where to read more.
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n运行 / run: netdesk --help`);
  }
}

function intOption(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(
      `--${name} 需要不小于 ${min} 的整数 / --${name} needs a whole number ≥ ${min}: ${value}`,
    );
  }
  return n;
}

function nowOption(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UsageError(`--now 需要 ISO 8601 时间 / --now needs an ISO 8601 time: ${value}`);
  }
  return at;
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`缺少 --${name} / missing --${name}\n运行 / run: netdesk --help`);
  return value;
}

// ── netdesk demo ─────────────────────────────────────────────────────────────────────────
export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    seed: { type: 'string' },
    people: { type: 'string' },
    now: { type: 'string' },
    years: { type: 'string' },
    employees: { type: 'string' },
    devices: { type: 'string' },
    cards: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`多余的参数 / unexpected argument: ${positionals[0]}`);
  const out = resolve(io.cwd, required(values.out, 'out'));
  const seed = intOption(values.seed, 'seed', 1, 0);
  if (values.years !== undefined || values.employees !== undefined) {
    // The bench's large ledger (shared/dataset), streamed: ten years do not fit in one string.
    const years = intOption(values.years, 'years', 1, 1);
    const employees = intOption(values.employees, 'employees', 500, 8);
    const written = await writeDatasetBackup(out, {
      seed,
      now: nowOption(values.now),
      years,
      employees,
      ...(values.devices !== undefined ? { devices: intOption(values.devices, 'devices', 0, 1) } : {}),
      ...(values.cards !== undefined ? { cards: intOption(values.cards, 'cards', 0, 0) } : {}),
    });
    io.stdout(
      `已写入 ${years} 年台账 / wrote ${years} years of ledger: ${out} (${written.records} 条记录 records, ` +
        `${written.cards} 张维修卡 repair cards, ${(written.bytes / 1e6).toFixed(1)} MB, seed ${seed})\n`,
    );
    return EXIT_OK;
  }
  const people = intOption(values.people, 'people', 40, 8);
  const backup = buildDemoLedger({ seed, people, now: nowOption(values.now) });
  const text = serializeBackup(backup);
  await writeAtomically(out, text);
  const total = Object.values(backup.tables).reduce((sum, rows) => sum + rows.length, 0);
  io.stdout(`已写入演示台账 / wrote the demo ledger: ${out} (${total} 条记录 records, seed ${seed})\n`);
  return EXIT_OK;
}

// ── netdesk pdf ──────────────────────────────────────────────────────────────────────────
function formList(): string {
  const lines = Object.entries(pdfForms).map(
    ([name, form]) => `  ${name.padEnd(12)} ${form.title}${form.needsId ? '（需要 --id / needs --id）' : ''}`,
  );
  return `可打印的表单 / printable forms:\n${lines.join('\n')}\n`;
}

export async function pdfCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    backup: { type: 'string', short: 'b' },
    out: { type: 'string', short: 'o' },
    id: { type: 'string' },
    paper: { type: 'string' },
    font: { type: 'string' },
    now: { type: 'string' },
    strict: { type: 'boolean', default: false },
    // check-sheet: which kind; duty-roster: a day of the week (see ./checks-pdf.ts).
    ...CHECK_PDF_OPTIONS,
    // blank-cards: which numbers to print.
    count: { type: 'string' },
    pc: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    first: { type: 'string' },
    // labels: the grid and which devices.
    cols: { type: 'string' },
    rows: { type: 'string' },
    ids: { type: 'string' },
    skip: { type: 'string' },
    outline: { type: 'boolean' },
    'label-width': { type: 'string' },
    'label-height': { type: 'string' },
    'margin-top': { type: 'string' },
    'margin-left': { type: 'string' },
    'gap-x': { type: 'string' },
    'gap-y': { type: 'string' },
  });
  const formName = positionals[0];
  if (!formName) throw new UsageError(`缺少表单名 / missing the form name\n${formList()}`);
  if (positionals.length > 1) throw new UsageError(`多余的参数 / unexpected argument: ${positionals[1]}`);
  const form = Object.hasOwn(pdfForms, formName) ? pdfForms[formName] : undefined;
  if (!form) throw new UsageError(`未知表单 / unknown form: ${formName}\n${formList()}`);
  const paper = (values.paper ?? 'a4') as Paper;
  if (!PAPERS.includes(paper))
    throw new UsageError(`--paper 只能是 a4 或 a5 / --paper must be a4 or a5: ${paper}`);
  const blankCards = formName === 'blank-cards' ? blankCardsOption(values) : undefined;
  if (!blankCards) refuseBlankCardOptions(values, formName);
  const labels = formName === 'labels' ? labelsOption(values) : undefined;
  if (!labels) refuseLabelOptions(values, formName);
  const checkChoice = checkPdfChoice(formName, values, (message) => new UsageError(message));
  // Blank cards and blank check sheets need no ledger; a backup only lets the numbers continue
  // after those it has used, or the sheet list the ledger's own checklist and servers.
  const noLedger = (blankCards || checkChoice.noLedgerNeeded) && !values.backup;
  const backupPath = resolve(io.cwd, noLedger ? '' : required(values.backup, 'backup'));
  const out = resolve(io.cwd, required(values.out, 'out'));
  if (form.needsId && !values.id)
    throw new UsageError(`表单 ${formName} 需要 --id / form ${formName} needs --id`);
  const now = nowOption(values.now);

  let text: string;
  try {
    text = noLedger ? serializeBackup(emptyLedger(now)) : await readFile(backupPath, 'utf8');
  } catch (err) {
    throw new UsageError(`无法读取备份文件 / cannot read the backup file: ${backupPath}\n${errorText(err)}`);
  }
  const parsed = parseBackup(text);
  if (!parsed.ok) {
    throw new UsageError(
      `备份文件无效，未生成 PDF / the backup file is not valid, no PDF written: ${backupPath}\n` +
        parsed.problems.map((p) => `  - ${p}`).join('\n'),
    );
  }

  const started = performance.now();
  let formText: string;
  try {
    formText = form.collectText(parsed.backup, checkChoice.id ?? values.id);
  } catch (err) {
    if (err instanceof PdfFormError) throw new UsageError(err.message);
    throw err;
  }

  const fontPath = values.font ? resolve(io.cwd, values.font) : defaultFontPath();
  let fontFile: Uint8Array;
  try {
    fontFile = await readFontFile(fontPath);
  } catch (err) {
    throw new UsageError(`无法读取字体文件 / cannot read the font file: ${fontPath}\n${errorText(err)}`);
  }
  let prepared;
  try {
    prepared = await prepareFont(fontFile, formText);
  } catch (err) {
    if (err instanceof FontFormatError)
      throw new UsageError(`字体不可用 / unusable font: ${fontPath}: ${err.message}`);
    throw err;
  }
  if (prepared.missing.length > 0) {
    io.stderr(
      `警告：字体缺少以下字符，PDF 中它们会是空白 / warning: the font lacks these characters; they print as blanks:\n` +
        `  ${prepared.missing.map(describeCharacter).join('  ')}\n`,
    );
    if (values.strict) {
      io.stderr('--strict：未生成 PDF / --strict: no PDF written\n');
      return EXIT_FAILURE;
    }
  }

  let pdf: Uint8Array;
  try {
    pdf = form.render(parsed.backup, {
      id: checkChoice.id ?? values.id,
      font: prepared.font,
      paper,
      now,
      blankCards,
      labels,
    });
  } catch (err) {
    if (err instanceof PdfFormError) throw new UsageError(err.message);
    throw err;
  }
  await writeAtomically(out, pdf);
  const ms = Math.round(performance.now() - started);
  io.stdout(
    `已生成 / wrote ${form.title}: ${out} (${(pdf.byteLength / 1024).toFixed(1)} KB, ` +
      `字体子集 font subset ${(prepared.subsetBytes / 1024).toFixed(1)} KB, ${ms} ms)\n`,
  );
  return EXIT_OK;
}

// ── netdesk pdf blank-cards ──────────────────────────────────────────────────────────────
const BLANK_CARD_OPTIONS = ['count', 'pc', 'year', 'from', 'first'] as const;
type BlankCardValues = Partial<Record<(typeof BLANK_CARD_OPTIONS)[number], string>>;

/** The batch asked for on the command line, checked before anything is read or written. */
function blankCardsOption(values: BlankCardValues): BlankCardsChoice {
  const count = intOption(values.count, 'count', 1, 1);
  if (count > BLANK_CARDS_MAX) {
    throw new UsageError(`--count 最多 ${BLANK_CARDS_MAX} / --count is at most ${BLANK_CARDS_MAX}: ${count}`);
  }
  if (values.first !== undefined) {
    if (values.pc !== undefined || values.year !== undefined || values.from !== undefined) {
      throw new UsageError(
        '--first 不能与 --pc/--year/--from 同用 / --first excludes --pc, --year and --from',
      );
    }
    if (!parseCardNo(values.first)) {
      throw new UsageError(
        `--first 应为 WX-年份-字母-序号 / --first must look like WX-2026-A-0101: ${values.first}`,
      );
    }
    return { count, firstCardNo: values.first.trim().toUpperCase() };
  }
  const pcCode = (values.pc ?? '').trim().toUpperCase();
  if (!/^[A-Z]$/.test(pcCode)) {
    throw new UsageError(
      `需要 --pc（一个字母）或 --first / give --pc (one letter A–Z) or --first${values.pc ? `: ${values.pc}` : ''}`,
    );
  }
  const year = values.year === undefined ? undefined : intOption(values.year, 'year', 0, 2000);
  const from = values.from === undefined ? undefined : intOption(values.from, 'from', 1, 1);
  return { count, pcCode, ...(year !== undefined ? { year } : {}), ...(from !== undefined ? { from } : {}) };
}

function refuseBlankCardOptions(values: BlankCardValues, formName: string): void {
  const given = BLANK_CARD_OPTIONS.find((o) => values[o] !== undefined);
  if (given) {
    throw new UsageError(
      `--${given} 只用于 blank-cards / --${given} is for blank-cards only, not ${formName}`,
    );
  }
}

/** A ledger with nothing in it, for blank cards printed without a backup. */
function emptyLedger(now: Date): LedgerBackup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), tables: {} };
}

// ── netdesk pdf labels ───────────────────────────────────────────────────────────────────
const LABEL_LENGTHS = {
  'label-width': 'labelWidth',
  'label-height': 'labelHeight',
  'margin-top': 'marginTop',
  'margin-left': 'marginLeft',
  'gap-x': 'gapX',
  'gap-y': 'gapY',
} as const;
const LABEL_OPTIONS = ['cols', 'rows', 'ids', 'skip', 'outline', ...Object.keys(LABEL_LENGTHS)] as const;
type LabelValues = Partial<Record<(typeof LABEL_OPTIONS)[number], string | boolean>>;

/** The label sheet asked for; the form itself checks that the grid fits the paper. */
function labelsOption(values: LabelValues): LabelSheetChoice {
  const text = (name: keyof LabelValues) => (typeof values[name] === 'string' ? values[name] : undefined);
  const choice: LabelSheetChoice = { outline: values.outline === true };
  if (text('cols') !== undefined) choice.cols = intOption(text('cols'), 'cols', 3, 1);
  if (text('rows') !== undefined) choice.rows = intOption(text('rows'), 'rows', 8, 1);
  if (text('skip') !== undefined) choice.skip = intOption(text('skip'), 'skip', 0, 0);
  for (const [option, field] of Object.entries(LABEL_LENGTHS) as [
    keyof typeof LABEL_LENGTHS,
    keyof LabelSheetChoice,
  ][]) {
    const value = text(option);
    if (value === undefined) continue;
    const mm = Number(value);
    if (value.trim() === '' || !Number.isFinite(mm) || mm < 0) {
      throw new UsageError(`--${option} 需要毫米数 / --${option} needs a length in millimetres: ${value}`);
    }
    (choice as Record<string, unknown>)[field] = mm;
  }
  const ids = text('ids');
  if (ids !== undefined) {
    choice.deviceIds = ids
      .split(/[,，\s]+/)
      .map((id) => id.trim())
      .filter(Boolean);
    if (choice.deviceIds.length === 0) throw new UsageError('--ids 为空 / --ids is empty');
  }
  return choice;
}

function refuseLabelOptions(values: LabelValues, formName: string): void {
  const given = LABEL_OPTIONS.find((o) => values[o] !== undefined);
  if (given)
    throw new UsageError(`--${given} 只用于 labels / --${given} is for labels only, not ${formName}`);
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────
/**
 * Write a file so that readers see the old content or the new, never half of it: write a
 * temporary file beside the target, then rename it over the target (atomic on one volume).
 */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, data, { flush: true });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}
