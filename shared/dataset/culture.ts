// The dataset's culture work: two or three website updates a week (a few weeks one), and a quote
// for every working day, never repeated — the demo's quotes, then phrases combined.
import { normalizeQuote } from '../culture/quotes';
import { NEWS, QUOTE_ENDINGS, QUOTE_LEADS, QUOTE_OPENINGS, QUOTES, SITE, SITE_URL } from '../demo/words';
import { DAY, HOUR, type DatasetLedger } from './ledger';
import type { DatasetStaff } from './people';

export function addWebsiteUpdates(ledger: DatasetLedger, staff: DatasetStaff): void {
  const { add, int, pick, roll, iso, dateOnly, nowMs, firstMonday } = ledger;
  for (let mon = firstMonday; mon + 7 * DAY <= nowMs; mon += 7 * DAY) {
    const n = roll() < 0.05 ? 1 : int(2, 3);
    for (let k = 0; k < n; k++) {
      const [category, title] = pick(NEWS);
      const at = mon + (1 + k * 2) * DAY + 16 * HOUR;
      add('websiteUpdates', 'webupdate', at, {
        site: SITE,
        publishedAt: iso(at),
        title: `${title}（${dateOnly(at)}）`,
        category,
        author: category === 'staff-article' ? pick(staff.active).name : staff.supervisor.name,
        url: `${SITE_URL}/news/${dateOnly(at).replaceAll('-', '')}-${k + 1}.html`,
      });
    }
  }
}

export function addQuotes(ledger: DatasetLedger, workdays: number[]): void {
  const { add, roll, dateOnly, startMs } = ledger;
  const quotes = quoteTexts(workdays.length).map((text) =>
    add('quotes', 'quote', startMs, {
      text,
      normalized: normalizeQuote(text),
      source: '网络中心整理',
      tags: [],
      retired: false,
    }),
  );
  workdays.forEach((d, i) => {
    if (roll() < 0.01 || i >= quotes.length) return; // a missed day now and then
    add('quoteSchedule', 'schedule', d + 8 * HOUR, {
      date: dateOnly(d),
      quoteId: quotes[i]!.id,
      shown: true,
    });
  });
}

/** At least `wanted` different quotes (as far as 6 × 20 × 30 combinations go), the demo's first. */
function quoteTexts(wanted: number): string[] {
  const texts: string[] = [...QUOTES];
  const seen = new Set(texts.map(normalizeQuote));
  for (const lead of QUOTE_LEADS) {
    for (const opening of QUOTE_OPENINGS) {
      for (const ending of QUOTE_ENDINGS) {
        if (texts.length >= wanted) return texts;
        const text = `${lead}${opening}，${ending}。`;
        if (!seen.has(normalizeQuote(text))) {
          seen.add(normalizeQuote(text));
          texts.push(text);
        }
      }
    }
  }
  return texts;
}
