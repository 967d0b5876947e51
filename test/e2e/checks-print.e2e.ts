// The checks' paper forms printed from the checks screen in a real Chromium, on the demo ledger,
// each read back from the saved PDF with pdftotext: a machine-room round just recorded prints as its
// 例行检查记录, the blank server sheet lists the template's items for the servers in service, and
// the duty roster of the week on show names that week.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemoLedger, newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
let lastStep = '';
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page.screenshot({ path: join(outputDir, 'checks-print-failed.png') }).catch(() => undefined);
    console.error(`checks print e2e failed after step: ${lastStep}\n${app.serverLog()}`);
  }
  await app?.close();
  app = undefined;
});

const step = (name: string) => (lastStep = name);

/** Click `print`, wait for the new PDF in the reports folder, return its name and its text without spaces. */
async function printed(dir: string, print: () => Promise<void>): Promise<{ file: string; text: string }> {
  const before = new Set(existsSync(dir) ? readdirSync(dir) : []);
  await print();
  let file: string | undefined;
  await expect
    .poll(
      () =>
        (file = (existsSync(dir) ? readdirSync(dir) : []).find((f) => f.endsWith('.pdf') && !before.has(f))),
      { timeout: 30_000 },
    )
    .toBeTruthy();
  const text = execFileSync('pdftotext', ['-layout', join(dir, file!), '-'], { encoding: 'utf8' });
  return { file: file!, text: text.replace(/\s+/g, '') };
}

async function recordRound(page: Page): Promise<void> {
  await page.getByTestId('checks-do-machine-room').click();
  await expect.poll(() => page.getByTestId('check-form').count()).toBe(1);
  const slot = await page.getByTestId('check-slot').textContent();
  if (!slot?.match(/\d\d:\d\d/)) {
    // Before 08:00 or on a rest day no round is offered: choose the first.
    await page.getByTestId('check-slot').click();
    await page.keyboard.press('Enter');
  }
  await page.getByTestId('check-save').click();
  await expect.poll(() => page.getByTestId('check-form').count()).toBe(0);
}

describe('printing the checks’ forms', () => {
  it('prints a done round, a blank server sheet and the week’s duty roster', async () => {
    const home = newHome('checks-print');
    app = await startApp({ home });
    const { page } = app;
    const dir = join(home, 'reports');
    step('load demo');
    await loadDemoLedger(page);
    await page.getByTestId('nav-checks').click();
    await page.getByTestId('checks-screen').waitFor();

    step('print a done round');
    await recordRound(page);
    // Any done round will do: the sheet is checked for what every round's sheet says.
    const roundRow = page.locator('[data-testid="check-row"][data-kind="machine-room"]').first();
    await roundRow.waitFor();
    const record = await printed(dir, () => roundRow.getByTestId('check-print').click());
    expect(record.file).toMatch(/^例行检查记录-机房巡检/);
    expect(record.text).toContain('例行检查记录');
    expect(record.text).toContain('机房巡检');
    expect(record.text).toContain('设备运行');

    step('print a blank server sheet');
    const sheet = await printed(dir, async () => {
      await page.getByTestId('checks-print-sheet').click();
      await page.getByTestId('checks-print-sheet-server-maintenance').click();
    });
    expect(sheet.file).toMatch(/^例行检查表-服务器保养/);
    expect(sheet.text).toContain('服务器保养检查表');
    expect(sheet.text).toContain('磁盘空间');
    expect(sheet.text).toContain('问题说明');

    step('print the duty roster');
    const roster = page.getByTestId('checks-print-roster');
    const monday = await roster.getAttribute('data-week');
    expect(monday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const duty = await printed(dir, () => roster.click());
    expect(duty.file).toMatch(/^机房巡检值班表-\d{4}-W\d{2}/);
    expect(duty.text).toContain('机房巡检值班表');
    expect(duty.text).toContain(`${monday}至`);
    for (const slot of ['08:00', '11:00', '14:00', '16:30']) expect(duty.text).toContain(slot);
  }, 240_000);
});
