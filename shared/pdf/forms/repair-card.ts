// The printed repair request card (维修申请卡) and batches of blank numbered cards for the
// paper tray. A card is printed at intake, for the department head's signature, and again when the
// repair is done, record filled, for the requester's; the paper with its three wet signatures is
// the legal record. Everything drawn is first laid out as a CardSheet of plain strings, so
// collectText lists exactly what render() prints and a missing glyph is found before printing.
// Times are printed in Asia/Shanghai whatever the PC's zone. Device secrets are never read here.
import type { LedgerBackup } from '../../backup';
import { BLANK_CARDS_MAX, parseCardNo, formatCardNo, nextCardNo } from '../../repair/card-number';
import { evaluateSla, type SlaResult } from '../../repair/sla';
import type { Department, Device, Person, RepairCard } from '../../schemas';
import { GLOSSARY } from '../../i18n/glossary';
import type { PdfForm, PdfFormErrorCode, RenderOptions } from '../forms';
import {
  FormDocument,
  frameText,
  layoutOnFewestPages,
  signatureCaptionText,
  SIGNATURE_DATE_TEXT,
  useFastFontEmbedding,
  type Density,
  type Paper,
  type TableColumn,
} from '../layout';
import { drawQrCode } from '../qr';
import { listedOnly } from '../../sync/arrival';
import { readLedgerSetting } from '../../ledger-settings';
import { chinaTime } from '../../time/china';

export const REPAIR_CARD_TITLE = '维修申请卡';
/** Captions of the three signature blocks; the layout adds 签字 (部门负责人签字 …). */
export const SIGNATURE_CAPTIONS = [
  GLOSSARY.zh.signer.deptHead,
  GLOSSARY.zh.signer.supervisor,
  GLOSSARY.zh.signer.requester,
] as const;

/** Which blank cards to print: `count` numbers from `firstCardNo`, or from `from` for a PC and year. */
export interface BlankCardsChoice {
  count?: number;
  /** The first number, e.g. WX-2026-A-0101. */
  firstCardNo?: string;
  /** This PC's letter (settings) and the year; `from` defaults to the next number the ledger has not used. */
  pcCode?: string;
  year?: number;
  from?: number;
}

export { BLANK_CARDS_MAX };

// ── Words printed on the card ──────────────────────────────────────────────────────────
// The screen's words (shared/i18n/glossary.ts): the card says 报修人 and 接卡时间 where the screen does.
const WORDS = GLOSSARY.zh;
const FIELD = WORDS.card;
const FAULT_CATEGORY = WORDS.faultCategory;
const STATUS = WORDS.repairStatus;
const DEVICE_TYPE = WORDS.deviceType;
const REFUSAL_CAUSE = WORDS.refusalCause;
const APPROVER_ROLE = WORDS.approverRole;
// What the due-time cell says beside or instead of a time, by the state of the 24-hour clock.
const SLA_NOTE: Record<SlaResult['state'], string> = {
  running: '',
  overdue: '（已超时）',
  met: '（按时）',
  late: '（超时完成）',
  paused: `${STATUS['waiting-parts']}：配件到货后 24 小时内`,
  refused: `${STATUS.refused}：经总经理或董事长批准后 24 小时内`,
};
const HEAD_SIGNED = '已签字';
const HEAD_PENDING = '待签字';
const AWAITING_APPROVAL = '待总经理或董事长批准';
const BLANK_REFUSAL = '（如有）原因：违规软件 / 游戏 / 外挂 / 暴力使用\u3000批准人（总经理或董事长）：';

const PARTS_COLUMNS: TableColumn[] = [
  { header: '序号', weight: 8, align: 'center' },
  { header: GLOSSARY.zh.card.partName, weight: 52 },
  { header: GLOSSARY.zh.card.partQuantity, weight: 12, align: 'center' },
  { header: GLOSSARY.zh.card.partCost, weight: 18, align: 'center' },
];
/** Calls to the manufacturer or repair vendor about a large fault, in the record. */
const VENDOR_LABEL = GLOSSARY.zh.card.vendor;
const GRID_COLUMNS: TableColumn[] = [
  { header: '', weight: 15 },
  { header: '', weight: 35 },
  { header: '', weight: 15 },
  { header: '', weight: 35 },
];

/**
 * A moment as written on the card, in China time to the minute: 2026-11-06 09:20. A value that is
 * not a time prints as stored rather than failing the whole card.
 */
export function formatCardTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  return chinaTime(iso).slice(0, 16);
}

