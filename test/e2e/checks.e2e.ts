// The routine checks in a real Chromium, on the demo ledger: the week's server check lists every
// server in service, one item is marked a problem (its note asked for first), and the week shows
// done; the repair card opened from the problem item names the check and the check shows its number;
// a CCTV fault's provider contact is logged in time; a machine-room round is recorded from the keyboard alone (R, then Enter) in well under 15
// seconds; the dashboard card shows what is due; a renamed template item reaches the next check.
// The network log: a power cut logged 25 hours after it began is major and past its deadline,
// an end before the start is refused, an excluded carrier outage does not count, the dashboard
// shows this year's majors. IM permissions: the pledge worded in Settings, a QQ permission requested, granted, refused a
// revocation before its grant, revoked, its 保证申请书 printed and read back with pdftotext (the
// pledge as worded), and the signed scan attached.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shanghaiClock } from '../doubles/shanghai-clock';
import { loadDemoLedger, newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
let lastStep = '';
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page.screenshot({ path: join(outputDir, 'checks-failed.png') }).catch(() => undefined);
    console.error(`checks e2e failed after step: ${lastStep}\n${app.serverLog()}`);
  }
  await app?.close();
  app = undefined;
});

const step = (name: string) => (lastStep = name);

/** A time `hoursAgo` as the time fields show and read it: China wall-clock time, whatever the
 * zone of the machine running the test. */
const chinaWallClock = (hoursAgo: number) => shanghaiClock.format(new Date(Date.now() - hoursAgo * 3600_000));

