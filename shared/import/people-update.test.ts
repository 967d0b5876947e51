import { describe, expect, it } from 'vitest';
import { parsePeopleCsv } from './people-csv';
import { planPeopleUpdates, type ExistingPerson } from './people-update';

const departments = [
  { id: 'd-fin', name: '财务部', headPersonId: null },
  { id: 'd-hr', name: '人力资源部', headPersonId: null },
];
const people: ExistingPerson[] = [
  {
    id: 'p1',
    employeeNo: 'A1',
    name: '张三',
    title: '会计',
    phone: '8001',
    computerTag: 'PC-01',
    note: '',
    departmentId: 'd-fin',
  },
  {
    id: 'p2',
    employeeNo: 'A2',
    name: '李四',
    title: '',
    phone: '8002',
    computerTag: '',
    note: '',
    departmentId: 'd-fin',
  },
];

function plan(lines: string[]) {
  const preview = parsePeopleCsv(lines.join('\n'), {
    existingPeople: people,
    existingDepartments: departments,
  });
  if (!preview.ok || preview.kind !== 'people') throw new Error('not a people file');
  return planPeopleUpdates(preview.rows, preview.columns, people, departments);
}

describe('updating existing people from a re-imported CSV', () => {
  it('lists each changed field, from and to, for the people whose 工号 exists', () => {
    const plans = plan([
      '工号,姓名,部门,电话,职务',
      'A1,张三,人力资源部,8101,主管',
      'A2,李四,财务部,8002,',
      'B9,王五,财务部,,',
    ]);
    expect(plans).toEqual([
      {
        line: 2,
        personId: 'p1',
        employeeNo: 'A1',
        name: '张三',
        changes: [
          { field: 'department', from: '财务部', to: '人力资源部' },
          { field: 'title', from: '会计', to: '主管' },
          { field: 'phone', from: '8001', to: '8101' },
        ],
        patch: { departmentId: 'd-hr', title: '主管', phone: '8101' },
      },
    ]);
  });

  it('never clears a value: a column the file lacks or an empty cell leaves the field alone', () => {
    expect(plan(['工号,姓名', 'A1,张三'])).toEqual([]);
    expect(plan(['工号,姓名,电话', 'A1,张三,'])).toEqual([]);
  });

  it('changes a department only to one the ledger has', () => {
    expect(plan(['工号,姓名,部门', 'A1,张三,新部门'])).toEqual([]);
  });
});
