// The ten-year ledger for `npm run bench` and `netdesk demo --years N --employees E`: a large
// real-estate group (headquarters, a property company, a commercial-management company and city
// project companies), its staff and their turnover, devices by type with the attachment rule
// (printers and peripherals hang off a computer, cameras off a recorder), repair cards with
// realistic timelines (parts waits, refusals and approvals, suggestions, vendor calls, late
// ones), weekly checks with some misses, incidents, quotes and their schedule, website updates
// and trainings.
//
// Deterministic (seeded dice from shared/demo/random.ts, no clock reads) and built for size: the small
// tables come at once (`directory`), the repair cards and their events in batches
// (`cardBatches`), so 200,000 cards (~1 GB of JSON with their events) never sit in memory at
// once. Records are assembled with every field set, typed against the record schemas; the unit
// test runs a small instance through validateBackup so they also pass the schemas at runtime.
import type { BackupTables, LedgerBackup } from '../backup';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../backup';
import { DEMO_COMPANY, DEPARTMENTS } from '../demo/words';
import type { StoredRecord } from '../schemas';
import { cardBatches, type CardBatch } from './cards';
import { addMachineRoomRounds, addWeeklyChecks } from './checks';
import { addQuotes, addWebsiteUpdates } from './culture';
import { addDevices } from './devices';
import { addPurchaseEvaluations } from './evaluations';
import { DAY, startDatasetLedger, workdaysOf, type DatasetSize } from './ledger';
import { addImPermissions, addNetworkIncidents } from './network';
import { addCompaniesAndPeople } from './people';
import { addTrainings } from './training';

export type { CardBatch } from './cards';

export interface DatasetOptions {
  /** The moment the dataset ends: every record is dated at or before it. */
  now: Date;
  seed?: number;
  /** Years of history before `now`. */
  years?: number;
  /** Employees in the group today (people who left over the years come on top). */
  employees?: number;
  /** Devices of every type, retired ones included. */
  devices?: number;
  /** Repair cards over the whole period. */
  cards?: number;
}

/** The bench's ten-year group. */
export const BENCH_DATASET = { years: 10, employees: 5000, devices: 20000, cards: 200000 } as const;

export interface DatasetPlan {
  seed: number;
  years: number;
  employees: number;
  devices: number;
  cards: number;
  from: string;
  now: string;
}

export interface Dataset {
  plan: DatasetPlan;
  /** Every table except repair cards and their events (tens of thousands of records). */
  directory: BackupTables;
  /** The repair cards in order of receipt, with their events, `size` cards per batch. */
  cardBatches(size?: number): Generator<CardBatch>;
}

/**
 * Build the plan, the small tables and the card generator. Cheap to call: cards are only made
 * when `cardBatches()` is iterated, and iterating it twice gives the same cards.
 */
export function createDataset(options: DatasetOptions): Dataset {
  const size = datasetSize(options);
  const ledger = startDatasetLedger(size);
  ledger.add('ledgerSettings', 'setting', size.startMs, { key: 'companyName', value: DEMO_COMPANY });
  const staff = addCompaniesAndPeople(ledger);
  const devices = addDevices(ledger, staff);
  addWeeklyChecks(ledger, staff, devices);
  const workdays = workdaysOf(ledger);
  addMachineRoomRounds(ledger, staff, workdays);
  addNetworkIncidents(ledger, staff);
  addImPermissions(ledger, staff, devices);
  addPurchaseEvaluations(ledger, staff, devices);
  addWebsiteUpdates(ledger, staff);
  addQuotes(ledger, workdays);
  addTrainings(ledger, staff);
  return {
    plan: {
      seed: size.seed,
      years: size.years,
      employees: size.employees,
      devices: size.devices,
      cards: size.cards,
      from: new Date(size.startMs).toISOString(),
      now: options.now.toISOString(),
    },
    directory: ledger.tables,
    cardBatches: (batchSize) => cardBatches(ledger, staff, devices, batchSize),
  };
}

/** The options with their defaults and floors: a department each at least, a computer each. */
function datasetSize(options: DatasetOptions): DatasetSize {
  const years = Math.max(1, Math.floor(options.years ?? BENCH_DATASET.years));
  const employees = Math.max(DEPARTMENTS.length, Math.floor(options.employees ?? BENCH_DATASET.employees));
  const nowMs = options.now.getTime();
  return {
    seed: options.seed ?? 1,
    years,
    employees,
    devices: Math.max(employees + 20, Math.floor(options.devices ?? employees * 4)),
    cards: Math.max(0, Math.floor(options.cards ?? employees * years * 4)),
    nowMs,
    startMs: nowMs - years * 365 * DAY,
  };
}

/** The whole dataset as one backup, for small instances (tests, `netdesk demo` of a few years). */
export function buildDatasetBackup(options: DatasetOptions): LedgerBackup {
  const dataset = createDataset(options);
  const repairCards: StoredRecord<'repairCards'>[] = [];
  const repairEvents: StoredRecord<'repairEvents'>[] = [];
  for (const batch of dataset.cardBatches()) {
    repairCards.push(...batch.repairCards);
    repairEvents.push(...batch.repairEvents);
  }
  return datasetEnvelope(dataset, { ...dataset.directory, repairCards, repairEvents });
}

/** A backup document around some tables of the dataset (the bench writes the ledger in such chunks). */
export function datasetEnvelope(dataset: Dataset, tables: BackupTables): LedgerBackup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: dataset.plan.now,
    source: { nodeId: `dataset${dataset.plan.seed}`, name: '基准数据 / bench dataset' },
    tables,
  };
}