describe('routine checks', () => {
  it('does a weekly server check with a problem item and a machine-room round by keyboard', async () => {
    app = await startApp({ home: newHome('checks') });
    const { page } = app;
    step('load demo');
    await loadDemoLedger(page);
    await expect.poll(() => page.getByTestId('dashboard-checks').count()).toBe(1);

    step('open checks');
    await page.getByTestId('nav-checks').click();
    const serverWeek = page.locator('[data-testid="checks-weekly"][data-kind="server-maintenance"]');
    await expect.poll(() => serverWeek.getAttribute('data-state')).toBe('due');

    step('server check');
    await page.getByTestId('checks-do-server-maintenance').click();
    const items = page.getByTestId('check-item');
    // Every demo server in service, five items each.
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(10);
    await expect.poll(() => items.first().getAttribute('data-label')).toMatch(/磁盘空间$/);
    // Any server's disk item will do; once named, it is the one marked.
    const diskLabel = (await items.first().getAttribute('data-label'))!;
    await page
      .locator(`[data-testid="check-item"][data-label="${diskLabel}"]`)
      .getByTestId('check-item-toggle')
      .click();
    await page.getByTestId('check-save').click();
    // The problem's note is asked for; nothing is saved yet.
    await expect.poll(() => page.getByText('有问题的项请写明问题').count()).toBe(1);
    await page.getByTestId('check-item-note').fill('磁盘剩余空间不足 10%');
    await page.getByTestId('check-save').click();
    await expect.poll(() => page.getByTestId('check-form').count()).toBe(0);
    await expect.poll(() => serverWeek.getAttribute('data-state')).toBe('done');
    // The check just saved, by its note: the demo's own server checks are listed beside it.
    const problemRow = page
      .locator('[data-testid="check-row"][data-kind="server-maintenance"]')
      .filter({ hasText: '磁盘剩余空间不足 10%' });
    await expect.poll(() => problemRow.getAttribute('data-result')).toBe('problem');
    expect(await problemRow.getByTestId('check-problem').getAttribute('data-label')).toBe(diskLabel);

    step('repair card from the problem item');
    await problemRow.getByTestId('check-item-open-card').click();
    await expect.poll(() => page.getByTestId('card-detail').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('card-description').textContent())
      .toContain('磁盘剩余空间不足 10%');
    await expect.poll(() => page.getByTestId('card-from-check').textContent()).toContain('服务器保养');
    const cardNo = (await page.getByTestId('card-detail-no').textContent())!.match(
      /WX-\d{4}-[A-Z]-\d{4}/,
    )![0];
    await page.getByTestId('card-from-check').click();
    await expect.poll(() => problemRow.getByTestId('check-item-card').textContent()).toContain(cardNo);
    await problemRow.getByTestId('check-item-card').click();
    await expect.poll(() => page.getByTestId('card-detail-no').textContent()).toContain(cardNo);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('card-detail').count()).toBe(0);
    await page.getByTestId('nav-checks').click();

    step('CCTV fault and its provider contact');
    await page.getByTestId('checks-do-cctv').click();
    const cctvItems = page.getByTestId('check-item');
    await expect.poll(() => cctvItems.count()).toBeGreaterThanOrEqual(3);
    // Any one item will do: only its note is checked below, and it is the only problem.
    await cctvItems.nth(1).getByTestId('check-item-toggle').click();
    await page.getByTestId('check-item-note').fill('3 号摄像机无录像');
    await page.getByTestId('check-save').click();
    await expect.poll(() => page.getByTestId('check-form').count()).toBe(0);
    const cctvRow = page
      .locator('[data-testid="check-row"][data-kind="cctv"]')
      .filter({ hasText: '3 号摄像机无录像' });
    await expect.poll(() => cctvRow.getByTestId('contact-clock').getAttribute('data-state')).toBe('waiting');
    await cctvRow.getByTestId('contact-add').click();
    await page.getByTestId('contact-provider').fill('海康威视售后');
    await page.getByTestId('contact-agreed').fill('明天上午上门检查录像机');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByTestId('contact-form').count()).toBe(0);
    await expect.poll(() => cctvRow.getByTestId('contact-clock').getAttribute('data-state')).toBe('on-time');
    await expect.poll(() => cctvRow.getByTestId('contact-line').textContent()).toContain('海康威视售后');

    step('round by keyboard');
    // The list shows the newest fifty checks, so a new round may push an older one out: the new
    // round is the one on top that was not listed before, not one row more.
    const roundRows = page.locator('[data-testid="check-row"][data-kind="machine-room"]');
    const roundsBefore = new Set(
      await roundRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id'))),
    );
    const started = Date.now();
    await page.locator('body').press('r');
    await expect.poll(() => page.getByTestId('check-form').count()).toBe(1);
    const slot = await page.getByTestId('check-slot').textContent();
    if (!slot?.match(/\d\d:\d\d/)) {
      // Before 08:00 or on a rest day no round is offered: choose the first with the keyboard.
      await page.getByTestId('check-slot').click();
      await page.keyboard.press('Enter');
    } else {
      // The dialog gives its save button focus once open, as the supervisor sees it: Enter then
      // saves. An Enter before that lands wherever the page had focus.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('check-save');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('check-form').count()).toBe(0);
    const seconds = (Date.now() - started) / 1000;
    console.log(`machine-room round by keyboard: ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(15);
    // The new round is listed, and on top: the newest check of all.
    const rowIds = () => roundRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    await expect.poll(async () => (await rowIds()).filter((id) => !roundsBefore.has(id))).toHaveLength(1);
    const [newRound] = (await rowIds()).filter((id) => !roundsBefore.has(id));
    expect((await rowIds())[0]).toBe(newRound);

    step('template');
    await page.getByTestId('nav-settings').click();
    await page.locator('[data-testid="check-template-kind"][data-kind="machine-room"]').click();
    // The template's first item: template items keep the order they are written in.
    const label = page
      .locator(
        '[data-testid="check-template-pane"][data-kind="machine-room"] [data-testid="check-template-label"]',
      )
      .first();
    await label.fill('设备运行与指示灯');
    await page.getByTestId('check-templates-save').click();
    await expect.poll(() => page.getByText('检查项目模板已保存').count()).toBe(1);
    await page.getByTestId('nav-checks').click();
    await page.getByTestId('checks-do-machine-room').click();
    await expect
      .poll(() => page.getByTestId('check-item').first().getAttribute('data-label'))
      .toBe('设备运行与指示灯');
  }, 240_000);

  it('logs a power-cut outage, ends it after 25 hours and counts it major; refuses an end before the start', async () => {
    app = await startApp({ home: newHome('network') });
    const { page } = app;
    step('open network');
    await page.getByTestId('nav-network').click();
    await expect.poll(() => page.getByTestId('network-ytd').getAttribute('data-count')).toBe('0');

    const typeTime = async (testId: string, text: string) => {
      await page.getByTestId(testId).click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId(testId).inputValue()).toBe(text);
    };

    step('log power cut');
    await page.getByTestId('incident-add').click();
    const start = chinaWallClock(25);
    await typeTime('incident-start', start);
    await page.getByTestId('incident-cause').click();
    await page.locator('.ant-select-item-option', { hasText: '停电' }).click();
    await page.getByTestId('incident-scope').fill('总部大楼');
    await page.getByTestId('incident-save').click();
    const row = page.locator('[data-testid="incident-row"][data-cause="power-cut"]');
    await expect.poll(() => row.getAttribute('data-ongoing')).toBe('true');
    await expect.poll(() => row.getAttribute('data-major')).toBe('true');
    await expect.poll(() => row.getByTestId('incident-deadline').getAttribute('data-met')).toBe('false');
    await expect.poll(() => row.getByTestId('incident-duration').textContent()).toMatch(/^25 小时/);

    step('refuse end before start');
    await row.getByTestId('incident-end-now').click();
    await typeTime('incident-end', chinaWallClock(26));
    await page.getByTestId('incident-save').click();
    await expect
      .poll(() => page.getByTestId('incident-refused').textContent())
      .toContain('恢复时间不能早于开始时间');
    await page.getByTestId('incident-form-cancel').click();
    await expect.poll(() => row.getAttribute('data-ongoing')).toBe('true');

    step('end after 25 hours');
    await row.getByTestId('incident-end-now').click();
    await page.getByTestId('incident-save').click();
    await expect.poll(() => row.getAttribute('data-ongoing')).toBe('false');
    await expect
      .poll(() => row.getByTestId('incident-deadline').textContent())
      .toContain('超过 24 小时才恢复');
    await expect.poll(() => page.getByTestId('network-ytd').getAttribute('data-count')).toBe('1');

    step('excluded carrier outage');
    await page.getByTestId('incident-add').click();
    await typeTime('incident-start', chinaWallClock(48));
    await typeTime('incident-end', chinaWallClock(30));
    await page.getByTestId('incident-cause').click();
    await page.locator('.ant-select-item-option', { hasText: '运营商' }).click();
    await page.getByTestId('incident-reason').fill('电信光缆被挖断');
    await page.getByTestId('incident-save').click();
    const carrier = page.locator('[data-testid="incident-row"][data-cause="carrier"]');
    await expect.poll(() => carrier.getAttribute('data-excluded')).toBe('true');
    await expect.poll(() => carrier.getAttribute('data-major')).toBe('false');
    await expect.poll(() => page.getByTestId('network-ytd').getAttribute('data-count')).toBe('1');

    step('dashboard');
    await page.getByTestId('nav-dashboard').click();
    await expect.poll(() => page.getByTestId('dashboard-network-ytd').getAttribute('data-count')).toBe('1');
  }, 240_000);

  it('grants and revokes a QQ permission, refusing a revocation before the grant, and prints its 保证申请书', async () => {
    const home = newHome('im');
    app = await startApp({ home });
    const { page } = app;
    step('load demo');
    await loadDemoLedger(page);

    step('pledge wording in Settings');
    await page.getByTestId('nav-settings').click();
    await page
      .getByTestId('guarantee-pledge-text')
      .fill('本人保证QQ只用于与项目公司业务联系，上班时间不聊天娱乐。');
    await page.getByTestId('guarantee-pledge-save').click();
    await expect.poll(() => page.getByText('保证内容已保存').count()).toBe(1);

    await page.getByTestId('nav-network').click();
    await page.getByTestId('network-tab-permissions').click();

    step('request');
    await page.getByTestId('permission-add').click();
    await page.getByTestId('permission-person').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('permission-reason').fill('与外地项目公司传送工程图纸');
    await page.getByTestId('permission-save').click();
    await expect.poll(() => page.getByTestId('permission-form').count()).toBe(0);
    // The demo ledger holds QQ permissions of its own: the new one is the only one requested, and
    // is followed by its id from here on, whatever the list's order.
    const requested = page.locator(
      '[data-testid="permission-row"][data-software="QQ"][data-status="requested"]',
    );
    await expect.poll(() => requested.count()).toBe(1);
    const row = page.locator(
      `[data-testid="permission-row"][data-row-key="${await requested.getAttribute('data-row-key')}"]`,
    );
    await expect.poll(() => row.getAttribute('data-status')).toBe('requested');

    step('grant: refused until the guarantee and the department head are signed');
    await row.getByTestId('permission-grant').click();
    await page.getByTestId('permission-form').waitFor();
    await page.getByTestId('permission-save').click();
    await expect
      .poll(() => page.getByTestId('permission-refused').textContent())
      .toContain('保证申请书和部门负责人都签字后才能开通');
    expect(await row.getAttribute('data-status')).toBe('requested');
    const today = chinaWallClock(0).slice(0, 10);
    for (const field of ['permission-guarantee-on', 'permission-head-on']) {
      await page.getByTestId(field).click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(today);
      await page.keyboard.press('Tab');
      await expect.poll(() => page.getByTestId(field).inputValue()).toBe(today);
    }
    await page.getByTestId('permission-save').click();
    await expect.poll(() => page.getByTestId('permission-form').count()).toBe(0);
    await expect.poll(() => row.getAttribute('data-status')).toBe('granted');

    step('refuse a revocation before the grant');
    await row.getByTestId('permission-revoke').click();
    const before = chinaWallClock(48);
    await page.getByTestId('permission-revoked').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(before);
    await page.keyboard.press('Enter');
    await page.getByTestId('permission-save').click();
    await expect
      .poll(() => page.getByTestId('permission-refused').textContent())
      .toContain('收回时间不能早于开通时间');
    await page.getByTestId('permission-form-cancel').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('granted');

    step('revoke');
    await row.getByTestId('permission-revoke').click();
    await page.getByTestId('permission-revoke-reason').fill('员工调岗，不再需要');
    await page.getByTestId('permission-save').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('revoked');

    step('print guarantee');
    const dir = join(home, 'reports');
    const before2 = new Set(existsSync(dir) ? readdirSync(dir) : []);
    await row.getByTestId('permission-print').click();
    let file: string | undefined;
    await expect
      .poll(
        () =>
          (file = (existsSync(dir) ? readdirSync(dir) : []).find(
            (f) => f.endsWith('.pdf') && !before2.has(f),
          )),
      )
      .toBeTruthy();
    expect(file).toMatch(/^保证申请书/);
    const text = execFileSync('pdftotext', ['-layout', join(dir, file!), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('保证申请书');
    expect(text).toContain('与外地项目公司传送工程图纸');
    expect(text).toContain('QQ');
    for (const who of ['申请人签字', '部门负责人签字', '网络主管签字']) expect(text).toContain(who);
    expect(text).toContain('本人保证QQ只用于与项目公司业务联系，上班时间不聊天娱乐。');

    step('attach the signed scan');
    await row.getByTestId('permission-scan-input').setInputFiles({
      name: '保证申请书-签字.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 signed guarantee'),
    });
    await expect.poll(() => row.getByTestId('permission-scans').getAttribute('data-count')).toBe('1');

    step('open the attached scan');
    const scanWindow = page.context().waitForEvent('page');
    await row.locator('[data-testid="permission-scan-view"][data-name="保证申请书-签字.pdf"]').click();
    expect((await scanWindow).url()).toMatch(/^blob:/);
  }, 240_000);
});
