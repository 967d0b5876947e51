// The demo's culture work: two or three website updates a week for six weeks (one week with a
// single update, short of the two a week), the daily quotes with the schedule of the last
// working days, and the invitations to staff to write (the staff articles among the updates are
// the published ones; others are waiting, declined or lapsed).
import { isWorkingDay } from '../calendar/workdays';
import { normalizeQuote } from '../culture/quotes';
import type { StoredRecord } from '../schemas';
import { DAY, HOUR, type DemoLedger } from './ledger';
import type { DemoStaff } from './people';
import { DEMO_NEWS, QUOTES, SITE, SITE_URL } from './words';

export function addWebsiteUpdates(ledger: DemoLedger, staff: DemoStaff): StoredRecord<'websiteUpdates'>[] {
  const { add, pick, monday, iso, dateOnly } = ledger;
  const { by, people } = staff;
  const updates: StoredRecord<'websiteUpdates'>[] = [];
  let newsIndex = 0;
  for (let w = 6; w >= 1; w--) {
    const perWeek = w === 3 ? 3 : w === 5 ? 1 : 2;
    for (let k = 0; k < perWeek; k++) {
      const [category, title] = DEMO_NEWS[newsIndex % DEMO_NEWS.length]!;
      newsIndex++;
      const when = monday(w) + (1 + k * 2) * DAY + 16 * HOUR;
      const update = add('websiteUpdates', 'webupdate', when, {
        site: SITE,
        publishedAt: iso(when),
        title,
        category,
        author: category === 'staff-article' ? pick(people).name : by,
        url: `${SITE_URL}/news/${dateOnly(when).replaceAll('-', '')}-${k + 1}.html`,
      });
      updates.push(update);
    }
  }
  return updates;
}

/**
 * Invitations to write: each staff article among the updates was asked for a week before it went
 * online (published, linked to it); besides them, one accepted and one just asked (waiting), one
 * declined and one lapsed, each to someone who wrote nothing.
 */
export function addWebsiteInvitations(
  ledger: DemoLedger,
  staff: DemoStaff,
  updates: readonly StoredRecord<'websiteUpdates'>[],
): void {
  const { add, at, iso } = ledger;
  const invited = new Set<string>();
  for (const update of updates) {
    if (update.category !== 'staff-article') continue;
    const person = staff.people.find((p) => p.name === update.author);
    if (!person) continue;
    invited.add(person.id);
    const askedMs = Date.parse(update.publishedAt) - 7 * DAY;
    add(
      'websiteInvitations',
      'invitation',
      askedMs,
      {
        personId: person.id,
        askedAt: iso(askedMs),
        status: 'published',
        note: '',
        websiteUpdateId: update.id,
      },
      Date.parse(update.publishedAt),
    );
  }
  const others = staff.people.filter((p) => p.active && p.id !== staff.supervisor.id && !invited.has(p.id));
  const open: [status: 'accepted' | 'asked' | 'declined' | 'lapsed', daysAgo: number, note: string][] = [
    ['accepted', 4, '年终工作感想，月底前交稿'],
    ['asked', 1, '部门团建活动的照片和文字'],
    ['declined', 20, '工作太忙，下季度再写'],
    ['lapsed', 50, '安全生产月征文，没有交稿'],
  ];
  open.forEach(([status, daysAgo, note], i) => {
    const person = others[(i * 5) % Math.max(1, others.length)];
    if (!person) return;
    const askedMs = at(daysAgo, 10);
    add('websiteInvitations', 'invitation', askedMs, {
      personId: person.id,
      askedAt: iso(askedMs),
      status,
      note,
      websiteUpdateId: null,
    });
  });
}

export function addQuotes(ledger: DemoLedger): void {
  const { add, day, dateOnly, setupMs } = ledger;
  const quotes = QUOTES.map((text) =>
    add('quotes', 'quote', setupMs, { text, normalized: normalizeQuote(text), source: '网络中心整理' }),
  );
  let quoteIndex = 0;
  for (let d = 20; d >= 1; d--) {
    const date = day(d);
    // Working days as K6 counts them: public holidays off, adjusted working days (调休) on.
    if (!isWorkingDay(dateOnly(date))) continue;
    const quote = quotes[quoteIndex++ % quotes.length]!;
    add('quoteSchedule', 'schedule', date + 8 * HOUR, {
      date: dateOnly(date),
      quoteId: quote.id,
      shown: true,
    });
  }
}
