// Reading the supervisor's device spreadsheets (电子设备台账) into asset cards, before anything is
// written. The sheet arrives as rows of cells: from a CSV file (UTF-8 or GBK, decoded here) or
// from an XLSX workbook (the renderer reads it with exceljs and hands over the rows: strings,
// numbers, Dates). The header row is found and mapped to device fields from the names people
// write in Chinese or English; the user may change that mapping before the preview. Each row is
// then checked the way the repository will check it (the device schema), plus what only an
// import can see: type and status words, the department and the user looked up in the directory,
// "attached to" looked up by asset tag in the file or the ledger (the responsible-person rule),
// dates in Chinese or as Excel serials, prices with ¥ and thousands commas, and asset tags used
// twice. Problems come back as codes the screen translates; nothing here throws on bad input.
import { attachmentProblem, type AttachmentProblem, type DeviceLink } from '../devices/responsible';
import { deviceSchema, type DEVICE_STATUSES, type DEVICE_TYPES } from '../schemas/records';
import { csvRows, decodeImportBytes, normalizeHeader, normalizeKey, type CsvEncoding } from './csv';
import { parseSheetDate } from './dates';
import type { XlsxLimit } from './xlsx-check';

export type DeviceType = (typeof DEVICE_TYPES)[number];
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** One cell as a spreadsheet gives it. */
export type SheetCell = string | number | boolean | Date | null | undefined;
export type SheetRow = readonly SheetCell[];

// ── Reading the file ───────────────────────────────────────────────────────────────────

export type SheetEncoding = CsvEncoding;
export type SpreadsheetKind = 'csv' | 'xlsx' | 'xls';

/** What a file is by its first bytes, whatever its name says (an .xlsx renamed .csv still reads). */
export function sniffSpreadsheet(bytes: Uint8Array): SpreadsheetKind {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx'; // a zip: Office Open XML
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls'; // Excel 97–2003
  return 'csv';
}

export type DeviceFileError =
  /** No header and data rows. */
  | { code: 'empty' }
  /** An Excel 97–2003 .xls workbook: save it as .xlsx or CSV. */
  | { code: 'xls-unsupported' }
  /** The bytes decode to text with replacement or control characters (from `line`): not UTF-8 nor GBK, or cut. */
  | { code: 'encoding'; line: number }
  /** A field the import needs has no column; `headers` are the ones the file has. */
  | { code: 'missing-columns'; columns: DeviceColumn[]; headers: string[] }
  /** The mapping points two fields at the same column. */
  | { code: 'duplicate-mapping'; columns: DeviceColumn[] }
  | { code: 'unreadable'; detail: string }
  /** An XLSX workbook past one of the limits (shared/import/xlsx-check.ts); `row` in a sheet. */
  | { code: 'too-large'; limit: XlsxLimit; max: number; row?: number };

export type CsvReadResult =
  { ok: true; rows: string[][]; encoding: SheetEncoding } | { ok: false; error: DeviceFileError };

/**
 * The rows of a CSV file, decoded the way every import decodes (decodeImportBytes: UTF-16 with a
 * byte-order mark, UTF-8, else GBK). Text with a character the decoder could not read was in some
 * other encoding, or cut, and is refused with its line rather than imported as mojibake.
 */
export function readDeviceCsv(bytes: Uint8Array): CsvReadResult {
  const kind = sniffSpreadsheet(bytes);
  if (kind === 'xls') return { ok: false, error: { code: 'xls-unsupported' } };
  if (kind === 'xlsx') return { ok: false, error: { code: 'unreadable', detail: 'xlsx' } };
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) return { ok: false, error: { code: 'encoding', line: decoded.line } };
  return { ok: true, rows: csvRows(decoded.text), encoding: decoded.encoding };
}

// ── Columns and the header ─────────────────────────────────────────────────────────────

export const DEVICE_COLUMNS = [
  'assetTag',
  'type',
  'name',
  'brand',
  'model',
  'serialNo',
  'location',
  'department',
  'user',
  'attachedTo',
  'status',
  'purchaseDate',
  'vendor',
  'price',
  'warrantyEnd',
  'ip',
  'mac',
  'channelCount',
  'retentionDays',
  'secret',
  'note',
] as const;
export type DeviceColumn = (typeof DEVICE_COLUMNS)[number];

/** Fields without which a row cannot become an asset card. */
export const REQUIRED_DEVICE_COLUMNS: readonly DeviceColumn[] = ['assetTag', 'type'];

