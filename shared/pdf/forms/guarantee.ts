// The printed guarantee (保证申请书) an employee signs to be given an IM program (QQ, WeChat for
// PC…) on a work computer: who asks, for which computer and program, why, the pledge (the
// ledger's own wording, editable in the app), and signature and date lines for the employee, the
// department head and the network supervisor. Everything drawn is first laid out as plain
// strings, so collectText lists exactly what render() prints.
import type { LedgerBackup } from '../../backup';
import { readLedgerSetting } from '../../ledger-settings';
import type { ImPermission } from '../../schemas';
import { listedOnly } from '../../sync/arrival';
import { chinaDay } from '../../time/china';
import type { PdfForm, PdfFormErrorCode } from '../forms';
import {
  FormDocument,
  frameText,
  signatureLineText,
  useFastFontEmbedding,
  type TableColumn,
} from '../layout';

export const GUARANTEE_TITLE = '保证申请书';
export const GUARANTEE_SIGNATURES = ['申请人', '部门负责人', '网络主管'] as const;

const GRID: TableColumn[] = [
  { header: '', weight: 15 },
  { header: '', weight: 35 },
  { header: '', weight: 15 },
  { header: '', weight: 35 },
];

interface GuaranteeSheet {
  subtitle: string;
  reference: string;
  grid: string[][];
  reason: string;
  pledge: string;
}

function paperDate(day: string | null): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function guaranteeSheet(backup: LedgerBackup, p: ImPermission): GuaranteeSheet {
  const person = listedOnly(backup.tables.people).find((x) => x.id === p.personId);
  const department = person?.departmentId
    ? listedOnly(backup.tables.departments).find((d) => d.id === person.departmentId)
    : undefined;
  const device = p.deviceId ? listedOnly(backup.tables.devices).find((d) => d.id === p.deviceId) : undefined;
  const settings = backup.tables.ledgerSettings ?? [];
  const asked = p.guaranteeSignedOn ?? chinaDay(p.createdAt);
  return {
    subtitle: readLedgerSetting(settings, 'companyName'),
    reference: `${person?.name ?? ''} ${p.software}`,
    grid: [
      ['申请人', person?.name ?? '', '工号', person?.employeeNo ?? ''],
      ['部门', department?.name ?? '', '申请日期', paperDate(asked)],
      ['电脑编号', device?.assetTag ?? '', '申请软件', p.software],
    ],
    reason: p.reason,
    pledge: readLedgerSetting(settings, 'guaranteePledge'),
  };
}

function sheetText(s: GuaranteeSheet): string {
  return [
    s.subtitle,
    s.reference,
    ...s.grid.map((r) => r.join('')),
    `申请理由${s.reason}`,
    `保证内容${s.pledge}`,
  ].join('\n');
}

function fixedText(): string {
  return [frameText(GUARANTEE_TITLE), ...GUARANTEE_SIGNATURES.map(signatureLineText)].join('\n');
}

export function makeGuaranteeForm(fail: (code: PdfFormErrorCode, message: string) => Error): PdfForm {
  const permissionFor = (backup: LedgerBackup, id: string | undefined): ImPermission => {
    if (!id) throw fail('id-required', '请指定聊天软件权限的记录编号 / give the permission id (--id)');
    const p = listedOnly(backup.tables.imPermissions).find((x) => x.id === id.trim());
    if (!p) throw fail('not-found', `找不到聊天软件权限 / no IM permission: ${id}`);
    return p;
  };
  return {
    title: GUARANTEE_TITLE,
    needsId: true,
    collectText(backup, id) {
      return [fixedText(), sheetText(guaranteeSheet(backup, permissionFor(backup, id)))].join('\n');
    },
    render(backup, { id, font, paper, now }) {
      const sheet = guaranteeSheet(backup, permissionFor(backup, id));
      const doc = new FormDocument({ font, paper, now, title: GUARANTEE_TITLE, reference: sheet.reference });
      useFastFontEmbedding(doc.pdf);
      doc.pdf.setDocumentProperties({
        title: `${GUARANTEE_TITLE} ${sheet.reference}`,
        creator: 'NetDesk 网管工作台',
      });
      doc.drawTitle(sheet.subtitle || undefined);
      doc.drawTable(GRID, sheet.grid, { header: false });
      doc.y -= 3;
      doc.drawLabeledText('申请理由', sheet.reason, { minLines: 3 });
      doc.drawLabeledText('保证内容', sheet.pledge, { minLines: 4 });
      doc.drawSignatureBlock([...GUARANTEE_SIGNATURES]);
      return doc.finish();
    },
  };
}
