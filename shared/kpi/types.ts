// What the KPI engine reads and what it answers. The engine depends only on the fields it uses
// (narrow interfaces below), so the ledger's record schemas can grow without breaking it; a stored
// record of the matching table satisfies each interface as it is.
import type { QuoteFold } from './quote-fold';
import type { ClockEvent } from '../repair/sla';
import type { ChinaWeek } from '../time/china';

/** Every record the engine reads: deleted or half-synced ones are left out (shared/sync/arrival). */
export interface KpiRecord {
  id: string;
  createdAt?: string | null;
  deletedAt?: string | null;
}

export interface KpiCard extends KpiRecord {
  cardNo: string;
  receivedAt: string;
}

export interface KpiCardEvent extends KpiRecord, ClockEvent {
  cardId: string;
}

export interface KpiIncident extends KpiRecord {
  startAt: string;
  endAt: string | null;
  cause: string;
  excluded: boolean;
  exclusionReason?: string;
}

export interface KpiCheck extends KpiRecord {
  kind: string;
  at: string;
  deviceIds: readonly string[];
  site?: string;
  result: string;
  providerContactedAt: string | null;
  /** The day it was due, when it was made up for an earlier week (see madeUpLater in the engine). */
  forDay?: string | null;
}

export interface KpiDevice extends KpiRecord {
  assetTag: string;
  type: string;
  status: string;
  purchaseDate?: string | null;
  /**
   * When the device was retired, if it is. Asset cards have no such field; `kpiLedgerFromTables`
   * reads it from the sync stamp of the status change.
   */
  retiredAt?: string | null;
}

export interface KpiWebsiteUpdate extends KpiRecord {
  site: string;
  publishedAt: string;
  title: string;
}

export interface KpiQuote extends KpiRecord {
  text: string;
}

export interface KpiQuoteShowing extends KpiRecord {
  date: string;
  quoteId: string;
  shown: boolean;
}

export interface KpiTraining extends KpiRecord {
  date: string;
  kind: string;
  topic: string;
  /** requested, planned, held or cancelled; absent on trainings recorded before it existed. */
  status?: string;
}

/** The ledger's records the indicators are computed from; any table may be empty. */
export interface KpiLedger {
  cards: readonly KpiCard[];
  cardEvents: readonly KpiCardEvent[];
  incidents: readonly KpiIncident[];
  checks: readonly KpiCheck[];
  devices: readonly KpiDevice[];
  websiteUpdates: readonly KpiWebsiteUpdate[];
  quotes: readonly KpiQuote[];
  quoteSchedule: readonly KpiQuoteShowing[];
  trainings: readonly KpiTraining[];
}

export interface KpiOptions {
  /** The company's own rest days ('YYYY-MM-DD'), on top of the official calendar. */
  companyRestDays?: readonly string[];
  /** Websites whose updates and checks count (K7, K8); null or absent: every site. */
  websiteSites?: readonly string[] | null;
  /**
   * K6's fold of the quotes shown before a day on or before the month's 1st (./quote-fold.ts):
   * given, the ledger needs only the showings from that day on and the quotes they name.
   */
  quoteFold?: QuoteFold | null;
}

// ── The answer ─────────────────────────────────────────────────────────────────────────────

export type KpiId = 'K1' | 'K2' | 'K3' | 'K4' | 'K5' | 'K6' | 'K7' | 'K8' | 'K9';

/** The week label and days a week-based exception refers to. */
export type WeekRef = Pick<ChinaWeek, 'isoWeek' | 'monday' | 'sunday'>;

/** A record whose dates cannot be right: listed in the report, never counted. */
export type DataProblem =
  | {
      kind: 'done-before-received';
      table: 'repairCards';
      recordId: string;
      cardNo: string;
      receivedAt: string;
      doneAt: string;
    }
  | {
      kind: 'event-before-received';
      table: 'repairEvents';
      recordId: string;
      cardNo: string;
      event: string;
      at: string;
      receivedAt: string;
    }
  | {
      kind: 'incident-ends-before-start';
      table: 'networkIncidents';
      recordId: string;
      startAt: string;
      endAt: string;
    }
  | { kind: 'maintenance-without-server'; table: 'routineChecks'; recordId: string; at: string }
  | { kind: 'quote-not-found'; table: 'quoteSchedule'; recordId: string; date: string; quoteId: string };

