// @vitest-environment jsdom
// The people import dialog in a DOM: a CSV with good rows and a bad one shows its preview (the
// department it will create, each row ok or its error, only the bad rows on request), writes
// nothing until confirmed, then only the good rows, and says so.
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { buildDirectory } from '../../../directory/directory';
import { PeopleImport } from './PeopleImport';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

const rowStatuses = () =>
  [...document.querySelectorAll('[data-testid="import-row"]')].map((r) => r.getAttribute('data-status'));

describe('PeopleImport', () => {
  it('previews, writes only the good rows on confirm, and reports what it did', async () => {
    const { db, repo } = await testLedger();
    await repo.create('departments', { name: '财务部' });
    const directory = buildDirectory(await repo.list('people'), await repo.list('departments'));
    renderWithLedger(db, <PeopleImport open directory={directory} onClose={() => {}} />);
    const input = await waitFor(() => byTestId('import-file') as HTMLInputElement | null, 'the file input');
    expect(byTestId('import-pick')!.textContent).toContain('选择 CSV 文件');

    const csv = ['工号,姓名,部门', 'A1,张三,财务部', 'B1,李四,行政部', ',缺工号,行政部'];
    const bytes = new TextEncoder().encode(csv.join('\r\n'));
    await chooseFile(input, '通讯录.csv', bytes, 'text/csv');

    const counts = await waitFor(() => byTestId('import-summary-counts'), 'the preview');
    expect(counts.textContent).toContain('共 3 行：2 行可以导入，1 行有错误将跳过');
    expect(byTestId('import-new-departments')!.textContent).toContain('将新建 1 个部门：行政部');
    expect(rowStatuses()).toEqual(['ok', 'ok', 'error']);
    expect(byTestId('import-preview-table')!.textContent).toContain('工号不能为空');

    act(() => byTestId('import-only-errors')!.click());
    expect(rowStatuses()).toEqual(['error']);
    expect(await repo.list('people')).toEqual([]); // nothing written before the confirmation

    expect(byTestId('import-confirm')!.textContent).toContain('导入 2 条');
    act(() => byTestId('import-confirm')!.click());
    const done = await waitFor(() => byTestId('import-done'), 'the report');
    expect(done.textContent).toContain('导入完成：新增 2 人、1 个部门，跳过 1 行');
    expect((await repo.list('people')).map((p) => p.name).sort()).toEqual(['张三', '李四']);

    act(() => byTestId('import-another')!.click());
    expect(byTestId('import-pick')).not.toBeNull();
  });

  it('offers updating existing people with what changes, and changes nothing until confirmed', async () => {
    const { db, repo } = await testLedger();
    const fin = await repo.create('departments', { name: '财务部' });
    const zhang = await repo.create('people', {
      employeeNo: 'A1',
      name: '张三',
      departmentId: fin.id,
      phone: '8001',
    });
    const directory = buildDirectory(await repo.list('people'), await repo.list('departments'));
    renderWithLedger(db, <PeopleImport open directory={directory} onClose={() => {}} />);
    const input = await waitFor(() => byTestId('import-file') as HTMLInputElement | null, 'the file input');
    const bytes = new TextEncoder().encode(
      '工号,姓名,部门,电话\r\nA1,张三,财务部,8101\r\nB1,李四,财务部,8002',
    );
    await chooseFile(input, '通讯录.csv', bytes, 'text/csv');

    const preview = await waitFor(() => byTestId('import-update-preview'), 'the update preview');
    expect(preview.textContent).toBe('张三（A1）：电话 8001 → 8101');
    const offer = byTestId('import-update-existing')!;
    act(() => (offer instanceof HTMLInputElement ? offer : offer.querySelector('input')!).click());
    expect((await db.people.get(zhang.id))!.phone).toBe('8001'); // nothing written before the confirmation

    act(() => byTestId('import-confirm')!.click());
    const done = await waitFor(() => byTestId('import-done'), 'the report');
    expect(done.textContent).toContain('已更新 1 位已有人员的信息');
    expect((await db.people.get(zhang.id))!.phone).toBe('8101');
    expect((await repo.list('people')).map((p) => p.name).sort()).toEqual(['张三', '李四']);
  });
});
