// Updating existing people from a re-imported CSV, against an in-memory ledger: nothing changes
// until the confirmed plans are written; then only the listed fields change, all or none.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePeopleCsv } from '../../../../shared/import/people-csv';
import { planPeopleUpdates } from '../../../../shared/import/people-update';
import { createRepository } from '../../../db/repository';
import { freshDb } from '../../../db/test-support';
import type { NetdeskDb } from '../../../db/schema';
import { writePeopleUpdates } from './write-updates';

let db: NetdeskDb | undefined;
afterEach(() => db?.close());

async function ledger() {
  db = await freshDb();
  const repo = createRepository(db);
  const fin = await repo.create('departments', { name: '财务部' });
  const hr = await repo.create('departments', { name: '人力资源部' });
  const zhang = await repo.create('people', {
    employeeNo: 'A1',
    name: '张三',
    departmentId: fin.id,
    phone: '8001',
    note: '三楼',
  });
  return { db, repo, fin, hr, zhang };
}

async function plansFor(l: Awaited<ReturnType<typeof ledger>>, csv: string) {
  const people = await l.repo.list('people');
  const departments = await l.repo.list('departments');
  const preview = parsePeopleCsv(csv, { existingPeople: people, existingDepartments: departments });
  if (!preview.ok || preview.kind !== 'people') throw new Error('not a people file');
  return planPeopleUpdates(preview.rows, preview.columns, people, departments);
}

describe('writePeopleUpdates', () => {
  it('changes only the listed fields of the people, once confirmed', async () => {
    const l = await ledger();
    const plans = await plansFor(l, '工号,姓名,部门,电话\nA1,张三,人力资源部,8101');
    expect(plans[0]!.changes.map((c) => c.field)).toEqual(['department', 'phone']);
    // Planning (the preview) writes nothing.
    expect(await l.db.people.get(l.zhang.id)).toEqual(l.zhang);

    expect(await writePeopleUpdates(l.db, l.repo, plans)).toBe(1);
    const after = (await l.db.people.get(l.zhang.id))!;
    expect(after).toMatchObject({ departmentId: l.hr.id, phone: '8101', note: '三楼', name: '张三' });
  });

  it('writes none of the plans when one is refused', async () => {
    const l = await ledger();
    const plans = await plansFor(l, '工号,姓名,电话\nA1,张三,8101');
    const broken = [...plans, { ...plans[0]!, personId: 'no-such-person' }];
    await expect(writePeopleUpdates(l.db, l.repo, broken)).rejects.toThrow();
    expect((await l.db.people.get(l.zhang.id))!.phone).toBe('8001');
  });
});
