import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePeopleCsv, type PeopleCsvContext } from '../../../../shared/import/people-csv';
import { createRepository } from '../../../db/repository';
import { openNetdeskDb, type NetdeskDb } from '../../../db/schema';
import { ImportRefusedError, writeImport } from './write-import';

let db: NetdeskDb | undefined;
let dbCount = 0;

async function freshLedger() {
  db = await openNetdeskDb(`import-test-${++dbCount}`);
  return { db, repo: createRepository(db) };
}

afterEach(() => db?.close());

async function contextOf(ledger: NetdeskDb): Promise<PeopleCsvContext> {
  const [people, departments] = await Promise.all([ledger.people.toArray(), ledger.departments.toArray()]);
  return {
    existingPeople: people.filter((p) => !p.deletedAt),
    existingDepartments: departments.filter((d) => !d.deletedAt),
  };
}

describe('writeImport', () => {
  it('creates the new departments, the people in them and the heads; skips rows with errors', async () => {
    const { db, repo } = await freshLedger();
    await repo.create('departments', { name: '财务部', company: '集团总部' });
    const context = await contextOf(db);
    const csv = [
      '工号,姓名,部门,部门负责人',
      'A1,张三,财务部,',
      'B1,李四,行政部,是',
      'B2,王五,行政部,',
      ',缺工号,行政部,',
    ].join('\n');
    const preview = parsePeopleCsv(csv, context);
    if (!preview.ok) throw new Error('preview failed');
    const progress: number[] = [];

    const summary = await writeImport(db, repo, preview, context, (done) => progress.push(done));

    expect(summary).toEqual({ people: 3, departments: 1, heads: 1, skipped: 1 });
    const departments = await repo.list('departments');
    const people = await repo.list('people');
    const admin = departments.find((d) => d.name === '行政部')!;
    const lisi = people.find((p) => p.name === '李四')!;
    expect(admin.headPersonId).toBe(lisi.id);
    expect(people.find((p) => p.name === '张三')?.departmentId).toBe(
      departments.find((d) => d.name === '财务部')?.id,
    );
    expect(
      people
        .filter((p) => p.departmentId === admin.id)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['李四', '王五']);
    expect(progress.at(-1)).toBe(5); // 1 department + 3 people + 1 head
  });

  it('writes nothing at all when the ledger refuses a row the preview accepted', async () => {
    const { db, repo } = await freshLedger();
    const context = await contextOf(db);
    const preview = parsePeopleCsv('工号,姓名,部门\nA1,张三,新部门\nA2,李四,新部门', context);
    if (!preview.ok) throw new Error('preview failed');
    // Someone adds A2 in another window between the preview and the confirmation.
    await repo.create('people', { employeeNo: 'A2', name: '别处录入' });

    await expect(writeImport(db, repo, preview, context, () => {})).rejects.toBeInstanceOf(
      ImportRefusedError,
    );

    expect((await repo.list('departments')).map((d) => d.name)).toEqual([]);
    expect((await repo.list('people')).map((p) => p.name)).toEqual(['别处录入']);
  });
});
