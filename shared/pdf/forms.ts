// The registry of NetDesk's printable forms. Each form says which strings it will draw
// (collectText) so the caller can subset the font to exactly those characters and warn about
// characters the font lacks, and then renders from a validated backup to PDF bytes.
// The CLI (`netdesk pdf <form>`), the main process and the renderer all print through this list.
import type { LedgerBackup } from '../backup';
import { computersByPerson, computerTagsText } from '../devices/person-computers';
import type { Department, Person } from '../schemas';
import type { PdfFont } from './font';
import { makeEvaluationForm } from './forms/evaluation';
import { makeGuaranteeForm } from './forms/guarantee';
import { makeCheckRecordForm, makeCheckSheetForm, makeDutyRosterForm } from './forms/checks';
import { makeLabelsForm, type LabelSheetChoice } from './forms/labels';
import { makeRepairCardForms, type BlankCardsChoice } from './forms/repair-card';
import { makeSigninForm } from './forms/signin-sheet';
import { FormDocument, frameText, type Paper, type TableColumn } from './layout';
import { listedOnly } from '../sync/arrival';
import { readLedgerSetting } from '../ledger-settings';

export interface RenderOptions {
  /** The record to print, for forms that print one record (a repair card). */
  id?: string;
  font: PdfFont;
  paper: Paper;
  now: Date;
  /** For `blank-cards`: how many, and which numbers. */
  blankCards?: BlankCardsChoice;
  /** For `labels`: the grid and which devices (all not retired by default). */
  labels?: LabelSheetChoice;
}

export interface PdfForm {
  /** The title printed on the form, in Chinese as on paper. */
  title: string;
  /** True when the form prints one record and needs its id. */
  needsId: boolean;
  /** Every string render() will draw, for subsetting and the missing-glyph check. */
  collectText(backup: LedgerBackup, id?: string): string;
  render(backup: LedgerBackup, options: RenderOptions): Uint8Array;
}

export type PdfFormErrorCode = 'id-required' | 'not-found' | 'invalid-options';

/** A form cannot be printed from this backup as asked; `message` is shown to the user. */
export class PdfFormError extends Error {
  override name = 'PdfFormError';
  constructor(
    readonly code: PdfFormErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The company name the ledger keeps in its settings (its newest live value), if any. */
function companyName(backup: LedgerBackup): string {
  return readLedgerSetting(backup.tables.ledgerSettings ?? [], 'companyName');
}

// ── 通讯录: the people directory ──────────────────────────────────────────────────────────
const DIRECTORY_TITLE = '通讯录';
const NO_DEPARTMENT = '未分配部门';
const DIRECTORY_COLUMNS: TableColumn[] = [
  { header: '部门', weight: 20 },
  { header: '部门负责人', weight: 14 },
  { header: '工号', weight: 12, align: 'center' },
  { header: '姓名', weight: 13 },
  { header: '电话', weight: 22 },
  { header: '电脑编号', weight: 19 },
];

interface DirectoryContent {
  subtitle: string;
  rows: string[][];
}

/**
 * The directory's rows: people in service, grouped by department in the ledger's department order
 * (people without a department last), the head first in each group, then by employee number.
 */
function directoryContent(backup: LedgerBackup): DirectoryContent {
  const people = listedOnly(backup.tables.people).filter((p) => p.active);
  const departments = listedOnly(backup.tables.departments);
  // 电脑编号 is the computer the register says each person uses now, not the imported copy.
  const computers = computersByPerson(backup.tables.devices ?? []);
  const byId = new Map<string, Person>(listedOnly(backup.tables.people).map((p) => [p.id, p]));
  const known = new Set(departments.map((d) => d.id));
  const groups: { dept: Department | null; members: Person[] }[] = departments.map((dept) => ({
    dept,
    members: people.filter((p) => p.departmentId === dept.id),
  }));
  groups.push({ dept: null, members: people.filter((p) => !p.departmentId || !known.has(p.departmentId)) });

  const rows: string[][] = [];
  for (const { dept, members } of groups) {
    const headId = dept?.headPersonId ?? null;
    const head = headId ? byId.get(headId) : undefined;
    members.sort((a, b) =>
      a.id === headId ? -1 : b.id === headId ? 1 : a.employeeNo.localeCompare(b.employeeNo, 'en'),
    );
    for (const p of members) {
      rows.push([
        dept?.name ?? NO_DEPARTMENT,
        head?.name ?? '',
        p.employeeNo,
        p.name,
        p.phone,
        computerTagsText(computers, p.id),
      ]);
    }
  }
  const company = companyName(backup);
  const subtitle = `${company ? company + '　' : ''}共 ${people.length} 人`;
  return { subtitle, rows };
}

const directory: PdfForm = {
  title: DIRECTORY_TITLE,
  needsId: false,
  collectText(backup): string {
    const { subtitle, rows } = directoryContent(backup);
    return [
      frameText(DIRECTORY_TITLE),
      subtitle,
      DIRECTORY_COLUMNS.map((c) => c.header).join(''),
      ...rows.map((r) => r.join('')),
    ].join('\n');
  },
  render(backup, { font, paper, now }): Uint8Array {
    const { subtitle, rows } = directoryContent(backup);
    const doc = new FormDocument({ font, paper, now, title: DIRECTORY_TITLE });
    doc.drawTitle(subtitle);
    // Department and head are printed once per group, and again at the top of each page.
    doc.drawTable(DIRECTORY_COLUMNS, rows, { blankRepeatsIn: [0, 1] });
    return doc.finish();
  },
};

// ── 维修申请卡: one card from the ledger, and blank numbered cards (forms/repair-card.ts) ──
const repairCardForms = makeRepairCardForms((code, message) => new PdfFormError(code, message));

// ── 资产标签 and 工作申请单: device labels and purchase evaluations (forms/labels.ts, evaluation.ts) ──
const failForm = (code: PdfFormErrorCode, message: string) => new PdfFormError(code, message);

export const pdfForms: Record<string, PdfForm> = {
  directory,
  card: repairCardForms.card,
  'blank-cards': repairCardForms.blankCards,
  labels: makeLabelsForm(failForm),
  evaluation: makeEvaluationForm(failForm),
  guarantee: makeGuaranteeForm(failForm),
  check: makeCheckRecordForm(failForm),
  'check-sheet': makeCheckSheetForm(failForm),
  'duty-roster': makeDutyRosterForm(failForm),
  signin: makeSigninForm(failForm),
};

export const PDF_FORM_NAMES = Object.keys(pdfForms);
