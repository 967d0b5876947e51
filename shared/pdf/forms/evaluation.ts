// The printed work request form (工作申请单) for buying or replacing a
// device: what a department asks for and why, the device it replaces, the network supervisor's
// assessment of feasibility and necessity (可行性与必要性), the recommendation and estimated cost,
// the decision, and four signature lines (requester, department head, network supervisor,
// approver) with date lines, for the paper that is the legal record. Long text flows onto the next
// page. Everything drawn is first laid out as plain strings, so collectText lists exactly what
// render() prints. A device's secret is never read here.
import type { LedgerBackup } from '../../backup';
import { responsibleName } from '../../devices/responsible';
import type { Device, PurchaseEvaluation } from '../../schemas';
import type { PdfForm, PdfFormErrorCode } from '../forms';
import {
  FormDocument,
  frameText,
  layoutOnFewestPages,
  signatureLineText,
  useFastFontEmbedding,
  type Density,
  type TableColumn,
} from '../layout';
import { DEVICE_TYPE_WORDS } from '../../devices/type-words';
import { listedOnly } from '../../sync/arrival';
import { readLedgerSetting } from '../../ledger-settings';

export const EVALUATION_TITLE = '工作申请单';
/** Signature captions; the layout adds 签字 and a date line (申请人签字：____ 日期：__年__月__日). */
export const EVALUATION_SIGNATURES = ['申请人', '部门负责人', '网络主管', '审批人'] as const;

const STATUS: Record<PurchaseEvaluation['status'], string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  bought: '已购置',
};
const DEVICE_STATUS: Record<Device['status'], string> = {
  'in-use': '在用',
  spare: '备用',
  'in-repair': '维修中',
  retired: '已报废',
};
const NONE = '无（新增购置）';

const GRID_COLUMNS: TableColumn[] = [
  { header: '', weight: 15 },
  { header: '', weight: 35 },
  { header: '', weight: 15 },
  { header: '', weight: 35 },
];

interface LabeledText {
  label: string;
  text: string;
  minLines: number;
}

/** Every string of one printed form. */
interface EvaluationSheet {
  subtitle: string;
  /** What names this form on every page: the date asked and the thing asked for. */
  reference: string;
  request: string[][];
  reason: LabeledText;
  replaced: string[][];
  assessment: LabeledText[];
  decision: LabeledText;
}

