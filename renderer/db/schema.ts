// The one IndexedDB database of NetDesk (Dexie 4): every ledger table of the registry, the
// attachments, the change log that sync sends, and this PC's own bookkeeping.
// Never edit a shipped version(n): add version(n + 1) with its upgrade below the last one, and
// keep every old one, so a PC that skipped releases still upgrades step by step.
import Dexie, { type EntityTable, type Table } from 'dexie';
import {
  LEDGER_TABLES,
  type AttachmentMeta,
  type Department,
  type DeviceHandover,
  type Device,
  type ImPermission,
  type KpiReport,
  type LedgerSetting,
  type LedgerTable,
  type NetworkIncident,
  type Person,
  type PurchaseEvaluation,
  type Quote,
  type QuoteScheduleEntry,
  type RepairCard,
  type RepairEvent,
  type RoutineCheck,
  type StoredRecord,
  type Training,
  type TrainingAttendee,
  type WebsiteInvitation,
  type WebsiteUpdate,
} from '../../shared/schemas';
import type { SyncChange } from '../../shared/sync/types';

// Dexie turns its debug mode on by itself for pages served from 127.0.0.1 (browser mode): every
// table call then records an async stack trace (console.createTask), which made the first screen's
// reads and every later one measurably slower. NetDesk's ledger runs the same in both shells.
Dexie.debug = false;

/**
 * Secondary indexes of each ledger table, as the screens query them. Every ledger table is keyed
 * by `id` and also indexes `updatedAt` (recently changed first, sync and backup checks); both are
 * added by `ledgerStores()`. No index is unique (`&`): two PCs may each create a person with
 * employee number 1001 while apart, and sync must still store both so nothing is lost; the
 * repository refuses duplicates on this PC and the import reports those that arrive.
 * IndexedDB leaves a record out of an index whose value is null, so nullable links cost nothing
 * while empty.
 */
const LEDGER_INDEXES: Record<LedgerTable, string[]> = {
  // Directory: look up by employee number, sort by name, filter by department, and find the
  // person from the asset tag written on their computer.
  // deletedAt is indexed where the dashboard counts live records: null is not an IndexedDB key,
  // so the index holds only tombstones and live = count() − tombstones, without reading rows.
  people: ['employeeNo', 'name', 'departmentId', 'computerTag', 'deletedAt'],
  departments: ['name', 'deletedAt'],
  // Asset cards: scan a tag, filter by type and status (the device list's two filters, also
  // together: "servers in use" for weekly maintenance), by department, by user, and find the
  // printers attached to a computer (responsible person rule).
  devices: [
    'assetTag',
    'type',
    'status',
    'departmentId',
    'userPersonId',
    'attachedToDeviceId',
    '[type+status]',
    'deletedAt',
    // The dashboard's warranty flag reads only the next 30 days' endings.
    'warrantyEnd',
  ],
  // A device's history of hands.
  deviceHandovers: ['deviceId', 'at'],
  // Repair cards: open by number, the queue by status ordered by receipt, the monthly K3 range
  // by receipt, overdue by SLA due time, and a department's, device's or requester's cards.
  repairCards: [
    'cardNo',
    'status',
    'receivedAt',
    '[status+receivedAt]',
    'departmentId',
    'deviceId',
    'requesterId',
    'slaDueAt',
    // The overdue filter: cards whose clock runs (received, in repair) with a due time before
    // now. Finished cards keep their due time, so the plain slaDueAt index alone would walk
    // ten years of closed cards; null due times (paused, refused) stay out of this index.
    '[status+slaDueAt]',
    // A department's cards in order of receipt: a direct range instead of walking every card.
    '[departmentId+receivedAt]',
  ],
  // A card's timeline, in order.
  repairEvents: ['cardId', '[cardId+at]'],
  // Weekly checks by kind and time (K4, K5, K8); a server's maintenance history (multi-entry).
  routineChecks: ['[kind+at]', '*deviceIds'],
  // K1/K2 by start month.
  networkIncidents: ['startAt'],
  imPermissions: ['personId', 'deviceId'],
  purchaseEvaluations: ['status', 'requestedOn'],
  // K7: updates per week, per site.
  websiteUpdates: ['publishedAt', 'site'],
  // Invitations to contribute: the open ones of a person (offered when their article is logged),
  // and the one an update became.
  websiteInvitations: ['personId', 'status', 'websiteUpdateId'],
  // K6: refuse a repeat by normalised text.
  quotes: ['normalized'],
  quoteSchedule: ['date', 'quoteId'],
  // K9 by date and kind; roster by training and a person's trainings.
  trainings: ['date', 'kind'],
  trainingAttendees: ['trainingId', 'personId'],
  kpiReports: ['month'],
  ledgerSettings: ['key'],
};

