import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupNameHoldsSecrets,
  backupsToRemove,
  parseBackupName,
  sharedBackupName,
} from './backup-retention';

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
    const removed = new Set(backupsToRemove(names));
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
    expect(backupsToRemove(names)).toEqual(['netdesk-backup-20260301-0800.json']);
  });

  it('never touches files that are not NetDesk backups', () => {
    const names = [...daily('2026-01-01', 40), 'README.txt', 'netdesk-backup-latest.json'];
    const removed = backupsToRemove(names);
    expect(removed).not.toContain('README.txt');
    expect(removed).not.toContain('netdesk-backup-latest.json');
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
    const removed = new Set(backupsToRemove([...a, ...b]));
    // Each PC keeps its own last 14 days (Jan 27 – Feb 9, which hold both months' newest).
    expect(a.filter((n) => !removed.has(n))).toEqual(a.slice(-14));
    expect(b.filter((n) => !removed.has(n))).toEqual(b.slice(-14));
  });
});
