// Reading the company directory from a CSV file into people and departments, before anything is
// written. HR hands the supervisor spreadsheets saved from Excel: UTF-8 with a BOM, or GBK from an
// older Chinese Excel; headers in Chinese or English, in any order. This module decodes, maps the
// header row, validates every row with the same zod schemas the repository uses, and reports each
// problem as a code the screen translates. It never throws on a bad file: a file that cannot be
// imported comes back as a file-level error, a bad row as that row's errors.
import { departmentSchema, personSchema } from '../schemas';
import { csvRows, decodeImportBytes, normalizeHeader, normalizeKey, type CsvEncoding } from './csv';

// The decoding and comparing helpers moved to csv.ts; re-exported for the people import's callers.
export {
  decodeImportBytes,
  normalizeHeader,
  normalizeKey,
  type CsvEncoding,
  type DecodedImport,
} from './csv';

// ── Header mapping ──────────────────────────────────────────────────────────────────────

export const CSV_COLUMNS = [
  'employeeNo',
  'name',
  'department',
  'company',
  'phone',
  'computerTag',
  'title',
  'head',
  'note',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Header names people actually write, compared after {@link normalizeHeader}. */
const HEADER_ALIASES: Record<CsvColumn, string[]> = {
  employeeNo: [
    '工号',
    '员工编号',
    '员工号',
    '职工号',
    '编号',
    'employeeno',
    'employeenumber',
    'empno',
    'staffno',
  ],
  name: ['姓名', '名字', '员工姓名', 'name', 'fullname'],
  department: ['部门', '所属部门', '部门名称', 'department', 'dept', 'departmentname'],
  company: ['公司', '所属公司', '公司名称', 'company'],
  phone: [
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '电话号码',
    'phone',
    'mobile',
    'tel',
    'telephone',
  ],
  computerTag: [
    '电脑',
    '计算机',
    '电脑编号',
    '计算机编号',
    '电脑资产编号',
    '资产编号',
    'computer',
    'computertag',
    'pc',
    'assettag',
  ],
  title: ['职务', '职位', '岗位', 'title', 'jobtitle', 'position'],
  head: ['部门负责人', '负责人', 'head', 'departmenthead', 'ishead', 'headofdepartment'],
  note: ['备注', 'note', 'notes', 'remark', 'remarks'],
};

const ALIAS_TO_COLUMN = new Map<string, CsvColumn>(
  CSV_COLUMNS.flatMap((col) => HEADER_ALIASES[col].map((alias) => [normalizeHeader(alias), col] as const)),
);

// ── Results ─────────────────────────────────────────────────────────────────────────────

export type CsvFileKind = 'people' | 'departments';

/** A problem with the whole file: nothing can be imported from it. */
export type CsvFileError =
  | { code: 'empty' }
  | { code: 'missing-columns'; columns: CsvColumn[]; headers: string[] }
  | { code: 'duplicate-columns'; columns: CsvColumn[] }
  | { code: 'unreadable'; detail: string }
  /** A character the decoder could not read (not UTF-8 nor GBK, or the file was cut), at `line`. */
  | { code: 'encoding'; line: number };

export type CsvRowErrorCode =
  'required' | 'too-long' | 'format' | 'duplicate-in-file' | 'duplicate-existing' | 'wrong-column-count';

export interface CsvRowError {
  /** The record field the problem is in, e.g. 'employeeNo', or null for the whole row. */
  field: string | null;
  code: CsvRowErrorCode;
  /** Longest allowed length for 'too-long'. */
  max?: number;
  /** For 'duplicate-in-file': the line that already holds the value. */
  firstLine?: number;
}

/** Things that do not stop a row but that the user should know before confirming. */
export type CsvRowWarningCode = 'head-exists' | 'head-conflict' | 'head-unknown';
export interface CsvRowWarning {
  code: CsvRowWarningCode;
  department: string;
  /** The head named in the file, for 'head-unknown'. */
  value?: string;
}

/** What an import of a people file would create for one row. */
export interface PersonImportFields {
  employeeNo: string;
  name: string;
  title: string;
  phone: string;
  computerTag: string;
  note: string;
}

export interface PeopleCsvRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** The cells as read, by column, for the preview. */
  cells: Partial<Record<CsvColumn, string>>;
  /** Department name exactly as it will be matched or created; '' for none. */
  department: string;
  person: PersonImportFields;
  errors: CsvRowError[];
  warnings: CsvRowWarning[];
}

