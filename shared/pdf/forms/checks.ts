// The routine checks on paper: a filled check record (what was checked, each item OK or the
// problem with its note and the repair card opened from it, the CCTV provider contacts), a blank
// check sheet per template to fill by hand away from the PC (the ledger's template and the devices
// in service when a backup is given, the default checklist otherwise), and the machine-room duty
// roster of a week: the working days by the official calendar and the company's rest days, the
// four round times, each cell holding who did the round or left blank for the name on duty.
//
// A blank sheet's kind and a roster's day travel in the form's `id` (the CLI's --kind and --week),
// so they fit the one PdfForm shape every form has. Everything drawn is first laid out as plain
// strings, so collectText lists exactly what render() prints.
import type { LedgerBackup } from '../../backup';
import { isWorkingDay } from '../../calendar/workdays';
import { countsForDay } from '../../checks/schedule';
import { snapshotItems, templateOf, type CheckKind } from '../../checks/templates';
import { readLedgerSetting } from '../../ledger-settings';
import type { PROVIDER_CONTACT_MEANS } from '../../schemas/records';
import { CHECK_KINDS, MACHINE_ROOM_SLOTS } from '../../schemas/records';
import type { Device, RoutineCheck } from '../../schemas';
import { listedOnly } from '../../sync/arrival';
import { addDays, chinaDay, chinaTime, weekOf } from '../../time/china';
import type { PdfForm, PdfFormErrorCode } from '../forms';
import {
  FormDocument,
  frameText,
  signatureLineText,
  useFastFontEmbedding,
  type TableColumn,
} from '../layout';

export const CHECK_KIND_TITLES: Record<CheckKind, string> = {
  'server-maintenance': '服务器保养',
  cctv: '监控检查',
  'website-security': '网站安全检查',
  'website-backup': '网站备份',
  'machine-room': '机房巡检',
};
const MEANS_TEXT: Record<(typeof PROVIDER_CONTACT_MEANS)[number], string> = {
  phone: '电话',
  wechat: '微信',
  email: '邮件',
  'on-site': '上门',
  other: '其他',
};
/** The title of each kind's blank sheet. */
const SHEET_TITLES: Record<CheckKind, string> = {
  'server-maintenance': '服务器保养检查表',
  cctv: '监控检查表',
  'website-security': '网站安全检查表',
  'website-backup': '网站备份记录表',
  'machine-room': '机房巡检表',
};
const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export const CHECK_RECORD_TITLE = '例行检查记录';
export const CHECK_SHEET_TITLE = '例行检查表';
export const DUTY_ROSTER_TITLE = '机房巡检值班表';

const GRID: TableColumn[] = [
  { header: '', weight: 15 },
  { header: '', weight: 35 },
  { header: '', weight: 15 },
  { header: '', weight: 35 },
];
const ITEM_COLUMNS: TableColumn[] = [
  { header: '检查项', weight: 38 },
  { header: '结果', weight: 10, align: 'center' },
  { header: '说明', weight: 36 },
  { header: '维修卡', weight: 16 },
];
const BLANK_ITEM_COLUMNS: TableColumn[] = [
  { header: '检查项', weight: 44 },
  { header: '正常', weight: 9, align: 'center' },
  { header: '有问题', weight: 9, align: 'center' },
  { header: '问题说明', weight: 38 },
];
const CONTACT_COLUMNS: TableColumn[] = [
  { header: '联系时间', weight: 22 },
  { header: '服务商', weight: 24 },
  { header: '方式', weight: 10, align: 'center' },
  { header: '约定事项', weight: 44 },
];
const ROSTER_COLUMNS: TableColumn[] = [
  { header: '日期', weight: 20 },
  { header: '星期', weight: 12, align: 'center' },
  ...MACHINE_ROOM_SLOTS.map((slot): TableColumn => ({ header: slot, weight: 17, align: 'center' })),
];

type Fail = (code: PdfFormErrorCode, message: string) => Error;

const deviceText = (d: Device) => (d.name ? `${d.assetTag} ${d.name}` : d.assetTag);

// ── 例行检查记录: one done check ───────────────────────────────────────────────────────
interface RecordSheet {
  subtitle: string;
  reference: string;
  grid: string[][];
  items: string[][];
  contacts: string[][];
  findings: string;
  actions: string;
}

