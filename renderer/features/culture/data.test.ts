// The daily quote's writes against a real (in-memory) ledger: a repeat is refused and nothing is
// written, a near-duplicate waits for confirmation, a schedule fills working days once, and moving
// a planned quote swaps two days in one step.
import { afterEach, describe, expect, it } from 'vitest';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { setLedgerSetting } from '../../db/ledger-settings';
import { workingDaysIn } from '../../../shared/calendar/workdays';
import {
  fillSchedule,
  importQuotes,
  moveScheduled,
  QuoteRefused,
  readCultureLedger,
  saveQuote,
} from './data';

let db: NetdeskDb | undefined;
afterEach(() => db?.close());

async function ledger() {
  db = await freshDb();
  const clock = manualClock();
  return { db, repo: createRepository(db, { now: clock.now }), clock };
}

describe('daily quote writes', () => {
  it('refuses a repeat in traditional characters and writes nothing', async () => {
    const { db, repo } = await ledger();
    await saveQuote(db, repo, { text: '学习是最好的投资。', source: '', tags: ['学习'] });
    await expect(
      saveQuote(db, repo, { text: '學習是最好的投資', source: '', tags: [] }),
    ).rejects.toBeInstanceOf(QuoteRefused);
    await expect(saveQuote(db, repo, { text: '  ', source: '', tags: [] })).rejects.toMatchObject({
      check: { kind: 'empty' },
    });
    expect(await db.quotes.count()).toBe(1);
    expect((await db.quotes.toArray())[0]!.tags).toEqual(['学习']);
  });

  it('holds a near-duplicate until the user confirms it', async () => {
    const { db, repo } = await ledger();
    await saveQuote(db, repo, { text: '天道酬勤，厚德载物。', source: '', tags: [] });
    const first = await saveQuote(db, repo, { text: '地道酬勤，厚德载物。', source: '', tags: [] });
    expect('near' in first && first.near.quote.text).toBe('天道酬勤，厚德载物。');
    expect(await db.quotes.count()).toBe(1);
    await saveQuote(db, repo, { text: '地道酬勤，厚德载物。', source: '', tags: [] }, { allowNear: true });
    expect(await db.quotes.count()).toBe(2);
  });

  it('schedules working days once, skipping company rest days, and swaps a planned pair', async () => {
    const { db, repo } = await ledger();
    await setLedgerSetting(db, repo, 'companyRestDays', ['2026-03-04']);
    await importQuotes(repo, ['一', '二', '三', '四', '五', '六'], '测试');
    const plan = await fillSchedule(db, repo, '2026-03-02', '2026-03-08');
    expect(plan.ok && plan.assignments.map((a) => a.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-05',
      '2026-03-06',
    ]);
    const again = await fillSchedule(db, repo, '2026-03-02', '2026-03-08');
    expect(again.ok && again.assignments).toEqual([]);
    expect(await db.quoteSchedule.count()).toBe(4);
    expect(await fillSchedule(db, repo, '2026-03-07', '2026-03-08')).toEqual({
      ok: false,
      reason: 'no-working-days',
    });

    const before = await readCultureLedger(db);
    const text = (date: string, l = before) =>
      l.quotes.find((q) => q.id === l.schedule.find((e) => e.date === date)!.quoteId)!.text;
    expect([text('2026-03-05'), text('2026-03-06')]).toEqual(['三', '四']);
    const fifth = before.schedule.find((e) => e.date === '2026-03-05')!;
    expect(await moveScheduled(db, repo, fifth.id, 1, '2026-03-02')).toBe(true);
    const after = await readCultureLedger(db);
    expect([text('2026-03-05', after), text('2026-03-06', after)]).toEqual(['四', '三']);
    // Today's and past days are history: not moved.
    const today = after.schedule.find((e) => e.date === '2026-03-02')!;
    expect(await moveScheduled(db, repo, today.id, 1, '2026-03-02')).toBe(false);
  });
});

describe('a year at once', () => {
  it('imports 600 quotes and fills a whole year of working days in one go', async () => {
    const { db, repo } = await ledger();
    const texts = Array.from({ length: 600 }, (_, i) => `第${i + 1}条：今天的努力是明天的底气。`);
    expect(await importQuotes(repo, texts, '年度语录')).toBe(600);
    const plan = await fillSchedule(db, repo, '2026-01-01', '2026-12-31');
    expect(plan.ok && plan.assignments.length).toBe(workingDaysIn('2026-01-01', '2026-12-31').length);
    expect(await db.quoteSchedule.count()).toBe(workingDaysIn('2026-01-01', '2026-12-31').length);
  });
});
