// Device workbooks in a real Chromium: the import worker reads them off the window's thread;
// the limits are on the screen before a file is picked; a workbook past one is refused with the
// limit and the row; a long read shows its progress and can be cancelled; a workbook within the
// limits reaches the column mapping.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineRows, workbook } from '../unit/hostile-xlsx';
import { newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page.screenshot({ path: join(outputDir, 'imports-failed.png') }).catch(() => undefined);
    console.error(app.serverLog());
  }
  await app?.close();
  app = undefined;
});

describe('device workbooks', () => {
  it(
    'reads in the import worker, refuses past a limit, and can be cancelled',
    { timeout: 240_000 },
    async () => {
      const home = newHome('imports');
      app = await startApp({ home });
      const { page } = app;
      app.context.setDefaultTimeout(30_000);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      const file = (name: string, bytes: Uint8Array) => {
        const path = join(home, name);
        writeFileSync(path, bytes);
        return path;
      };
      const ledger = file(
        '设备台账.xlsx',
        workbook(
          inlineRows(3, 2, (r, c) => (r === 1 ? ['资产编号', '类型'][c - 1]! : c === 1 ? `PC-${r}` : '电脑')),
        ),
      );
      const wide = file('太宽.xlsx', workbook(inlineRows(3, 101)));
      const large = file('大表.xlsx', workbook(inlineRows(20_000, 30)));

      await page.getByTestId('nav-devices').click();
      await page.getByTestId('devices-import').click();
      await expect
        .poll(() => page.getByTestId('device-import-dialog').textContent())
        .toContain('每个工作表最多 20000 行、100 列');

      await page.getByTestId('device-import-file').setInputFiles(wide);
      await expect
        .poll(() => page.getByTestId('device-import-file-error').textContent())
        .toContain('工作簿超出导入限制：每个工作表最多 100 列（第 1 行）');
      expect(workers.some((u) => u.includes('xlsx.worker'))).toBe(true);

      // A workbook within the limits but long to parse: its progress shows, and cancel ends it.
      await page.getByTestId('device-import-file').setInputFiles(large);
      await page.getByTestId('device-import-reading').waitFor();
      await page.getByTestId('device-import-cancel-read').click();
      await expect.poll(() => page.getByTestId('device-import-reading').count()).toBe(0);
      expect(await page.getByTestId('device-import-mapping').count()).toBe(0);
      expect(await page.getByTestId('device-import-file-error').count()).toBe(0);

      await page.getByTestId('device-import-file').setInputFiles(ledger);
      await page.getByTestId('device-import-mapping').waitFor();
      await page.getByTestId('device-import-to-preview').click();
      await expect.poll(() => page.getByTestId('device-import-counts').textContent()).toContain('共 2 行');
    },
  );
});
