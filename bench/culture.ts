// The daily quote's figures in `npm run bench`'s table, measured in the page over the ten-year
// ledger the bench imported (~2,500 quotes shown, ~1,200 website updates): a new quote checked on
// save, near-duplicate warning included (budget 50 ms), and a year of working days scheduled
// (500 ms), each beside a raw read of the quotes table from the same run. The page side is
// bench/page/culture.ts.
import type { cultureBench } from './page/culture';
import { median, type HookCall, type Measured } from './hook-call';

type CultureHook = typeof cultureBench;
type Call = HookCall<CultureHook>;

export async function culturePageFigures(call: Call, measured: Measured, runs: number): Promise<void> {
  // The quick dataset holds one year (~260 quotes): the library is topped up by an import to the
  // ten-year size first, with enough unused quotes left for the years scheduled below (untimed).
  const before = await call('cultureCounts');
  const added = await call('addUnusedQuotes', Math.max(1_000, 2_600 - before.quotes));
  const counts = await call('cultureCounts');
  const library = `${counts.quotes} quotes (${added} of them imported by the bench), ${counts.shown} days shown, ${counts.updates} website updates`;
  const raw = await call('rawQuotesRead', runs * 2);
  measured(`baseline: raw read of the quotes table (${counts.quotes} quotes)`, raw);
  const base = median(raw);

  const check = await call('quoteCheck', runs * 2);
  const near = check.kinds.filter((k) => k === 'near').length;
  measured('daily quote: check a new one on save, near-duplicate warning included', check.saveMs, {
    budget: 50,
    baseline: base,
    note: `saveQuote as the form calls it: the library from its kept copy (the first save of a session reads the table: the max), each text folded once (OpenCC), repeat and near-duplicate search; ${near} near-duplicate warnings and ${check.kinds.length - near} repeats refused, nothing written; ${library}`,
  });
  measured('daily quote: the check alone, library already folded', check.checkMs, {
    budget: 50,
    baseline: base,
    note: 'checkQuote against every quote in the library',
  });

  const year = await call('scheduleYear', runs);
  measured('daily quote: plan a year of working days', year.planMs, {
    budget: 500,
    baseline: base,
    note: `the schedule tab's plan (ledger read and folded, planSchedule) for the 365 days after the last scheduled; ${library}`,
  });
  measured('daily quote: fill a year of working days, written', year.fillMs, {
    budget: 500,
    baseline: base,
    note: `fillSchedule: the plan and its ${year.days.join(' / ')} days written through the repository, one year after another`,
  });
}
