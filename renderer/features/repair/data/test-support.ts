// Test helpers of the repair data layer: a fresh ledger with a small directory (two
// departments, three people, three devices) and a context whose clock the test moves.
// Imported by tests only.
import { createRepository } from '../../../db/repository';
import { freshDb, manualClock } from '../../../db/test-support';
import type { RepairContext } from './types';

export const HOUR = 3600_000;

export async function repairLedger(pcCode = 'A', start = '2026-03-02T08:00:00.000Z') {
  const db = await freshDb();
  const clock = manualClock(start);
  const repo = createRepository(db, { now: clock.now });
  const ctx: RepairContext = { db, repo, pcCode, operator: '王网管', now: clock.now };
  const finance = await repo.create('departments', { name: '财务部' });
  const sales = await repo.create('departments', { name: '销售部' });
  const zhang = await repo.create('people', { employeeNo: '1001', name: '张伟', departmentId: finance.id });
  const li = await repo.create('people', { employeeNo: '1002', name: '李娜', departmentId: sales.id });
  const wang = await repo.create('people', { employeeNo: '1003', name: '王芳', departmentId: sales.id });
  const pc153 = await repo.create('devices', {
    assetTag: 'PC-0153',
    type: 'computer',
    departmentId: finance.id,
    userPersonId: zhang.id,
  });
  const printer = await repo.create('devices', {
    assetTag: 'PR-0007',
    type: 'printer',
    departmentId: sales.id,
  });
  const pc200 = await repo.create('devices', {
    assetTag: 'PC-0200',
    type: 'computer',
    departmentId: sales.id,
    userPersonId: li.id,
  });
  return {
    db,
    repo,
    clock,
    ctx,
    departments: { finance, sales },
    people: { zhang, li, wang },
    devices: { pc153, printer, pc200 },
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; field?: string }> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof Error)) throw new Error('expected the promise to be refused, it was not');
  return err;
}
