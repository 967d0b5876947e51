// A training in a real Chromium: planned for one department of the demo directory (its roster
// taken from the directory), moved to another room, and its sign-in sheet (签到表) printed — the PDF's text lists every
// person of the department in service.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoLedger, newHome, outputDir, pick, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page.screenshot({ path: join(outputDir, 'training-failed.png') }).catch(() => undefined);
    console.error(app.serverLog());
  }
  await app?.close();
  app = undefined;
});

describe('trainings', () => {
  it('holds a training for one department and prints its sign-in sheet', { timeout: 240_000 }, async () => {
    const home = newHome('training');
    app = await startApp({ home });
    const { page } = app;
    app.context.setDefaultTimeout(30_000);
    await loadDemoLedger(page);

    // The finance department's people, as the directory lists them (name column, then department).
    await page.getByTestId('nav-people').click();
    await page.getByTestId('person-row').first().waitFor();
    const rows = await page
      .getByTestId('person-row')
      .evaluateAll((els) =>
        els.map((e) => [...e.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
      );
    const finance = rows.filter((cells) => cells[2] === '财务部').map((cells) => cells[1]!);
    expect(finance.length).toBeGreaterThan(1);

    await page.getByTestId('nav-training').click();
    await page.getByTestId('add-training').click();
    await page.getByTestId('training-topic').fill('WPS 表格入门');
    await page.getByTestId('training-location').fill('6F 培训室');
    await page.getByTestId('training-trainer').fill('网络主管');
    await pick(page, 'training-departments', '财务部');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('training-roster-count').textContent())
      .toContain(`共 ${finance.length} 人`);
    await page.getByTestId('training-submit').click();
    const row = page.locator('[data-testid="training-row"][data-topic="WPS 表格入门"]');
    await row.waitFor();

    // Moved to another room before it is held: the form opens with its roster, the change is kept.
    await row.getByTestId('training-edit').click();
    await expect
      .poll(() => page.getByTestId('training-roster-count').textContent())
      .toContain(`共 ${finance.length} 人`);
    await page.getByTestId('training-location').fill('5F 会议室');
    await page.getByTestId('training-submit').click();
    await expect.poll(() => row.textContent()).toContain('5F 会议室');

    const dir = join(home, 'reports');
    const before = new Set(existsSync(dir) ? readdirSync(dir) : []);
    await row.getByTestId('training-print').click();
    let file: string | undefined;
    await expect
      .poll(
        () =>
          (file = (existsSync(dir) ? readdirSync(dir) : []).find(
            (f) => f.endsWith('.pdf') && !before.has(f),
          )),
        {
          timeout: 30_000,
        },
      )
      .toBeTruthy();
    expect(file).toContain('签到表');
    const text = execFileSync('pdftotext', ['-layout', join(dir, file!), '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('WPS表格入门');
    expect(text.replace(/\s+/g, '')).toContain('5F会议室');
    for (const name of finance) expect(text, name).toContain(name);

    // Marked held from the signed sheet: first with nobody ticked (refused, in Chinese, nothing
    // saved), then with everyone but the last, the scan of the sheet attached.
    await row.getByTestId('training-held').click();
    const people = page.getByTestId('attendance-person');
    await expect.poll(() => people.count()).toBe(finance.length);
    await page.getByTestId('attendance-submit').click();
    await expect.poll(() => page.getByTestId('attendance-error').textContent()).toContain('没有人签到');
    expect(await row.getAttribute('data-status')).toBe('planned');
    for (let i = 0; i < finance.length - 1; i++) await people.nth(i).click();
    await page.getByTestId('attendance-scan-input').setInputFiles({
      name: '签到表扫描.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(join(dir, file!)),
    });
    await expect.poll(() => page.getByTestId('attendance-scan-name').textContent()).toBe('签到表扫描.pdf');
    await page.getByTestId('attendance-feedback').fill('希望下次讲数据透视表');
    await page.getByTestId('attendance-submit').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('held');
    expect(await row.getByTestId('training-attended').textContent()).toBe(
      `签到 ${finance.length - 1} / ${finance.length}`,
    );
    // The scanned sheet opens from its row.
    const sheetWindow = page.context().waitForEvent('page');
    await row.locator('[data-testid="training-sheet-view"][data-name="签到表扫描.pdf"]').click();
    expect((await sheetWindow).url()).toMatch(/^blob:/);
  });
});
