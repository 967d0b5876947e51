// A computer with a QQ permission on it changes hands in the demo ledger: NetDesk asks whether QQ
// moves to the new user, the supervisor ticks it, and the permissions list then shows QQ held by
// the new user on that computer and the old holder's QQ taken back with the handover as reason.
// The same question comes when the user is changed in the device's edit form.
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoLedger, newHome, outputDir, pick, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
let lastStep = '';
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page
      .screenshot({ path: join(outputDir, 'handover-permissions-failed.png') })
      .catch(() => undefined);
    console.error(`handover permissions e2e failed after step: ${lastStep}\n${app.serverLog()}`);
  }
  await app?.close();
  app = undefined;
});
const step = (name: string) => (lastStep = name);

/** The demo's QQ holder, their computer, and another person to give it to. */
async function qqOnAComputer(page: AppUnderTest['page']) {
  step('load demo');
  await loadDemoLedger(page);
  step('who holds QQ, on which computer');
  await page.getByTestId('nav-network').click();
  await page.getByTestId('network-tab-permissions').click();
  const qq = page.locator('[data-testid="permission-row"][data-software="QQ"][data-status="granted"]');
  await expect.poll(() => qq.count()).toBe(1);
  const [, holder, computer] = await cells(qq);
  // The new user: the holder of the (revoked) WeChat permission, someone else.
  const wx = page.locator('[data-testid="permission-row"][data-software="微信电脑版"]');
  const [, newUser] = await cells(wx);
  expect(holder && computer && newUser && newUser !== holder).toBeTruthy();
  return { qq, holder: holder!, computer: computer!, newUser: newUser! };
}

const cells = async (row: Locator) => (await row.locator('td').allTextContents()).map((s) => s.trim());

/** Click a row's action on the devices list until `dialog` is open (the list redraws as the search narrows it). */
async function openFromDeviceRow(
  page: AppUnderTest['page'],
  computer: string,
  action: string,
  dialog: Locator,
) {
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('devices-search').fill(computer);
  const device = page.locator(`[data-testid="device-row"][data-tag="${computer}"]`);
  // A click on a row being replaced is lost, so click again until the dialog is open (never while
  // it is: its mask would take the click).
  await expect
    .poll(
      async () => {
        if ((await dialog.count()) === 0)
          await device
            .getByTestId(action)
            .click({ timeout: 2_000 })
            .catch(() => undefined);
        return dialog.count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
}

/**
 * The permissions list after the settlement: the old holder's QQ taken back with `reason` (the
 * caller then judges who holds QQ now).
 */
async function oldQqTakenBack(page: AppUnderTest['page'], holder: string, reason: string) {
  step('permissions list');
  await page.getByTestId('nav-network').click();
  await page.getByTestId('network-tab-permissions').click();
  const old = page.locator('[data-testid="permission-row"][data-software="QQ"][data-status="revoked"]');
  await expect.poll(() => old.count()).toBe(1);
  const oldCells = await cells(old);
  expect(oldCells[1]).toBe(holder);
  expect(oldCells.join(' ')).toContain(reason);
}

describe('IM permissions on a handed-over computer', () => {
  it('move to the new user only when the supervisor ticks them', async () => {
    app = await startApp({ home: newHome('handover-im') });
    const { page } = app;
    const { qq, holder, computer, newUser } = await qqOnAComputer(page);

    step('hand over');
    await openFromDeviceRow(page, computer, 'device-handover', page.getByTestId('handover-to'));
    await pick(page, 'handover-to', newUser);
    await page.getByTestId('handover-submit').click();

    step('confirm QQ moves');
    const ask = page.getByTestId('handover-permissions');
    await expect.poll(() => ask.isVisible()).toBe(true);
    const box = page.getByTestId('handover-permission-QQ');
    expect(await box.textContent()).toContain(holder);
    expect(await box.textContent()).toContain(newUser);
    await box.locator('input[type=checkbox]').check();
    await page.getByTestId('handover-permissions-apply').click();
    await expect.poll(() => ask.count()).toBe(0);

    await oldQqTakenBack(page, holder, '随电脑交接给新使用人');
    await expect.poll(() => qq.count()).toBe(1);
    expect((await cells(qq)).slice(1, 3)).toEqual([newUser, computer]);
  }, 240_000);

  it('asks too when the user is changed in the device form, and takes back what is not ticked', async () => {
    app = await startApp({ home: newHome('handover-im-edit') });
    const { page } = app;
    const { qq, holder, computer, newUser } = await qqOnAComputer(page);

    step('new user in the edit form');
    await openFromDeviceRow(page, computer, 'device-edit', page.getByTestId('device-user'));
    await pick(page, 'device-user', newUser);
    await page.getByTestId('device-submit').click();

    step('QQ not ticked');
    const ask = page.getByTestId('handover-permissions');
    await expect.poll(() => ask.isVisible()).toBe(true);
    expect(await page.getByTestId('handover-permission-QQ').textContent()).toContain(holder);
    await page.getByTestId('handover-permissions-apply').click();
    await expect.poll(() => ask.count()).toBe(0);

    await oldQqTakenBack(page, holder, '电脑已交接');
    await expect.poll(() => qq.count()).toBe(0);
  }, 240_000);
});