/** Header names people write, compared after normalizeHeader (width, case, spaces, brackets). */
const HEADER_ALIASES: Record<DeviceColumn, string[]> = {
  assetTag: [
    '资产编号',
    '资产编码',
    '资产标签',
    '设备编号',
    '固定资产编号',
    '编号',
    '标签',
    'assettag',
    'tag',
    'assetno',
    'assetnumber',
    'asset',
  ],
  type: ['类型', '设备类型', '类别', '设备类别', '资产类别', '种类', 'type', 'devicetype', 'category'],
  name: ['名称', '设备名称', '资产名称', 'name', 'devicename'],
  brand: ['品牌', '厂商', '厂牌', '生产厂家', 'brand', 'make', 'manufacturer'],
  model: ['型号', '规格型号', '型号规格', '规格', 'model'],
  serialNo: ['序列号', 'sn', 's/n', '出厂编号', '序号sn', 'serialno', 'serial', 'serialnumber'],
  location: ['位置', '安放位置', '存放位置', '存放地点', '放置地点', '地点', '位置地点', 'location', 'place'],
  department: ['部门', '使用部门', '所属部门', '部门名称', 'department', 'dept'],
  user: [
    '使用人',
    '责任人',
    '使用者',
    '保管人',
    '领用人',
    '负责人',
    '用户',
    'user',
    'owner',
    'responsible',
    'custodian',
  ],
  attachedTo: [
    '所接电脑',
    '连接电脑',
    '所连电脑',
    '连接的电脑',
    '所接计算机',
    '所属电脑',
    '接入电脑',
    '主机编号',
    'attachedto',
    'attachedcomputer',
    'host',
    'computer',
  ],
  status: ['状态', '使用状态', '设备状态', 'status', 'state'],
  purchaseDate: [
    '购买日期',
    '购置日期',
    '采购日期',
    '购入日期',
    '购买时间',
    '购置时间',
    '入账日期',
    'purchasedate',
    'purchased',
    'boughton',
  ],
  vendor: ['供应商', '供货商', '销售商', '采购渠道', 'vendor', 'supplier'],
  price: ['价格', '单价', '金额', '购买价格', '购置金额', '原值', '价格元', '金额元', 'price', 'cost'],
  warrantyEnd: [
    '保修到期',
    '保修截止',
    '保修期至',
    '保修到期日',
    '保修截止日期',
    '质保到期',
    '保修期',
    'warrantyend',
    'warranty',
    'warrantyuntil',
  ],
  ip: ['ip', 'ip地址', 'ipaddress', '地址ip'],
  mac: ['mac', 'mac地址', 'macaddress', '物理地址'],
  channelCount: ['通道数', '路数', '通道', '录像通道', 'channels', 'channelcount'],
  retentionDays: ['保存天数', '录像保存天数', '存储天数', '保存时间天', 'retentiondays', 'retention'],
  secret: ['密码', '管理密码', '账号密码', '管理员密码', '配置说明', 'password', 'secret'],
  note: ['备注', '说明', 'note', 'notes', 'remark', 'remarks'],
};

const ALIAS_TO_COLUMN = new Map<string, DeviceColumn>(
  DEVICE_COLUMNS.flatMap((col) => HEADER_ALIASES[col].map((alias) => [normalizeHeader(alias), col] as const)),
);

/** For each device field, the 0-based index of the sheet column it is read from (absent: not read). */
export type DeviceColumnMapping = Partial<Record<DeviceColumn, number>>;

/** The header and data rows of a sheet, with the mapping guessed from the header. */
export interface DeviceSheet {
  /** 0-based index of the header row in the rows handed in (its line is headerIndex + 1). */
  headerIndex: number;
  headers: string[];
  /** Data rows with their 1-based line in the file. Blank rows are left out. */
  dataRows: { line: number; cells: SheetRow }[];
  mapping: DeviceColumnMapping;
}

/** A cell as text, for headers, names and tags. Numbers stay as written (an employee no. 1001). */
export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.normalize('NFKC').trim();
}

const isBlank = (row: SheetRow) => row.every((c) => cellText(c) === '');

/** The field a header names, or undefined. */
export function columnForHeader(header: string): DeviceColumn | undefined {
  return ALIAS_TO_COLUMN.get(normalizeHeader(header));
}

/** Guess which column holds which field; each field takes the first column that names it. */
export function guessDeviceMapping(headers: readonly string[]): DeviceColumnMapping {
  const mapping: DeviceColumnMapping = {};
  headers.forEach((h, i) => {
    const col = columnForHeader(h);
    if (col && mapping[col] === undefined) mapping[col] = i;
  });
  return mapping;
}

