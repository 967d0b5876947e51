// What every step of the bench's dataset writes with: its plan (years, sizes, the period), the
// seeded dice of the small tables, the record writer (ids numbered per kind, every field stamped
// at the record's update time by the dataset's node) and the China-time calendar of the period.
// createDataset (generate.ts) starts one and hands it to each step in turn.
import { dice, prng, type Dice } from '../demo/random';
import type { LedgerTable, RecordContent, StoredRecord } from '../schemas';
import { chinaDay, dayStart as chinaDayStart, isoWeekday } from '../time/china';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Every table but the repair cards and events, which come in batches (see cards.ts). */
export type DirectoryTables = {
  [T in Exclude<LedgerTable, 'repairCards' | 'repairEvents' | 'kpiReports'>]: StoredRecord<T>[];
};

export interface DatasetSize {
  seed: number;
  years: number;
  employees: number;
  devices: number;
  cards: number;
  nowMs: number;
  /** `years` of 365 days before now. */
  startMs: number;
}

export interface DatasetLedger extends Dice, DatasetSize {
  /** `dsN` for seed N (`ds` for seed 1): the start of every id. */
  prefix: string;
  /** The node every stamp names. */
  nodeId: string;
  tables: DirectoryTables;
  /** An `n`-digit number without a leading zero. */
  digits: (n: number) => string;
  nextId: (kind: string) => string;
  add: <T extends keyof DirectoryTables>(
    table: T,
    kind: string,
    createdMs: number,
    content: RecordContent<T>,
  ) => StoredRecord<T>;
  iso: (ms: number) => string;
  /** The China calendar date, `YYYY-MM-DD`. */
  dateOnly: (ms: number) => string;
  /** Midnight in China of the day `ms` falls on. */
  dayStart: (ms: number) => number;
  /** 0 = Sunday … 6 = Saturday, in China time. */
  weekday: (ms: number) => number;
  /** The first Monday of the period, at midnight China time. */
  firstMonday: number;
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function startDatasetLedger(size: DatasetSize): DatasetLedger {
  const rolls = dice(prng(size.seed * 104729 + 7));
  const prefix = size.seed === 1 ? 'ds' : `ds${size.seed}`;
  const nodeId = `dataset${size.seed}`;
  const ids = new Map<string, number>();
  const nextId = (kind: string) => {
    const n = (ids.get(kind) ?? 0) + 1;
    ids.set(kind, n);
    return `${prefix}-${kind}-${pad(n, 6)}`;
  };
  const tables: DirectoryTables = {
    departments: [],
    people: [],
    devices: [],
    deviceHandovers: [],
    routineChecks: [],
    networkIncidents: [],
    imPermissions: [],
    purchaseEvaluations: [],
    websiteUpdates: [],
    websiteInvitations: [],
    quotes: [],
    quoteSchedule: [],
    trainings: [],
    trainingAttendees: [],
    ledgerSettings: [],
  };
  const dayStart = (ms: number) => chinaDayStart(chinaDay(ms)).getTime();
  const weekday = (ms: number) => isoWeekday(chinaDay(ms)) % 7;
  return {
    ...size,
    ...rolls,
    prefix,
    nodeId,
    tables,
    digits: (n) => String(rolls.int(10 ** (n - 1), 10 ** n - 1)),
    nextId,
    add: (table, kind, createdMs, content) => {
      const record = stored(nextId(kind), createdMs, createdMs, content, nodeId);
      (tables[table] as StoredRecord<typeof table>[]).push(record);
      return record;
    },
    iso: (ms) => new Date(ms).toISOString(),
    dateOnly: (ms) => chinaDay(ms),
    dayStart,
    weekday,
    firstMonday: dayStart(size.startMs) + ((8 - weekday(size.startMs)) % 7) * DAY,
  };
}

/** A stored record with every stamped field (content, createdAt, deletedAt) stamped at `updatedMs`. */
export function stored<T extends LedgerTable>(
  id: string,
  createdMs: number,
  updatedMs: number,
  content: RecordContent<T>,
  nodeId: string,
): StoredRecord<T> {
  // formatHlc's layout (15-digit wall ms, counter 0000, node id), written out: this runs ~1.4M times.
  const stamp = `${String(updatedMs).padStart(15, '0')}-0000-${nodeId}`;
  const hlc: Record<string, string> = { createdAt: stamp, deletedAt: stamp };
  for (const key of Object.keys(content)) hlc[key] = stamp;
  return {
    ...content,
    id,
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
    deletedAt: null,
    hlc,
  };
}

/** The working days (Monday to Friday) after the period's first day and before today. */
export function workdaysOf(ledger: DatasetLedger): number[] {
  const { dayStart, weekday, startMs, nowMs } = ledger;
  const days: number[] = [];
  for (let d = dayStart(startMs) + DAY; d < dayStart(nowMs); d += DAY) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) days.push(d);
  }
  return days;
}