function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}

const money = (n: number) => n.toFixed(2);

// ── The sheet: every string of one printed card ─────────────────────────────────────────
interface LabeledText {
  label: string;
  text: string;
  /** Lines of room to write by hand when the text is shorter. */
  minLines: number;
}

interface CardSheet {
  cardNo: string;
  subtitle: string;
  /** Label/value pairs, two pairs to a row. */
  grid: [string, string, string, string][];
  description: LabeledText;
  record: LabeledText[];
  parts: string[][];
  refusal: LabeledText[];
  /** One line per call to a vendor: when, who, what was agreed, who called. */
  vendorContacts: LabeledText | null;
}

/** The company name the ledger keeps in its settings (its newest live value), if any. */
function companyName(backup: LedgerBackup): string {
  return readLedgerSetting(backup.tables.ledgerSettings ?? [], 'companyName');
}

/** A card by its record id or its printed number (as typed or scanned: case and spaces ignored). */
export function findRepairCard(backup: LedgerBackup, id: string): RepairCard | undefined {
  const cards = listedOnly(backup.tables.repairCards);
  const wanted = id.trim();
  return (
    cards.find((c) => c.id === wanted) ??
    cards.find((c) => c.cardNo.toUpperCase() === wanted.toUpperCase().replace(/\s+/g, ''))
  );
}

/** Room to write by hand, per paper: a blank card must still fit on one sheet. */
const ROOM: Record<Paper, Record<'description' | 'diagnosis' | 'work' | 'suggestion', number>> = {
  a4: { description: 5, diagnosis: 3, work: 4, suggestion: 3 },
  a5: { description: 3, diagnosis: 2, work: 2, suggestion: 1 },
};
const EMPTY_PART_ROWS: Record<Paper, number> = { a4: 3, a5: 2 };

function recordRows(
  paper: Paper,
  values: { diagnosis: string; workDone: string; result: string; time: string; suggestion: string },
) {
  const room = ROOM[paper];
  return [
    { label: FIELD.diagnosis, text: values.diagnosis, minLines: room.diagnosis },
    { label: FIELD.workDone, text: values.workDone, minLines: room.work },
    { label: FIELD.result, text: values.result, minLines: 1 },
    { label: '维修用时', text: values.time, minLines: 1 },
    { label: FIELD.suggestion, text: values.suggestion, minLines: room.suggestion },
  ];
}

