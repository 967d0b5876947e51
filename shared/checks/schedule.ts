// The routine-check schedule: what is due, done, done late or missed, for a day's machine-room
// rounds and a week's weekly checks, in China time.
//
// - Weekly checks (server maintenance, CCTV, website security, website backup) are due once in
//   each Monday–Sunday week; the week is reported in the month holding its Thursday
//   (shared/time/china.ts). A check counts for the week it was done in, or for the week of its
//   `forDay` when it was made up later: then it is done, late, by the time past the week's end.
// - Server maintenance is due for every server in service: the week is complete only when each
//   has a record covering it.
// - The machine room is walked four times on a working day (shared/calendar/workdays.ts, with the
//   company's own rest days). A slot is on time until the next slot starts (16:30 until midnight).
//   Two PCs recording the same slot keep both records; the slot is done once.
import { isWorkingDay, type CompanyRestDays } from '../calendar/workdays';
import { MACHINE_ROOM_SLOTS } from '../schemas/records';
import { addDays, chinaDay, dayStart, mondayOf, weekOf, type ChinaWeek } from '../time/china';
import type { CheckKind } from './templates';

export type MachineRoomSlot = (typeof MACHINE_ROOM_SLOTS)[number];

export const WEEKLY_KINDS = ['server-maintenance', 'cctv', 'website-security', 'website-backup'] as const;
export type WeeklyKind = (typeof WEEKLY_KINDS)[number];

/** What the schedule needs of a check record. */
export interface ScheduledCheck {
  id: string;
  kind: CheckKind;
  at: string;
  slot?: MachineRoomSlot | null;
  forDay?: string | null;
  deviceIds?: readonly string[];
  deletedAt?: string | null;
}

/**
 * - done: on time; late: done after its period ended (lateMs says by how much);
 * - due: its period is running and it is not done yet; upcoming: a round whose time has not come;
 * - overdue: its period ended and nothing was recorded for it.
 */
export type DueState = 'done' | 'late' | 'due' | 'upcoming' | 'overdue';

export interface DueItem {
  state: DueState;
  /** The record that settled it (the earliest), if any. */
  checkId: string | null;
  doneAt: string | null;
  lateMs: number;
}

const HOUR = 3600_000;

function slotOffsetMs(slot: MachineRoomSlot): number {
  const [h, m] = slot.split(':').map(Number);
  return h! * HOUR + m! * 60_000;
}

/** The instant a round of `day` is due, and the instant it turns late (the next slot, or midnight). */
export function slotWindow(day: string, slot: MachineRoomSlot): { start: Date; end: Date } {
  const base = dayStart(day).getTime();
  const index = MACHINE_ROOM_SLOTS.indexOf(slot);
  const next = MACHINE_ROOM_SLOTS[index + 1];
  return {
    start: new Date(base + slotOffsetMs(slot)),
    end: new Date(next ? base + slotOffsetMs(next) : dayStart(addDays(day, 1)).getTime()),
  };
}

/** The China day a check counts for: its forDay, else the day it was done. */
export function countsForDay(check: Pick<ScheduledCheck, 'at' | 'forDay'>): string {
  return check.forDay ?? chinaDay(check.at);
}

/** The Monday of the week a check counts for. */
export function countsForWeek(check: Pick<ScheduledCheck, 'at' | 'forDay'>): string {
  return mondayOf(countsForDay(check));
}

function live<T extends ScheduledCheck>(checks: readonly T[]): T[] {
  return checks.filter((c) => !c.deletedAt);
}

function settle(
  candidates: readonly ScheduledCheck[],
  endMs: number,
  nowMs: number,
  startMs: number,
): DueItem {
  const first = [...candidates].sort((a, b) => a.at.localeCompare(b.at))[0];
  if (first) {
    const lateMs = Math.max(0, Date.parse(first.at) - endMs);
    return { state: lateMs > 0 ? 'late' : 'done', checkId: first.id, doneAt: first.at, lateMs };
  }
  const state: DueState = nowMs >= endMs ? 'overdue' : nowMs >= startMs ? 'due' : 'upcoming';
  return { state, checkId: null, doneAt: null, lateMs: 0 };
}

