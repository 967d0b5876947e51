// The devices scenario of NetDesk in a real Chromium: asset cards typed in and imported
// from a GBK CSV, a printer attached to a computer, the computer handed to another employee and the
// printer's responsible person following it, a scanned tag opening its card, the secret masked
// until asked for and copied, a work request (工作申请单) approved, printed and bought, the label
// sheet printed (on the default grid, on a custom grid remembered for the next print, and for
// ticked rows only), a scanned tag selecting the replaced device of a work request, and the
// dashboard's warranty alert linking to the device. PDFs land in <home>/reports in browser mode;
// their text is checked with pdftotext.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { newHome, outputDir, pick, startApp, type AppUnderTest } from './harness';
import { addDays, chinaDay } from '../../shared/time/china';

let app: AppUnderTest | undefined;
let lastStep = '';
afterEach(async (ctx) => {
  // A failed run leaves the screen it failed on, named after the last step reached.
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page.screenshot({ path: join(outputDir, 'devices-failed.png') }).catch(() => undefined);
    console.error(`devices e2e failed after step: ${lastStep}\n${app.serverLog()}`);
  }
  await app?.close();
  app = undefined;
});

/** Name the scenario's step, so a timeout says where it stopped. */
function step(name: string) {
  lastStep = name;
}

/** A calendar day `days` from today in China time, 'YYYY-MM-DD'. */
function shanghaiDayFromNow(days: number): string {
  return addDays(chinaDay(new Date()), days);
}

/** Scan a device field: the tag and Enter, as a barcode scanner sends them. */
async function scan(page: Page, testId: string, tag: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(tag);
  await page.keyboard.press('Enter');
}

const row = (page: Page, tag: string) => page.locator(`[data-testid="device-row"][data-tag="${tag}"]`);
const responsibleOf = (page: Page, tag: string) =>
  row(page, tag).getByTestId('device-responsible').textContent();

/** The text of the PDF that appears in the reports folder while `action` runs. */
async function pdfTextOf(home: string, action: () => Promise<void>): Promise<{ file: string; text: string }> {
  const dir = join(home, 'reports');
  const before = new Set(existsSync(dir) ? readdirSync(dir) : []);
  await action();
  let file: string | undefined;
  await expect
    .poll(
      () => {
        file = (existsSync(dir) ? readdirSync(dir) : []).find((f) => f.endsWith('.pdf') && !before.has(f));
        return file;
      },
      { timeout: 30_000 },
    )
    .toBeTruthy();
  const text = execFileSync('pdftotext', ['-layout', join(dir, file!), '-'], { encoding: 'utf8' });
  return { file: file!, text };
}

async function addDepartmentsAndPeople(page: Page, people: { no: string; name: string; dept: string }[]) {
  await page.getByTestId('nav-people').click();
  await page.getByTestId('tab-departments').click();
  for (const dept of [...new Set(people.map((p) => p.dept))]) {
    await page.getByTestId('add-department').click();
    await page.getByTestId('department-name').fill(dept);
    await page.getByTestId('department-name').press('Control+Enter');
    await expect
      .poll(() => page.locator(`[data-testid="department-row"][data-name="${dept}"]`).count())
      .toBe(1);
  }
  await page.getByTestId('tab-people').click();
  for (const p of people) {
    await page.getByTestId('add-person').click();
    await page.getByTestId('person-employee-no').fill(p.no);
    await page.getByTestId('person-name').fill(p.name);
    await pick(page, 'person-department', p.dept);
    await page.getByTestId('person-submit').click();
    await expect
      .poll(() => page.locator(`[data-testid="person-row"][data-employee-no="${p.no}"]`).count())
      .toBe(1);
  }
}

/** Attach `printerTag` to `computerTag` through the asset form, and see the responsible person follow. */
async function attachPrinter(page: Page, printerTag: string, computerTag: string, userName: string) {
  await row(page, printerTag).getByTestId('device-edit').click();
  await scan(page, 'device-attached-to', computerTag);
  await expect.poll(() => page.getByTestId('device-user-follows').textContent()).toContain(userName);
  await page.getByTestId('device-submit').click();
  await expect.poll(() => page.locator('[data-testid="device-form"]:visible').count()).toBe(0);
  await expect.poll(() => responsibleOf(page, printerTag)).toBe(`${userName} 随电脑 ${computerTag}`);
}

