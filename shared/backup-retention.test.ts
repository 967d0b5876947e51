import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupNameHoldsSecrets,
  backupsToRemove,
  parseBackupName,
  sharedBackupName,
  type VerifiedBackupRecord,
} from './backup-retention';

/** Days as the tests count them: the UTC day, whatever the machine's zone. */
const dayOf = (iso: string) => iso.slice(0, 10).replaceAll('-', '');

/** What the index holds for a backup named `name` verified at `writtenAt`. */
function record(name: string, writtenAt: string, nodeId = 'pc-a'): VerifiedBackupRecord {
  return { name, writtenAt, size: 100, sha256: '0'.repeat(64), nodeId };
}

/** Index records for backups named as written, written at 09:00 of the day their name says. */
function records(names: readonly string[], nodeId = 'pc-a'): VerifiedBackupRecord[] {
  return names.map((n) => {
    const m = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})/.exec(n)!;
    return record(n, `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00.000Z`, nodeId);
  });
}

/** What the rule removes after the newest of `list` was verified. */
function removedAfterNewest(list: VerifiedBackupRecord[]): string[] {
  const newest = [...list].sort((a, b) => Date.parse(b.writtenAt) - Date.parse(a.writtenAt))[0]!;
  return backupsToRemove(list, newest.name, { dayOf });
}

/** One backup a day at 09:00 from `from` (YYYY-MM-DD) for `days` days. */
function daily(from: string, days: number): string[] {
  const names: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let i = 0; i < days; i++) {
    const d = new Date(start + i * 86_400_000);
    names.push(
      backupFileName({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: 9,
        minute: 0,
      }),
    );
  }
  return names;
}

