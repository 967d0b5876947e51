// The "time left / overdue" text of a repair card in the list and on the dashboard:
// 剩 3 小时 20 分, 超时 2 小时, or the English equivalent. Pure, so both languages are tested here.
export type MarginLang = 'zh-CN' | 'en';

const MINUTE = 60_000;

/** Days, hours and minutes of a duration, dropping the smaller units once it is long. */
function parts(ms: number): { d: number; h: number; m: number } {
  // Whole minutes, rounded toward "less time left" / "more overdue" would flicker at the edge;
  // floor of the absolute value reads naturally ("剩 0 分" in the last minute).
  const totalMinutes = Math.floor(ms / MINUTE);
  const d = Math.floor(totalMinutes / (24 * 60));
  const h = Math.floor((totalMinutes % (24 * 60)) / 60);
  const m = totalMinutes % 60;
  return { d, h, m };
}

function zh({ d, h, m }: { d: number; h: number; m: number }): string {
  if (d > 0) return h > 0 ? `${d} 天 ${h} 小时` : `${d} 天`;
  if (h > 0) return m > 0 ? `${h} 小时 ${m} 分` : `${h} 小时`;
  return `${m} 分`;
}

function en({ d, h, m }: { d: number; h: number; m: number }): string {
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

/**
 * Text of a card's SLA margin (`due - now`, as evaluateSla's marginMs): positive is time left,
 * negative is time overdue. Past a day only days and hours are shown.
 */
export function formatSlaMargin(marginMs: number, lang: MarginLang): string {
  const overdue = marginMs < 0;
  const p = parts(Math.abs(marginMs));
  if (lang === 'zh-CN') return overdue ? `超时 ${zh(p)}` : `剩 ${zh(p)}`;
  return overdue ? `${en(p)} overdue` : `${en(p)} left`;
}

/** Margin of a card in the list from its stored due time, or null without a running clock. */
export function slaMarginMs(slaDueAt: string | null, now: Date): number | null {
  return slaDueAt === null ? null : Date.parse(slaDueAt) - now.getTime();
}
