// `netdesk pdf labels` and `netdesk pdf evaluation`: the device forms printed from a backup file.
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
  cwd = mkdtempSync(join(tmpdir(), 'netdesk-cli-devices-'));
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
const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(cwd, file), '-'], { encoding: 'utf8' });
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(cwd, file)], { encoding: 'utf8' }))![1]);

describe('netdesk pdf labels (资产标签)', () => {
  it('prints every device in service on 3 × 8 sheets by default', async () => {
    const r = await run('pdf', 'labels', '--backup', 'demo.json', '--out', 'labels.pdf', '--now', NOW);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('资产标签');
    const inService = backup.tables.devices!.filter((d) => d.status !== 'retired');
    expect(pageCount('labels.pdf')).toBe(Math.ceil(inService.length / 24));
    const text = pdfText('labels.pdf');
    for (const d of inService) expect(text).toContain(d.assetTag);
  });

  it('prints chosen devices on another grid', async () => {
    const r = await run(
      'pdf',
      'labels',
      '-b',
      'demo.json',
      '-o',
      'some.pdf',
      '--cols',
      '2',
      '--rows',
      '5',
      '--ids',
      'SV-01,SV-02 FW-01',
      '--outline',
    );
    expect(r.code).toBe(EXIT_OK);
    const text = pdfText('some.pdf');
    expect(text).toContain('SV-01');
    expect(text).toContain('FW-01');
    expect(text).not.toContain('CAM-01');
  });

  it('refuses a grid that does not fit, an unknown device, and label options on other forms', async () => {
    const tooMany = await run('pdf', 'labels', '-b', 'demo.json', '-o', 'bad.pdf', '--cols', '9');
    expect(tooMany.code).toBe(EXIT_USAGE);
    expect(tooMany.stderr).toContain('标签太小');
    const unknown = await run('pdf', 'labels', '-b', 'demo.json', '-o', 'bad.pdf', '--ids', 'NO-SUCH');
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('找不到设备 / no such device: NO-SUCH');
    const length = await run('pdf', 'labels', '-b', 'demo.json', '-o', 'bad.pdf', '--gap-x', 'wide');
    expect(length.code).toBe(EXIT_USAGE);
    const elsewhere = await run('pdf', 'directory', '-b', 'demo.json', '-o', 'bad.pdf', '--cols', '2');
    expect(elsewhere.code).toBe(EXIT_USAGE);
    expect(elsewhere.stderr).toContain('--cols is for labels only');
    expect(existsSync(join(cwd, 'bad.pdf'))).toBe(false);
  });
});

describe('netdesk pdf evaluation (工作申请单)', () => {
  it('prints a purchase evaluation by id with its four signature lines', async () => {
    const ev = backup.tables.purchaseEvaluations!.find((e) => e.status === 'approved')!;
    const r = await run('pdf', 'evaluation', '--backup', 'demo.json', '--id', ev.id, '--out', 'ev.pdf');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_OK);
    const text = pdfText('ev.pdf').replace(/\s+/g, '');
    expect(text).toContain('工作申请单');
    expect(text).toContain(ev.item.replace(/\s+/g, ''));
    for (const caption of ['申请人签字：', '部门负责人签字：', '网络主管签字：', '审批人签字：'])
      expect(text).toContain(caption);
  });

  it('needs --id and a known evaluation', async () => {
    const missing = await run('pdf', 'evaluation', '-b', 'demo.json', '-o', 'x.pdf');
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toContain('needs --id');
    const unknown = await run('pdf', 'evaluation', '-b', 'demo.json', '-o', 'x.pdf', '--id', 'nope');
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('找不到工作申请单');
    expect(existsSync(join(cwd, 'x.pdf'))).toBe(false);
  });
});