/** '2026-11-19' as written on paper: 2026年11月19日. */
function paperDate(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const money = (n: number | null) => (n === null ? '' : `${n.toFixed(2)} 元`);

/** The company name the ledger keeps in its settings (its newest live value), if any. */
function companyName(backup: LedgerBackup): string {
  return readLedgerSetting(backup.tables.ledgerSettings ?? [], 'companyName');
}

function evaluationSheet(backup: LedgerBackup, ev: PurchaseEvaluation): EvaluationSheet {
  const people = new Map(listedOnly(backup.tables.people).map((p) => [p.id, p]));
  const departments = new Map(listedOnly(backup.tables.departments).map((d) => [d.id, d]));
  const devices = new Map(listedOnly(backup.tables.devices).map((d) => [d.id, d]));
  const requester = ev.requesterId ? people.get(ev.requesterId) : undefined;
  const department = ev.departmentId ? departments.get(ev.departmentId) : undefined;

  const old = ev.replacesDeviceId ? devices.get(ev.replacesDeviceId) : undefined;
  let replaced: string[][];
  if (old) {
    // A printer answers to its computer's user: the source carries that computer and person.
    const who = responsibleName(
      old,
      (id) => devices.get(id),
      (id) => people.get(id)?.name,
    );
    replaced = [
      ['设备编号', old.assetTag, '设备名称', old.name],
      ['设备类型', DEVICE_TYPE_WORDS[old.type], '品牌型号', [old.brand, old.model].filter(Boolean).join(' ')],
      ['责任人', who, '购买日期', paperDate(old.purchaseDate)],
      ['保修到期', paperDate(old.warrantyEnd), '设备状态', DEVICE_STATUS[old.status]],
    ];
  } else {
    replaced = [['设备编号', NONE, '', '']];
  }

  const bought = ev.boughtDeviceId ? devices.get(ev.boughtDeviceId) : undefined;
  const decision = [
    STATUS[ev.status],
    ev.decidedOn ? `决定日期：${paperDate(ev.decidedOn)}` : '',
    ev.approverName ? `审批人：${ev.approverName}` : '',
    bought ? `新设备编号：${bought.assetTag}` : '',
  ]
    .filter(Boolean)
    .join('　　');

  return {
    subtitle: companyName(backup),
    reference: evaluationReference(ev),
    request: [
      ['申请部门', department?.name ?? '', '申请人', requester?.name ?? ''],
      ['申请日期', paperDate(ev.requestedOn), '联系电话', requester?.phone ?? ''],
      ['申请事项', ev.item, '预计费用', money(ev.estimatedCost)],
    ],
    reason: { label: '申请理由', text: ev.reason, minLines: 3 },
    replaced,
    assessment: [
      { label: '可行性', text: ev.feasibility, minLines: 3 },
      { label: '必要性', text: ev.necessity, minLines: 3 },
      { label: '评估建议', text: ev.recommendation, minLines: 2 },
    ],
    decision: { label: '审批结果', text: decision, minLines: 1 },
  };
}

/** The item asked for is printed whole in the form; at the foot of a page a short name does. */
const REFERENCE_ITEM_CHARS = 16;

/** A work request has no number of its own: it is known by the day it was asked and what for. */
export function evaluationReference(ev: PurchaseEvaluation): string {
  const item = [...ev.item];
  const short =
    item.length > REFERENCE_ITEM_CHARS ? item.slice(0, REFERENCE_ITEM_CHARS).join('') + '…' : ev.item;
  return `${paperDate(ev.requestedOn)} ${short}`;
}

function sheetText(sheet: EvaluationSheet): string {
  const labeled = (t: LabeledText) => `${t.label}${t.text}`;
  return [
    sheet.subtitle,
    sheet.reference,
    ...sheet.request.map((r) => r.join('')),
    labeled(sheet.reason),
    ...sheet.replaced.map((r) => r.join('')),
    ...sheet.assessment.map(labeled),
    labeled(sheet.decision),
  ].join('\n');
}

function fixedText(): string {
  return [
    frameText(EVALUATION_TITLE),
    '被替换设备网络主管评估审批',
    ...EVALUATION_SIGNATURES.map(signatureLineText),
  ].join('\n');
}

/**
 * Ways to set the form, roomiest first: with lines to write on under every field, then none under
 * fields already filled in, then in tighter type.
 */
const FITS: { density: Density; roomUnderText: boolean }[] = [
  { density: 'normal', roomUnderText: true },
  { density: 'normal', roomUnderText: false },
  { density: 'dense', roomUnderText: false },
];

/** An evaluation by its record id. */
export function findEvaluation(backup: LedgerBackup, id: string): PurchaseEvaluation | undefined {
  return listedOnly(backup.tables.purchaseEvaluations).find((e) => e.id === id.trim());
}

export function makeEvaluationForm(fail: (code: PdfFormErrorCode, message: string) => Error): PdfForm {
  const evaluationFor = (backup: LedgerBackup, id: string | undefined): PurchaseEvaluation => {
    if (!id) throw fail('id-required', '请指定工作申请单的记录编号 / give the evaluation id (--id)');
    const ev = findEvaluation(backup, id);
    if (!ev) throw fail('not-found', `找不到工作申请单 / no purchase evaluation: ${id}`);
    return ev;
  };
  return {
    title: EVALUATION_TITLE,
    needsId: true,
    collectText(backup, id) {
      return [fixedText(), sheetText(evaluationSheet(backup, evaluationFor(backup, id)))].join('\n');
    },
    render(backup, { id, font, paper, now }) {
      const ev = evaluationFor(backup, id);
      const sheet = evaluationSheet(backup, ev);
      const doc = new FormDocument({ font, paper, now, title: EVALUATION_TITLE, reference: sheet.reference });
      useFastFontEmbedding(doc.pdf);
      doc.pdf.setDocumentProperties({
        title: `${EVALUATION_TITLE} ${ev.item}`,
        creator: 'NetDesk 网管工作台',
      });
      // One page when it can (see FITS); the signatures stay on the page of the decision.
      layoutOnFewestPages(doc, FITS, (fit) => {
        const room = (t: LabeledText) => (fit.roomUnderText || !t.text ? t : { ...t, minLines: 1 });
        doc.drawTitle(sheet.subtitle || undefined);
        doc.drawTable(GRID_COLUMNS, sheet.request, { header: false });
        doc.y -= 3;
        doc.drawLabeledText(sheet.reason.label, sheet.reason.text, room(sheet.reason));
        doc.drawHeading('被替换设备');
        doc.drawTable(GRID_COLUMNS, sheet.replaced, { header: false });
        doc.y -= 3;
        doc.drawHeading('网络主管评估');
        for (const row of sheet.assessment) doc.drawLabeledText(row.label, row.text, room(row));
        doc.drawHeading('审批');
        doc.drawLabeledText(sheet.decision.label, sheet.decision.text, sheet.decision);
        doc.drawSignatureBlock([...EVALUATION_SIGNATURES]);
      });
      return doc.finish();
    },
  };
}
