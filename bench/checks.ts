// The checks figures in `npm run bench`'s table: the checks screen's week grid for a year (servers ×
// weeks and kinds × weeks), timed on the real screen from the navigation click to the grid on
// screen (budget 200 ms), and a machine-room round saved through the write pipeline, hooks
// included (50 ms); each beside a raw Dexie baseline from the same run. The page side is
// bench/page/checks.ts.
import type { BrowserContext, Page } from 'playwright-core';
import type { checksBench } from './page/checks';
import { median, type HookCall, type Measured } from './hook-call';

type ChecksHook = typeof checksBench;
type Call = HookCall<ChecksHook>;

/** In the bench page: the round's save and the grid's raw read. Returns the raw read's median. */
export async function checksPageFigures(call: Call, measured: Measured, runs: number): Promise<number> {
  const save = await call('machineRoomSave', runs * 2);
  measured('baseline: raw routineChecks.put of a machine-room round', save.rawMs);
  measured('saving a machine-room round', save.ms, {
    budget: 50,
    baseline: median(save.rawMs),
    note: 'saveCheck (rules, repository, change log) with the after-commit hooks; baseline = raw put of the same record',
  });
  const raw = await call('rawGridChecks', runs * 2);
  measured(
    `baseline: the grid's checks read by [kind+at] (${raw.checks}: a year of weekly kinds, this week's rounds)`,
    raw.ms,
  );
  return median(raw.ms);
}

// Timed in the page, so Playwright's round trips are not counted: from the menu item's click to the
// first grid cell in the DOM (the grid card renders all its rows in one commit once the year's
// checks are read), then to the next frame, when it is on screen. A string, because the runner's
// TypeScript loader would wrap a function's inner names in a helper the page does not have.
const TIME_GRID = `new Promise((done, fail) => {
  const cell = '[data-testid="checks-grid"] [data-testid="grid-cell"]';
  const t0 = performance.now();
  const observer = new MutationObserver(() => seen());
  function seen() {
    if (!document.querySelector(cell)) return;
    observer.disconnect();
    requestAnimationFrame(() => done(performance.now() - t0));
  }
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => { observer.disconnect(); fail(new Error('the week grid did not appear in 60 s')); }, 60000);
  document.querySelector('[data-testid="nav-checks"]').click();
  seen();
})`;

// Resolves once the page has had three idle periods of 40 ms or more in a row (the dashboard's
// live queries answered and drawn), or after 5 s whatever happens.
const SETTLED = `new Promise((done) => {
  let quiet = 0;
  const until = performance.now() + 5000;
  function idle(deadline) {
    quiet = deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
    if (quiet >= 3 || performance.now() > until) done(undefined);
    else setTimeout(() => requestIdleCallback(idle), 20);
  }
  requestIdleCallback(idle);
})`;

/**
 * On the real app, once the daily backup is made (so it cannot run meanwhile): from the click on
 * 例行检查 to the week grid's cells on screen, with the dashboard shown in between. The first visit
 * loads the screen's code and is not timed.
 */
export async function checksGridFigure(
  open: () => Promise<{ context: BrowserContext; page: Page }>,
  measured: Measured,
  opts: { runs: number; baselineMs: number },
): Promise<void> {
  const { context, page } = await open();
  try {
    await page.getByTestId('nav-dashboard').waitFor({ timeout: 120_000 });
    const cells = page.locator('[data-testid="checks-grid"] [data-testid="grid-cell"]');
    const ms: number[] = [];
    let shown = 0;
    let rows = 0;
    for (let i = -1; i < opts.runs; i++) {
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('checks-screen').waitFor({ state: 'detached' });
      // The dashboard's own reads and drawing finish first: the figure is the grid's, not the tail
      // of the screen before it (a person looks at the dashboard before clicking on).
      await page.evaluate(SETTLED);
      const elapsed = await page.evaluate<number>(TIME_GRID);
      if (i >= 0) ms.push(elapsed);
      shown = await cells.count();
      rows = new Set(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-row')))).size;
    }
    measured("checks screen: a year's week grid on screen", ms, {
      budget: 200,
      baseline: opts.baselineMs,
      note: `click on the menu item (the dashboard settled before) to ${rows} rows (kinds and servers) × ${Math.round(shown / Math.max(rows, 1))} weeks drawn; one untimed visit first; baseline = the checks the grid reads, by index`,
    });
  } finally {
    await context.close();
  }
}