/**
 * Ledger tables added after the first version, with the version that added them: a shipped
 * version's stores never change, so version(1) must not grow a table a later one brought.
 */
const LEDGER_TABLE_SINCE: { readonly [T in LedgerTable]?: number } = {
  websiteInvitations: 4,
};

/**
 * The Dexie store definitions of the ledger tables a version had (every table when no version is
 * given): `id, updatedAt, <indexes>`.
 */
export function ledgerStores(version = Number.POSITIVE_INFINITY): Partial<Record<LedgerTable, string>> {
  const stores: Partial<Record<LedgerTable, string>> = {};
  for (const table of LEDGER_TABLES) {
    if ((LEDGER_TABLE_SINCE[table] ?? 1) > version) continue;
    stores[table] = ['id', 'updatedAt', ...LEDGER_INDEXES[table]].join(', ');
  }
  return stores;
}

/** A stored attachment: its metadata and the file itself. Content-addressed, never changed. */
export type StoredAttachment = AttachmentMeta & { blob: Blob };

/**
 * One row of the change log, the outbox of sync: a change made on this PC (or imported) that other
 * PCs have not yet seen, in the very shape sync publishes it (SyncChange): the record's `id`, the
 * new value of each changed field (`fields`), each field's stamp (`stamps`), the stamps the record
 * held before (`base`, so another PC can tell a later edit from a concurrent one) and the time.
 * `seq` is the outbox position IndexedDB gives it; the attachments a change refers to are looked
 * up when it is sent.
 */
export type OutboxChange = Omit<SyncChange, 'seq' | 'attachments'> & { seq?: number };

/** A change-log row as version 1 of the database stored it (read only by the upgrade to 2). */
interface ChangeLogRowV1 {
  seq?: number;
  table: LedgerTable;
  recordId: string;
  hlc: string;
  fieldHlc?: Record<string, string>;
  changed: Record<string, unknown>;
  base?: Record<string, string>;
  deleted?: boolean;
  at: string;
}

/** A version-1 change-log row in the outbox's shape: the same change, nothing lost. */
export function outboxChangeFromV1(row: ChangeLogRowV1): OutboxChange {
  const stamps: Record<string, string> = {};
  for (const field of Object.keys(row.changed)) stamps[field] = row.fieldHlc?.[field] ?? row.hlc;
  return {
    ...(row.seq !== undefined ? { seq: row.seq } : {}),
    table: row.table,
    id: row.recordId,
    fields: row.changed,
    stamps,
    ...(row.base && Object.keys(row.base).length ? { base: row.base } : {}),
    at: row.at,
  };
}

/**
 * One chunk of the repair cards' packed text-search copy (shared/repair/search-lines.ts):
 * ~1,000 cards' lines. Local data derived from repairCards: never synced, never backed up,
 * rebuilt after imports, restores and sync (renderer/features/repair/data/derived.ts).
 */
export interface RepairSearchChunk {
  /** 0…255; -1 is the manifest row, whose `revs` say which chunks changed since a window read them. */
  chunk: number;
  text: string;
  revs?: number[];
}