describe('backup retention', () => {
  it('names files by local time', () => {
    expect(backupFileName({ year: 2026, month: 3, day: 5, hour: 8, minute: 7 })).toBe(
      'netdesk-backup-20260305-0807.json',
    );
    expect(parseBackupName('netdesk-backup-20260305-0807.json')?.day).toBe('20260305');
    expect(parseBackupName('notes.txt')).toBeNull();
  });

  it('keeps the last 14 days and the newest of each of the last 12 months', () => {
    const names = daily('2025-01-01', 500); // to 2026-05-15
    const removed = new Set(removedAfterNewest(records(names)));
    const kept = names.filter((n) => !removed.has(n));
    const last14 = names.slice(-14);
    for (const n of last14) expect(kept).toContain(n);
    // Month ends kept for the 12 most recent months (the current month's newest is today's).
    expect(kept).toContain('netdesk-backup-20260430-0900.json');
    expect(kept).toContain('netdesk-backup-20250630-0900.json');
    expect(kept).not.toContain('netdesk-backup-20250531-0900.json');
    expect(kept).not.toContain('netdesk-backup-20260401-0900.json');
    // 14 days (within May) + 11 earlier month ends.
    expect(kept).toHaveLength(14 + 11);
  });

  it('keeps every backup of the newest day but only the newest of an older day', () => {
    const names = [
      'netdesk-backup-20260301-0800.json',
      'netdesk-backup-20260301-1700.json',
      'netdesk-backup-20260302-0800.json',
      'netdesk-backup-20260302-0810-b.json',
    ];
    expect(removedAfterNewest(records(names))).toEqual(['netdesk-backup-20260301-0800.json']);
  });

  it('removes only what the index lists, by when it was written, never by the date in its name', () => {
    const real = records(daily('2026-02-15', 15));
    // 25 backups verified today (2026-03-01) whose names say 2099: all of today, so none of the
    // last 14 days' real backups goes for them.
    const today = real.at(-1)!.writtenAt.slice(0, 10);
    const junk = Array.from({ length: 25 }, (_, i) =>
      record(
        `netdesk-backup-2099${String((i % 12) + 1).padStart(2, '0')}01-0900-${i + 2}.json`,
        `${today}T10:${String(i).padStart(2, '0')}:00.000Z`,
      ),
    );
    const list = [...real, ...junk];
    const removed = backupsToRemove(list, junk.at(-1)!.name, { dayOf });
    expect(removed).toEqual([real[0]!.name]); // 15 days back: the 15th day, as without the junk
    for (const r of real.slice(1)) expect(removed).not.toContain(r.name);
    for (const j of junk) expect(removed).not.toContain(j.name);
  });

  it('never removes the backup just verified, nor one written after it (a clock set back)', () => {
    const list = records(daily('2026-01-01', 40));
    // The clock once ran ahead: these were written "later" than the one verified now.
    const ahead = records(daily('2026-03-01', 20));
    const now = record('netdesk-backup-20260210-0900-2.json', '2026-02-10T10:00:00.000Z');
    const removed = backupsToRemove([...list, ...ahead, now], now.name, { dayOf });
    expect(removed).not.toContain(now.name);
    for (const a of ahead) expect(removed).not.toContain(a.name);
    // The rule still applies to the ones before it: 14 days up to Feb 10 stay.
    expect(removed).toContain('netdesk-backup-20260115-0900.json');
    expect(removed).not.toContain('netdesk-backup-20260128-0900.json');
    // Not in the index: nothing to measure against, nothing removed.
    expect(backupsToRemove(list, 'netdesk-backup-20990101-0000.json', { dayOf })).toEqual([]);
  });

  it("keeps every PC's newest backup, whatever the other PCs wrote since", () => {
    const mine = records(daily('2026-01-01', 40), 'pc-a');
    const old = record('netdesk-backup-20240101-0900.json', '2024-01-01T09:00:00.000Z', 'pc-gone');
    const removed = backupsToRemove([...mine, old], mine.at(-1)!.name, { dayOf });
    expect(removed).not.toContain(old.name);
    expect(removed.length).toBeGreaterThan(0);
  });

  it('tells a backup that holds device passwords by its -pw mark', () => {
    expect(backupNameHoldsSecrets('netdesk-backup-20260302-1600-pw.json')).toBe(true);
    expect(backupNameHoldsSecrets('netdesk-backup-20260302-1600-pw2.json')).toBe(true);
    expect(backupNameHoldsSecrets('netdesk-backup-20260302-1600-2.json')).toBe(false);
    expect(backupNameHoldsSecrets('netdesk-backup-20260302-1600.json')).toBe(false);
    expect(parseBackupName('netdesk-backup-20260302-1600-pw.json')?.day).toBe('20260302');
  });

  it("names a shared copy after the PC that wrote it, so two PCs' copies of one minute both stay", () => {
    const base = 'netdesk-backup-20260302-1600';
    const a = sharedBackupName(base, 1, '3f9c21ab77e0d412');
    const b = sharedBackupName(base, 1, 'A0-b1_C2d3e4');
    expect(a).toBe('netdesk-backup-20260302-1600-pc-3f9c21ab.json');
    expect(b).toBe('netdesk-backup-20260302-1600-pc-a0b1c2d3.json');
    expect(sharedBackupName(base, 2, '3f9c21ab77e0d412')).toBe(
      'netdesk-backup-20260302-1600-2-pc-3f9c21ab.json',
    );
    expect(sharedBackupName(base, 1, undefined)).toBe('netdesk-backup-20260302-1600.json');
    expect(parseBackupName(a)).toMatchObject({ day: '20260302', pc: '3f9c21ab' });
    expect(backupNameHoldsSecrets(a)).toBe(false);
  });

  it("applies the rule to each PC's shared copies on their own", () => {
    const of = (pc: string) => daily('2026-01-01', 40).map((n) => n.replace('.json', `-pc-${pc}.json`));
    // PC b backs up later each day than PC a: a single rule would keep only b's copies.
    const a = of('aaaa1111');
    const b = of('bbbb2222').map((n) => n.replace('-0900-', '-1700-'));
    const removed = new Set([
      ...removedAfterNewest(records(a, 'aaaa1111')),
      ...removedAfterNewest(records(b, 'bbbb2222')),
    ]);
    // Both in one index: the same answer.
    const both = [...records(a, 'aaaa1111'), ...records(b, 'bbbb2222')];
    expect(new Set(removedAfterNewest(both))).toEqual(removed);
    // Each PC keeps its own last 14 days (Jan 27 – Feb 9, which hold both months' newest).
    expect(a.filter((n) => !removed.has(n))).toEqual(a.slice(-14));
    expect(b.filter((n) => !removed.has(n))).toEqual(b.slice(-14));
  });
});
