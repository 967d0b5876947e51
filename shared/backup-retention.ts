// Which backup files to keep: the newest backup of each of the last 14 days that have one, and
// the newest of each of the last 12 months that have one; every backup of the newest day is
// kept too (a manual export this morning is not removed by this evening's). Pure: the services
// apply it to <dataDir>/backups and to the shared folder's backups/.
//
// The rule works on facts NetDesk wrote itself, never on file names: each verified backup gets a
// record in its folder's index (BackupIndex) saying when this PC's clock wrote it, its size, its
// SHA-256 and which PC's ledger it holds. A name is chosen by the page that sends the backup
// (and by whatever clock that PC had), so a name carrying 2099 must not push out real backups.
// Hence: a file the index does not list is never removed; a backup written after the one just
// verified is never removed because of it; the newest backup of every PC is kept; and on the
// shared folder each PC reads and prunes only its own index, so one PC never removes another's
// copies.
//
// Names still say something to a person (netdesk-backup-YYYYMMDD-HHmm[-suffix][-pc-<pc>].json):
// the suffix numbers a second backup of the same minute (-2) and marks one that holds device
// passwords (-pw, -pw2), and a shared copy names the PC that wrote it (-pc-).
import { z } from 'zod';

export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;

const NAME = /^netdesk-backup-(\d{8})-(\d{4})(?:-([0-9a-z]{1,8}))?(?:-pc-([0-9a-z]{1,16}))?\.json$/;

/** Characters of the node id a shared copy's name carries (enough to tell the PCs of a group apart). */
const PC_TAG_CHARS = 8;

export interface BackupName {
  name: string;
  /** YYYYMMDD */
  day: string;
  /** YYYYMM */
  month: string;
  /** Sortable: YYYYMMDDHHmm plus the suffix. */
  sortKey: string;
  /** The PC that wrote a shared-folder copy ('' when the name does not say). */
  pc: string;
}

/** The suffix mark of a backup that holds device passwords. */
export const SECRETS_MARK = 'pw';

/** Whether a backup's name says it holds device passwords (netdesk-backup-…-pw.json). */
export function backupNameHoldsSecrets(name: string): boolean {
  const m = NAME.exec(name);
  return Boolean(m?.[3]?.startsWith(SECRETS_MARK));
}

export function parseBackupName(name: string): BackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const day = m[1]!;
  return { name, day, month: day.slice(0, 6), sortKey: `${day}${m[2]!}${m[3] ?? ''}`, pc: m[4] ?? '' };
}

/** The name part that says which PC wrote a copy: the start of its sync node id, or '' without one. */
export function pcTag(nodeId: string | undefined): string {
  return (nodeId ?? '')
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .slice(0, PC_TAG_CHARS);
}

/**
 * The name of a backup's copy on the shared folder: this PC's name for it without the -pw mark
 * (the copy never holds passwords), and with the PC that wrote it.
 * `base` is netdesk-backup-YYYYMMDD-HHmm, `n` the number of the backup in that minute.
 */
export function sharedBackupName(base: string, n: number, nodeId: string | undefined): string {
  const pc = pcTag(nodeId);
  return `${base}${n > 1 ? `-${n}` : ''}${pc ? `-pc-${pc}` : ''}.json`;
}

/** The backup file name for a local time: netdesk-backup-YYYYMMDD-HHmm.json. */
export function backupFileName(local: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `netdesk-backup-${p(local.year, 4)}${p(local.month)}${p(local.day)}-${p(local.hour)}${p(local.minute)}.json`;
}

/** What NetDesk records of each backup it verified and keeps (one entry of a BackupIndex). */
export const verifiedBackupSchema = z
  .object({
    name: z.string().min(1).max(200),
    /** When this PC's clock finished verifying it (ISO time): the only time retention trusts. */
    writtenAt: z.iso.datetime({ offset: true }),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The sync node id of the ledger it holds ('' when the ledger has none). */
    nodeId: z.string().max(200),
  })
  .strict();
export type VerifiedBackupRecord = z.infer<typeof verifiedBackupSchema>;

export const BACKUP_INDEX_FORMAT = 'netdesk-backup-index';

/** A folder's (or, on the shared folder, one PC's) list of the backups NetDesk verified there. */
export const backupIndexSchema = z
  .object({
    format: z.literal(BACKUP_INDEX_FORMAT),
    version: z.literal(1),
    /** The NetDesk installation that keeps this index (a random id made once per data folder). */
    installId: z.string().regex(/^[0-9a-z]{8,64}$/),
    backups: z.array(verifiedBackupSchema),
  })
  .strict();
export type BackupIndex = z.infer<typeof backupIndexSchema>;

/** The day (YYYYMMDD) of a time in this PC's local time zone, as backup names carry it. */
export function localDayOf(iso: string): string {
  const d = new Date(iso);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}${p(d.getMonth() + 1)}${p(d.getDate())}`;
}

export interface RetentionOptions {
  keepDaily?: number;
  keepMonthly?: number;
  /** YYYYMMDD of a writtenAt (default: this PC's local day). */
  dayOf?: (writtenAt: string) => string;
}

/**
 * The backups (names from `records`, the index) the retention rule removes after `justVerified`
 * was written. Each PC's backups (by the ledger's node id) on their own; by writtenAt only.
 * Never `justVerified`, never one written after it (a clock set back), never a PC's newest.
 */
export function backupsToRemove(
  records: readonly VerifiedBackupRecord[],
  justVerified: string,
  options: RetentionOptions = {},
): string[] {
  const { keepDaily = KEEP_DAILY, keepMonthly = KEEP_MONTHLY, dayOf = localDayOf } = options;
  const anchor = records.find((r) => r.name === justVerified);
  // Without the backup just verified in the index there is nothing to measure against: keep all.
  if (!anchor) return [];
  const until = Date.parse(anchor.writtenAt);
  const byPc = new Map<string, VerifiedBackupRecord[]>();
  for (const r of records) {
    if (!(Date.parse(r.writtenAt) <= until)) continue;
    const list = byPc.get(r.nodeId);
    if (list) list.push(r);
    else byPc.set(r.nodeId, [r]);
  }
  return [...byPc.values()]
    .flatMap((list) => removeOfOnePc(list, keepDaily, keepMonthly, dayOf))
    .filter((name) => name !== justVerified);
}

function removeOfOnePc(
  list: VerifiedBackupRecord[],
  keepDaily: number,
  keepMonthly: number,
  dayOf: (writtenAt: string) => string,
): string[] {
  const backups = list
    .map((r) => ({ name: r.name, at: Date.parse(r.writtenAt), day: dayOf(r.writtenAt) }))
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  if (backups.length === 0) return [];
  const keep = new Set<string>();
  const newestDay = backups[0]!.day;
  const days = new Set<string>();
  const months = new Set<string>();
  for (const b of backups) {
    if (b.day === newestDay) keep.add(b.name);
    if (!days.has(b.day) && days.size < keepDaily) {
      days.add(b.day);
      keep.add(b.name);
    }
    const month = b.day.slice(0, 6);
    if (!months.has(month) && months.size < keepMonthly) {
      months.add(month);
      keep.add(b.name);
    }
  }
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