function cardSheet(backup: LedgerBackup, card: RepairCard, paper: Paper, now: Date): CardSheet {
  const person: Person | undefined = listedOnly(backup.tables.people).find((p) => p.id === card.requesterId);
  const dept: Department | undefined = listedOnly(backup.tables.departments).find(
    (d) => d.id === card.departmentId,
  );
  const device: Device | undefined = listedOnly(backup.tables.devices).find((d) => d.id === card.deviceId);
  const events = listedOnly(backup.tables.repairEvents)
    .filter((e) => e.cardId === card.id)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const sla = evaluateSla(card.receivedAt, events, now);
  const due = sla.dueAt ? formatCardTime(sla.dueAt) + SLA_NOTE[sla.state] : SLA_NOTE[sla.state];
  const doneBy = events.find((e) => e.type === 'repaired' || e.type === 'suggestion-given')?.by ?? '';
  const time = [formatMinutes(card.minutesSpent), doneBy ? `维修人：${doneBy}` : '']
    .filter(Boolean)
    .join('\u3000\u3000');

  const parts = card.parts.map((p, i) => [String(i + 1), p.name, String(p.quantity), money(p.cost)]);
  if (parts.length > 0) {
    const total = card.parts.reduce((sum, p) => sum + p.cost, 0);
    parts.push(['', '合计', String(card.parts.reduce((n, p) => n + p.quantity, 0)), money(total)]);
  }

  const refusal: LabeledText[] = [];
  const refusedEvent = events.find((e) => e.type === 'refused');
  if (card.refusalCause || refusedEvent) {
    const cause = card.refusalCause ? REFUSAL_CAUSE[card.refusalCause] : '';
    const reason = card.refusalReason || refusedEvent?.note || '';
    const when = refusedEvent ? `（${formatCardTime(refusedEvent.at)}）` : '';
    refusal.push({ label: '拒修原因', text: [cause, reason].filter(Boolean).join('：') + when, minLines: 1 });
    const decisions = events.filter((e) => e.type === 'approved' || e.type === 'approval-denied');
    const approval = decisions.length
      ? decisions
          .map((e) => {
            const who = [e.approverRole ? APPROVER_ROLE[e.approverRole] : '', e.approverName]
              .filter((s, i, all) => s && all.indexOf(s) === i)
              .join(' ');
            const verdict = e.type === 'approved' ? '批准维修' : '不批准';
            return `${who || '审批人'} ${verdict}（${formatCardTime(e.at)}）${e.note ? `：${e.note}` : ''}`;
          })
          .join('\n')
      : AWAITING_APPROVAL;
    refusal.push({ label: '审批', text: approval, minLines: 1 });
  }

  const calls = events
    .filter((e) => e.type === 'vendor-contact')
    .map(
      (e) =>
        `${formatCardTime(e.at)}\u3000${e.vendor}${e.note ? `：${e.note}` : ''}${e.by ? `（${e.by}）` : ''}`,
    );
  const vendorContacts = calls.length ? { label: VENDOR_LABEL, text: calls.join('\n'), minLines: 1 } : null;

  const model = [device?.brand, device?.model].filter(Boolean).join(' ');
  return {
    cardNo: card.cardNo,
    subtitle: companyName(backup),
    grid: [
      [FIELD.cardNo, card.cardNo, FIELD.status, STATUS[card.status]],
      [FIELD.requester, card.requesterName, FIELD.department, dept?.name ?? ''],
      [
        '联系电话',
        person?.phone ?? '',
        '部门负责人',
        card.deptHeadSignedAt ? `${HEAD_SIGNED}（${formatCardTime(card.deptHeadSignedAt)}）` : HEAD_PENDING,
      ],
      [FIELD.deviceTag, device?.assetTag ?? card.deviceTag, '设备名称', device?.name ?? ''],
      ['设备类型', device ? DEVICE_TYPE[device.type] : '', FIELD.brandModel, model],
      ['安放位置', device?.location ?? '', FIELD.faultCategory, FAULT_CATEGORY[card.faultCategory]],
      [FIELD.receivedAt, formatCardTime(card.receivedAt), FIELD.due, due],
    ],
    description: { label: FIELD.description, text: card.description, minLines: ROOM[paper].description },
    record: recordRows(paper, {
      diagnosis: card.diagnosis,
      workDone: card.workDone,
      result: card.result,
      time,
      suggestion: card.suggestion,
    }),
    parts,
    refusal,
    vendorContacts,
  };
}

/** A blank card: numbered, every field left for the pen. */
function blankSheet(cardNo: string, subtitle: string, paper: Paper): CardSheet {
  const empty = { diagnosis: '', workDone: '', result: '', time: '', suggestion: '' };
  return {
    cardNo,
    subtitle,
    grid: [
      [FIELD.cardNo, cardNo, FIELD.status, ''],
      [FIELD.requester, '', FIELD.department, ''],
      ['联系电话', '', '部门负责人', ''],
      [FIELD.deviceTag, '', '设备名称', ''],
      ['设备类型', '', FIELD.brandModel, ''],
      ['安放位置', '', FIELD.faultCategory, ''],
      [FIELD.receivedAt, '', FIELD.due, ''],
    ],
    description: { label: FIELD.description, text: '', minLines: ROOM[paper].description },
    record: recordRows(paper, empty),
    parts: [],
    refusal: [{ label: '拒修', text: BLANK_REFUSAL, minLines: 1 }],
    vendorContacts: null,
  };
}

/** Every string a sheet puts on paper, for the font subset and the missing-glyph check. */
function sheetText(sheet: CardSheet): string {
  const labeled = (t: LabeledText) => `${t.label}${t.text}`;
  return [
    sheet.cardNo,
    sheet.subtitle,
    ...sheet.grid.map((row) => row.join('')),
    labeled(sheet.description),
    '维修记录',
    ...sheet.record.map(labeled),
    sheet.vendorContacts ? labeled(sheet.vendorContacts) : '',
    PARTS_COLUMNS.map((c) => c.header).join(''),
    ...sheet.parts.map((r) => r.join('')),
    ...sheet.refusal.map(labeled),
  ].join('\n');
}

/** What every card shares: the frame, the signature lines and the words whose choice depends on time. */
function fixedText(): string {
  return [
    frameText(REPAIR_CARD_TITLE),
    ...SIGNATURE_CAPTIONS.map(signatureCaptionText),
    SIGNATURE_DATE_TEXT,
    Object.values(SLA_NOTE).join(''),
  ].join('\n');
}

