// @vitest-environment jsdom
// The dialog in a DOM: a CSV with a good row, a warned row and a bad one goes through mapping,
// preview, confirmation and the report, and only the confirmed rows reach the ledger.
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import {
  byTestId,
  chooseFile,
  cleanup,
  renderWithLedger,
  stubBrowserLayout,
  testLedger,
  waitFor,
} from '../../../components/test-support';
import { DeviceImport } from './DeviceImport';
import { inlineRows, workbook } from '../../../../test/unit/hostile-xlsx';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

describe('DeviceImport', () => {
  it('maps, previews, writes only the good rows on confirm, and reports the skipped one', async () => {
    const { db, repo } = await testLedger();
    const dept = await repo.create('departments', { name: '财务部' });
    await repo.create('people', { employeeNo: 'A001', name: '张三', departmentId: dept.id });
    const onImported = vi.fn();
    renderWithLedger(db, <DeviceImport open onClose={() => {}} onImported={onImported} />);
    const input = await waitFor(
      () => byTestId('device-import-file') as HTMLInputElement | null,
      'the file input',
    );

    const csv = [
      '资产编号,类型,使用人,所接电脑',
      'PC-1,台式机,A001,',
      'PR-1,打印机,,PC-1',
      'PC-2,电脑,赵六,',
      'X-1,投影幕,,',
    ];
    const bytes = new TextEncoder().encode(csv.join('\r\n'));
    await chooseFile(input, '设备台账.csv', bytes, 'text/csv');

    await waitFor(() => byTestId('device-import-mapping'), 'the mapping step');
    expect(byTestId('device-import-file-info')?.textContent).toContain('设备台账.csv');
    act(() => byTestId('device-import-to-preview')!.click());

    await waitFor(() => byTestId('device-import-counts'), 'the preview');
    expect(byTestId('device-import-counts')!.textContent).toContain(
      '共 4 行：3 行可以导入（其中 2 行有提示），1 行有错误',
    );
    const statuses = [...document.querySelectorAll('[data-testid="device-import-row"]')].map((r) =>
      r.getAttribute('data-status'),
    );
    expect(statuses).toEqual(['warning', 'ok', 'warning', 'error']);
    expect(document.body.textContent).toContain('未填部门，采用使用人所在部门“财务部”');
    expect(document.body.textContent).toContain('不认识的类型“投影幕”');
    expect(await repo.list('devices')).toEqual([]); // nothing written before the confirmation

    act(() => byTestId('device-import-confirm')!.click());
    const done = await waitFor(() => byTestId('device-import-done'), 'the report');
    expect(done.textContent).toContain('新增 3 台设备，跳过 1 行');
    expect(byTestId('device-import-skipped')!.textContent).toContain('第 5 行（X-1）：不认识的类型“投影幕”');
    expect(onImported).toHaveBeenCalledOnce();
    const devices = await repo.list('devices');
    expect(devices.map((d) => d.assetTag).sort()).toEqual(['PC-1', 'PC-2', 'PR-1']);
    expect(devices.find((d) => d.assetTag === 'PC-2')!.note).toContain('赵六');
  });

  it('refuses a workbook past a limit with the limit and the row, and nothing written', async () => {
    const { db, repo } = await testLedger();
    renderWithLedger(db, <DeviceImport open onClose={() => {}} />);
    const input = await waitFor(
      () => byTestId('device-import-file') as HTMLInputElement | null,
      'the file input',
    );
    // The limits are stated before a file is picked.
    expect(document.body.textContent).toContain('每个工作表最多 20000 行、100 列');
    const wide = workbook(inlineRows(3, 101, (r, c) => (r === 1 ? `列${c}` : 'x')));
    await chooseFile(
      input,
      '台账.xlsx',
      wide,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const error = await waitFor(() => byTestId('device-import-file-error'), 'the refusal');
    expect(error.textContent).toContain('工作簿超出导入限制：每个工作表最多 100 列（第 1 行）');
    expect(await repo.list('devices')).toEqual([]);
  });

  it('reads a workbook within the limits through the same door', async () => {
    const { db } = await testLedger();
    renderWithLedger(db, <DeviceImport open onClose={() => {}} />);
    const input = await waitFor(
      () => byTestId('device-import-file') as HTMLInputElement | null,
      'the file input',
    );
    const sheet = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>资产编号</t></is></c><c r="B1" t="inlineStr"><is><t>类型</t></is></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t>PC-1</t></is></c><c r="B2" t="inlineStr"><is><t>电脑</t></is></c></row>',
    ];
    await chooseFile(
      input,
      '台账.xlsx',
      workbook(sheet),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await waitFor(() => byTestId('device-import-mapping'), 'the mapping step');
  });
});
