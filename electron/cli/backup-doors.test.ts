// The netdesk command line as a supervisor uses it on backups: a backup Notepad saved (with a
// byte-order mark) is read like any other, and `netdesk verify --backups` reports the backups a
// folder's index lists and counts the part-written files a stopped save left behind.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../shared/backup';
import { buildDemoLedger } from '../../shared/demo';
import { createBackupService } from '../services/backup';
import { EXIT_OK, runNetdesk } from './netdesk';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'netdesk-cli-backups-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runNetdesk(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const demo = buildDemoLedger({ now: new Date('2026-03-02T08:00:00.000Z'), people: 6 });

describe('netdesk and backups', () => {
  it('prints from and imports a backup that starts with a byte-order mark', async () => {
    writeFileSync(join(cwd, 'bom.json'), `\uFEFF${serializeBackup(demo)}`, 'utf8');
    const pdf = await run('pdf', 'directory', '--backup', 'bom.json', '--out', 'dir.pdf');
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(EXIT_OK);
    expect((await run('replica', '--ledger', 'r.json', 'init', '--name', '副本')).code).toBe(EXIT_OK);
    const imported = await run('replica', '--ledger', 'r.json', 'import', 'bom.json');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(EXIT_OK);
  });

  it('verifies a backups folder against its index and counts abandoned partial files', async () => {
    const dataDir = join(cwd, 'data');
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve('') });
    const text = serializeBackup(demo);
    const records = Object.values(demo.tables).reduce((n, rows) => n + (rows?.length ?? 0), 0);
    const done = await svc.save({
      fileName: 'netdesk-backup-20260302-0900.json',
      part: 0,
      text,
      last: true,
      expect: { records, attachments: demo.attachments?.length ?? 0 },
    });
    const dir = join(dataDir, 'backups');
    const clean = await run('verify', '--backups', dir);
    expect(clean.code).toBe(EXIT_OK);
    expect(clean.stdout).toContain('已校验 verified 1');

    // A save that stopped after its first part two days ago, and one put there by hand.
    const stale = join(dir, '.netdesk-backup-20260228-0900.json.partial');
    writeFileSync(stale, text.slice(0, 100));
    utimesSync(stale, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    writeFileSync(join(dir, 'netdesk-backup-20990101-0000.json'), text);
    const found = await run('verify', '--backups', dir, '--json');
    expect(found.code).toBe(1);
    const report = JSON.parse(found.stdout) as {
      good: number;
      partials: { abandoned: boolean }[];
      unlisted: string[];
    };
    expect(report.good).toBe(1);
    expect(report.partials.filter((p) => p.abandoned)).toHaveLength(1);
    expect(report.unlisted).toEqual(['netdesk-backup-20990101-0000.json']);

    // A listed backup whose bytes changed is damaged.
    const bytes = await readFile(done.path!, 'utf8');
    writeFileSync(done.path!, bytes.replace('"people"', '"people" '));
    const damaged = await run('verify', '--backups', dir);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(/损坏 damaged: netdesk-backup-20260302-0900(-pw)?\.json/);
    expect(damaged.stdout).toMatch(/遗弃 abandoned 1/);
  });
});
