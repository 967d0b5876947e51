// The daily quote's figures of `npm run bench`, in the page (bench/page/hook.ts spreads them into
// window.__netdeskBench), over the ten-year ledger the bench imported (a quote shown every working
// day, the website updates beside them): a new quote checked as the quote form checks it on save
// (the ledger read, the library folded, repeat and near-duplicate search), the pure check against a
// library already folded, and a year of working days planned and filled as the schedule tab does —
// each beside a raw read of the quotes table from the same run.
import { registerCommitHook } from '../../renderer/db/commit';
import { createRepository } from '../../renderer/db/repository';
import { quoteLibraryHook } from '../../renderer/features/culture/library-cache';
import { kpiMonthCacheHook } from '../../renderer/features/kpi/month-cache-hook';
import { kpiQuoteFoldHook } from '../../renderer/features/kpi/quote-fold-store';
import { openNetdeskDb, type NetdeskDb } from '../../renderer/db/schema';
import {
  fillSchedule,
  importQuotes,
  QuoteRefused,
  readCultureLedger,
  saveQuote,
} from '../../renderer/features/culture/data';
import { checkQuote } from '../../shared/culture/quotes';
import { planSchedule } from '../../shared/culture/schedule';
import { isListed } from '../../shared/sync/arrival';
import { addDays } from '../../shared/time/china';

let ledger: NetdeskDb | null = null;
const open = async () => (ledger ??= await openNetdeskDb());

async function times(runs: number, once: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once(i);
    out.push(performance.now() - t0);
  }
  return out;
}

const HAN =
  '天道酬勤厚德载物学习是最好的投资行动治愈焦虑良药不积跬步无以至千里安全无小事责任重于山质量企业生命今日毕心中有目标脚下力量微笑名片精益求卓越守时信言出必节约每一度电爱护台设备沟通从倾听开始以客户为中品根本积极态成功起点';

/** Distinct quotes of 14–26 characters from a fixed seed (mulberry32), none of the dataset's phrases. */
function quoteTexts(count: number, seed0: number): string[] {
  let seed = seed0;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const out = new Set<string>();
  while (out.size < count) {
    const n = 14 + Math.floor(rnd() * 13);
    let s = '';
    for (let i = 0; i < n; i++) s += HAN[Math.floor(rnd() * HAN.length)];
    out.add(`${s.slice(0, n >> 1)}，${s.slice(n >> 1)}。`);
  }
  return [...out];
}

export const cultureBench = {
  /** What the library holds: quotes, days shown, website updates (live). */
  async cultureCounts(): Promise<{ quotes: number; shown: number; updates: number }> {
    const db = await open();
    const [quotes, shown, updates] = await Promise.all([
      db.quotes.toArray(),
      db.quoteSchedule.toArray(),
      db.websiteUpdates.toArray(),
    ]);
    return {
      quotes: quotes.filter(isListed).length,
      shown: shown.filter(isListed).length,
      updates: updates.filter(isListed).length,
    };
  },

  /** Baseline: every quote read from the table, nothing else. */
  async rawQuotesRead(runs: number): Promise<number[]> {
    const db = await open();
    return times(runs, () => db.quotes.toArray());
  },

  /**
   * A new quote checked as the form's save checks it (saveQuote: the library from its kept copy,
   * folded, then the check), alternately one character away from a quote shown (the near-duplicate
   * warning; nothing written) and a shown one in other punctuation (refused as a repeat). And the
   * check alone against the library folded once, what the check itself costs.
   */
  async quoteCheck(runs: number): Promise<{ saveMs: number[]; checkMs: number[]; kinds: string[] }> {
    const db = await open();
    const repo = createRepository(db);
    const { quotes, index } = await readCultureLedger(db);
    const shown = quotes.filter((q) => q.text.length >= 8);
    const candidate = (i: number) => {
      const q = shown[(i * 97) % shown.length]!.text;
      return i % 2
        ? q.replace(/[，。]/g, (c) => (c === '，' ? ',' : '.'))
        : `${q.slice(0, 3)}善${q.slice(4)}`;
    };
    const kinds: string[] = [];
    // The library's kept copy and its hook, as the app registers them when the ledger opens; the
    // first save of a session reads the table (the figure's max), the rest check the kept copy.
    const unregister = registerCommitHook(quoteLibraryHook);
    const saveMs = await times(runs, async (i) => {
      try {
        const result = await saveQuote(db, repo, { text: candidate(i), source: '', tags: [] });
        kinds.push('near' in result ? 'near' : 'saved');
      } catch (err) {
        if (!(err instanceof QuoteRefused)) throw err;
        kinds.push(err.check.kind);
      }
    });
    unregister();
    if (kinds.includes('saved')) throw new Error('a bench quote was saved: the check found no repeat');
    const checkMs = await times(runs, (i) => Promise.resolve(checkQuote(candidate(i), index)));
    return { saveMs, checkMs, kinds };
  },

  /** Import `count` new quotes (untimed set-up: a year to plan needs unused ones). */
  async addUnusedQuotes(count: number): Promise<number> {
    const db = await open();
    return importQuotes(createRepository(db), quoteTexts(count, 20270101), '基准测试');
  },

  /**
   * A year of working days after the last day scheduled: planned as the schedule tab plans it (the
   * ledger read and folded, then planSchedule), without writing; then filled for real (fillSchedule:
   * the same, and the days written through the repository), one year after another.
   */
  async scheduleYear(runs: number): Promise<{ planMs: number[]; fillMs: number[]; days: number[] }> {
    const db = await open();
    const repo = createRepository(db);
    const next = async () => {
      const last = (await db.quoteSchedule.orderBy('date').last())?.date ?? '2026-01-01';
      return { from: addDays(last, 1), to: addDays(last, 365) };
    };
    const days: number[] = [];
    const planMs = await times(runs, async () => {
      const range = await next();
      const ledgerNow = await readCultureLedger(db);
      const plan = planSchedule({
        ...range,
        quotes: ledgerNow.quotes,
        entries: ledgerNow.schedule,
        restDays: ledgerNow.restDays,
      });
      if (!plan.ok) throw new Error(`the year was not planned: ${plan.reason}`);
    });
    // The hooks the app has registered when the schedule tab fills: the library's kept copy, and
    // the KPI's month summaries and quote folds, which a schedule write forgets.
    const unregister = [quoteLibraryHook, kpiMonthCacheHook, kpiQuoteFoldHook].map(registerCommitHook);
    const fillMs = await times(Math.min(runs, 3), async () => {
      const range = await next();
      const plan = await fillSchedule(db, repo, range.from, range.to);
      if (!plan.ok || plan.assignments.length === 0) throw new Error('the year was not filled');
      days.push(plan.assignments.length);
    }).finally(() => unregister.forEach((u) => u()));
    return { planMs, fillMs, days };
  },
};