/** 交接 `computerTag` to `toName`; the printer on it follows. */
async function handOver(
  page: Page,
  computerTag: string,
  printerTag: string,
  fromName: string,
  toName: string,
  moveTo?: { name: string; location: string },
) {
  await row(page, computerTag).getByTestId('device-handover').click();
  await expect.poll(() => page.getByTestId('handover-current').textContent()).toBe(fromName);
  expect(await page.getByTestId('handover-followers').textContent()).toContain(printerTag);
  await pick(page, 'handover-to', toName);
  if (moveTo) {
    // A name that said whose the computer was is proposed with the new user's name.
    await expect.poll(() => page.getByTestId('handover-name').inputValue()).toBe(moveTo.name);
    await page.getByTestId('handover-location').fill(moveTo.location);
  }
  await page.getByTestId('handover-note').fill('岗位调整，电脑随人交接');
  await page.getByTestId('handover-submit').click();
  await expect.poll(() => page.locator('[data-testid="handover-form"]:visible').count()).toBe(0);
  await expect.poll(() => responsibleOf(page, computerTag)).toBe(`${toName} 电脑使用人`);
  await expect.poll(() => responsibleOf(page, printerTag)).toBe(`${toName} 随电脑 ${computerTag}`);
}

/** A USB label scanner: the tag (here in lower case, with the spaces some scanners add) and Enter. */
async function scanInto(page: Page, testId: string, tag: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(` ${tag.toLowerCase()} `);
  await page.keyboard.press('Enter');
  // The field shows the chosen device (what was typed lives in the input's value, not its text).
  await expect.poll(() => page.getByTestId(testId).textContent()).toContain(tag);
}

/** Open the label dialog, set the sheet with `choose`, print; returns the PDF's text and pages. */
async function printLabelSheet(page: Page, home: string, choose: () => Promise<void> = async () => {}) {
  const pdf = await pdfTextOf(home, async () => {
    await page.getByTestId('devices-labels').click();
    await expect.poll(() => page.getByTestId('labels-summary').textContent()).toContain('毫米');
    await choose();
    await page.getByTestId('labels-print').click();
  });
  // Browser mode opened the PDF in a new tab: back to NetDesk's, where the dialog has closed.
  await page.bringToFront();
  await expect.poll(() => page.locator('[data-testid="labels-dialog"]:visible').count()).toBe(0);
  const pages = pdf.text.split('\f').filter((p) => p.trim());
  return { ...pdf, pages, tagsOn: (i: number) => pages[i]?.match(/[A-Z]{2}-\d{4}/g) ?? [] };
}

/** Add, approve and print a work request replacing `computerTag`; returns the PDF's text. */
async function workRequest(page: Page, home: string, computerTag: string) {
  await page.getByTestId('tab-evaluations').click();
  await page.getByTestId('add-evaluation').click();
  await page.getByTestId('evaluation-item').fill('笔记本电脑 1 台');
  await pick(page, 'evaluation-requester', '李娜');
  // The replaced computer's label is scanned into the device field: Enter selects it.
  await scanInto(page, 'evaluation-replaces', computerTag);
  await page.getByTestId('evaluation-cost').fill('5600');
  await page.getByTestId('evaluation-reason').fill('原电脑主板老化，经常死机，影响售楼签约。');
  await page.getByTestId('evaluation-feasibility').fill('市场货源充足，一周内到货。');
  await page.getByTestId('evaluation-necessity').fill('签约系统需要稳定的电脑。');
  await page.getByTestId('evaluation-submit').click();
  const request = page.locator('[data-testid="evaluation-row"][data-item="笔记本电脑 1 台"]');
  await expect.poll(() => request.getAttribute('data-status')).toBe('pending');
  await request.getByTestId('evaluation-approve').click();
  await page.getByTestId('decision-approver').fill('总经理');
  await page.getByTestId('decision-submit').click();
  await expect.poll(() => request.getAttribute('data-status')).toBe('approved');
  const pdf = await pdfTextOf(home, () => request.getByTestId('evaluation-print').click());
  expect(pdf.file).toMatch(/^工作申请单.*\.pdf$/);
  expect(pdf.text).toContain('工作申请单');
  expect(pdf.text).toContain('笔记本电脑 1 台');
  expect(pdf.text).toContain('原电脑主板老化');
  expect(pdf.text).toContain('总经理');
  expect(pdf.text).toContain(computerTag);
  for (const signer of ['申请人', '部门负责人', '网络主管', '审批人']) expect(pdf.text).toContain(signer);
  return request;
}

