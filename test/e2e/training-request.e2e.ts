// A department's training request planned in a real Chromium: the demo's request from 财务部 is
// opened from its row, the form comes filled in (topic, kind 部门申请, the department, its people
// as the roster), and saving makes the same row a planned training with that roster.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoLedger, newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page
      .screenshot({ path: join(outputDir, 'training-request-failed.png') })
      .catch(() => undefined);
    console.error(app.serverLog());
  }
  await app?.close();
  app = undefined;
});

describe("a department's training request", () => {
  it('is planned from its row with the department as the roster', { timeout: 240_000 }, async () => {
    const home = newHome('training-request');
    app = await startApp({ home });
    const { page } = app;
    app.context.setDefaultTimeout(30_000);
    await loadDemoLedger(page);

    // 财务部's people in service, as the directory lists them.
    await page.getByTestId('nav-people').click();
    await page.getByTestId('person-row').first().waitFor();
    const rows = await page
      .getByTestId('person-row')
      .evaluateAll((els) =>
        els.map((e) => [...e.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
      );
    const finance = rows.filter((cells) => cells[2] === '财务部');
    expect(finance.length).toBeGreaterThan(1);

    await page.getByTestId('nav-training').click();
    const topic = '财务软件报表导出与 Excel 核对';
    const row = page.locator(`[data-testid="training-row"][data-topic="${topic}"]`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('requested');
    expect(await page.locator('[data-testid="training-row"]').count()).toBeGreaterThan(1);
    const rowsBefore = await page.getByTestId('training-row').count();

    await row.getByTestId('training-plan').click();
    await expect.poll(() => page.getByTestId('training-topic').inputValue()).toBe(topic);
    expect(await page.getByTestId('training-kind').textContent()).toContain('部门申请');
    expect(await page.getByTestId('training-requester').textContent()).toContain('财务部');
    expect(await page.getByTestId('training-departments').textContent()).toContain('财务部');
    // No status choice: planning a request makes it planned.
    expect(await page.getByTestId('training-status').count()).toBe(0);
    const roster = Number((await page.getByTestId('training-roster-count').textContent())!.match(/\d+/)![0]);
    expect(roster).toBeGreaterThan(1);
    expect(roster).toBeLessThanOrEqual(finance.length);
    await page.getByTestId('training-location').fill('6F 培训室');
    await page.getByTestId('training-location').press('Control+Enter');

    // The same row, now planned with its roster; no second training appeared.
    await expect.poll(() => row.getAttribute('data-status')).toBe('planned');
    expect(await page.getByTestId('training-row').count()).toBe(rowsBefore);
    expect(await row.textContent()).toContain('6F 培训室');
    expect(await row.textContent()).toContain(String(roster));
    expect(await row.getByTestId('training-plan').count()).toBe(0);
  });
});
