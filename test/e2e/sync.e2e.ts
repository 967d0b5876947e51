// Folder sync between two PCs, end to end: two browser-mode instances with their own data
// folders and browser profiles, both set to one temp folder as the shared folder (written into
// settings.json before start, as an admin would roll it out). PC A initialises the folder (an
// explicit action on the sync screen); a person entered on A appears on B after a sync; with the
// share gone (folder renamed away, as when the file server is down) both edit the same note;
// once the share is back and both have synced, both show the same note and the losing text is
// listed as a conflict on A, where it was written; restoring it reaches B. A backup on demand
// is listed and copied into the share. The sync screen is kept as a screenshot.
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { newHome, outputDir, startApp, type AppUnderTest } from './harness';

const apps: AppUnderTest[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function pcWithFolder(label: string, pcCode: string, operatorName: string, folder: string) {
  const home = newHome(label);
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ syncFolder: folder, pcCode, operatorName }));
  const app = await startApp({ home });
  apps.push(app);
  return app;
}

async function openSyncScreen(page: Page) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-sync').click();
  await expect.poll(() => page.getByTestId('sync-status').count()).toBe(1);
}

/** Press "同步" and wait until it finished connected. */
async function syncNow(page: Page) {
  await openSyncScreen(page);
  await expect.poll(() => page.getByTestId('sync-now').isEnabled(), { timeout: 30_000 }).toBe(true);
  await page.getByTestId('sync-now').click();
  await expect
    .poll(() => page.getByTestId('sync-status').getAttribute('data-connected'), { timeout: 30_000 })
    .toBe('true');
  await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-state')).toBe('connected');
}

const row = (page: Page, employeeNo: string) =>
  page.locator(`[data-testid="person-row"][data-employee-no="${employeeNo}"]`);

async function editNote(page: Page, employeeNo: string, note: string) {
  await page.getByTestId('nav-people').click();
  await row(page, employeeNo).getByTestId('person-edit').click();
  await page.getByTestId('person-note').fill(note);
  await page.getByTestId('person-note').press('Enter');
  await expect.poll(() => page.getByTestId('person-note').count()).toBe(0);
}

async function noteOf(page: Page, employeeNo: string): Promise<string> {
  await page.getByTestId('nav-people').click();
  await row(page, employeeNo).getByTestId('person-edit').click();
  const value = await page.getByTestId('person-note').inputValue();
  await page.getByTestId('person-form-cancel').click();
  return value;
}

describe('folder sync between two PCs', () => {
  it('carries a person from A to B and lists a concurrent edit as a conflict', async () => {
    const share = mkdtempSync(join(tmpdir(), 'netdesk-e2e-share-'));
    dirs.push(share);
    const a = await pcWithFolder('sync-a', 'A', '主管', share);
    const b = await pcWithFolder('sync-b', 'B', '技术员', share);

    // The folder is empty: not connected ("no sync ledger"), never "everything deleted".
    await openSyncScreen(a.page);
    await expect.poll(() => a.page.getByTestId('sync-status-reason').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => a.page.getByTestId('sync-indicator').getAttribute('data-state'))
      .toBe('not-connected');
    // A initialises the folder explicitly.
    await a.page.getByTestId('sync-init').click();
    await a.page.getByTestId('sync-init-confirm').click();
    await expect
      .poll(() => a.page.getByTestId('sync-status').getAttribute('data-connected'), { timeout: 30_000 })
      .toBe('true');

    // A person entered on A …
    await a.page.getByTestId('nav-people').click();
    await a.page.getByTestId('add-person').click();
    await a.page.getByTestId('person-employee-no').fill('NT-7001');
    await a.page.getByTestId('person-name').fill('赵敏');
    await a.page.getByTestId('person-note').fill('三楼财务室');
    await a.page.getByTestId('person-note').press('Enter');
    await expect.poll(() => row(a.page, 'NT-7001').count()).toBe(1);
    await syncNow(a.page);
    await expect.poll(() => a.page.getByTestId('sync-waiting').textContent()).toBe('0');

    // … appears on B after B syncs.
    await syncNow(b.page);
    await b.page.getByTestId('nav-people').click();
    await expect.poll(() => row(b.page, 'NT-7001').count(), { timeout: 30_000 }).toBe(1);

    // The share goes away; both edit the same note meanwhile. B's edit is the later one.
    renameSync(share, `${share}-away`);
    await editNote(a.page, 'NT-7001', 'A：显示器已换新');
    await new Promise((r) => setTimeout(r, 1_100));
    await editNote(b.page, 'NT-7001', 'B：显示器送修');
    renameSync(`${share}-away`, share);

    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);

    // Same result on both PCs.
    expect(await noteOf(a.page, 'NT-7001')).toBe('B：显示器送修');
    expect(await noteOf(b.page, 'NT-7001')).toBe('B：显示器送修');

    // A's text lost: it is listed on A, and the header says so.
    await openSyncScreen(a.page);
    await expect
      .poll(() => a.page.getByTestId('sync-conflict-count').textContent(), { timeout: 30_000 })
      .toBe('1');
    await expect
      .poll(() => a.page.getByTestId('conflict-losing').first().textContent())
      .toBe('A：显示器已换新');
    await expect
      .poll(() => a.page.getByTestId('conflict-winning').first().textContent())
      .toBe('B：显示器送修');
    await expect.poll(() => a.page.getByTestId('sync-indicator-conflicts').count()).toBe(1);
    await expect.poll(() => a.page.locator('[data-testid="sync-peers"] tbody tr').count()).toBe(2);
    await a.page.screenshot({ path: join(outputDir, 'sync-status-conflicts.png'), fullPage: true });

    // Restoring the losing text makes it the newest edit; B receives it.
    await a.page.getByTestId('conflict-restore').first().click();
    await expect.poll(() => a.page.getByTestId('conflict-losing').count()).toBe(0);
    await syncNow(a.page);
    await syncNow(b.page);
    expect(await noteOf(b.page, 'NT-7001')).toBe('A：显示器已换新');

    // A backup on demand: written, verified, listed, and copied into the share's backups/.
    // (Either PC's automatic daily backup may run meanwhile, so only the new file is followed.)
    const backupsOf = (dir: string) =>
      existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
    await a.page.getByTestId('settings-tab-backups').click();
    const before = new Set(backupsOf(join(a.home, 'backups')));
    const rowsBefore = await a.page.getByTestId('backup-row').count();
    await a.page.getByTestId('backup-now').click();
    await expect
      .poll(() => a.page.getByTestId('backup-row').count(), { timeout: 30_000 })
      .toBeGreaterThan(rowsBefore);
    const made = backupsOf(join(a.home, 'backups')).filter((n) => !before.has(n));
    expect(made).toHaveLength(1);
    await expect.poll(() => backupsOf(join(share, 'backups'))).toContain(made[0]);
  });
});
