// Which backup files to keep: the newest backup of each of the last 14 days that have one, and
// the newest of each of the last 12 months that have one; every backup of the newest day is
// kept too (a manual export this morning is not removed by this evening's). Pure: the services
// apply it to <dataDir>/backups and to the shared folder's backups/.
//
// Files are named netdesk-backup-YYYYMMDD-HHmm[-suffix][-pc-<pc>].json (the writing PC's local
// time), so order and dates come from the names alone; any other file in the folder is never
// touched. The suffix numbers a second backup of the same minute (-2) and marks one that holds
// device passwords (-pw, -pw2): only this PC's own backups may, never a copy on the shared folder.
// Copies on the shared folder also name the PC that wrote them (-pc- and the start of its sync
// node id), so two PCs backing up in the same minute never overwrite each other's copy; the
// rule is applied to each PC's copies on their own, so one PC's daily copies never push out
// another's.

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

/** The backup files (of `names`) the retention rule removes; each PC's shared copies on their own. */
export function backupsToRemove(
  names: readonly string[],
  keepDaily: number = KEEP_DAILY,
  keepMonthly: number = KEEP_MONTHLY,
): string[] {
  const byPc = new Map<string, BackupName[]>();
  for (const name of names) {
    const b = parseBackupName(name);
    if (!b) continue;
    const list = byPc.get(b.pc);
    if (list) list.push(b);
    else byPc.set(b.pc, [b]);
  }
  return [...byPc.values()].flatMap((list) => removeOfOnePc(list, keepDaily, keepMonthly));
}

function removeOfOnePc(list: BackupName[], keepDaily: number, keepMonthly: number): string[] {
  const backups = list.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
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
    if (!months.has(b.month) && months.size < keepMonthly) {
      months.add(b.month);
      keep.add(b.name);
    }
  }
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
