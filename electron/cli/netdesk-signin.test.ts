// `netdesk pdf signin`: a training's sign-in sheet (签到表) printed from a backup file — every
// person on the roster in a numbered row with name and department, blank rows for walk-ins, and
// the column header again on every page of a long roster.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerBackup } from '../../shared/backup';
import { SIGNIN_WALK_IN_ROWS } from '../../shared/pdf/forms/signin-sheet';
import { EXIT_OK, EXIT_USAGE, runNetdesk } from './netdesk';

const NOW = '2026-11-27T14:00:00+08:00';
let cwd: string;
let backup: LedgerBackup;

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'netdesk-cli-signin-'));
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
const pageTexts = (file: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(cwd, file), '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);

function rosterOf(b: LedgerBackup, trainingId: string) {
  const people = new Map(b.tables.people!.map((p) => [p.id, p]));
  const departments = new Map(b.tables.departments!.map((d) => [d.id, d.name]));
  return b.tables
    .trainingAttendees!.filter((a) => a.trainingId === trainingId)
    .map((a) => people.get(a.personId)!)
    .map((p) => ({ name: p.name, department: departments.get(p.departmentId!) ?? '' }));
}

describe('netdesk pdf signin (签到表)', () => {
  it('lists every attendee of a training in a numbered row, then blank rows for walk-ins', async () => {
    const training = backup.tables.trainings!.find((t) => t.kind === 'office-software')!;
    const r = await run('pdf', 'signin', '--backup', 'demo.json', '--id', training.id, '--out', 'signin.pdf');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_OK);
    const text = pageTexts('signin.pdf').join('\n');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('签到表');
    expect(flat).toContain(training.topic.replace(/\s+/g, ''));
    expect(flat).toContain(training.location.replace(/\s+/g, ''));
    expect(flat).toContain(training.date);
    const roster = rosterOf(backup, training.id);
    expect(roster.length).toBeGreaterThan(3);
    for (const p of roster) {
      // The person's own row: their number, name and department on one line.
      const row = text.split('\n').find((line) => line.includes(p.name) && line.includes(p.department));
      expect(row, p.name).toBeDefined();
      expect(row).toMatch(/^\s*\d+\s/);
    }
    // Numbered rows run on past the roster for walk-ins.
    const last = roster.length + SIGNIN_WALK_IN_ROWS;
    expect(text).toMatch(new RegExp(`^\\s*${last}\\s*$`, 'm'));
  });

  it('repeats the header on every page of a long roster', async () => {
    const big: LedgerBackup = structuredClone(backup);
    const training = big.tables.trainings!.find((t) => t.kind === 'office-software')!;
    const known = new Set(
      big.tables.trainingAttendees!.filter((a) => a.trainingId === training.id).map((a) => a.personId),
    );
    const template = big.tables.trainingAttendees!.find((a) => a.trainingId === training.id)!;
    for (const p of big.tables.people!.filter((p) => !known.has(p.id)))
      big.tables.trainingAttendees!.push({ ...template, id: `extra-${p.id}`, personId: p.id });
    writeFileSync(join(cwd, 'big.json'), JSON.stringify(big));
    const r = await run('pdf', 'signin', '-b', 'big.json', '--id', training.id, '-o', 'big.pdf');
    expect(r.stderr).toBe('');
    const pages = pageTexts('big.pdf');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.replace(/\s+/g, '')).toContain('序号姓名部门签名');
    const flat = pages.join('').replace(/\s+/g, '');
    for (const p of rosterOf(big, training.id)) expect(flat).toContain(p.name);
  });

  it('needs --id and a known training', async () => {
    const missing = await run('pdf', 'signin', '-b', 'demo.json', '-o', 'x.pdf');
    expect(missing.code).toBe(EXIT_USAGE);
    const unknown = await run('pdf', 'signin', '-b', 'demo.json', '-o', 'x.pdf', '--id', 'nope');
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('找不到培训');
    expect(existsSync(join(cwd, 'x.pdf'))).toBe(false);
  });
});