export interface DepartmentCsvRow {
  line: number;
  cells: Partial<Record<CsvColumn, string>>;
  department: { name: string; company: string; note: string };
  errors: CsvRowError[];
  warnings: CsvRowWarning[];
}

/** A department the import touches: created when new, its head set when the file names one. */
export interface ImportDepartmentPlan {
  name: string;
  company: string;
  note: string;
  /** The existing department's id, or null when the import creates it. */
  existingId: string | null;
  /** The head to set, by employee no. (a person in the file or already in the ledger). */
  headEmployeeNo: string | null;
}

export type PeopleCsvResult =
  | {
      ok: true;
      kind: 'people';
      encoding?: CsvEncoding;
      columns: CsvColumn[];
      rows: PeopleCsvRow[];
      departments: ImportDepartmentPlan[];
      counts: { rows: number; ok: number; error: number; newDepartments: number };
    }
  | {
      ok: true;
      kind: 'departments';
      encoding?: CsvEncoding;
      columns: CsvColumn[];
      rows: DepartmentCsvRow[];
      departments: ImportDepartmentPlan[];
      counts: { rows: number; ok: number; error: number; newDepartments: number };
    }
  | { ok: false; error: CsvFileError };

/** What is already in the ledger, for duplicate checks and department matching. */
export interface PeopleCsvContext {
  existingPeople: ReadonlyArray<{ id: string; employeeNo: string; name: string }>;
  existingDepartments: ReadonlyArray<{ id: string; name: string; headPersonId: string | null }>;
}

// ── Parsing ─────────────────────────────────────────────────────────────────────────────

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√', '✓', '✔', '负责人']);
const NO = new Set(['', '否', 'N', 'NO', 'FALSE', '0']);

/** Read a CSV file's bytes (decodeImportBytes, as every import) into a preview, with its encoding. */
export function readPeopleCsv(bytes: Uint8Array, context: PeopleCsvContext): PeopleCsvResult {
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) return { ok: false, error: { code: 'encoding', line: decoded.line } };
  const result = parsePeopleCsv(decoded.text, context);
  return result.ok ? { ...result, encoding: decoded.encoding } : result;
}

/**
 * Read a CSV text (already decoded) into a preview of what would be imported. A file with 工号/姓名
 * columns is a people file; a file with a 部门 column but no person columns is a departments file.
 */
export function parsePeopleCsv(text: string, context: PeopleCsvContext): PeopleCsvResult {
  const table = csvRows(text);
  const headerIndex = table.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0) return { ok: false, error: { code: 'empty' } };
  const headers = table[headerIndex]!.map((h) => h.trim());

  const columnAt = new Map<CsvColumn, number>();
  const duplicated = new Set<CsvColumn>();
  headers.forEach((h, i) => {
    const col = ALIAS_TO_COLUMN.get(normalizeHeader(h));
    if (!col) return;
    if (columnAt.has(col)) duplicated.add(col);
    else columnAt.set(col, i);
  });
  if (duplicated.size > 0)
    return { ok: false, error: { code: 'duplicate-columns', columns: [...duplicated] } };

  const isPeopleFile = columnAt.has('employeeNo') || columnAt.has('name') || !columnAt.has('department');
  const required: CsvColumn[] = isPeopleFile ? ['employeeNo', 'name'] : ['department'];
  const missing = required.filter((c) => !columnAt.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      error: { code: 'missing-columns', columns: missing, headers: headers.filter(Boolean) },
    };
  }

  const dataRows: Array<{ line: number; cells: Partial<Record<CsvColumn, string>>; width: number }> = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const raw = table[i]!;
    if (isBlankRow(raw)) continue;
    const cells: Partial<Record<CsvColumn, string>> = {};
    for (const [col, at] of columnAt) cells[col] = (raw[at] ?? '').trim();
    dataRows.push({ line: i + 1, cells, width: raw.length });
  }
  if (dataRows.length === 0) return { ok: false, error: { code: 'empty' } };

  const columns = CSV_COLUMNS.filter((c) => columnAt.has(c));
  return isPeopleFile
    ? parsePeopleRows(dataRows, headers.length, columns, context)
    : parseDepartmentRows(dataRows, headers.length, columns, context);
}

