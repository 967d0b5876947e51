// What every group of page figures (bench/checks.ts, bench/kpi.ts, bench/culture.ts) is handed by
// bench/run.ts: `call`, which runs one method of the group's page hook in the bench page and
// returns its result, and `measured`, which records a figure in the table; and the median they
// use for a baseline (the lower middle of an even count, so it is always a run that happened).
import type { Figure } from './report';

/** Calls `method` of the page hook `Hook` (bench/page/*.ts) in the page, with its parameters. */
export type HookCall<Hook extends { [K in keyof Hook]: (...args: never[]) => unknown }> = <
  K extends keyof Hook,
>(
  method: K,
  ...params: Parameters<Hook[K]>
) => Promise<Awaited<ReturnType<Hook[K]>>>;

/** Records one figure from its timed runs (ms unless `unit` says otherwise). */
export type Measured = (
  figure: string,
  ms: number[],
  extra?: Partial<Pick<Figure, 'budget' | 'baseline' | 'note' | 'unit'>>,
) => Figure;

/** The median of `xs` (the lower of the two middle runs for an even count); 0 for none. */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};
