// The week grid: for a run of weeks, one row per weekly kind and one per server in service, each
// cell the week's state, so gaps show at a glance like a calendar heat map. Records are grouped by
// week once, so a year of a ten-year ledger is one pass over its checks.
import { addDays, weekOf } from '../time/china';
import { countsForWeek, WEEKLY_KINDS, type DueState, type ScheduledCheck, type WeeklyKind } from './schedule';

export interface GridServer {
  id: string;
  label: string;
}

export interface WeekGrid {
  /** The Mondays of the weeks, oldest first. */
  weeks: string[];
  kinds: { kind: WeeklyKind; cells: DueState[] }[];
  servers: { id: string; label: string; cells: DueState[] }[];
}

/** `count` weeks ending with the week holding `lastDay`. */
export function weekGrid(
  lastDay: string,
  count: number,
  checks: readonly ScheduledCheck[],
  servers: readonly GridServer[],
  now: Date,
): WeekGrid {
  const lastMonday = weekOf(lastDay).monday;
  const weeks: string[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(addDays(lastMonday, -7 * i));
  const first = weeks[0]!;
  const nowMs = now.getTime();

  // week → kind → earliest record; week → server → earliest record.
  const byWeek = new Map<string, Map<string, ScheduledCheck>>();
  const serverWeek = new Map<string, ScheduledCheck>();
  for (const c of checks) {
    if (c.deletedAt || c.kind === 'machine-room') continue;
    const monday = countsForWeek(c);
    if (monday < first || monday > lastMonday) continue;
    let kinds = byWeek.get(monday);
    if (!kinds) byWeek.set(monday, (kinds = new Map<string, ScheduledCheck>()));
    const seen = kinds.get(c.kind);
    if (!seen || c.at < seen.at) kinds.set(c.kind, c);
    if (c.kind === 'server-maintenance')
      for (const id of c.deviceIds ?? []) {
        const key = `${monday}|${id}`;
        const had = serverWeek.get(key);
        if (!had || c.at < had.at) serverWeek.set(key, c);
      }
  }

  // Each week's bounds once (not once per cell: a ten-year register is ~150 servers × 52 weeks).
  const bounds = weeks.map((monday) => {
    const week = weekOf(monday);
    return { startMs: week.start.getTime(), endMs: week.end.getTime() };
  });
  const stateOf = (w: number, check: ScheduledCheck | undefined): DueState => {
    const { startMs, endMs } = bounds[w]!;
    if (check) return Date.parse(check.at) > endMs ? 'late' : 'done';
    if (nowMs >= endMs) return 'overdue';
    return nowMs >= startMs ? 'due' : 'upcoming';
  };

  return {
    weeks,
    kinds: WEEKLY_KINDS.map((kind) => ({
      kind,
      cells: weeks.map((monday, w) => stateOf(w, byWeek.get(monday)?.get(kind))),
    })),
    servers: servers.map((s) => ({
      id: s.id,
      label: s.label,
      cells: weeks.map((monday, w) => stateOf(w, serverWeek.get(`${monday}|${s.id}`))),
    })),
  };
}
