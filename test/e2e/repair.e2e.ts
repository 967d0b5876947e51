// The repair-card scenario in a real Chromium, Chinese UI: on the demo ledger, a walk-up card is
// logged by scanning a device's asset tag (typed + Enter, as a USB scanner does), moves through
// waiting for parts to repaired (with its repair record) and the requester's sign-off, and is
// printed on A4; the PDF's text holds the card number, the requester, the fault and the three
// signature captions, and its first page is kept as PNG. Bad input: an unknown tag is refused on
// its field and nothing is saved; approval is not offered on a card that was never refused.
// Then a batch of three blank cards is printed (their numbers reserved, the PDF holds all three),
// one of them comes back filled in and is logged with its printed number, its description is
// corrected (the list's search finds the new text, the timeline says who changed what), and it is
// deleted and brought back with undo.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDemoLedger, newHome, numberIn, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
// Saving, importing and printing take a few seconds on a busy 2-core machine.
beforeAll(() => vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } }));
afterEach(async (ctx) => {
  // A failed run leaves a picture of the screen and the server's and page's log behind.
  if (app && ctx.task.result?.state === 'fail') {
    await app.page.screenshot({ path: join(outputDir, 'repair-failure.png') }).catch(() => undefined);
    console.log(app.serverLog());
  }
  await app?.close();
  app = undefined;
});

const DESCRIPTION = '开机后显示器黑屏，主机风扇声音很大';
const compact = (s: string) => s.replace(/\s+/g, '');