export interface RoundSlotState extends DueItem {
  slot: MachineRoomSlot;
  /** How many records the slot has (two PCs may both have recorded it). */
  records: number;
}

/**
 * The four rounds of a day, or none when the day is not a working day. `checks` may hold any
 * records; only machine-room rounds counting for `day` are used.
 */
export function roundsOfDay(
  day: string,
  checks: readonly ScheduledCheck[],
  now: Date,
  restDays: CompanyRestDays = [],
): RoundSlotState[] {
  if (!isWorkingDay(day, restDays)) return [];
  const rounds = live(checks).filter((c) => c.kind === 'machine-room' && c.slot && countsForDay(c) === day);
  return MACHINE_ROOM_SLOTS.map((slot) => {
    const window = slotWindow(day, slot);
    const mine = rounds.filter((c) => c.slot === slot);
    return {
      slot,
      records: mine.length,
      ...settle(mine, window.end.getTime(), now.getTime(), window.start.getTime()),
    };
  });
}

export interface WeeklyKindState extends DueItem {
  kind: WeeklyKind;
  /** Server maintenance only: servers in service that week without a record covering them. */
  missingServerIds: string[];
}

/**
 * The weekly checks of the week holding `day`. For server maintenance the week is done only when
 * every server of `serverIds` is covered; it is late when the last server was covered after the
 * week ended.
 */
export function weeklyOfWeek(
  day: string,
  checks: readonly ScheduledCheck[],
  serverIds: readonly string[],
  now: Date,
): WeeklyKindState[] {
  const week = weekOf(day);
  const mine = live(checks).filter((c) => countsForWeek(c) === week.monday);
  return WEEKLY_KINDS.map((kind) => {
    const ofKind = mine.filter((c) => c.kind === kind);
    if (kind !== 'server-maintenance') {
      return {
        kind,
        missingServerIds: [],
        ...settle(ofKind, week.end.getTime(), now.getTime(), week.start.getTime()),
      };
    }
    // Each server is settled by the first record covering it; the week by the last of those.
    const coveredAt = new Map<string, ScheduledCheck>();
    for (const c of [...ofKind].sort((a, b) => a.at.localeCompare(b.at)))
      for (const id of c.deviceIds ?? []) if (!coveredAt.has(id)) coveredAt.set(id, c);
    const missingServerIds = serverIds.filter((id) => !coveredAt.has(id));
    if (serverIds.length === 0 || missingServerIds.length > 0) {
      const open = settle([], week.end.getTime(), now.getTime(), week.start.getTime());
      return { kind, missingServerIds, ...open };
    }
    const settling = serverIds.map((id) => coveredAt.get(id)!).sort((a, b) => b.at.localeCompare(a.at));
    return {
      kind,
      missingServerIds,
      ...settle([settling[0]!], week.end.getTime(), now.getTime(), week.start.getTime()),
    };
  });
}

/** What the screen and the dashboard show as "to do": today's rounds and this week's checks. */
export interface TodaySummary {
  day: string;
  week: ChinaWeek;
  workingDay: boolean;
  rounds: RoundSlotState[];
  weekly: WeeklyKindState[];
  /** Rounds and weekly checks whose time has come and are not done. */
  dueCount: number;
  /** Rounds of today and weekly checks of last week that were never recorded. */
  overdueCount: number;
}

export function todaySummary(
  checks: readonly ScheduledCheck[],
  serverIds: readonly string[],
  now: Date,
  restDays: CompanyRestDays = [],
): TodaySummary {
  const day = chinaDay(now);
  const rounds = roundsOfDay(day, checks, now, restDays);
  const weekly = weeklyOfWeek(day, checks, serverIds, now);
  const lastWeek = weeklyOfWeek(addDays(day, -7), checks, serverIds, now);
  return {
    day,
    week: weekOf(day),
    workingDay: isWorkingDay(day, restDays),
    rounds,
    weekly,
    dueCount: [...rounds, ...weekly].filter((s) => s.state === 'due').length,
    overdueCount: [...rounds, ...lastWeek].filter((s) => s.state === 'overdue').length,
  };
}