/**
 * One repair card's KPI facts: the fields a month's report reads of the card and its events,
 * packed (shared/kpi/card-facts.ts). Local data derived from repairCards and repairEvents: never
 * synced, never backed up, forgotten after imports (renderer/features/kpi/card-facts.ts).
 */
export interface KpiCardFactsRow {
  /** The card's id. */
  id: string;
  /** The card's received time as stored; absent while only its events have arrived. */
  receivedAt?: string;
  facts: string;
}

/** Number of live repair cards in one status, kept on every write so no screen counts 200k rows. */
export interface RepairCounterRow {
  status: string;
  count: number;
}

/**
 * Sync bookkeeping of one record (local, never synced): per field, the `base` of the change that
 * wrote the value received from another PC (SyncChange.base), and `of`, the field's stamp that
 * base belongs to. When the field was written again on this PC since, `of` no longer matches and
 * the change log's own `base` applies instead.
 */
export interface SyncRecordBase {
  table: LedgerTable;
  id: string;
  base: Record<string, string>;
  of: Record<string, string>;
}

/** A text that lost to a concurrent edit on another PC, kept for review (local, never synced). */
export interface StoredSyncConflict {
  /** conflictKey(): the same conflict noticed twice is stored once. */
  key: string;
  table: LedgerTable;
  recordId: string;
  field: string;
  losingValue: string;
  losingStamp: string;
  winningValue: unknown;
  winningStamp: string;
  detectedAt: string;
  /** 'open' until the supervisor restored the losing text or kept the winner. */
  state: 'open' | 'restored' | 'dismissed';
  resolvedAt?: string;
}

/** A change from another PC not applied (clock ahead, invalid value), kept and retried. */
export interface StoredSetAside {
  key: string;
  from: string;
  change: SyncChange;
  reason: 'clock-ahead' | 'invalid';
  detail: string;
  since: string;
}

/** This PC's own values, never synced: its node id, the last clock stamp it issued, sync cursors. */
export interface LocalMetaEntry {
  key: string;
  value: unknown;
}

export class NetdeskDb extends Dexie {
  declare departments: EntityTable<Department, 'id'>;
  declare people: EntityTable<Person, 'id'>;
  declare devices: EntityTable<Device, 'id'>;
  declare deviceHandovers: EntityTable<DeviceHandover, 'id'>;
  declare repairCards: EntityTable<RepairCard, 'id'>;
  declare repairEvents: EntityTable<RepairEvent, 'id'>;
  declare routineChecks: EntityTable<RoutineCheck, 'id'>;
  declare networkIncidents: EntityTable<NetworkIncident, 'id'>;
  declare imPermissions: EntityTable<ImPermission, 'id'>;
  declare purchaseEvaluations: EntityTable<PurchaseEvaluation, 'id'>;
  declare websiteUpdates: EntityTable<WebsiteUpdate, 'id'>;
  declare websiteInvitations: EntityTable<WebsiteInvitation, 'id'>;
  declare quotes: EntityTable<Quote, 'id'>;
  declare quoteSchedule: EntityTable<QuoteScheduleEntry, 'id'>;
  declare trainings: EntityTable<Training, 'id'>;
  declare trainingAttendees: EntityTable<TrainingAttendee, 'id'>;
  declare kpiReports: EntityTable<KpiReport, 'id'>;
  declare ledgerSettings: EntityTable<LedgerSetting, 'id'>;
  declare attachments: EntityTable<StoredAttachment, 'sha256'>;
  declare changeLog: EntityTable<OutboxChange, 'seq'>;
  declare localMeta: EntityTable<LocalMetaEntry, 'key'>;
  declare repairSearch: EntityTable<RepairSearchChunk, 'chunk'>;
  declare repairCounters: EntityTable<RepairCounterRow, 'status'>;
  declare kpiCardFacts: EntityTable<KpiCardFactsRow, 'id'>;
  declare syncBases: Table<SyncRecordBase, [string, string]>;
  declare syncConflicts: EntityTable<StoredSyncConflict, 'key'>;
  declare syncSetAside: EntityTable<StoredSetAside, 'key'>;

