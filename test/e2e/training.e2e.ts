// A training in a real Chromium: planned for one department of the demo directory (its roster
// taken from the directory), and its sign-in sheet (签到表) printed — the PDF's text lists every
// person of the department in service.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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
    for (const name of finance) expect(text, name).toContain(name);
  });
});
