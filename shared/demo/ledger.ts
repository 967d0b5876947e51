// What every step of the demo ledger writes with: the seeded dice, the record writer (validated
// against the table's schema, ids numbered per kind in creation order, every field stamped with a
// demo hybrid clock at the record's update time) and the China-time calendar counted back from
// `now`. shared/demo.ts starts one, hands it to each step in turn and finishes it into a backup.
import type { LedgerBackup } from '../backup';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../backup';
import {
  ledgerTables,
  storedRecordSchema,
  type LedgerTable,
  type RecordInput,
  type StoredRecord,
} from '../schemas';
import { chinaDay, dayStart as chinaDayStart, isoWeekday } from '../time/china';
import { dice, prng, type Dice } from './random';

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

export interface DemoLedgerOptions {
  seed?: number;
  /** The moment the demo is "exported": every record is dated before it. */
  now: Date;
  /** How many people the directory holds (at least one per department); 40 by default. */
  people?: number;
}

export type DemoTables = { [T in LedgerTable]: StoredRecord<T>[] };

export interface DemoLedger extends Dice {
  seed: number;
  nowMs: number;
  /** When the ledger was set up: the directory and the devices are dated then. */
  setupMs: number;
  tables: DemoTables;
  /** `n` random decimal digits. */
  digits: (n: number) => string;
  /** Validate the content, apply defaults, add the metadata, and store it. */
  add: <T extends LedgerTable>(
    table: T,
    kind: string,
    createdMs: number,
    content: RecordInput<T>,
    updatedMs?: number,
  ) => StoredRecord<T>;
  /** Midnight in China `daysAgo` days before today. */
  day: (daysAgo: number) => number;
  /** `hh:mm` China time `daysAgo` days before today, never later than now. */
  at: (daysAgo: number, hh: number, mm?: number) => number;
  /** The Monday of the week `weeksAgo` weeks before this one, at midnight China time. */
  monday: (weeksAgo: number) => number;
  /** 0 = Sunday … 6 = Saturday, in China time. */
  weekday: (ms: number) => number;
  /** The China calendar date, `YYYY-MM-DD`. */
  dateOnly: (ms: number) => string;
  iso: (ms: number) => string;
}

/**
 * An empty demo ledger. Ids read `demo-person-0001` for seed 1 and `demo7-person-0001` for seed 7,
 * so demo ledgers of different seeds never overwrite each other when both are imported.
 */
export function startDemoLedger(options: DemoLedgerOptions): DemoLedger {
  const seed = options.seed ?? 1;
  const nowMs = options.now.getTime();
  const rolls = dice(prng(seed * 7919 + 17));
  const idPrefix = seed === 1 ? 'demo' : `demo${seed}`;
  const tables: DemoTables = {
    departments: [],
    people: [],
    devices: [],
    deviceHandovers: [],
    repairCards: [],
    repairEvents: [],
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
    kpiReports: [],
    ledgerSettings: [],
  };
  const counters = new Map<string, number>();
  const nextId = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${idPrefix}-${kind}-${String(n).padStart(4, '0')}`;
  };
  const stamp = (ms: number) => `${String(ms).padStart(15, '0')}-0000-demo`;
  const iso = (ms: number) => new Date(ms).toISOString();

  const add = <T extends LedgerTable>(
    table: T,
    kind: string,
    createdMs: number,
    content: RecordInput<T>,
    updatedMs = createdMs,
  ): StoredRecord<T> => {
    const id = nextId(kind);
    const parsed = ledgerTables[table].parse(content) as Record<string, unknown>;
    const hlc = Object.fromEntries(Object.keys(parsed).map((k) => [k, stamp(updatedMs)]));
    const record = storedRecordSchema(table).parse({
      ...parsed,
      id,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      deletedAt: null,
      hlc,
    }) as StoredRecord<T>;
    tables[table].push(record);
    return record;
  };

  const todayStart = chinaDayStart(chinaDay(nowMs)).getTime();
  const day = (daysAgo: number) => todayStart - daysAgo * DAY;
  const weekday = (ms: number) => isoWeekday(chinaDay(ms)) % 7;
  return {
    ...rolls,
    seed,
    nowMs,
    setupMs: day(200),
    tables,
    digits: (n) => Array.from({ length: n }, () => String(rolls.int(0, 9))).join(''),
    add,
    day,
    at: (daysAgo, hh, mm = 0) => Math.min(day(daysAgo) + hh * HOUR + mm * 60000, nowMs),
    monday: (weeksAgo) => day(((weekday(nowMs) + 6) % 7) + 7 * weeksAgo),
    weekday,
    dateOnly: (ms) => chinaDay(ms),
    iso,
  };
}

/** The finished demo as a backup document, exported at `now`. */
export function finishDemoLedger(ledger: DemoLedger): LedgerBackup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(ledger.nowMs).toISOString(),
    source: { nodeId: 'demo', name: '演示数据' },
    tables: ledger.tables,
  };
}
