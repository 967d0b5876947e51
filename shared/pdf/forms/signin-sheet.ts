// The training sign-in sheet (签到表): the training's topic, date, place and trainer, then a
// numbered row for every person on its roster — name, department and an empty cell to sign in —
// and blank numbered rows for people who walk in. A long roster flows onto more pages with the
// column header drawn again at the top of each (the layout's table does that), so a loose second
// sheet is still a sign-in sheet. Everything drawn is first laid out as plain strings, so
// collectText lists exactly what render() prints.
import type { LedgerBackup } from '../../backup';
import type { Training } from '../../schemas';
import { listedOnly } from '../../sync/arrival';
import type { PdfForm, PdfFormErrorCode } from '../forms';
import { FormDocument, frameText, useFastFontEmbedding, type TableColumn } from '../layout';

export const SIGNIN_TITLE = '签到表';
/** Rows left blank under the roster for walk-ins. */
export const SIGNIN_WALK_IN_ROWS = 5;

const KIND_WORDS: Record<Training['kind'], string> = {
  'office-software': '办公软件培训',
  'new-employee': '新员工软件指导',
  'department-request': '部门申请培训',
  other: '其他培训',
};

const COLUMNS: TableColumn[] = [
  { header: '序号', weight: 8, align: 'center' },
  { header: '姓名', weight: 18 },
  { header: '部门', weight: 24 },
  { header: '签名', weight: 30 },
  { header: '备注', weight: 20 },
];

interface SigninSheet {
  subtitle: string;
  details: string[][];
  rows: string[][];
}

function sheetOf(backup: LedgerBackup, training: Training): SigninSheet {
  const people = new Map(listedOnly(backup.tables.people).map((p) => [p.id, p]));
  const departments = new Map(listedOnly(backup.tables.departments).map((d) => [d.id, d.name]));
  const roster = listedOnly(backup.tables.trainingAttendees)
    .filter((a) => a.trainingId === training.id)
    .map((a) => people.get(a.personId))
    .filter((p) => p !== undefined)
    .map((p) => ({ name: p.name, department: (p.departmentId && departments.get(p.departmentId)) || '' }))
    // By department, then name, as people queue at the door by department.
    .sort((a, b) => a.department.localeCompare(b.department, 'zh') || a.name.localeCompare(b.name, 'zh'));
  const rows = roster.map((p, i) => [String(i + 1), p.name, p.department, '', '']);
  for (let i = 0; i < SIGNIN_WALK_IN_ROWS; i++) rows.push([String(roster.length + i + 1), '', '', '', '']);
  const minutes = training.durationMinutes ? `（${training.durationMinutes} 分钟）` : '';
  const details = [
    ['培训主题', training.topic],
    ['培训类别', KIND_WORDS[training.kind]],
    ['日期', `${training.date}${minutes}`],
    ['地点', training.location || ''],
    ['讲师', training.trainer || ''],
  ];
  return { subtitle: `应到 ${roster.length} 人`, details, rows };
}

const DETAIL_COLUMNS: TableColumn[] = [
  { header: '', weight: 20 },
  { header: '', weight: 80 },
];

export function makeSigninForm(fail: (code: PdfFormErrorCode, message: string) => Error): PdfForm {
  const trainingOf = (backup: LedgerBackup, id: string | undefined): Training => {
    if (!id) throw fail('id-required', '请指定培训的记录编号 / give the training id (--id)');
    const training = listedOnly(backup.tables.trainings).find((t) => t.id === id);
    if (!training) throw fail('not-found', `找不到培训 / no training: ${id}`);
    return training;
  };
  return {
    title: SIGNIN_TITLE,
    needsId: true,
    collectText(backup, id) {
      const sheet = sheetOf(backup, trainingOf(backup, id));
      return [
        frameText(SIGNIN_TITLE),
        sheet.subtitle,
        COLUMNS.map((c) => c.header).join(''),
        ...sheet.details.map((r) => r.join('')),
        ...sheet.rows.map((r) => r.join('')),
      ].join('\n');
    },
    render(backup, { id, font, paper, now }) {
      const training = trainingOf(backup, id);
      const sheet = sheetOf(backup, training);
      const doc = new FormDocument({ font, paper, now, title: SIGNIN_TITLE, reference: training.topic });
      useFastFontEmbedding(doc.pdf);
      doc.pdf.setDocumentProperties({
        title: `${SIGNIN_TITLE} ${training.topic}`,
        creator: 'NetDesk 网管工作台',
      });
      doc.drawTitle(sheet.subtitle);
      doc.drawTable(DETAIL_COLUMNS, sheet.details, { header: false });
      doc.y -= 3;
      doc.drawTable(COLUMNS, sheet.rows);
      return doc.finish();
    },
  };
}
