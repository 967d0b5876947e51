// The pictures of the user guide (docs/user-guide.md and .en.md), taken from the running app on
// the demo ledger on every run so the guide shows NetDesk as it is; and the Help page itself: every
// topic listed, diagnostics copied from it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoLedger, newHome, repoRoot, startApp, type AppUnderTest } from './harness';

const images = join(repoRoot, 'docs', 'images');

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the user guide and the Help page', () => {
  it('shows every help topic, copies diagnostics, and takes the guide’s pictures', async () => {
    mkdirSync(images, { recursive: true });
    app = await startApp({ home: newHome('guide') });
    const { page } = app;
    await loadDemoLedger(page);
    const shot = (name: string) => page.screenshot({ path: join(images, name) });

    await page.getByTestId('nav-repairs').click();
    await page.getByTestId('repair-row').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    await shot('guide-repairs.png');

    await page.getByTestId('nav-devices').click();
    await page.getByTestId('device-row').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    await shot('guide-devices.png');

    // Labels: the sheet dialog for the devices on screen.
    await page.getByTestId('devices-labels').click();
    await page.getByTestId('labels-dialog').waitFor();
    await page.waitForTimeout(500);
    await shot('guide-labels.png');
    await page.getByTestId('labels-cancel').click();
    await expect.poll(() => page.getByTestId('labels-dialog').isVisible()).toBe(false);

    // A weekly check: the week's plan, then the server maintenance form with its items.
    await page.getByTestId('nav-checks').click();
    await page.getByTestId('checks-weekly').first().waitFor();
    await page.waitForTimeout(800);
    await shot('guide-checks.png');
    await page.getByTestId('checks-do-server-maintenance').click();
    await page.getByTestId('check-item').first().waitFor();
    await page.waitForTimeout(500);
    await shot('guide-weekly-check.png');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('check-form').count()).toBe(0);

    // The network log: the demo's outages judged (a major power cut, a carrier fault excluded) under
    // this year's major incidents against the limit; then the IM permissions on the same screen.
    await page.getByTestId('nav-network').click();
    await page.getByTestId('incident-row').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('network-ytd').waitFor();
    const excluded = page.locator('[data-testid="incident-row"][data-excluded="true"]');
    expect(await excluded.count()).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await shot('guide-network.png');
    await page.getByTestId('network-tab-permissions').click();
    await page.getByTestId('permission-row').first().waitFor();
    await page.getByTestId('permission-print').first().waitFor();
    await page.waitForTimeout(800);
    await shot('guide-im-permissions.png');

    // The daily quote's library (shown, unused) with what the unused quotes still cover.
    await page.getByTestId('nav-culture').click();
    await page.getByTestId('quote-row').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('quote-coverage').waitFor();
    await page.waitForTimeout(800);
    await shot('guide-culture.png');

    // Training: the year's office-software plan, the newcomers, the sessions with their rows' actions.
    await page.getByTestId('nav-training').click();
    await page.getByTestId('training-row').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('training-progress').waitFor();
    await page.waitForTimeout(800);
    await shot('guide-training.png');

    // The monthly report: the tiles, one indicator's exceptions open.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('kpi-tile-K3').click();
    await page.getByTestId('kpi-exceptions').waitFor();
    await page.getByTestId('kpi-year-K1').waitFor();
    await page.waitForTimeout(800);
    await shot('guide-monthly-report.png');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-sync').click();
    await page.waitForTimeout(800);
    await shot('guide-shared-folder.png');
    await page.getByTestId('settings-tab-backups').click();
    await page.waitForTimeout(800);
    await shot('guide-backups.png');

    await page.getByTestId('nav-help').click();
    await page.getByTestId('help-screen').waitFor();
    for (const topic of [
      'repair',
      'print',
      'labels',
      'weekly',
      'network',
      'permissions',
      'culture',
      'training',
      'monthly',
      'folder',
      'restore',
      'trouble',
    ])
      await page.getByTestId(`help-topic-${topic}`).waitFor();
    expect(await page.getByTestId('help-topic-restore').textContent()).toBe('从备份恢复');
    expect(await page.getByTestId('help-topic-permissions').textContent()).toBe('QQ、微信权限和保证申请书');
    await page.getByTestId('help-copy-diagnostics').click();
    const text = await page.getByTestId('help-diagnostics-text').inputValue();
    expect(text).toContain('version: 0.1.0 (browser)');
    expect(text).toMatch(/people \d+/);
    await shot('guide-help.png');

    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('help-topic-restore').textContent()).toBe('Restore a backup');
    await shot('guide-help.en.png');
  });
});