function recordSheet(backup: LedgerBackup, check: RoutineCheck): RecordSheet {
  const devices = new Map(listedOnly(backup.tables.devices).map((d) => [d.id, d]));
  const cards = new Map((backup.tables.repairCards ?? []).map((c) => [c.id, c.cardNo]));
  const covered = check.deviceIds
    .map((id) => (devices.get(id) ? deviceText(devices.get(id)!) : id))
    .join('、');
  const what = check.slot ? `${CHECK_KIND_TITLES[check.kind]} ${check.slot}` : CHECK_KIND_TITLES[check.kind];
  return {
    subtitle: readLedgerSetting(backup.tables.ledgerSettings ?? [], 'companyName'),
    reference: `${what} ${chinaTime(check.at)}`,
    grid: [
      ['检查类别', what, '检查时间', chinaTime(check.at)],
      ['检查人', check.by, '结果', check.result === 'ok' ? '全部正常' : '有问题'],
      [check.site ? '网站' : '检查设备', check.site || covered, '补做日期', check.forDay ?? ''],
    ],
    items: (check.items ?? []).map((i) => [
      i.label,
      i.result === 'ok' ? '正常' : '有问题',
      i.note,
      i.repairCardId ? (cards.get(i.repairCardId) ?? '') : '',
    ]),
    contacts: (check.providerContacts ?? []).map((c) => [
      chinaTime(c.at),
      c.provider,
      MEANS_TEXT[c.means],
      c.agreed,
    ]),
    findings: check.findings,
    actions: check.actions,
  };
}

function recordText(s: RecordSheet): string {
  return [
    frameText(CHECK_RECORD_TITLE),
    s.subtitle,
    s.reference,
    ...s.grid.map((r) => r.join('')),
    ...ITEM_COLUMNS.map((c) => c.header),
    ...s.items.map((r) => r.join('')),
    '联系监控服务商',
    ...CONTACT_COLUMNS.map((c) => c.header),
    ...s.contacts.map((r) => r.join('')),
    `情况记录${s.findings}处理措施${s.actions}`,
    ...['检查人', '网络主管'].map(signatureLineText),
  ].join('\n');
}

export function makeCheckRecordForm(fail: Fail): PdfForm {
  const checkFor = (backup: LedgerBackup, id: string | undefined): RoutineCheck => {
    if (!id) throw fail('id-required', '请指定检查记录编号 / give the check id (--id)');
    const check = listedOnly(backup.tables.routineChecks).find((c) => c.id === id.trim());
    if (!check) throw fail('not-found', `找不到检查记录 / no routine check: ${id}`);
    return check;
  };
  return {
    title: CHECK_RECORD_TITLE,
    needsId: true,
    collectText: (backup, id) => recordText(recordSheet(backup, checkFor(backup, id))),
    render(backup, { id, font, paper, now }) {
      const sheet = recordSheet(backup, checkFor(backup, id));
      const doc = new FormDocument({
        font,
        paper,
        now,
        title: CHECK_RECORD_TITLE,
        reference: sheet.reference,
      });
      useFastFontEmbedding(doc.pdf);
      doc.pdf.setDocumentProperties({
        title: `${CHECK_RECORD_TITLE} ${sheet.reference}`,
        creator: 'NetDesk 网管工作台',
      });
      doc.drawTitle(sheet.subtitle || undefined);
      doc.drawTable(GRID, sheet.grid, { header: false });
      doc.y -= 3;
      if (sheet.items.length > 0) doc.drawTable(ITEM_COLUMNS, sheet.items, { header: true });
      if (sheet.contacts.length > 0) {
        doc.drawHeading('联系监控服务商');
        doc.drawTable(CONTACT_COLUMNS, sheet.contacts, { header: true });
      }
      doc.drawLabeledText('情况记录', sheet.findings, { minLines: 2 });
      doc.drawLabeledText('处理措施', sheet.actions, { minLines: 2 });
      doc.drawSignatureBlock(['检查人', '网络主管']);
      return doc.finish();
    },
  };
}

// ── 例行检查表: a blank sheet of one kind ──────────────────────────────────────────────
interface BlankSheet {
  title: string;
  subtitle: string;
  grid: string[][];
  items: string[][];
}

function blankSheet(backup: LedgerBackup, kind: CheckKind): BlankSheet {
  const templates = readLedgerSetting(backup.tables.ledgerSettings ?? [], 'checkTemplates');
  const inService = listedOnly(backup.tables.devices)
    .filter((d) => d.status !== 'retired')
    .filter((d) =>
      kind === 'server-maintenance'
        ? d.type === 'server'
        : kind === 'cctv'
          ? d.type === 'cctv-recorder' || d.type === 'cctv-camera'
          : false,
    )
    .sort((a, b) => a.assetTag.localeCompare(b.assetTag));
  const lines = snapshotItems(
    templateOf(templates, kind),
    inService.map((d) => ({ id: d.id, label: deviceText(d) })),
  );
  const website = kind === 'website-security' || kind === 'website-backup';
  return {
    title: SHEET_TITLES[kind],
    subtitle: readLedgerSetting(backup.tables.ledgerSettings ?? [], 'companyName'),
    grid: [
      ['检查日期', '', kind === 'machine-room' ? '巡检班次' : '检查人', ''],
      [website ? '网站' : '检查人', '', '开始时间', ''],
    ],
    items: lines.map((l) => [l.label, '', '', '']),
  };
}