export type KpiException =
  // K1
  | {
      kind: 'major-incident';
      incidentId: string;
      startAt: string;
      endAt: string | null;
      hours: number;
      ongoing: boolean;
      inMonth: boolean;
    }
  | {
      kind: 'excluded-incident';
      incidentId: string;
      startAt: string;
      endAt: string | null;
      hours: number;
      reason: string;
    }
  // K2
  | {
      kind: 'power-cut-late';
      incidentId: string;
      startAt: string;
      endAt: string | null;
      hours: number;
      ongoing: boolean;
    }
  | { kind: 'power-cut-open'; incidentId: string; startAt: string; dueAt: string }
  // K3
  | {
      kind: 'late-card';
      cardId: string;
      cardNo: string;
      receivedAt: string;
      dueAt: string;
      doneAt: string | null;
      lateMs: number;
    }
  | { kind: 'card-in-progress'; cardId: string; cardNo: string; receivedAt: string; dueAt: string | null }
  | { kind: 'card-refused-pending'; cardId: string; cardNo: string; receivedAt: string }
  // K4
  | { kind: 'server-week-missing'; week: WeekRef; deviceId: string; assetTag: string }
  // K5
  | { kind: 'cctv-week-missing'; week: WeekRef }
  | { kind: 'cctv-contact-late'; checkId: string; at: string; contactedAt: string | null; lateMs: number }
  | { kind: 'cctv-contact-pending'; checkId: string; at: string; dueAt: string }
  // K6
  | { kind: 'quote-day-missing'; date: string }
  | {
      kind: 'quote-repeated';
      date: string;
      showingId: string;
      quoteId: string;
      text: string;
      firstShownOn: string;
    }
  | { kind: 'calendar-unknown'; year: number }
  // K7
  | { kind: 'website-week-short'; week: WeekRef; updates: number }
  // K8
  | { kind: 'website-week-unchecked'; week: WeekRef; security: boolean; backup: boolean }
  // K9
  | { kind: 'trainings-short'; held: number; needed: number }
  // Any indicator whose records have impossible dates.
  | ({ kind: 'data-problem' } & { problem: DataProblem });

/** Why a month cannot be reported at all. */
export type KpiMonthMessageCode = 'bad-month' | 'future-month';

/** Why an indicator has nothing to judge (pass null). */
export type KpiNullReason =
  | 'no-records-in-month'
  | 'no-power-cut'
  | 'no-decided-cards'
  | 'no-servers'
  | 'no-finished-weeks'
  | 'no-working-days'
  | 'trainings-in-progress';

export interface KpiActuals {
  K1: { month: number; ytd: number };
  K2: { met: number; of: number };
  K3: { met: number; late: number; inProgress: number; refusedPending: number };
  K4: { covered: number; of: number };
  K5: { weeksChecked: number; weeks: number; faults: number; contactsOnTime: number };
  K6: { covered: number; of: number; repeats: number };
  K7: { weeksMet: number; weeks: number };
  K8: { weeksMet: number; weeks: number };
  K9: { ytd: number };
}

export interface KpiTargets {
  K1: { maxPerYear: number };
  K2: { share: number; withinHours: number };
  K3: { share: number; withinHours: number };
  K4: { share: number };
  K5: { everyWeek: true; contactWithinHours: number };
  K6: { everyWorkingDay: true; maxRepeats: number };
  K7: { perWeek: number };
  K8: { everyWeek: true };
  K9: { perYear: number };
}

export interface KpiIndicator<K extends KpiId = KpiId> {
  id: K;
  target: KpiTargets[K];
  actual: KpiActuals[K];
  /** true met, false missed, null nothing to judge yet (see `reason`). */
  pass: boolean | null;
  /** Why `pass` is null; null otherwise. */
  reason: KpiNullReason | null;
  exceptions: KpiException[];
}

export interface KpiMonthReport {
  month: string;
  /** The report time (ISO): records dated after it are not seen. */
  now: string;
  indicators: { [K in KpiId]: KpiIndicator<K> }[KpiId][];
  /** Every data problem found, also listed under the indicator it concerns. */
  dataProblems: DataProblem[];
}