/**
 * Find the header row: ledgers often open with a title line ("2026年电子设备台账") or a blank
 * line, so the header is the first of the first ten rows naming at least two device fields, or
 * failing that the first non-blank row.
 */
export function readDeviceSheet(rows: readonly SheetRow[]):
  | { ok: true; sheet: DeviceSheet }
  | {
      ok: false;
      error: DeviceFileError;
    } {
  const firstFilled = rows.findIndex((r) => !isBlank(r));
  if (firstFilled < 0) return { ok: false, error: { code: 'empty' } };
  let headerIndex = firstFilled;
  for (let i = firstFilled; i < Math.min(rows.length, firstFilled + 10); i++) {
    const named = new Set(rows[i]!.map((c) => columnForHeader(cellText(c))).filter(Boolean));
    if (named.size >= 2) {
      headerIndex = i;
      break;
    }
  }
  const headers = rows[headerIndex]!.map(cellText);
  const dataRows: DeviceSheet['dataRows'] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    if (!isBlank(rows[i]!)) dataRows.push({ line: i + 1, cells: rows[i]! });
  }
  if (dataRows.length === 0) return { ok: false, error: { code: 'empty' } };
  return { ok: true, sheet: { headerIndex, headers, dataRows, mapping: guessDeviceMapping(headers) } };
}

// ── Words in cells ─────────────────────────────────────────────────────────────────────

const TYPE_WORDS: Record<DeviceType, string[]> = {
  computer: [
    '电脑',
    '计算机',
    '台式机',
    '台式电脑',
    '台式计算机',
    '笔记本',
    '笔记本电脑',
    '便携机',
    '电脑一体机',
    '工作站',
    'pc',
    'desktop',
    'laptop',
    'notebook',
    'workstation',
  ],
  printer: [
    '打印机',
    '激光打印机',
    '喷墨打印机',
    '针式打印机',
    '票据打印机',
    '标签打印机',
    '复印机',
    '多功能一体机',
    '打印复印一体机',
    'mfp',
    'copier',
  ],
  peripheral: [
    '外设',
    '外围设备',
    '电脑外设',
    '扫描仪',
    '显示器',
    '读卡器',
    '身份证阅读器',
    '高拍仪',
    '扫描枪',
    '条码枪',
    'scanner',
    'monitor',
  ],
  server: ['服务器', '存储', '存储服务器', 'nas', 'san'],
  switch: ['交换机', '核心交换机', '接入交换机', '汇聚交换机', 'poe交换机'],
  router: ['路由器', '路由', '出口路由器', '无线路由器'],
  firewall: ['防火墙', '上网行为管理', 'utm'],
  'cctv-camera': [
    '摄像头',
    '摄像机',
    '监控摄像头',
    '监控摄像机',
    '网络摄像机',
    '监控',
    '球机',
    '枪机',
    '半球',
    'camera',
    'ipc',
    'cctv',
  ],
  'cctv-recorder': [
    '录像机',
    '硬盘录像机',
    '监控录像机',
    '网络录像机',
    'nvr',
    'dvr',
    'recorder',
    'cctvrecorder',
    'nvrdvr',
  ],
  'video-conference': [
    '视频会议',
    '视频会议终端',
    '视频会议设备',
    '视频会议系统',
    '会议终端',
    '会议系统',
    'videoconference',
    'vc',
  ],
  other: ['其他', '其它', '其他设备', '其它设备', 'ups', 'ups电源'],
};

const STATUS_WORDS: Record<DeviceStatus, string[]> = {
  'in-use': ['在用', '使用', '使用中', '正常', '正常使用', '在使用', '已领用', 'inuse', 'active', 'used'],
  spare: ['备用', '闲置', '库存', '空闲', '未使用', '在库', '待分配', 'spare', 'idle', 'stock', 'unused'],
  'in-repair': [
    '维修',
    '维修中',
    '送修',
    '在修',
    '待修',
    '故障',
    'inrepair',
    'repair',
    'repairing',
    'broken',
  ],
  retired: ['报废', '已报废', '停用', '退役', '淘汰', '已淘汰', 'retired', 'scrapped', 'disposed'],
};