/**
 * The supervisor's spreadsheet as Excel saves it on a Chinese Windows PC: a GBK-encoded CSV, 50
 * devices (20 computers, 20 printers, 10 network and CCTV devices), dates written the Chinese
 * way. Encoded with glibc's iconv, so the test does not trust NetDesk's own decoder to make it.
 */
function gbkDeviceCsv(home: string): string {
  const lines = ['资产编号,类型,名称,品牌,型号,使用人,部门,位置,购买日期,价格,IP地址'];
  for (let i = 1; i <= 20; i++) {
    const tag = `PC-${String(i).padStart(4, '0')}`;
    const user = i === 1 ? '张伟' : i === 2 ? '李娜' : '';
    const dept = i === 2 ? '营销部' : '财务部';
    lines.push(
      `${tag},台式电脑,办公电脑${i},联想,启天 M4360,${user},${dept},集团总部 3 楼,2024年3月${i}日,"4,299",192.168.10.${20 + i}`,
    );
  }
  for (let i = 1; i <= 20; i++) {
    const tag = `PR-${String(i).padStart(4, '0')}`;
    lines.push(`${tag},打印机,激光打印机${i},惠普,LaserJet M405,,财务部,集团总部 3 楼,2023/5/${i},1599,`);
  }
  const others = [
    ['SW-01', '交换机', '核心交换机'],
    ['SW-02', '交换机', '接入交换机'],
    ['RT-01', '路由器', '出口路由器'],
    ['FW-01', '防火墙', '边界防火墙'],
    ['SV-01', '服务器', '文件服务器'],
    ['SV-02', '服务器', 'ERP 服务器'],
    ['NVR-01', '录像机', '监控录像机'],
    ['CAM-01', '摄像机', '大堂摄像机'],
    ['CAM-02', '摄像机', '车库摄像机'],
    ['VC-01', '视频会议', '会议室终端'],
  ];
  for (const [tag, type, name] of others)
    lines.push(`${tag},${type},${name},华为,,,,集团总部 2F 机房,2022年12月1日,,`);
  const utf8 = join(home, 'devices-utf8.csv');
  const gbk = join(home, '设备台账-GBK.csv');
  writeFileSync(utf8, lines.join('\r\n') + '\r\n', 'utf8');
  writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', utf8]));
  return gbk;
}