function isBlankRow(row: string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

type DataRow = { line: number; cells: Partial<Record<CsvColumn, string>>; width: number };

function parsePeopleRows(
  dataRows: DataRow[],
  headerWidth: number,
  columns: CsvColumn[],
  context: PeopleCsvContext,
): PeopleCsvResult {
  const existingByNo = new Map(context.existingPeople.map((p) => [normalizeKey(p.employeeNo), p]));
  const departments = new DepartmentPlanner(context);
  const seenNo = new Map<string, number>();
  const rows: PeopleCsvRow[] = [];
  const headClaims: Array<{ row: PeopleCsvRow; value: string }> = [];

  for (const { line, cells, width } of dataRows) {
    const person: PersonImportFields = {
      employeeNo: cells.employeeNo ?? '',
      name: cells.name ?? '',
      title: cells.title ?? '',
      phone: cells.phone ?? '',
      computerTag: cells.computerTag ?? '',
      note: cells.note ?? '',
    };
    const department = (cells.department ?? '').normalize('NFKC').trim();
    const row: PeopleCsvRow = { line, cells, department, person, errors: [], warnings: [] };
    if (width > headerWidth) row.errors.push({ field: null, code: 'wrong-column-count' });
    row.errors.push(...schemaErrors(personSchema, person));
    if (department) {
      const deptErrors = schemaErrors(departmentSchema, { name: department, company: cells.company ?? '' });
      row.errors.push(
        ...deptErrors.map((e) => ({ ...e, field: e.field === 'name' ? 'department' : e.field })),
      );
    }

    const key = normalizeKey(person.employeeNo);
    if (key && !row.errors.some((e) => e.field === 'employeeNo')) {
      const firstLine = seenNo.get(key);
      if (firstLine !== undefined)
        row.errors.push({ field: 'employeeNo', code: 'duplicate-in-file', firstLine });
      else if (existingByNo.has(key)) row.errors.push({ field: 'employeeNo', code: 'duplicate-existing' });
      else seenNo.set(key, line);
    }

    if (row.errors.length === 0 && department) {
      departments.use(department, cells.company ?? '');
      const head = cells.head ?? '';
      if (head) headClaims.push({ row, value: head });
    }
    rows.push(row);
  }

  // Heads are resolved once every row is known, so a head listed below their staff still counts.
  const okByNo = new Map(
    rows.filter((r) => r.errors.length === 0).map((r) => [normalizeKey(r.person.employeeNo), r]),
  );
  for (const { row, value } of headClaims) {
    const flag = normalizeKey(value);
    let headNo: string | null;
    if (YES.has(flag)) headNo = row.person.employeeNo;
    else if (NO.has(flag)) continue;
    else headNo = resolvePersonRef(value, okByNo, context);
    if (!headNo) {
      row.warnings.push({ code: 'head-unknown', department: row.department, value });
      continue;
    }
    const warning = departments.setHead(row.department, headNo);
    if (warning) row.warnings.push({ code: warning, department: row.department });
  }

  const ok = rows.filter((r) => r.errors.length === 0).length;
  const plans = departments.plans();
  return {
    ok: true,
    kind: 'people',
    columns,
    rows,
    departments: plans,
    counts: {
      rows: rows.length,
      ok,
      error: rows.length - ok,
      newDepartments: plans.filter((d) => d.existingId === null).length,
    },
  };
}

function parseDepartmentRows(
  dataRows: DataRow[],
  headerWidth: number,
  columns: CsvColumn[],
  context: PeopleCsvContext,
): PeopleCsvResult {
  const existing = new Set(context.existingDepartments.map((d) => normalizeKey(d.name)));
  const seen = new Map<string, number>();
  const departments = new DepartmentPlanner(context);
  const rows: DepartmentCsvRow[] = [];
  for (const { line, cells, width } of dataRows) {
    const department = {
      name: (cells.department ?? '').normalize('NFKC').trim(),
      company: cells.company ?? '',
      note: cells.note ?? '',
    };
    const row: DepartmentCsvRow = { line, cells, department, errors: [], warnings: [] };
    if (width > headerWidth) row.errors.push({ field: null, code: 'wrong-column-count' });
    row.errors.push(
      ...schemaErrors(departmentSchema, department).map((e) => ({
        ...e,
        field: e.field === 'name' ? 'department' : e.field,
      })),
    );
    const key = normalizeKey(department.name);
    if (key && !row.errors.some((e) => e.field === 'department')) {
      const firstLine = seen.get(key);
      if (firstLine !== undefined)
        row.errors.push({ field: 'department', code: 'duplicate-in-file', firstLine });
      else if (existing.has(key)) row.errors.push({ field: 'department', code: 'duplicate-existing' });
      else seen.set(key, line);
    }
    if (row.errors.length === 0) {
      departments.use(department.name, department.company, department.note);
      const head = cells.head ?? '';
      if (head) {
        const headNo = resolvePersonRef(head, new Map(), context);
        if (headNo) departments.setHead(department.name, headNo);
        else row.warnings.push({ code: 'head-unknown', department: department.name, value: head });
      }
    }
    rows.push(row);
  }
  const ok = rows.filter((r) => r.errors.length === 0).length;
  const plans = departments.plans();
  return {
    ok: true,
    kind: 'departments',
    columns,
    rows,
    departments: plans,
    counts: { rows: rows.length, ok, error: rows.length - ok, newDepartments: plans.length },
  };
}

/** A head named by employee no. or by a name that is unique among the file and the ledger. */
function resolvePersonRef(
  value: string,
  fileByNo: Map<string, PeopleCsvRow>,
  context: PeopleCsvContext,
): string | null {
  const key = normalizeKey(value);
  const inFile = fileByNo.get(key);
  if (inFile) return inFile.person.employeeNo;
  const existing = context.existingPeople.find((p) => normalizeKey(p.employeeNo) === key);
  if (existing) return existing.employeeNo;
  const byName = [
    ...[...fileByNo.values()]
      .filter((r) => normalizeKey(r.person.name) === key)
      .map((r) => r.person.employeeNo),
    ...context.existingPeople.filter((p) => normalizeKey(p.name) === key).map((p) => p.employeeNo),
  ];
  return new Set(byName.map(normalizeKey)).size === 1 ? byName[0]! : null;
}

/** Collects the departments an import refers to, matching existing ones by name. */
class DepartmentPlanner {
  private readonly byKey = new Map<string, ImportDepartmentPlan & { existingHead: string | null }>();
  private readonly existing: Map<string, { id: string; name: string; headPersonId: string | null }>;

  constructor(context: PeopleCsvContext) {
    this.existing = new Map(context.existingDepartments.map((d) => [normalizeKey(d.name), d]));
  }

  use(name: string, company: string, note = ''): void {
    const key = normalizeKey(name);
    if (this.byKey.has(key)) return;
    const found = this.existing.get(key);
    this.byKey.set(key, {
      name: found?.name ?? name,
      company: company.trim(),
      note: note.trim(),
      existingId: found?.id ?? null,
      headEmployeeNo: null,
      existingHead: found?.headPersonId ?? null,
    });
  }

  /** Set the head unless the department already has one; returns why it was not set. */
  setHead(name: string, employeeNo: string): CsvRowWarningCode | null {
    const plan = this.byKey.get(normalizeKey(name));
    if (!plan) return null;
    if (plan.existingHead) return 'head-exists';
    if (plan.headEmployeeNo && normalizeKey(plan.headEmployeeNo) !== normalizeKey(employeeNo))
      return 'head-conflict';
    plan.headEmployeeNo = employeeNo;
    return null;
  }

  plans(): ImportDepartmentPlan[] {
    return [...this.byKey.values()].map(({ existingHead: _existingHead, ...plan }) => plan);
  }
}

/** Field problems found by a record schema, as row error codes. */
function schemaErrors(schema: typeof personSchema | typeof departmentSchema, input: object): CsvRowError[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((issue): CsvRowError => {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
    if (issue.code === 'too_small') return { field, code: 'required' };
    if (issue.code === 'too_big') return { field, code: 'too-long', max: Number(issue.maximum) };
    return { field, code: 'format' };
  });
}