  constructor(name = 'netdesk', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      ...ledgerStores(1),
      attachments: 'sha256',
      // The outbox in order; [table+recordId] finds a record's pending changes.
      changeLog: '++seq, [table+recordId]',
      localMeta: 'key',
      // Local derived data of repair cards (not ledger tables: no change log, no sync).
      repairSearch: 'chunk',
      repairCounters: 'status',
      // Folder sync's local bookkeeping (renderer/sync): never synced, never backed up.
      syncBases: '[table+id]',
      syncConflicts: 'key, state, [table+recordId]',
      syncSetAside: 'key',
    });
    // The outbox keeps changes in the shape sync sends (OutboxChange) instead of its own, so no
    // code translates between two shapes.
    this.version(2)
      .stores({ changeLog: '++seq, [table+id]' })
      .upgrade((tx) =>
        tx
          .table('changeLog')
          .toCollection()
          .modify((row: ChangeLogRowV1, ref: { value: unknown }) => {
            ref.value = outboxChangeFromV1(row);
          }),
      );
    // Invitations to write for the website, a new ledger table (nothing to convert). Version 3 is
    // left free: it was given to another change made at the same time.
    this.version(4).stores({ websiteInvitations: ledgerStores(4).websiteInvitations! });
    // The repair cards' KPI facts (renderer/features/kpi/card-facts.ts): local derived data, one
    // row per card, built when a month is first read — nothing to convert.
    this.version(5).stores({ kpiCardFacts: 'id, receivedAt' });
  }

  /** The Dexie table of a ledger table, typed by its record. */
  ledger<T extends LedgerTable>(table: T): EntityTable<StoredRecord<T>, 'id'> {
    return this.table(table);
  }
}

/**
 * Open the ledger. In the app both factories are the page's own; tests pass fake-indexeddb's.
 * Opening is explicit so that a blocked or failed upgrade surfaces here, at start-up.
 */
export async function openNetdeskDb(
  name = 'netdesk',
  indexedDB?: IDBFactory,
  IDBKeyRange?: typeof globalThis.IDBKeyRange,
): Promise<NetdeskDb> {
  const db = new NetdeskDb(name, {
    ...(indexedDB ? { indexedDB } : {}),
    ...(IDBKeyRange ? { IDBKeyRange } : {}),
  });
  await refuseNewerLedger(name, db.verno, indexedDB ?? globalThis.indexedDB);
  await db.open();
  return db;
}

/**
 * Dexie 4 opens a database whose version is above the code's, and adds the tables it misses by
 * upgrading it again: an older NetDesk would change a ledger a newer one made, then write records
 * in its old shape. So the installed version is read first, without upgrading anything (an
 * upgrade of a database that does not exist yet is aborted), and a newer ledger is refused with
 * Dexie's VersionError before Dexie touches it. Dexie keeps version n as IndexedDB version 10n
 * (plus one for each table it added), hence the division.
 */
async function refuseNewerLedger(
  name: string,
  declared: number,
  factory: IDBFactory | undefined,
): Promise<void> {
  if (!factory) return;
  const installed = await new Promise<number | null>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  if (installed !== null && Math.floor(installed / 10) > declared) {
    throw new Dexie.VersionError(
      `The ledger is at version ${Math.floor(installed / 10)}; this NetDesk knows versions up to ${declared}.`,
    );
  }
}

/**
 * Ask the browser to keep the ledger when disk space runs low (otherwise IndexedDB is "best
 * effort" and may be evicted). Returns whether storage is persistent; false where the API is
 * missing. Electron grants it; a browser may ask the user or decide by its own rules.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return false;
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
  return storage.persist();
}
