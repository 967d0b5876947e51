import { afterEach, describe, expect, it } from 'vitest';
import { responsiblePerson } from '../../../../shared/devices/responsible';
import { parseDeviceRows, readDeviceCsv, type DeviceImportResult } from '../../../../shared/import/devices';
import { createRepository } from '../../../db/repository';
import type { NetdeskDb } from '../../../db/schema';
import { freshDb } from '../../../db/test-support';
import { DeviceImportRefusedError, deviceImportContext, writeDeviceImport } from './write-device-import';

let db: NetdeskDb | undefined;
afterEach(() => db?.close());

async function ledgerWithDirectory() {
  db = await freshDb();
  const repo = createRepository(db);
  const finance = await repo.create('departments', { name: '财务部' });
  const zhang = await repo.create('people', { employeeNo: 'A001', name: '张三', departmentId: finance.id });
  const li = await repo.create('people', { employeeNo: 'A002', name: '李四', departmentId: finance.id });
  return { db, repo, finance, zhang, li };
}

function preview(result: DeviceImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}
const csvRows = (lines: string[]) => {
  const read = readDeviceCsv(new TextEncoder().encode(lines.join('\n')));
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.rows;
};

describe('writeDeviceImport', () => {
  it('writes the good rows, printers on the computers of the same file, and reports the skipped ones', async () => {
    const { db, repo, zhang, finance } = await ledgerWithDirectory();
    await repo.create('devices', { assetTag: 'PC-OLD', type: 'computer', userPersonId: zhang.id });
    const rows = csvRows([
      '资产编号,类型,使用人,所接电脑,购买日期',
      'PR-1,打印机,,PC-1,2026年3月5日',
      'PC-1,台式机,A001,,45721',
      'PR-2,打印机,,pc-old,',
      'PC-OLD,电脑,,,',
      'PR-3,打印机,,PR-1,',
    ]);
    const result = preview(parseDeviceRows(rows, await deviceImportContext(db)));
    const progress: Array<[number, number]> = [];
    const summary = await writeDeviceImport(db, repo, result, (done, total) => progress.push([done, total]));

    expect(summary.imported).toEqual(['PR-1', 'PC-1', 'PR-2']);
    expect(summary.skipped).toEqual([
      { line: 5, tag: 'PC-OLD' },
      { line: 6, tag: 'PR-3' },
    ]);
    expect(progress.at(-1)).toEqual([3, 3]);
    const devices = await repo.list('devices');
    const byTag = new Map(devices.map((d) => [d.assetTag, d]));
    const pc = byTag.get('PC-1')!;
    expect(pc).toMatchObject({
      userPersonId: zhang.id,
      departmentId: finance.id,
      purchaseDate: '2025-03-05',
    });
    expect(byTag.get('PR-1')).toMatchObject({ attachedToDeviceId: pc.id, purchaseDate: '2026-03-05' });
    expect(byTag.get('PR-2')!.attachedToDeviceId).toBe(byTag.get('PC-OLD')!.id);
    // The printer's responsible person is the computer's user, by the rule.
    expect(responsiblePerson(byTag.get('PR-1')!, (id) => devices.find((d) => d.id === id)).personId).toBe(
      zhang.id,
    );
  });

  it('writes nothing when the ledger refuses any row since the preview', async () => {
    const { db, repo } = await ledgerWithDirectory();
    const result = preview(
      parseDeviceRows(
        csvRows(['资产编号,类型,所接电脑', 'PC-1,电脑,', 'PC-2,电脑,', 'PR-1,打印机,PC-1']),
        await deviceImportContext(db),
      ),
    );
    // Another window adds PC-2 between the preview and the confirmation.
    await repo.create('devices', { assetTag: 'PC-2', type: 'computer' });
    await expect(writeDeviceImport(db, repo, result, () => {})).rejects.toBeInstanceOf(
      DeviceImportRefusedError,
    );
    expect((await repo.list('devices')).map((d) => d.assetTag)).toEqual(['PC-2']);
    expect(await db.changeLog.where('table').equals('devices').count()).toBe(1);
  });

  it('imports 50 devices in one go, 40 computers each with a printer on the first ten', async () => {
    const { db, repo } = await ledgerWithDirectory();
    const lines = ['资产编号,类型,使用人,所接电脑'];
    for (let i = 1; i <= 40; i++) lines.push(`PC-${i},电脑,${i % 2 ? 'A001' : '李四'},`);
    for (let i = 1; i <= 10; i++) lines.push(`PR-${i},打印机,,PC-${i}`);
    const result = preview(parseDeviceRows(csvRows(lines), await deviceImportContext(db)));
    expect(result.counts).toMatchObject({ rows: 50, ok: 50, error: 0 });
    const summary = await writeDeviceImport(db, repo, result, () => {});
    expect(summary.imported).toHaveLength(50);
    const devices = await repo.list('devices');
    expect(devices).toHaveLength(50);
    const printer = devices.find((d) => d.assetTag === 'PR-7')!;
    expect(devices.find((d) => d.id === printer.attachedToDeviceId)?.assetTag).toBe('PC-7');
  });
});