describe('devices', () => {
  it(
    'keeps asset cards, follows a computer to its new user, and buys on a work request',
    { timeout: 360_000 },
    async () => {
      const home = newHome('devices');
      app = await startApp({ home });
      const { page } = app;
      // An action that cannot happen fails within 20 s with its locator, not at the test timeout.
      app.context.setDefaultTimeout(20_000);
      await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(app.url).origin,
      });

      step('people');
      await addDepartmentsAndPeople(page, [
        { no: '1001', name: '张伟', dept: '财务部' },
        { no: '1002', name: '李娜', dept: '营销部' },
      ]);

      step('computer');
      // A computer for 张伟, typed in from the keyboard: the form opens in the asset tag field.
      await page.getByTestId('nav-devices').click();
      await expect.poll(() => page.getByTestId('devices-table').textContent()).toContain('还没有设备');
      await page.getByTestId('add-device').click();
      await page.keyboard.type('PC-0101');
      await page.getByTestId('device-name').fill('张伟的电脑');
      await pick(page, 'device-department', '财务部');
      await pick(page, 'device-user', '张伟');
      await page.getByTestId('device-ip').fill('192.168.10.21');
      await page.getByTestId('device-submit').click();
      await expect.poll(() => responsibleOf(page, 'PC-0101')).toBe('张伟 电脑使用人');

      step('printer');
      // A printer: its user picker gives way to "attached to" (printers follow their computer).
      await page.getByTestId('add-device').click();
      await page.getByTestId('device-asset-tag').fill('PR-0101');
      await pick(page, 'device-type', '打印机');
      await page.getByTestId('device-name').fill('财务部打印机');
      await page.getByTestId('device-submit').click();
      await expect.poll(() => responsibleOf(page, 'PR-0101')).toBe('— 未指定');
      await attachPrinter(page, 'PR-0101', 'PC-0101', '张伟');

      step('server');
      // A server with an admin password, a price and a warranty ending in ten days.
      const warrantyEnd = shanghaiDayFromNow(10);
      await page.getByTestId('add-device').click();
      await page.getByTestId('device-asset-tag').fill('SV-01');
      await pick(page, 'device-type', '服务器');
      await page.getByTestId('device-name').fill('文件服务器');
      // Enter in the purchase-date picker takes the date and does not save the card.
      await page.getByTestId('device-purchase-date').click();
      await page.keyboard.type('2026-01-05');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('device-purchase-date').inputValue()).toBe('2026-01-05');
      expect(await page.locator('[data-testid="device-form"]:visible').count()).toBe(1);
      expect(await row(page, 'SV-01').count()).toBe(0);
      await page.getByTestId('device-price').fill('12800');
      await page.getByTestId('device-warranty-end').click();
      await page.keyboard.type(warrantyEnd);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('device-warranty-end').inputValue()).toBe(warrantyEnd);
      expect(await row(page, 'SV-01').count()).toBe(0);
      await page.getByTestId('device-secret').fill('admin / Secret-2026');
      // Ctrl+Enter saves, from any field.
      await page.getByTestId('device-name').focus();
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => row(page, 'SV-01').count()).toBe(1);
      expect(await page.getByTestId('devices-table').textContent()).not.toContain('Secret-2026');

      step('duplicate');
      // A duplicate asset tag is refused under its field.
      await page.getByTestId('add-device').click();
      await page.getByTestId('device-asset-tag').fill('PC-0101');
      await page.getByTestId('device-asset-tag').press('Control+Enter');
      await expect.poll(() => page.getByTestId('error-assetTag').textContent()).toContain('资产编号');
      await page.getByTestId('device-form-cancel').click();

      step('handover');
      await handOver(page, 'PC-0101', 'PR-0101', '张伟', '李娜', {
        name: '李娜的电脑',
        location: '5 楼营销部',
      });
      // The computer took the proposed name and its new place.
      await expect.poll(() => row(page, 'PC-0101').textContent()).toContain('李娜的电脑');
      expect(await row(page, 'PC-0101').textContent()).toContain('5 楼营销部');
      // Search by the responsible person: the computer and the printer that follows it.
      await page.getByTestId('devices-search').fill('李娜');
      await expect.poll(() => page.locator('[data-testid="device-row"]').count()).toBe(2);
      await page.screenshot({ path: join(outputDir, 'devices-list.png') });

      step('scan');
      // A scanner types the tag and Enter: the card opens, with its computer and timeline.
      await page.getByTestId('devices-search').fill('pc-0101');
      await page.getByTestId('devices-search').press('Enter');
      const drawer = page.locator('[data-testid="device-drawer"][data-tag="PC-0101"]');
      await expect.poll(() => drawer.count()).toBe(1);
      await expect
        .poll(() => drawer.locator('[data-testid="attached-device"][data-tag="PR-0101"]').count())
        .toBe(1);
      await expect
        .poll(() => drawer.locator('[data-testid="timeline-entry"][data-kind="handover"]').textContent())
        .toContain('张伟 → 李娜');
      await page.screenshot({ path: join(outputDir, 'devices-detail.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);

      step('printer history');
      // The printer's history: its entry in the register, and its computer's handover that
      // changed its responsible person.
      await page.getByTestId('devices-search').fill('PR-0101');
      await page.getByTestId('devices-search').press('Enter');
      const printerDrawer = page.locator('[data-testid="device-drawer"][data-tag="PR-0101"]');
      await expect
        .poll(() =>
          printerDrawer.locator('[data-testid="timeline-entry"][data-kind="host-handover"]').textContent(),
        )
        .toContain('张伟 → 李娜');
      expect(await printerDrawer.locator('[data-testid="timeline-entry"][data-kind="created"]').count()).toBe(
        1,
      );
      // A printer attached to a computer took the computer's department.
      expect(await printerDrawer.textContent()).toContain('财务部');
      await page.keyboard.press('Escape');
      await expect.poll(() => printerDrawer.count()).toBe(0);

      step('people computers');
      // The new user shows the computer, the old one no longer does; pinyin initials find her.
      await page.getByTestId('nav-people').click();
      const personRow = (no: string) => page.locator(`[data-testid="person-row"][data-employee-no="${no}"]`);
      await expect
        .poll(() => personRow('1002').getByTestId('person-computers').textContent())
        .toBe('PC-0101');
      expect(await personRow('1001').getByTestId('person-computers').textContent()).toBe('');
      await page.getByTestId('people-search').fill('ln');
      await expect.poll(() => page.locator('[data-testid="person-row"]').count()).toBe(1);
      expect(await personRow('1002').count()).toBe(1);
      await page.getByTestId('people-search').fill('');
      await page.getByTestId('nav-devices').click();

      step('secret');
      // The secret: hidden until "显示", copied on demand. Price and warranty were saved with it.
      await page.getByTestId('devices-search').fill('SV-01');
      await page.getByTestId('devices-search').press('Enter');
      const server = page.locator('[data-testid="device-drawer"][data-tag="SV-01"]');
      await expect.poll(() => server.textContent()).toContain(warrantyEnd);
      expect(await server.textContent()).toContain('12,800');
      expect(await server.textContent()).toContain('2026-01-05');
      const secret = page.getByTestId('device-secret-view');
      await expect.poll(() => secret.textContent()).toContain('已隐藏');
      expect(await page.locator('body').textContent()).not.toContain('Secret-2026');
      await page.getByTestId('device-secret-view-reveal').click();
      await expect.poll(() => secret.textContent()).toBe('admin / Secret-2026');
      await page.getByTestId('device-secret-view-copy').click();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toBe('admin / Secret-2026');
      await page.keyboard.press('Escape');

      step('work request');
      // A work request to replace the computer: approved, printed, then bought as a new asset.
      const request = await workRequest(page, home, 'PC-0101');
      await request.getByTestId('evaluation-buy').click();
      await expect.poll(() => page.getByTestId('device-name').inputValue()).toBe('笔记本电脑 1 台');
      await page.getByTestId('device-asset-tag').fill('PC-0202');
      await page.getByTestId('device-submit').click();
      await expect.poll(() => request.getAttribute('data-status')).toBe('bought');
      expect(await request.getByTestId('evaluation-bought-link').textContent()).toBe('PC-0202');
      await request.getByTestId('evaluation-bought-link').click();
      const bought = page.locator('[data-testid="device-drawer"][data-tag="PC-0202"]');
      await expect
        .poll(() => bought.getByTestId('device-drawer-responsible').textContent())
        .toContain('李娜');
      await expect
        .poll(() => bought.locator('[data-testid="timeline-entry"][data-kind="bought"]').count())
        .toBe(1);
      await page.keyboard.press('Escape');

      step('labels');
      // The label sheet of the printers: tag and the responsible person under the code.
      await page.getByTestId('tab-devices').click();
      await page.getByTestId('devices-search').fill('PR-');
      await expect.poll(() => page.locator('[data-testid="device-row"]').count()).toBe(1);
      const labels = await printLabelSheet(page, home);
      expect(labels.text).toContain('PR-0101');
      expect(labels.text).toContain('责任人：李娜');
      expect(labels.text).not.toContain('SV-01');

      step('dashboard');
      // The dashboard flags the warranty and links to the server's card.
      await page.getByTestId('nav-dashboard').click();
      const flag = page.locator('[data-testid="flag-warranty"][data-tag="SV-01"]');
      await expect.poll(() => flag.textContent()).toContain('还剩 10 天');
      await flag.locator('a').click();
      await expect
        .poll(() => page.locator('[data-testid="device-drawer"][data-tag="SV-01"]').count())
        .toBe(1);

      step('english');
      // English: the same list, the reason in English.
      await page.keyboard.press('Escape');
      await page.getByTestId('language-en').click();
      await page.getByTestId('devices-search').fill('PR-0101');
      await expect.poll(() => responsibleOf(page, 'PR-0101')).toBe('李娜 Via computer PC-0101');
    },
  );
  it(
    'imports 50 devices from a GBK CSV, follows the computer to its new user, and prints labels and a work request',
    { timeout: 360_000 },
    async () => {
      const home = newHome('devices-import');
      app = await startApp({ home });
      const { page } = app;
      app.context.setDefaultTimeout(20_000);
      step('people');
      await addDepartmentsAndPeople(page, [
        { no: '1001', name: '张伟', dept: '财务部' },
        { no: '1002', name: '李娜', dept: '营销部' },
      ]);

      step('import');
      const csv = gbkDeviceCsv(home);
      await page.getByTestId('nav-devices').click();
      await page.getByTestId('devices-import').click();
      await page.getByTestId('device-import-file').setInputFiles(csv);
      await page.getByTestId('device-import-to-preview').click();
      await expect
        .poll(() => page.locator('[data-testid="device-import-row"][data-status="error"]').count())
        .toBe(0);
      await page.getByTestId('device-import-confirm').click();
      await expect.poll(() => page.getByTestId('device-import-done').count(), { timeout: 30_000 }).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('devices-count').textContent()).toContain('共 50 台');
      // GBK read correctly: Chinese names and users, Chinese dates.
      await expect.poll(() => responsibleOf(page, 'PC-0001')).toBe('张伟 电脑使用人');
      expect(await row(page, 'PR-0001').textContent()).toContain('激光打印机1');
      await page.screenshot({ path: join(outputDir, 'devices-imported.png') });

      step('attach');
      await page.getByTestId('devices-search').fill('PR-0001');
      await attachPrinter(page, 'PR-0001', 'PC-0001', '张伟');
      step('handover');
      await page.getByTestId('devices-search').fill('0001');
      await handOver(page, 'PC-0001', 'PR-0001', '张伟', '李娜');

      step('labels');
      // Nine printers on a custom 2 × 4 sheet: eight on page 1, one on page 2.
      await page.getByTestId('devices-search').fill('PR-000');
      await expect.poll(() => page.locator('[data-testid="device-row"]').count()).toBe(9);
      const labels = await printLabelSheet(page, home, async () => {
        await page.getByTestId('labels-cols').fill('2');
        await page.getByTestId('labels-rows').fill('4');
        await expect.poll(() => page.getByTestId('labels-summary').textContent()).toContain('每页 8 张');
      });
      expect(labels.pages).toHaveLength(2);
      expect(labels.tagsOn(0)).toHaveLength(8);
      expect(labels.tagsOn(1)).toEqual(['PR-0009']);
      expect(labels.text).toContain('PR-0001');
      expect(labels.text).toContain('责任人：李娜');
      expect(labels.text).not.toContain('PC-0002');

      step('labels remembered');
      // The next print starts from that sheet; two ticked rows print on their own.
      await row(page, 'PR-0003').locator('.ant-table-selection-column input').check();
      await row(page, 'PR-0007').locator('.ant-table-selection-column input').check();
      await expect.poll(() => page.getByTestId('devices-count').textContent()).toContain('已勾选 2 台');
      const ticked = await printLabelSheet(page, home, async () => {
        expect(await page.getByTestId('labels-cols').inputValue()).toBe('2');
        expect(await page.getByTestId('labels-rows').inputValue()).toBe('4');
        expect(await page.getByTestId('labels-which-selected').isChecked()).toBe(true);
      });
      expect(ticked.pages).toHaveLength(1);
      expect(ticked.tagsOn(0).sort()).toEqual(['PR-0003', 'PR-0007']);
      await page.screenshot({ path: join(outputDir, 'devices-labels-ticked.png') });

      step('work request');
      await workRequest(page, home, 'PC-0001');

      step('export');
      // The annual inventory: an .xlsx download that Excel (here exceljs) reads back, without secrets.
      await page.keyboard.press('Escape');
      await page.getByTestId('tab-devices').click();
      await page.getByTestId('devices-search').fill('');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('devices-export').click(),
      ]);
      const xlsxPath = join(home, download.suggestedFilename());
      await download.saveAs(xlsxPath);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsxPath);
      const cells: string[] = [];
      workbook.worksheets[0]!.eachRow((r) => cells.push(JSON.stringify(r.values)));
      expect(cells.length).toBe(51); // the header and 50 devices
      expect(cells.join('\n')).toContain('PR-0001');
      expect(cells.join('\n')).toContain('李娜');
    },
  );
});