function wordTable<K extends string>(words: Record<K, string[]>): Map<string, K> {
  const table = new Map<string, K>();
  for (const [key, list] of Object.entries(words) as [K, string[]][]) {
    table.set(normalizeHeader(key), key); // the field's own code (cctv-camera) reads too
    for (const w of list) table.set(normalizeHeader(w), key);
  }
  return table;
}
const TYPE_BY_WORD = wordTable(TYPE_WORDS);
const STATUS_BY_WORD = wordTable(STATUS_WORDS);

/** A device type from the word in a cell (电脑, 笔记本, NVR, Printer…), or null. */
export function parseDeviceType(value: string): DeviceType | null {
  return TYPE_BY_WORD.get(normalizeHeader(value)) ?? null;
}

/** A device status from the word in a cell (在用, 闲置, 报废, spare…), or null. */
export function parseDeviceStatus(value: string): DeviceStatus | null {
  return STATUS_BY_WORD.get(normalizeHeader(value)) ?? null;
}

/**
 * A money amount as written in a ledger: 4299, "¥4,299.00", "￥ 4 299 元", "4299元". Returns null
 * for text that is not one amount (so "约4000" is reported, not guessed).
 */
export function parsePrice(cell: SheetCell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const s = cellText(cell)
    .replace(/^(?:rmb|cny)/i, '')
    .replace(/[¥￥,，\s]/g, '')
    .replace(/(?:元|rmb|cny)$/i, '');
  if (!/^\d+(?:\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** A whole count with an optional unit: 16, "16路", "30天", "8 个". */
export function parseCount(cell: SheetCell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  const m = /^(\d+)\s*(?:路|天|日|个|ch|days?)?$/i.exec(cellText(cell));
  return m ? Number(m[1]) : null;
}

/** Dates arrive as Dates (exceljs), Excel serial numbers or text; see parseSheetDate. */
function parseDateCell(cell: SheetCell): string | null {
  if (cell instanceof Date) {
    // exceljs gives a date cell as midnight UTC of that calendar day; read it in UTC so the day
    // does not shift with the PC's zone.
    if (Number.isNaN(cell.getTime())) return null;
    return parseSheetDate(cell.toISOString().slice(0, 10));
  }
  return parseSheetDate(typeof cell === 'boolean' ? '' : cell);
}

// ── Results ────────────────────────────────────────────────────────────────────────────

export type DeviceRowErrorCode =
  | 'required'
  | 'too-long'
  | 'format'
  | 'unknown-type'
  | 'unknown-status'
  | 'date-format'
  | 'price-format'
  | 'number-format'
  | 'duplicate-in-file'
  | 'duplicate-existing'
  | 'attached-not-found'
  /** The computer it is attached to is a row of this file that cannot be imported. */
  | 'attached-host-skipped'
  | AttachmentProblem;

export interface DeviceRowError {
  /** The field the problem is in ('assetTag', 'attachedTo'…), or null for the whole row. */
  field: DeviceColumn | null;
  code: DeviceRowErrorCode;
  /** The cell as written, so the message can quote it. */
  value?: string;
  /** Longest allowed length for 'too-long'. */
  max?: number;
  /** For 'duplicate-in-file' and 'attached-host-skipped': the other line. */
  firstLine?: number;
}

export type DeviceRowWarningCode =
  /** The department is not in the directory: imported without one, the name kept in the note. */
  | 'department-unknown'
  /** The user is not in the directory (or the name is not unique): kept in the note. */
  | 'user-unknown'
  | 'user-ambiguous'
  /** No department column or cell: the user's department is taken. */
  | 'department-from-user';

export interface DeviceRowWarning {
  code: DeviceRowWarningCode;
  value: string;
}

/** Where an attached device hangs: a device already in the ledger, or a row of this file. */
export type AttachedTarget =
  { kind: 'ledger'; id: string; tag: string } | { kind: 'file'; tag: string; line: number };

/** What the import would create for a row: a device input but for the attachment, resolved on write. */
export interface DeviceImportInput {
  assetTag: string;
  type: DeviceType;
  name: string;
  brand: string;
  model: string;
  serialNo: string;
  location: string;
  departmentId: string | null;
  userPersonId: string | null;
  status: DeviceStatus;
  purchaseDate: string | null;
  vendor: string;
  price: number | null;
  warrantyEnd: string | null;
  ip: string;
  mac: string;
  channelCount: number | null;
  retentionDays: number | null;
  secret: string;
  note: string;
}

export interface DeviceImportRow {
  line: number;
  /** Each mapped cell as text, for the preview. */
  cells: Partial<Record<DeviceColumn, string>>;
  /** Null when the row has errors. */
  device: DeviceImportInput | null;
  attachedTo: AttachedTarget | null;
  errors: DeviceRowError[];
  warnings: DeviceRowWarning[];
}

export interface DeviceImportCounts {
  rows: number;
  ok: number;
  error: number;
  /** Rows that import, with something the user should read (unknown department…). */
  warning: number;
}

export type DeviceImportResult =
  | { ok: true; columns: DeviceColumn[]; rows: DeviceImportRow[]; counts: DeviceImportCounts }
  | { ok: false; error: DeviceFileError };

/** The directory and the ledger's live devices, as they are when the preview is made. */
export interface DeviceImportContext {
  departments: ReadonlyArray<{ id: string; name: string }>;
  people: ReadonlyArray<{ id: string; employeeNo: string; name: string; departmentId: string | null }>;
  devices: ReadonlyArray<DeviceLink>;
}

// ── Parsing ────────────────────────────────────────────────────────────────────────────

/** Check a mapping before use: required fields present, no column read twice. */
export function checkDeviceMapping(sheet: DeviceSheet, mapping: DeviceColumnMapping): DeviceFileError | null {
  const missing = REQUIRED_DEVICE_COLUMNS.filter((c) => mapping[c] === undefined);
  if (missing.length > 0) {
    return { code: 'missing-columns', columns: missing, headers: sheet.headers.filter(Boolean) };
  }
  const byIndex = new Map<number, DeviceColumn[]>();
  for (const col of DEVICE_COLUMNS) {
    const at = mapping[col];
    if (at !== undefined) byIndex.set(at, [...(byIndex.get(at) ?? []), col]);
  }
  const twice = [...byIndex.values()].filter((cols) => cols.length > 1).flat();
  return twice.length > 0 ? { code: 'duplicate-mapping', columns: twice } : null;
}

/** Read a CSV file's bytes or an XLSX sheet's rows straight to a preview with the guessed mapping. */
export function parseDeviceRows(
  rows: readonly SheetRow[],
  context: DeviceImportContext,
  mapping?: DeviceColumnMapping,
): DeviceImportResult {
  const read = readDeviceSheet(rows);
  if (!read.ok) return read;
  return parseDeviceSheet(read.sheet, context, mapping ?? read.sheet.mapping);
}

/** The preview of a sheet under a mapping: every row with its device, errors and warnings. */
export function parseDeviceSheet(
  sheet: DeviceSheet,
  context: DeviceImportContext,
  mapping: DeviceColumnMapping,
): DeviceImportResult {
  const mappingError = checkDeviceMapping(sheet, mapping);
  if (mappingError) return { ok: false, error: mappingError };
  const directory = new Directory(context);
  const ledgerByTag = new Map(context.devices.map((d) => [normalizeKey(d.assetTag), d]));
  const firstLineOfTag = new Map<string, number>();
  const hostTextOf = new Map<number, string>();

  // Pass 1: each row on its own.
  const rows = sheet.dataRows.map(({ line, cells }) => {
    const read = cellReader(cells, mapping);
    hostTextOf.set(line, read.text('attachedTo'));
    const row = readDeviceRow(line, read, mapping, directory);
    checkTagOnce(row, firstLineOfTag, ledgerByTag);
    return row;
  });

  // Pass 2: attachments, once every tag of the file is known (a printer may come before its PC).
  const rowByTag = new Map<string, DeviceImportRow>();
  for (const r of rows)
    if (r.device && !rowByTag.has(normalizeKey(r.device.assetTag)))
      rowByTag.set(normalizeKey(r.device.assetTag), r);
  resolveAttachments(rows, rowByTag, hostTextOf, context, ledgerByTag);
  skipRowsOnSkippedHosts(rows, rowByTag);
  for (const r of rows) {
    if (r.errors.length > 0) {
      r.device = null;
      r.attachedTo = null;
    }
  }
  return previewOf(rows, mapping);
}

/** One data row's cells as the mapping reads them. */
interface CellReader {
  raw(col: DeviceColumn): SheetCell;
  text(col: DeviceColumn): string;
}

function cellReader(cells: SheetRow, mapping: DeviceColumnMapping): CellReader {
  const raw = (col: DeviceColumn): SheetCell => {
    const at = mapping[col];
    return at === undefined ? undefined : cells[at];
  };
  return { raw, text: (col) => cellText(raw(col)) };
}

type Fail = (field: DeviceColumn | null, code: DeviceRowErrorCode, extra?: Partial<DeviceRowError>) => void;

/** A row on its own: its cells for the preview, its device input, its errors and warnings. */
function readDeviceRow(
  line: number,
  read: CellReader,
  mapping: DeviceColumnMapping,
  directory: Directory,
): DeviceImportRow {
  const row: DeviceImportRow = {
    line,
    cells: shownCells(read, mapping),
    device: null,
    attachedTo: null,
    errors: [],
    warnings: [],
  };
  const fail: Fail = (field, code, extra = {}) => row.errors.push({ field, code, ...extra });
  const values = readValues(read, fail);
  const { userPersonId, departmentId, note } = lookUpDirectory(read, directory, row);
  const input: DeviceImportInput = {
    assetTag: read.text('assetTag'),
    type: values.type ?? 'other',
    name: read.text('name'),
    brand: read.text('brand'),
    model: read.text('model'),
    serialNo: read.text('serialNo'),
    location: read.text('location'),
    departmentId,
    userPersonId,
    status: values.status ?? 'in-use',
    purchaseDate: values.purchaseDate,
    vendor: read.text('vendor'),
    price: values.price,
    warrantyEnd: values.warrantyEnd,
    ip: read.text('ip'),
    // MACs are written with dashes, colons or none; stored upper case with colons when they read as one.
    mac: normalizeMac(read.text('mac')),
    channelCount: values.channelCount,
    retentionDays: values.retentionDays,
    secret: mapping.secret === undefined ? '' : cellText(read.raw('secret')),
    note,
  };
  checkAgainstSchema(input, read, row, fail);
  row.device = input;
  return row;
}

/** Each mapped cell as the preview shows it. A secret is never shown; the screen masks it. */
function shownCells(read: CellReader, mapping: DeviceColumnMapping): Partial<Record<DeviceColumn, string>> {
  const shown: Partial<Record<DeviceColumn, string>> = {};
  for (const col of DEVICE_COLUMNS) {
    if (mapping[col] === undefined) continue;
    shown[col] = col === 'secret' ? (read.text(col) ? '••••' : '') : displayCell(read.raw(col), col);
  }
  return shown;
}

/** The cells that are words, dates and numbers, each read or failed in the import's words. */
function readValues(read: CellReader, fail: Fail) {
  const typeText = read.text('type');
  const type = typeText ? parseDeviceType(typeText) : null;
  if (!typeText) fail('type', 'required');
  else if (!type) fail('type', 'unknown-type', { value: typeText });

  const statusText = read.text('status');
  const status = statusText ? parseDeviceStatus(statusText) : 'in-use';
  if (!status) fail('status', 'unknown-status', { value: statusText });

  const date = (col: 'purchaseDate' | 'warrantyEnd') => {
    if (read.text(col) === '') return null;
    const parsed = parseDateCell(read.raw(col));
    if (!parsed) fail(col, 'date-format', { value: displayCell(read.raw(col), col) });
    return parsed;
  };
  const purchaseDate = date('purchaseDate');
  const warrantyEnd = date('warrantyEnd');

  let price: number | null = null;
  if (read.text('price') !== '') {
    price = parsePrice(read.raw('price'));
    if (price === null) fail('price', 'price-format', { value: read.text('price') });
  }
  const count = (col: 'channelCount' | 'retentionDays') => {
    if (read.text(col) === '') return null;
    const n = parseCount(read.raw(col));
    if (n === null) fail(col, 'number-format', { value: read.text(col) });
    return n;
  };
  return {
    type,
    status,
    purchaseDate,
    warrantyEnd,
    price,
    channelCount: count('channelCount'),
    retentionDays: count('retentionDays'),
  };
}

/** The user and department from the directory: a miss is a warning, the name kept in the note. */
function lookUpDirectory(read: CellReader, directory: Directory, row: DeviceImportRow) {
  const notes: string[] = [];
  let userPersonId: string | null = null;
  let userDepartmentId: string | null = null;
  const userText = read.text('user');
  if (userText) {
    const found = directory.person(userText);
    if (found.kind === 'found') {
      userPersonId = found.person.id;
      userDepartmentId = found.person.departmentId;
    } else {
      row.warnings.push({
        code: found.kind === 'ambiguous' ? 'user-ambiguous' : 'user-unknown',
        value: userText,
      });
      notes.push(`使用人：${userText}`);
    }
  }
  let departmentId: string | null = null;
  const departmentText = read.text('department');
  if (departmentText) {
    departmentId = directory.department(departmentText);
    if (!departmentId) {
      row.warnings.push({ code: 'department-unknown', value: departmentText });
      notes.push(`部门：${departmentText}`);
    }
  } else if (userDepartmentId) {
    departmentId = userDepartmentId;
    row.warnings.push({ code: 'department-from-user', value: directory.departmentName(userDepartmentId) });
  }
  const note = [read.text('note'), notes.length > 0 ? `（导入时未在通讯录中找到：${notes.join('，')}）` : '']
    .filter(Boolean)
    .join(' ');
  return { userPersonId, departmentId, note };
}

/** Field lengths and ranges exactly as the repository will check them. */
function checkAgainstSchema(
  input: DeviceImportInput,
  read: CellReader,
  row: DeviceImportRow,
  fail: Fail,
): void {
  const checked = deviceSchema.safeParse({ ...input, attachedToDeviceId: null });
  if (checked.success) return;
  for (const issue of checked.error.issues) {
    const field = issueField(issue.path[0]);
    if (row.errors.some((e) => e.field === field)) continue; // already said, in the import's words
    if (issue.code === 'too_small' && field === 'assetTag') fail(field, 'required');
    else if (issue.code === 'too_big' && typeof issue.maximum === 'number' && issue.origin === 'string')
      fail(field, 'too-long', { max: issue.maximum });
    else fail(field, 'format', { value: field ? read.text(field) : '' });
  }
}

/**
 * An asset tag may appear once in the file and not yet in the ledger. A row keeps its device
 * (for the attachments pass) unless its tag or type is wrong.
 */
function checkTagOnce(
  row: DeviceImportRow,
  firstLineOfTag: Map<string, number>,
  ledgerByTag: ReadonlyMap<string, DeviceLink>,
): void {
  const assetTag = row.device!.assetTag;
  const key = normalizeKey(assetTag);
  if (key && !row.errors.some((e) => e.field === 'assetTag')) {
    const first = firstLineOfTag.get(key);
    if (first !== undefined)
      row.errors.push({ field: 'assetTag', code: 'duplicate-in-file', value: assetTag, firstLine: first });
    else {
      firstLineOfTag.set(key, row.line);
      if (ledgerByTag.has(key))
        row.errors.push({ field: 'assetTag', code: 'duplicate-existing', value: assetTag });
    }
  }
  if (row.errors.some((e) => e.field === 'type' || e.field === 'assetTag')) row.device = null;
}

/** "Attached to" found by tag in the file or the ledger, and checked by the responsible-person rule. */
function resolveAttachments(
  rows: DeviceImportRow[],
  rowByTag: ReadonlyMap<string, DeviceImportRow>,
  hostTextOf: ReadonlyMap<number, string>,
  context: DeviceImportContext,
  ledgerByTag: ReadonlyMap<string, DeviceLink>,
): void {
  const links = new Map<string, DeviceLink>();
  const fileId = (line: number) => `file-line-${line}`;
  for (const r of rows) {
    if (!r.device) continue;
    links.set(fileId(r.line), {
      id: fileId(r.line),
      type: r.device.type,
      assetTag: r.device.assetTag,
      userPersonId: r.device.userPersonId,
      attachedToDeviceId: null,
    });
  }
  for (const d of context.devices) links.set(d.id, d);

  for (const r of rows) {
    const hostText = hostTextOf.get(r.line) ?? '';
    if (!hostText || !r.device) continue;
    const hostKey = normalizeKey(hostText);
    const inFile = rowByTag.get(hostKey);
    const inLedger = ledgerByTag.get(hostKey);
    let hostId: string | null = null;
    // A row whose tag is already in the ledger has no device, so the ledger's device is found.
    if (inFile) {
      hostId = fileId(inFile.line);
      r.attachedTo = { kind: 'file', tag: inFile.device!.assetTag, line: inFile.line };
    } else if (inLedger) {
      hostId = inLedger.id;
      r.attachedTo = { kind: 'ledger', id: inLedger.id, tag: inLedger.assetTag };
    } else {
      r.errors.push({ field: 'attachedTo', code: 'attached-not-found', value: hostText });
      continue;
    }
    const problem = attachmentProblem({ id: fileId(r.line), type: r.device.type }, hostId, (id) =>
      links.get(id),
    );
    if (problem) {
      r.errors.push({ field: 'attachedTo', code: problem, value: hostText });
      r.attachedTo = null;
    }
  }
}

/**
 * A device hanging on a row that will be skipped cannot be written either. Hosts are computers,
 * which hang on nothing, so one pass settles it.
 */
function skipRowsOnSkippedHosts(
  rows: DeviceImportRow[],
  rowByTag: ReadonlyMap<string, DeviceImportRow>,
): void {
  for (const r of rows) {
    if (r.attachedTo?.kind !== 'file' || r.errors.length > 0) continue;
    const host = rowByTag.get(normalizeKey(r.attachedTo.tag))!;
    if (host.errors.length > 0) {
      r.errors.push({
        field: 'attachedTo',
        code: 'attached-host-skipped',
        value: r.attachedTo.tag,
        firstLine: host.line,
      });
    }
  }
}

/** The preview: the mapped columns, the rows and their counts. */
function previewOf(rows: DeviceImportRow[], mapping: DeviceColumnMapping): DeviceImportResult {
  const ok = rows.filter((r) => r.errors.length === 0).length;
  return {
    ok: true,
    columns: DEVICE_COLUMNS.filter((c) => mapping[c] !== undefined),
    rows,
    counts: {
      rows: rows.length,
      ok,
      error: rows.length - ok,
      warning: rows.filter((r) => r.errors.length === 0 && r.warnings.length > 0).length,
    },
  };
}

function issueField(key: PropertyKey | undefined): DeviceColumn | null {
  if (key === 'departmentId') return 'department';
  if (key === 'userPersonId') return 'user';
  return typeof key === 'string' && (DEVICE_COLUMNS as readonly string[]).includes(key)
    ? (key as DeviceColumn)
    : null;
}

/** A cell as the preview shows it: dates as YYYY-MM-DD, Excel serials in date columns as dates. */
function displayCell(cell: SheetCell, col: DeviceColumn): string {
  if (
    (col === 'purchaseDate' || col === 'warrantyEnd') &&
    cell !== undefined &&
    cell !== null &&
    cell !== ''
  ) {
    return parseDateCell(cell) ?? cellText(cell);
  }
  return cellText(cell);
}

/** "3c-52-82-aa-01-ff" and "3C5282AA01FF" to "3C:52:82:AA:01:FF"; anything else as written. */
export function normalizeMac(value: string): string {
  const hex = value.replace(/[-:.\s]/g, '');
  if (!/^[0-9a-f]{12}$/i.test(hex)) return value;
  return hex.toUpperCase().match(/.{2}/g)!.join(':');
}

type PersonLookup =
  | { kind: 'found'; person: DeviceImportContext['people'][number] }
  | { kind: 'ambiguous' }
  | { kind: 'unknown' };

/** Department and person look-ups against the directory, without width, case or outer spaces. */
class Directory {
  private readonly departmentsByName = new Map<string, string>();
  private readonly departmentNames = new Map<string, string>();
  private readonly peopleByNo = new Map<string, DeviceImportContext['people'][number]>();
  private readonly peopleByName = new Map<string, DeviceImportContext['people'][number][]>();

  constructor(context: DeviceImportContext) {
    for (const d of context.departments) {
      this.departmentsByName.set(normalizeKey(d.name), d.id);
      this.departmentNames.set(d.id, d.name);
    }
    for (const p of context.people) {
      this.peopleByNo.set(normalizeKey(p.employeeNo), p);
      const list = this.peopleByName.get(normalizeKey(p.name)) ?? [];
      list.push(p);
      this.peopleByName.set(normalizeKey(p.name), list);
    }
  }

  department(name: string): string | null {
    return this.departmentsByName.get(normalizeKey(name)) ?? null;
  }

  departmentName(id: string): string {
    return this.departmentNames.get(id) ?? '';
  }

  /**
   * A person by employee no., by a name that is unique in the directory, or by "张三（A001）" /
   * "张三 A001" / "A001 张三" where the number decides.
   */
  person(value: string): PersonLookup {
    const key = normalizeKey(value);
    const byNo = this.peopleByNo.get(key);
    if (byNo) return { kind: 'found', person: byNo };
    const byName = this.peopleByName.get(key) ?? [];
    if (byName.length === 1) return { kind: 'found', person: byName[0]! };
    for (const part of key.split(/[\s()（）/,，、]+/).filter(Boolean)) {
      const p = this.peopleByNo.get(part);
      if (p && key.includes(normalizeKey(p.name))) return { kind: 'found', person: p };
    }
    return byName.length > 1 ? { kind: 'ambiguous' } : { kind: 'unknown' };
  }
}