// ── Drawing ────────────────────────────────────────────────────────────────────────────
const QR_SIZE: Record<Paper, Record<Density, number>> = {
  a4: { normal: 24, dense: 20 },
  a5: { normal: 19, dense: 16 },
};

/**
 * How much room a card leaves to write by hand, tried in this order until the card fits one sheet:
 * the full room of a card printed at intake; no extra room under fields already filled in (the
 * pen has nothing to add there); then one line per empty field and a tighter type. A card that
 * fits no way is printed the way that takes fewest pages.
 */
interface Fit {
  density: Density;
  /** Extra lines under filled-in fields. */
  roomUnderText: boolean;
  /** Most lines of room an empty field keeps. */
  emptyRoom: number;
  emptyPartRows: number;
}
function fitsFor(paper: Paper): Fit[] {
  const rows = EMPTY_PART_ROWS[paper];
  return [
    { density: 'normal', roomUnderText: true, emptyRoom: Infinity, emptyPartRows: rows },
    { density: 'normal', roomUnderText: false, emptyRoom: Infinity, emptyPartRows: rows },
    { density: 'dense', roomUnderText: false, emptyRoom: 2, emptyPartRows: 1 },
    { density: 'dense', roomUnderText: false, emptyRoom: 1, emptyPartRows: 1 },
  ];
}

function fitted(sheet: CardSheet, fit: Fit): CardSheet {
  const room = (t: LabeledText): LabeledText => ({
    ...t,
    minLines: t.text ? (fit.roomUnderText ? t.minLines : 1) : Math.min(t.minLines, fit.emptyRoom),
  });
  return {
    ...sheet,
    description: room(sheet.description),
    record: sheet.record.map(room),
    refusal: sheet.refusal.map(room),
    vendorContacts: sheet.vendorContacts && room(sheet.vendorContacts),
    parts:
      sheet.parts.length > 0
        ? sheet.parts
        : Array.from({ length: fit.emptyPartRows }, () => ['', '', '', '']),
  };
}

/** One card from the cursor at the top of a page: header with QR, fields, record, signatures. */
function drawSheet(doc: FormDocument, sheet: CardSheet): void {
  const top = doc.y;
  const qrSize = QR_SIZE[doc.paper][doc.density];
  const qrX = doc.pageWidth - doc.margin - qrSize;
  // The quiet zone is part of the square, so the symbol itself sits a little inside the margin.
  if (!doc.measuring) drawQrCode(doc.pdf, sheet.cardNo, qrX, top - 2, qrSize);
  doc.text(sheet.cardNo, qrX + qrSize / 2, top - 2 + qrSize - 1, doc.smallSize, 'center');
  doc.drawTitle(sheet.subtitle || undefined);
  const underQr = top - 2 + qrSize - 1 + doc.lineHeight(doc.smallSize) + (doc.density === 'dense' ? 1 : 2);
  doc.y = Math.max(doc.y, underQr);

  doc.drawTable(GRID_COLUMNS, sheet.grid, { header: false });
  doc.y -= 3;
  doc.drawLabeledText(sheet.description.label, sheet.description.text, sheet.description);

  doc.drawHeading('维修记录');
  // Calls to the vendor, a refusal and its approval belong to the record: what was done and
  // decided about the repair.
  const record = [...sheet.record, ...(sheet.vendorContacts ? [sheet.vendorContacts] : []), ...sheet.refusal];
  for (const row of record) doc.drawLabeledText(row.label, row.text, row);

  // The table's own header (配件名称 数量 费用) names it: no heading, so a blank A5 card fits its sheet.
  doc.y += doc.density === 'dense' ? 0.5 : 1;
  doc.drawTable(PARTS_COLUMNS, sheet.parts);
  doc.y -= 3;
  doc.drawSignatureRow([...SIGNATURE_CAPTIONS]);
}

/** One card on as few sheets as it can take (see Fit). */
function drawCard(doc: FormDocument, sheet: CardSheet): void {
  layoutOnFewestPages(doc, fitsFor(doc.paper), (fit) => drawSheet(doc, fitted(sheet, fit)));
}

