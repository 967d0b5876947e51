// Folder sync between two PCs, end to end, with a repair card: two browser-mode instances with
// their own data folders and browser profiles, both set to one temp folder as the shared folder
// (written into settings.json before start, as an admin would roll it out). PC A initialises the
// folder (an explicit action on the sync screen). On A the supervisor enters a person and the
// person's computer, and logs a walk-up repair card on the intake screen by scanning the
// computer's tag; after a sync the card is on B's card list. With the share gone (the folder
// renamed away, as when the file server is down) both write the card's diagnosis (故障诊断) in
// its repair record; once the share is back and both have synced, both show the same diagnosis,
// and the sync panel lists the conflict by the card's number and the field's label with the text
// that lost; restoring it on A reaches B. A backup on demand is listed and copied into the share.
// The sync screen is kept as a screenshot.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseBackup } from '../../shared/backup';
import { newHome, outputDir, pick, startApp, type AppUnderTest } from './harness';

const apps: AppUnderTest[] = [];
const dirs: string[] = [];
let lastStep = '';
// Saving, syncing and rendering take a few seconds on a busy 2-core machine.
beforeAll(() => vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } }));
afterEach(async (ctx) => {
  // A failed run leaves both screens and both logs behind, named after the last step reached.
  if (ctx.task.result?.state === 'fail') {
    console.error(`sync e2e failed after step: ${lastStep}`);
    for (const [i, app] of apps.entries()) {
      await app.page
        .screenshot({ path: join(outputDir, `sync-failed-${i === 0 ? 'a' : 'b'}.png`), fullPage: true })
        .catch(() => undefined);
      console.error(app.serverLog());
    }
  }
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Name the scenario's step, so a timeout says where it stopped. */
function step(name: string) {
  lastStep = name;
}

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
  await expect.poll(() => page.getByTestId('sync-now').isEnabled(), { timeout: 30_000 }).toBe(true);
}

const personRow = (page: Page, employeeNo: string) =>
  page.locator(`[data-testid="person-row"][data-employee-no="${employeeNo}"]`);
const cardRow = (page: Page, cardNo: string) =>
  page.locator(`[data-testid="repair-row"][data-card-no="${cardNo}"]`);

/** Open the card from the card list. */
async function openCard(page: Page, cardNo: string) {
  await page.getByTestId('nav-repairs').click();
  await expect.poll(() => cardRow(page, cardNo).count(), { timeout: 30_000 }).toBe(1);
  await cardRow(page, cardNo).click();
  await expect.poll(() => page.getByTestId('card-detail').getAttribute('data-card-no')).toBe(cardNo);
}

async function closeCard(page: Page) {
  await page.getByTestId('card-detail-close').click();
  await expect.poll(() => page.getByTestId('card-detail').count()).toBe(0);
}

/** Write the card's diagnosis in its repair record, as the supervisor does after looking at it. */
async function writeDiagnosis(page: Page, cardNo: string, diagnosis: string) {
  await openCard(page, cardNo);
  await page.getByTestId('record-edit').click();
  await expect.poll(() => page.getByTestId('record-form').count()).toBe(1);
  await page.getByTestId('record-diagnosis').fill(diagnosis);
  await page.getByTestId('record-submit').click();
  await expect.poll(() => page.getByTestId('record-form').count()).toBe(0);
  await expect.poll(() => page.getByTestId('record-view').textContent()).toContain(diagnosis);
  await closeCard(page);
}

/** The record view of the card (diagnosis and the rest) as shown in its drawer. */
async function recordOf(page: Page, cardNo: string): Promise<string> {
  await openCard(page, cardNo);
  const text = (await page.getByTestId('record-view').textContent()) ?? '';
  await closeCard(page);
  return text;
}

describe('folder sync between two PCs', () => {
  it('carries a repair card from A to B and lists a concurrent edit of it as a conflict', async () => {
    const share = mkdtempSync(join(tmpdir(), 'netdesk-e2e-share-'));
    dirs.push(share);
    const a = await pcWithFolder('sync-a', 'A', '主管', share);
    const b = await pcWithFolder('sync-b', 'B', '技术员', share);

    step('init folder');
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

    step('person and computer on A');
    await a.page.getByTestId('nav-people').click();
    await a.page.getByTestId('add-person').click();
    await a.page.getByTestId('person-employee-no').fill('NT-7001');
    await a.page.getByTestId('person-name').fill('赵敏');
    await a.page.getByTestId('person-note').fill('三楼财务室');
    await a.page.getByTestId('person-note').press('Enter');
    await expect.poll(() => personRow(a.page, 'NT-7001').count()).toBe(1);
    await a.page.getByTestId('nav-devices').click();
    await a.page.getByTestId('add-device').click();
    await a.page.getByTestId('device-asset-tag').fill('PC-7001');
    await a.page.getByTestId('device-name').fill('赵敏的电脑');
    await pick(a.page, 'device-user', '赵敏');
    await a.page.getByTestId('device-submit').click();
    await expect.poll(() => a.page.locator('[data-testid="device-row"][data-tag="PC-7001"]').count()).toBe(1);

    step('card logged on A');
    // A walk-up card on the intake screen: the tag is scanned (typed + Enter), the requester
    // follows from the computer's user.
    await a.page.getByTestId('nav-repairs').click();
    await a.page.getByTestId('new-card').click();
    await expect.poll(() => a.page.getByTestId('intake-form').count()).toBe(1);
    await a.page.getByTestId('intake-tag').fill('PC-7001');
    await a.page.getByTestId('intake-tag').press('Enter');
    await expect.poll(() => a.page.getByTestId('intake-tag-found').textContent()).toContain('PC-7001');
    await a.page.getByTestId('intake-description').fill('开机后显示器黑屏，主机风扇声音很大');
    await a.page.keyboard.press('Control+Enter');
    await expect.poll(() => a.page.getByTestId('intake-saved-no').textContent()).toMatch(/WX-\d{4}-A-\d{4}/);
    const cardNo = /WX-\d{4}-A-\d{4}/.exec(
      (await a.page.getByTestId('intake-saved-no').textContent()) ?? '',
    )![0];
    await a.page.keyboard.press('Escape');
    await expect.poll(() => cardRow(a.page, cardNo).count()).toBe(1);
    await syncNow(a.page);
    await expect.poll(() => a.page.getByTestId('sync-waiting').textContent()).toBe('0');

    step('card on B');
    // … is on B's card list after B syncs, with its requester and device, and so is the person.
    await syncNow(b.page);
    await openCard(b.page, cardNo);
    expect(await b.page.getByTestId('card-requester').textContent()).toContain('赵敏');
    expect(await b.page.getByTestId('card-device').textContent()).toContain('PC-7001');
    await closeCard(b.page);
    await b.page.getByTestId('nav-people').click();
    await expect.poll(() => personRow(b.page, 'NT-7001').count()).toBe(1);

    step('both edit offline');
    // The share goes away; both write the card's diagnosis meanwhile. B's edit is the later one.
    renameSync(share, `${share}-away`);
    await writeDiagnosis(a.page, cardNo, 'A：内存条损坏');
    await new Promise((r) => setTimeout(r, 1_100));
    await writeDiagnosis(b.page, cardNo, 'B：电源模块故障');
    renameSync(`${share}-away`, share);

    step('sync after the share is back');
    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);

    // Same result on both PCs: the later edit.
    for (const pc of [a, b]) {
      const record = await recordOf(pc.page, cardNo);
      expect(record).toContain('B：电源模块故障');
      expect(record).not.toContain('A：内存条损坏');
    }

    step('conflict listed');
    // A's text lost: it is listed on A by the card's number and the field's label, and the
    // header says so. B lists it too (its text won over a text it had not seen).
    await openSyncScreen(a.page);
    await expect.poll(() => a.page.getByTestId('sync-conflict-count').textContent()).toBe('1');
    const conflict = a.page.getByTestId('conflict-row').first();
    await expect.poll(() => conflict.getByTestId('conflict-losing').textContent()).toBe('A：内存条损坏');
    expect(await conflict.getByTestId('conflict-winning').textContent()).toBe('B：电源模块故障');
    expect(await conflict.getByTestId('conflict-table').textContent()).toBe('维修卡');
    expect(await conflict.getByTestId('conflict-record-name').textContent()).toBe(cardNo);
    expect(await conflict.getByTestId('conflict-field').textContent()).toBe('故障诊断');
    await expect.poll(() => a.page.getByTestId('sync-indicator-conflicts').count()).toBe(1);
    await expect.poll(() => a.page.locator('[data-testid="sync-peers"] tbody tr').count()).toBe(2);
    await a.page.screenshot({ path: join(outputDir, 'sync-status-conflicts.png'), fullPage: true });
    await openSyncScreen(b.page);
    await expect
      .poll(() => b.page.getByTestId('conflict-row').first().getByTestId('conflict-losing').textContent())
      .toBe('A：内存条损坏');

    step('restore');
    // Restoring the losing text makes it the newest edit; B receives it.
    await conflict.getByTestId('conflict-restore').click();
    await expect.poll(() => a.page.getByTestId('conflict-losing').count()).toBe(0);
    expect(await recordOf(a.page, cardNo)).toContain('A：内存条损坏');
    await syncNow(a.page);
    await syncNow(b.page);
    await expect.poll(() => recordOf(b.page, cardNo)).toContain('A：内存条损坏');

    step('backup');
    // A backup on demand: written, verified, listed, and copied into the share's backups/.
    // (Either PC's automatic daily backup may run meanwhile, so only the new file is followed.)
    const backupsOf = (dir: string) =>
      existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
    await openSyncScreen(a.page);
    await a.page.getByTestId('settings-tab-backups').click();
    // Device passwords stay out of this PC's backups unless ticked.
    await expect.poll(() => a.page.getByTestId('backup-include-secrets').isChecked()).toBe(false);
    const before = new Set(backupsOf(join(a.home, 'backups')));
    const rowsBefore = await a.page.getByTestId('backup-row').count();
    // The export runs in the backup worker, not on the window's thread.
    const workers: string[] = [];
    a.page.on('worker', (w) => workers.push(w.url()));
    await a.page.getByTestId('backup-now').click();
    await expect
      .poll(() => a.page.getByTestId('backup-row').count(), { timeout: 30_000 })
      .toBeGreaterThan(rowsBefore);
    const made = backupsOf(join(a.home, 'backups')).filter((n) => !before.has(n));
    expect(made).toHaveLength(1);
    expect(workers.some((url) => /\/assets\/backup\.worker-[\w-]+\.js$/.test(url))).toBe(true);
    // The shared copy names the PC that wrote it (two PCs' copies of one minute both stay).
    const sharedCopy = made[0]!.replace(/\.json$/, '-pc-');
    await expect
      .poll(() => backupsOf(join(share, 'backups')).some((n) => n.startsWith(sharedCopy)))
      .toBe(true);

    step('import backup');
    // The backup just made, picked on the same PC: checked and previewed (read in pieces), then
    // merged; everything in it is already here, so nothing is added.
    await a.page.getByTestId('backup-import-file').setInputFiles(join(a.home, 'backups', made[0]!));
    await a.page.getByTestId('backup-preview').waitFor();
    await a.page.getByTestId('backup-import-start').click();
    await expect
      .poll(() => a.page.getByTestId('backup-import-summary').textContent(), { timeout: 30_000 })
      .toMatch(/新增 0，|: 0 added/);

    step('export backup');
    // 导出备份: made in the backup worker and handed over as one file, without device passwords.
    await a.page.getByTestId('backup-export').click();
    const [download] = await Promise.all([
      a.page.waitForEvent('download', { timeout: 30_000 }),
      a.page.getByTestId('backup-export-go').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^netdesk-backup-\d{8}-\d{4}\.json$/);
    const exported = join(a.home, 'exported-backup.json');
    await download.saveAs(exported);
    const parsed = parseBackup(readFileSync(exported, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.backup.tables.repairCards?.map((c) => c.cardNo)).toContain(cardNo);
  });
});