function blankText(s: BlankSheet): string {
  return [
    frameText(s.title),
    s.subtitle,
    ...s.grid.map((r) => r.join('')),
    ...BLANK_ITEM_COLUMNS.map((c) => c.header),
    ...s.items.map((r) => r[0]),
    '情况记录处理措施',
    ...['检查人', '网络主管'].map(signatureLineText),
  ].join('\n');
}

export function makeCheckSheetForm(fail: Fail): PdfForm {
  const kindOf = (id: string | undefined): CheckKind => {
    const kind = (id ?? '').trim();
    if (!(CHECK_KINDS as readonly string[]).includes(kind))
      throw fail('invalid-options', `检查类别只能是 / --kind must be one of: ${CHECK_KINDS.join(', ')}`);
    return kind as CheckKind;
  };
  return {
    title: CHECK_SHEET_TITLE,
    needsId: false,
    collectText: (backup, id) => blankText(blankSheet(backup, kindOf(id))),
    render(backup, { id, font, paper, now }) {
      const sheet = blankSheet(backup, kindOf(id));
      const doc = new FormDocument({ font, paper, now, title: sheet.title, reference: '' });
      useFastFontEmbedding(doc.pdf);
      doc.pdf.setDocumentProperties({ title: sheet.title, creator: 'NetDesk 网管工作台' });
      doc.drawTitle(sheet.subtitle || undefined);
      doc.drawTable(GRID, sheet.grid, { header: false });
      doc.y -= 3;
      doc.drawTable(BLANK_ITEM_COLUMNS, sheet.items, { header: true });
      doc.drawLabeledText('情况记录', '', { minLines: 3 });
      doc.drawLabeledText('处理措施', '', { minLines: 3 });
      doc.drawSignatureBlock(['检查人', '网络主管']);
      return doc.finish();
    },
  };
}

// ── 机房巡检值班表: the rounds of one week ─────────────────────────────────────────────
interface RosterSheet {
  subtitle: string;
  reference: string;
  rows: string[][];
}

function rosterSheet(backup: LedgerBackup, day: string): RosterSheet {
  const week = weekOf(day);
  const restDays = readLedgerSetting(backup.tables.ledgerSettings ?? [], 'companyRestDays');
  const rounds = listedOnly(backup.tables.routineChecks).filter((c) => c.kind === 'machine-room');
  const rows: string[][] = [];
  for (let i = 0; i < 7; i++) {
    const d = addDays(week.monday, i);
    if (!isWorkingDay(d, restDays)) continue;
    const cells = MACHINE_ROOM_SLOTS.map((slot) =>
      [...new Set(rounds.filter((r) => r.slot === slot && countsForDay(r) === d).map((r) => r.by))].join(
        '、',
      ),
    );
    rows.push([d, WEEKDAYS[i + 1]!, ...cells]);
  }
  const company = readLedgerSetting(backup.tables.ledgerSettings ?? [], 'companyName');
  return {
    subtitle: [company, `${week.monday} 至 ${week.sunday}`].filter(Boolean).join(' '),
    reference: week.isoWeek,
    rows,
  };
}

function rosterText(s: RosterSheet): string {
  return [
    frameText(DUTY_ROSTER_TITLE),
    s.subtitle,
    s.reference,
    ...ROSTER_COLUMNS.map((c) => c.header),
    ...s.rows.map((r) => r.join('')),
    '巡检内容：设备运行、电话线路、网络线路、无易燃物、整洁、门窗关闭。空格处由值班人签名。',
    signatureLineText('网络主管'),
  ].join('\n');
}

export function makeDutyRosterForm(fail: Fail): PdfForm {
  const dayOf = (id: string | undefined, now: Date): string => {
    const day = (id ?? '').trim() || chinaDay(now);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
      throw fail('invalid-options', `--week 要写成 YYYY-MM-DD / --week must be a day YYYY-MM-DD: ${day}`);
    return day;
  };
  // collectText has no clock: a roster without a day lays out this week by the machine's clock.
  return {
    title: DUTY_ROSTER_TITLE,
    needsId: false,
    collectText: (backup, id) => rosterText(rosterSheet(backup, dayOf(id, new Date()))),
    render(backup, { id, font, paper, now }) {
      const sheet = rosterSheet(backup, dayOf(id, now));
      const doc = new FormDocument({
        font,
        paper,
        now,
        title: DUTY_ROSTER_TITLE,
        reference: sheet.reference,
      });
      useFastFontEmbedding(doc.pdf);
      doc.pdf.setDocumentProperties({
        title: `${DUTY_ROSTER_TITLE} ${sheet.reference}`,
        creator: 'NetDesk 网管工作台',
      });
      doc.drawTitle(sheet.subtitle || undefined);
      doc.drawTable(ROSTER_COLUMNS, sheet.rows, { header: true });
      doc.drawParagraph(
        '巡检内容：设备运行、电话线路、网络线路、无易燃物、整洁、门窗关闭。空格处由值班人签名。',
      );
      doc.drawSignatureBlock(['网络主管']);
      return doc.finish();
    },
  };
}