/** The name of the first file in `dir` that `match` accepts, waiting until one appears. */
async function waitForFile(
  dir: string,
  match: (name: string) => boolean,
  timeoutMs = 30_000,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = existsSync(dir) ? readdirSync(dir).find(match) : undefined;
    if (found) return found;
    if (Date.now() > until) throw new Error(`no matching file appeared in ${dir}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('repair cards', () => {
  // One long scenario on one demo ledger: on a busy 2-core machine it takes about two minutes.
  it(
    'logs a walk-up card by scanned tag, repairs it through a parts wait, and prints it',
    { timeout: 300_000 },
    async () => {
      const home = newHome('repair');
      app = await startApp({ home });
      const { page } = app;

      // Demo ledger.
      await loadDemoLedger(page);
      // The dashboard's repair totals come from the counters, rebuilt after the import.
      await expect.poll(() => numberIn(page, 'dashboard-repairs-open')).toBeGreaterThan(0);

      // The card list.
      await page.getByTestId('nav-repairs').click();
      await expect.poll(() => page.locator('[data-testid="repair-row"]').count()).toBeGreaterThan(5);
      const total = page.getByTestId('repair-counter-total');
      await expect.poll(async () => Number(await total.getAttribute('data-count'))).toBeGreaterThan(5);
      const totalBefore = Number(await total.getAttribute('data-count'));

      // Bad input: an unknown asset tag is refused on its field, Enter does not save the card.
      await page.keyboard.press('n');
      await expect.poll(() => page.getByTestId('intake-form').count()).toBe(1);
      await page.getByTestId('intake-tag').fill('PC-NO-SUCH-99');
      await page.getByTestId('intake-tag').press('Enter');
      await expect
        .poll(() => page.getByTestId('error-deviceTag').textContent())
        .toContain('没有这个资产编号');
      expect(await page.getByTestId('intake-form').count()).toBe(1);
      await page.getByTestId('intake-description').fill('测试：未知资产编号');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('error-requesterId').count()).toBe(1);
      await page.getByTestId('intake-form-cancel').click();
      await expect.poll(() => page.getByTestId('intake-form').count()).toBe(0);
      expect(Number(await total.getAttribute('data-count'))).toBe(totalBefore);

      // A walk-up card: the scanner types the tag and Enter; device, requester and department follow.
      await page.getByTestId('new-card').click();
      await expect.poll(() => page.getByTestId('intake-form').count()).toBe(1);
      await page.getByTestId('intake-tag').fill('PC-CW-02');
      await page.getByTestId('intake-tag').press('Enter');
      await expect.poll(() => page.getByTestId('intake-tag-found').textContent()).toContain('PC-CW-02');
      await expect.poll(() => page.getByTestId('intake-department').textContent()).toContain('财务部');
      // Enter resolved the tag and moved on to the description; the card is not saved yet.
      expect(await page.getByTestId('intake-saved').count()).toBe(0);
      await page.getByTestId('intake-description').fill(DESCRIPTION);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('intake-saved-no').textContent()).toMatch(/WX-\d{4}-A-\d{4}/);
      const cardNo = /WX-\d{4}-A-\d{4}/.exec(
        (await page.getByTestId('intake-saved-no').textContent()) ?? '',
      )![0];
      await page.keyboard.press('Escape');

      // In the list at once, with its number, signature pending.
      const row = page.locator(`[data-testid="repair-row"][data-card-no="${cardNo}"]`);
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain('签字待补');
      expect(Number(await total.getAttribute('data-count'))).toBe(totalBefore + 1);

      // Open it.
      await row.click();
      const detail = page.getByTestId('card-detail');
      await expect.poll(() => detail.getAttribute('data-card-no')).toBe(cardNo);
      expect(await detail.getAttribute('data-status')).toBe('received');
      expect(await page.getByTestId('card-description').textContent()).toBe(DESCRIPTION);
      const requesterName = ((await page.getByTestId('card-requester').textContent()) ?? '')
        .split('（')[0]!
        .trim();
      expect(requesterName.length).toBeGreaterThan(1);
      // Bad input: approval is not offered on a card that was never refused.
      expect(await page.getByTestId('action-approved').count()).toBe(0);
      expect(await page.getByTestId('action-refused').count()).toBe(1);

      const step = async (action: string, status: string, fill?: () => Promise<void>) => {
        await page.getByTestId(`action-${action}`).click();
        await expect.poll(() => page.getByTestId('event-form').count()).toBe(1);
        await fill?.();
        await page.getByTestId('event-submit').click();
        await expect.poll(() => detail.getAttribute('data-status')).toBe(status);
        await expect.poll(() => page.getByTestId('event-form').count()).toBe(0);
      };
      await step('started', 'in-repair');
      await step('part-ordered', 'waiting-parts', () =>
        page.getByTestId('event-part').fill('内存条 DDR4 8G'),
      );
      await expect
        .poll(() => page.getByTestId('card-detail-clock').getAttribute('data-state'))
        .toBe('paused');
      await step('part-arrived', 'in-repair', () => page.getByTestId('event-part').fill('内存条 DDR4 8G'));
      await expect
        .poll(() => page.getByTestId('card-detail-clock').getAttribute('data-state'))
        .toBe('running');
      await step('repaired', 'repaired');

      // "Repaired" opens the repair record.
      await expect.poll(() => page.getByTestId('record-form').count()).toBe(1);
      await page.getByTestId('record-diagnosis').fill('内存条损坏，风扇积灰');
      await page.getByTestId('record-work-done').fill('更换内存条，清理风扇灰尘');
      await page.getByTestId('record-result').fill('开机正常，运行稳定');
      await page.getByTestId('record-minutes').fill('45');
      await page.getByTestId('record-add-part').click();
      await page.getByTestId('record-part-name-0').fill('内存条 DDR4 8G');
      await page.getByTestId('record-part-cost-0').fill('180');
      await page.getByTestId('record-submit').click();
      await expect.poll(() => page.getByTestId('record-form').count()).toBe(0);
      await expect.poll(() => page.getByTestId('record-view').textContent()).toContain('内存条损坏');

      await step('signed-off', 'signed-off');
      // The timeline is its own live query: it may render a moment after the status changes.
      await expect
        .poll(() =>
          page
            .locator('[data-testid="timeline-item"]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-type'))),
        )
        .toEqual(['received', 'started', 'part-ordered', 'part-arrived', 'repaired', 'signed-off']);
      await page.getByTestId('card-detail').screenshot({ path: join(outputDir, 'repair-card-detail.png') });
      await page.screenshot({ path: join(outputDir, 'repair-card-drawer.png') });
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(outputDir, 'repair-card-timeline.png') });

      // Print on A4: the PDF lands in the reports folder (and opens in a new tab).
      const reports = join(home, 'reports');
      await page.getByTestId('print-card').click();
      await page.getByTestId('print-paper-a4').click();
      await page.getByTestId('print-go').click();
      const pdfName = await waitForFile(reports, (f) => f.includes(cardNo) && f.endsWith('.pdf'));
      const pdf = join(reports, pdfName);
      const text = compact(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      expect(text).toContain(cardNo);
      expect(text).toContain(compact(requesterName));
      expect(text).toContain(compact(DESCRIPTION));
      for (const caption of ['部门负责人签字', '网络主管签字', '报修人签字']) expect(text).toContain(caption);
      const pngBase = join(outputDir, 'repair-card-page');
      rmSync(`${pngBase}-1.png`, { force: true });
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, pngBase]);
      expect(existsSync(`${pngBase}-1.png`)).toBe(true);

      // Scanning the card number into the search box opens the card directly.
      await page.getByTestId('card-detail-close').click();
      await expect.poll(() => page.getByTestId('card-detail').count()).toBe(0);
      await page.getByTestId('repair-search').fill(cardNo.toLowerCase());
      await page.getByTestId('repair-search').press('Enter');
      await expect.poll(() => page.getByTestId('card-detail').getAttribute('data-card-no')).toBe(cardNo);
      await page.getByTestId('card-detail-close').click();
      await page.screenshot({ path: join(outputDir, 'repair-list.png') });
      await page.getByTestId('repair-search').fill('');

      // Three blank numbered cards for the paper tray: Enter reserves the numbers and prints.
      await page.getByTestId('blank-cards').click();
      await expect.poll(() => page.getByTestId('blank-cards-form').count()).toBe(1);
      await page.getByTestId('blank-count').fill('3');
      await page.getByTestId('blank-count').press('Enter');
      const reserved = page.getByTestId('blank-reserved');
      await expect.poll(() => reserved.getAttribute('data-count')).toBe('3');
      const first = (await reserved.getAttribute('data-first'))!;
      const seq = Number(first.split('-').at(-1));
      const blankNumbers = [0, 1, 2].map((i) => first.replace(/\d+$/, String(seq + i).padStart(4, '0')));
      expect(await reserved.getAttribute('data-last')).toBe(blankNumbers[2]);
      // Walk-up numbering went on after the printed card's number: the blanks come after it.
      expect(blankNumbers[0]! > cardNo).toBe(true);
      const blankPdf = join(
        reports,
        await waitForFile(reports, (f) => f.includes(first) && f.endsWith('.pdf')),
      );
      const blankText = compact(
        execFileSync('pdftotext', ['-enc', 'UTF-8', blankPdf, '-'], { encoding: 'utf8' }),
      );
      for (const no of blankNumbers) expect(blankText).toContain(no);
      expect(blankText).toContain('维修申请卡');
      // The PDF opened in a tab of its own, in front; the supervisor comes back to NetDesk's tab (a
      // tab in the background gets no animation frames: its dialogs would never finish opening).
      await page.bringToFront();
      // The dialog itself, once its opening animation has settled.
      await page
        .locator('.ant-modal', { has: reserved })
        .screenshot({ path: join(outputDir, 'repair-blank-cards.png') });
      await page.getByTestId('blank-close').click();
      await expect.poll(() => page.getByTestId('blank-cards-form').count()).toBe(0);

      // The second blank card comes back filled in: logged with the number printed on it.
      const paperNo = blankNumbers[1]!;
      await page.getByTestId('new-card').click();
      await expect.poll(() => page.getByTestId('intake-form').count()).toBe(1);
      await page.getByTestId('intake-tag').fill('PC-CW-02');
      await page.getByTestId('intake-tag').press('Enter');
      await expect.poll(() => page.getByTestId('intake-tag-found').count()).toBe(1);
      await page.getByTestId('intake-description').fill('打印机卡纸');
      await page.getByTestId('intake-card-no').fill(paperNo.toLowerCase());
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('intake-saved-no').textContent()).toContain(paperNo);
      await page.getByTestId('intake-open-card').click();
      await expect.poll(() => detail.getAttribute('data-card-no')).toBe(paperNo);

      // The description was mistyped: corrected from the card, the timeline says so.
      const CORRECTED = '复印机卡纸，进纸器异响';
      await page.getByTestId('card-edit').click();
      await expect.poll(() => page.getByTestId('edit-form').count()).toBe(1);
      await page.getByTestId('edit-description').fill(CORRECTED);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('edit-form').count()).toBe(0);
      await expect.poll(() => page.getByTestId('card-description').textContent()).toBe(CORRECTED);
      const correction = page.locator('[data-testid="timeline-item"][data-type="correction"]');
      await expect.poll(() => correction.getAttribute('data-fields')).toBe('description');
      expect(compact((await correction.textContent()) ?? '')).toContain(
        compact(`故障描述：打印机卡纸 → ${CORRECTED}`),
      );
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(outputDir, 'repair-card-corrected.png') });
      await page.getByTestId('card-detail-close').click();

      // The list's search finds the corrected text, and no longer the old one.
      const paperRow = page.locator(`[data-testid="repair-row"][data-card-no="${paperNo}"]`);
      await page.getByTestId('repair-search').fill('进纸器异响');
      await expect.poll(() => paperRow.count()).toBe(1);
      await page.getByTestId('repair-search').fill('打印机卡纸');
      await expect.poll(() => paperRow.count()).toBe(0);
      await page.getByTestId('repair-search').fill('');
      await expect.poll(() => paperRow.count()).toBe(1);

      // Logged by mistake after all: deleted (after a confirmation), then brought back with undo.
      const countBefore = Number(await total.getAttribute('data-count'));
      await paperRow.click();
      await expect.poll(() => detail.getAttribute('data-card-no')).toBe(paperNo);
      await page.getByTestId('card-delete').click();
      await page.getByTestId('card-delete-confirm').click();
      await expect.poll(() => page.getByTestId('card-detail').count()).toBe(0);
      await expect.poll(() => paperRow.count()).toBe(0);
      await expect.poll(async () => Number(await total.getAttribute('data-count'))).toBe(countBefore - 1);
      await page.getByTestId('card-delete-undo').click();
      await expect.poll(() => detail.getAttribute('data-card-no')).toBe(paperNo);
      await expect.poll(async () => Number(await total.getAttribute('data-count'))).toBe(countBefore);
    },
  );
});
