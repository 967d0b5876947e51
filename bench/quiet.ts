// Waiting for the machine to settle before a timed cold start. A freshly launched Chromium keeps
// both cores of a small PC busy for a second or two with its own start-up work (in Chromium 156
// headless, chiefly its address bar's WebUI pop-up: ~1.5 s of CPU), which has nothing to do with
// NetDesk and does not exist in the Electron window the app really runs in. Measured on this
// machine: the same build, timed at once after launch vs after settling, quick ledger 1.40 s vs
// 1.01 s, ten-year ledger 1.54 s vs 1.38 s.
import { cpus } from 'node:os';

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/** Share of CPU time that was idle, over all cores, during `ms`. */
export async function idleShare(ms: number): Promise<number> {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  const total = b.total - a.total;
  return total > 0 ? (b.idle - a.idle) / total : 1;
}

/**
 * Resolves once the machine has been mostly idle (`share` of all cores) for `calmWindows` windows
 * in a row, or after `maxMs` at most; returns how long it waited.
 */
export async function waitUntilQuiet({
  share = 0.85,
  windowMs = 250,
  calmWindows = 2,
  maxMs = 10_000,
} = {}): Promise<number> {
  const started = performance.now();
  let calm = 0;
  while (calm < calmWindows && performance.now() - started < maxMs) {
    calm = (await idleShare(windowMs)) >= share ? calm + 1 : 0;
  }
  return performance.now() - started;
}