/** The numbers of a batch of blank cards, checked. */
export function blankCardNumbers(backup: LedgerBackup, choice: BlankCardsChoice, now: Date): string[] {
  const count = choice.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > BLANK_CARDS_MAX) {
    throw new RangeError(`空白卡数量应为 1 到 ${BLANK_CARDS_MAX} / count must be 1 to ${BLANK_CARDS_MAX}`);
  }
  let first;
  if (choice.firstCardNo) {
    first = parseCardNo(choice.firstCardNo);
    if (!first) {
      throw new RangeError(
        `起始编号格式应为 WX-年份-电脑代号-序号 / first number must look like WX-2026-A-0001: ${choice.firstCardNo}`,
      );
    }
  } else {
    const pcCode = (choice.pcCode ?? '').toUpperCase();
    if (!/^[A-Z]$/.test(pcCode)) {
      throw new RangeError(
        `电脑代号应为一个字母 / the PC code must be one letter A–Z: ${choice.pcCode ?? ''}`,
      );
    }
    const year = choice.year ?? Number(formatCardTime(now.toISOString()).slice(0, 4));
    if (!Number.isInteger(year) || year < 2000 || year > 9999) {
      throw new RangeError(`年份无效 / invalid year: ${year}`);
    }
    const seq =
      choice.from ??
      parseCardNo(
        nextCardNo(
          listedOnly(backup.tables.repairCards).map((c) => c.cardNo),
          year,
          pcCode,
        ),
      )!.seq;
    if (!Number.isInteger(seq) || seq < 1)
      throw new RangeError(`起始序号无效 / invalid first number: ${seq}`);
    first = { year, pcCode, seq };
  }
  if (first.seq + count - 1 > 999_999) {
    throw new RangeError('编号超出范围（最多 6 位序号）/ numbers run past 6 digits');
  }
  return Array.from({ length: count }, (_, i) => formatCardNo({ ...first, seq: first.seq + i }));
}

/** Digits and capitals are all a blank card's changing text needs (its number). */
const CARD_NUMBER_CHARACTERS = 'WX-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The two forms, built with the registry's error constructor: `card` (one card from the ledger,
 * needs the card number or record id) and `blank-cards` (numbered, fields empty).
 */
export function makeRepairCardForms(fail: (code: PdfFormErrorCode, message: string) => Error): {
  card: PdfForm;
  blankCards: PdfForm;
} {
  const cardFor = (backup: LedgerBackup, id: string | undefined): RepairCard => {
    if (!id) throw fail('id-required', '请指定维修卡编号 / give the card number (--id)');
    const card = findRepairCard(backup, id);
    if (!card) throw fail('not-found', `找不到维修卡 / no repair card: ${id}`);
    return card;
  };

  const card: PdfForm = {
    title: REPAIR_CARD_TITLE,
    needsId: true,
    collectText(backup, id) {
      // A4 holds every string A5 does (only the empty room differs), and the time only chooses
      // among the clock's notes, which fixedText() holds all of.
      const sheet = cardSheet(backup, cardFor(backup, id), 'a4', new Date(backup.exportedAt));
      return [fixedText(), sheetText(sheet)].join('\n');
    },
    render(backup, { id, font, paper, now }: RenderOptions) {
      const sheet = cardSheet(backup, cardFor(backup, id), paper, now);
      const doc = new FormDocument({ font, paper, now, title: REPAIR_CARD_TITLE, reference: sheet.cardNo });
      useFastFontEmbedding(doc.pdf);
      doc.pdf.setDocumentProperties({
        title: `${REPAIR_CARD_TITLE} ${sheet.cardNo}`,
        creator: 'NetDesk 网管工作台',
      });
      drawCard(doc, sheet);
      return doc.finish();
    },
  };

  const blankCards: PdfForm = {
    title: `${REPAIR_CARD_TITLE}（空白）`,
    needsId: false,
    collectText(backup) {
      return [fixedText(), sheetText(blankSheet(CARD_NUMBER_CHARACTERS, companyName(backup), 'a4'))].join(
        '\n',
      );
    },
    render(backup, { font, paper, now, blankCards: choice }: RenderOptions) {
      let numbers: string[];
      try {
        numbers = blankCardNumbers(backup, choice ?? {}, now);
      } catch (err) {
        if (err instanceof RangeError) throw fail('invalid-options', err.message);
        throw err;
      }
      const doc = new FormDocument({ font, paper, now, title: REPAIR_CARD_TITLE, reference: numbers[0] });
      useFastFontEmbedding(doc.pdf);
      numbers.forEach((cardNo, i) => {
        if (i > 0) doc.newSheet(cardNo);
        drawCard(doc, blankSheet(cardNo, companyName(backup), paper));
      });
      return doc.finish();
    },
  };
  return { card, blankCards };
}
