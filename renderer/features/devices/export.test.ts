import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeviceRows } from '../../../shared/import/devices';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb } from '../../db/test-support';
import { devicesExportFileName, exportDevicesXlsx } from './export';
import { deviceImportContext } from './import/write-device-import';
import { readXlsxSheets } from '../../import/read-xlsx';

let db: NetdeskDb | undefined;
afterEach(() => db?.close());

async function ledger() {
  db = await freshDb();
  const repo = createRepository(db);
  const it = await repo.create('departments', { name: '网络中心' });
  const zhang = await repo.create('people', { employeeNo: 'A001', name: '张三', departmentId: it.id });
  const wang = await repo.create('people', { employeeNo: 'A002', name: '王五', departmentId: it.id });
  const pc = await repo.create('devices', {
    assetTag: 'PC-10',
    type: 'computer',
    userPersonId: zhang.id,
    departmentId: it.id,
    purchaseDate: '2026-03-05',
    price: 4299,
  });
  await repo.create('devices', {
    assetTag: 'PR-2',
    type: 'printer',
    attachedToDeviceId: pc.id,
    name: '网络中心打印机',
  });
  await repo.create('devices', {
    assetTag: 'FW-1',
    type: 'firewall',
    userPersonId: wang.id,
    ip: '10.0.0.1',
    secret: 'admin / S3cret!',
  });
  const gone = await repo.create('devices', { assetTag: 'PC-9', type: 'computer' });
  await repo.remove('devices', gone.id);
  return { db, repo, pc, zhang };
}

async function sheetRows(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exportDevicesXlsx', () => {
  it('lists every live device by tag with Chinese headers and the responsible person by the rule', async () => {
    const { db } = await ledger();
    const rows = await sheetRows(await exportDevicesXlsx(db, { includeSecrets: false }));
    expect(rows[0]!.slice(0, 3)).toEqual(['资产编号', '类型', '名称']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['FW-1', 'PC-10', 'PR-2']);
    const header = rows[0] as string[];
    const cell = (tag: string, column: string) => rows.find((r) => r[0] === tag)![header.indexOf(column)];
    expect(cell('PR-2', '责任人')).toBe('张三');
    expect(cell('PR-2', '责任依据')).toBe('所接电脑的使用人（PC-10）');
    expect(cell('PR-2', '所接电脑')).toBe('PC-10');
    expect(cell('PC-10', '价格')).toBe(4299);
    expect(cell('PC-10', '购买日期')).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(cell('FW-1', 'IP')).toBe('10.0.0.1');
  });

  it('leaves secrets out unless asked for explicitly', async () => {
    const { db } = await ledger();
    const plain = JSON.stringify(await sheetRows(await exportDevicesXlsx(db, { includeSecrets: false })));
    expect(plain).not.toContain('S3cret');
    expect(plain).not.toContain('机密');
    const withSecrets = await sheetRows(await exportDevicesXlsx(db, { includeSecrets: true }));
    expect(withSecrets[0]!.at(-1)).toBe('密码与配置（机密）');
    expect(withSecrets.find((r) => r[0] === 'FW-1')!.at(-1)).toBe('admin / S3cret!');
  });

  it('reads back through the device import (an exported list can be edited and imported elsewhere)', async () => {
    const { db } = await ledger();
    const bytes = await exportDevicesXlsx(db, { includeSecrets: false });
    const [sheet] = await readXlsxSheets(bytes);
    expect(sheet!.name).toBe('设备台账');
    db.close();
    const other = await freshDb();
    const repo = createRepository(other);
    const it = await repo.create('departments', { name: '网络中心' });
    await repo.create('people', { employeeNo: 'A001', name: '张三', departmentId: it.id });
    const result = parseDeviceRows(sheet!.rows, await deviceImportContext(other));
    other.close();
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.counts).toMatchObject({ rows: 3, ok: 3 });
    const pc = result.rows.find((r) => r.device?.assetTag === 'PC-10')!;
    expect(pc.device).toMatchObject({ type: 'computer', purchaseDate: '2026-03-05', price: 4299 });
    expect(result.rows.find((r) => r.device?.assetTag === 'PR-2')!.attachedTo).toMatchObject({
      kind: 'file',
      tag: 'PC-10',
    });
  });

  it('names the file by the Shanghai date', () => {
    expect(devicesExportFileName(new Date('2026-11-26T17:00:00Z'))).toBe('设备台账-2026-11-27.xlsx');
  });
});
