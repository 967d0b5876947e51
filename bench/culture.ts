// The daily quote's figures at ten years' scale (~2,500 quotes shown): checking a new quote against
// every quote in the library, near-duplicate search included, and scheduling a year of working
// days. Both are pure rules (shared/culture) that run the same in the page, so they are timed in
// Node, over a library built once as the screen builds it when the ledger is read.
import { buildQuoteIndex, checkQuote } from '../shared/culture/quotes';
import { planSchedule } from '../shared/culture/schedule';
import { workingDaysIn } from '../shared/calendar/workdays';

type Measure = (figure: string, ms: number[], extra: { budget?: number; note: string }) => unknown;

const HAN =
  '天道酬勤厚德载物学习是最好的投资行动治愈焦虑良药不积跬步无以至千里安全无小事责任重于山质量企业生命今日毕心中有目标脚下力量微笑名片精益求卓越守时信言出必节约每一度电爱护台设备沟通从倾听开始以客户为中品根本积极态成功起点';

/** Distinct quotes of 14–26 characters from a fixed seed, the library's length. */
function quoteTexts(count: number): string[] {
  // mulberry32: a 32-bit generator that stays exact in integer arithmetic.
  let seed = 20261207;
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

export function cultureFigures(measured: Measure, runs: number): void {
  const texts = quoteTexts(2_600);
  const quotes = texts.map((text, i) => ({ id: `q${i}`, text, createdAt: '2016-01-01T00:00:00.000Z' }));
  const build: number[] = [];
  let index = buildQuoteIndex(quotes);
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const t0 = performance.now();
    index = buildQuoteIndex(quotes);
    build.push(performance.now() - t0);
  }
  measured('daily quote: fold a library of 2,600', build, {
    note: 'once per read of the ledger (traditional to simplified with OpenCC), in Node',
  });
  const candidates = quoteTexts(2_600 + runs).slice(2_600);
  const check: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate a new quote and one with a character changed (the near-duplicate path).
    const text = i % 2 ? candidates[i]! : texts[i * 97]!.replace(/^./, '地');
    const t0 = performance.now();
    checkQuote(text, index);
    check.push(performance.now() - t0);
  }
  measured('daily quote: check a new one against 2,600', check, {
    budget: 50,
    note: 'repeat and near-duplicate (edit distance) against every quote, in Node',
  });

  // Ten years shown (one a working day), then the next year planned from the rest.
  const past = workingDaysIn('2016-01-01', '2025-12-31').slice(0, 2_500);
  const entries = past.map((date, i) => ({ id: `e${i}`, date, quoteId: `q${i}` }));
  const year: number[] = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    const t0 = performance.now();
    const plan = planSchedule({ from: '2026-01-01', to: '2026-12-31', quotes, entries, restDays: [] });
    year.push(performance.now() - t0);
    if (!plan.ok || plan.assignments.length === 0) throw new Error('the year was not scheduled');
  }
  measured('daily quote: schedule a year of working days', year, {
    budget: 500,
    note: '2,500 days already shown, 2,600 quotes, in Node',
  });
}
