// `netdesk pdf check`, `check-sheet` and `duty-roster`: a done check printed from a backup by its
// id, a blank sheet of one kind printed with no backup at all, the week's machine-room roster, and
// a wrong option refused with the usage exit code and nothing written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerBackup } from '../../shared/backup';
import { EXIT_OK, EXIT_USAGE, runNetdesk } from './netdesk';

const NOW = '2026-11-27T14:00:00+08:00';
let cwd: string;
let backup: LedgerBackup;

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'netdesk-cli-checks-'));
  expect((await run('demo', '--out', 'demo.json', '--now', NOW)).code).toBe(EXIT_OK);
  backup = JSON.parse(readFileSync(join(cwd, 'demo.json'), 'utf8')) as LedgerBackup;
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runNetdesk(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}
const flatText = (file: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(cwd, file), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );

describe('netdesk pdf check / check-sheet / duty-roster', () => {
  it('prints a done check by its id', async () => {
    const check = backup.tables.routineChecks!.find((c) => c.kind === 'server-maintenance')!;
    const r = await run('pdf', 'check', '--backup', 'demo.json', '--id', check.id, '--out', 'check.pdf');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_OK);
    const text = flatText('check.pdf');
    expect(text).toContain('例行检查记录');
    expect(text).toContain('服务器保养');
    expect(text).toContain(check.by.replace(/\s+/g, ''));
  });

  it('prints a blank sheet of a kind without any backup', async () => {
    const r = await run('pdf', 'check-sheet', '--kind', 'cctv', '--out', 'sheet.pdf');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_OK);
    const text = flatText('sheet.pdf');
    expect(text).toContain('监控检查表');
    expect(text).toContain('问题说明');
  });

  it('prints the machine-room roster of the week holding --week', async () => {
    const r = await run(
      'pdf',
      'duty-roster',
      '--backup',
      'demo.json',
      '--week',
      '2026-11-25',
      '--out',
      'roster.pdf',
    );
    expect(r.code).toBe(EXIT_OK);
    const text = flatText('roster.pdf');
    expect(text).toContain('机房巡检值班表');
    expect(text).toContain('2026-11-23至2026-11-29');
    expect(text).toContain('2026-11-27星期五');
    expect(text).not.toContain('2026-11-28星期六');
  });

  it('refuses a sheet without --kind, an unknown kind and --kind on another form, writing nothing', async () => {
    expect((await run('pdf', 'check-sheet', '--out', 'x1.pdf')).code).toBe(EXIT_USAGE);
    const unknown = await run('pdf', 'check-sheet', '--kind', 'coffee', '--out', 'x2.pdf');
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('--kind');
    const misplaced = await run(
      'pdf',
      'card',
      '--backup',
      'demo.json',
      '--kind',
      'cctv',
      '--id',
      'x',
      '--out',
      'x3.pdf',
    );
    expect(misplaced.code).toBe(EXIT_USAGE);
    for (const f of ['x1.pdf', 'x2.pdf', 'x3.pdf']) expect(existsSync(join(cwd, f))).toBe(false);
  });
});
