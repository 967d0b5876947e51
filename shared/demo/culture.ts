// The demo's culture work: two or three website updates a week for six weeks (one week with a
// single update, short of the two a week), and the daily quotes with the schedule of the last
// working days.
import { normalizeQuote } from '../culture/quotes';
import { DAY, HOUR, type DemoLedger } from './ledger';
import type { DemoStaff } from './people';
import { DEMO_NEWS, QUOTES, SITE, SITE_URL } from './words';

export function addWebsiteUpdates(ledger: DemoLedger, staff: DemoStaff): void {
  const { add, pick, monday, iso, dateOnly } = ledger;
  const { by, people } = staff;
  let newsIndex = 0;
  for (let w = 6; w >= 1; w--) {
    const perWeek = w === 3 ? 3 : w === 5 ? 1 : 2;
    for (let k = 0; k < perWeek; k++) {
      const [category, title] = DEMO_NEWS[newsIndex % DEMO_NEWS.length]!;
      newsIndex++;
      const when = monday(w) + (1 + k * 2) * DAY + 16 * HOUR;
      add('websiteUpdates', 'webupdate', when, {
        site: SITE,
        publishedAt: iso(when),
        title,
        category,
        author: category === 'staff-article' ? pick(people).name : by,
        url: `${SITE_URL}/news/${dateOnly(when).replaceAll('-', '')}-${k + 1}.html`,
      });
    }
  }
}

export function addQuotes(ledger: DemoLedger): void {
  const { add, day, weekday, dateOnly, setupMs } = ledger;
  const quotes = QUOTES.map((text) =>
    add('quotes', 'quote', setupMs, { text, normalized: normalizeQuote(text), source: '网络中心整理' }),
  );
  let quoteIndex = 0;
  for (let d = 20; d >= 1; d--) {
    const date = day(d);
    const wd = weekday(date);
    if (wd === 0 || wd === 6) continue;
    const quote = quotes[quoteIndex++ % quotes.length]!;
    add('quoteSchedule', 'schedule', date + 8 * HOUR, {
      date: dateOnly(date),
      quoteId: quote.id,
      shown: true,
    });
  }
}
