import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackup } from '../../shared/backup';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runNetdesk } from './netdesk';

const root = fileURLToPath(new URL('../..', import.meta.url));
const NOW = '2026-11-27T14:00:00+08:00';
let cwd: string;

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'netdesk-cli-'));
  // The backup most tests print from.
  expect((await run('demo', '--out', 'demo.json', '--now', NOW)).code).toBe(EXIT_OK);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runNetdesk(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
  });
  return { code, stdout, stderr };
}

function pdfText(file: string): string {
  try {
    execFileSync('which', ['pdftotext'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'pdftotext is not installed: install Debian poppler-utils (apt-get install poppler-utils)',
    );
  }
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('netdesk', () => {
  it('explains itself in Chinese and English', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('用法 / Usage');
    expect(stdout).toContain('netdesk pdf');
    expect((await run('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses a path with a control character in any command, before writing anything', async () => {
    const attempts = [
      ['demo', '--out', 'bad\u0007.json', '--now', NOW],
      ['pdf', 'directory', '--backup', 'demo.json', '--out', 'dir\u001b[31m.pdf'],
      ['kpi', '--backup', 'demo\tjson', '--month', '2026-11'],
      ['verify', '--folder', 'share\u007f'],
    ];
    for (const argv of attempts) {
      const before = readdirSync(cwd).sort();
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(EXIT_USAGE);
      expect(r.stderr).toMatch(/控制字符.*control character \(U\+00(07|1B|09|7F)\)/);
      expect(readdirSync(cwd).sort()).toEqual(before);
    }
  });

  it('writes the demo ledger, a valid backup, the same for the same seed', async () => {
    const first = await run('demo', '--out', 'first.json', '--now', NOW);
    expect(first.code).toBe(EXIT_OK);
    expect(first.stdout).toContain('first.json');
    const text = readFileSync(join(cwd, 'first.json'), 'utf8');
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.counts.people).toBe(40);
    await run('demo', '--out', 'again.json', '--now', NOW);
    expect(readFileSync(join(cwd, 'again.json'), 'utf8')).toBe(text);
    await run('demo', '--out', 'seed2.json', '--now', NOW, '--seed', '2');
    expect(readFileSync(join(cwd, 'seed2.json'), 'utf8')).not.toBe(text);
    // No temporary files are left beside the output.
    expect(readdirSync(cwd).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the directory from a backup to a PDF with Chinese text', async () => {
    const { code, stdout, stderr } = await run(
      'pdf',
      'directory',
      '--backup',
      'demo.json',
      '--out',
      '通讯录.pdf',
      '--now',
      NOW,
    );
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('通讯录.pdf');
    const text = pdfText(join(cwd, '通讯录.pdf'));
    expect(text).toContain('通讯录');
    expect(text).toContain('人力资源部');
  });

  it('refuses a broken backup with the problems listed, exit 2, and writes no PDF', async () => {
    const backup = JSON.parse(readFileSync(join(cwd, 'demo.json'), 'utf8')) as {
      tables: { people: { name: string; phone: string }[] };
    };
    backup.tables.people[0]!.name = '';
    backup.tables.people[1]!.phone = 'call me';
    writeFileSync(join(cwd, 'broken.json'), JSON.stringify(backup));
    const { code, stderr } = await run('pdf', 'directory', '--backup', 'broken.json', '--out', 'broken.pdf');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('备份文件无效');
    expect(stderr).toContain('tables.people[0].name');
    expect(stderr).toContain('tables.people[1].phone');
    expect(existsSync(join(cwd, 'broken.pdf'))).toBe(false);

    writeFileSync(join(cwd, 'notjson.json'), '{ this is not json');
    const notJson = await run('pdf', 'directory', '--backup', 'notjson.json', '--out', 'x.pdf');
    expect(notJson.code).toBe(EXIT_USAGE);
    expect(notJson.stderr).toContain('not a JSON document');
  });

  it('warns about characters the font lacks, and fails on them with --strict', async () => {
    const backup = JSON.parse(readFileSync(join(cwd, 'demo.json'), 'utf8')) as {
      tables: { people: { name: string }[] };
    };
    backup.tables.people[1]!.name = '张☑';
    writeFileSync(join(cwd, 'odd.json'), JSON.stringify(backup));
    const lenient = await run('pdf', 'directory', '--backup', 'odd.json', '--out', 'odd.pdf');
    expect(lenient.code).toBe(EXIT_OK);
    expect(lenient.stderr).toContain('☑ (U+2611)');
    expect(existsSync(join(cwd, 'odd.pdf'))).toBe(true);
    const strict = await run('pdf', 'directory', '--backup', 'odd.json', '--out', 'strict.pdf', '--strict');
    expect(strict.code).toBe(EXIT_FAILURE);
    expect(existsSync(join(cwd, 'strict.pdf'))).toBe(false);
  });

  it('lists the forms for an unknown form and rejects bad usage with exit 2', async () => {
    const unknown = await run('pdf', 'nonesuch', '--backup', 'demo.json', '--out', 'x.pdf');
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('未知表单');
    expect(unknown.stderr).toMatch(/directory\s+通讯录/);
    expect((await run('pdf', 'directory', '--backup', 'demo.json')).code).toBe(EXIT_USAGE);
    expect(
      (await run('pdf', 'directory', '--backup', 'demo.json', '--out', 'x.pdf', '--paper', 'a3')).code,
    ).toBe(EXIT_USAGE);
    expect((await run('pdf', 'directory', '--backup', 'missing.json', '--out', 'x.pdf')).code).toBe(
      EXIT_USAGE,
    );
    expect((await run('demo', '--out', 'd.json', '--seed', 'abc')).code).toBe(EXIT_USAGE);
    expect((await run('demo', '--frobnicate')).code).toBe(EXIT_USAGE);
    expect((await run('reticulate')).code).toBe(EXIT_USAGE);
    expect(existsSync(join(cwd, 'x.pdf'))).toBe(false);
  });

  it('runs as the real executable', () => {
    const result = spawnSync(process.execPath, [join(root, 'electron/cli/bin.mjs'), '--help'], {
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('netdesk demo --out FILE');
  });
});

describe('netdesk pdf card / blank-cards (维修申请卡)', () => {
  const squeezed = (file: string) => pdfText(join(cwd, file)).replace(/\s+/g, '');

  it('prints one repair card by its number, on A4 or A5', async () => {
    const backup = JSON.parse(readFileSync(join(cwd, 'demo.json'), 'utf8')) as {
      tables: { repairCards: { cardNo: string; requesterName: string; description: string }[] };
    };
    const card = backup.tables.repairCards.find((c) => c.description.includes('硬盘灯常亮'))!;
    const a4 = await run('pdf', 'card', '--backup', 'demo.json', '--id', card.cardNo, '--out', 'card.pdf');
    expect(a4.stderr).toBe('');
    expect(a4.code).toBe(EXIT_OK);
    const text = squeezed('card.pdf');
    for (const expected of [
      card.cardNo,
      card.requesterName,
      '部门负责人签字：',
      '网络主管签字：',
      '报修人签字：',
    ]) {
      expect(text).toContain(expected);
    }
    const a5 = await run(
      'pdf',
      'card',
      '-b',
      'demo.json',
      '--id',
      card.cardNo.toLowerCase(),
      '-o',
      'a5.pdf',
      '--paper',
      'a5',
    );
    expect(a5.code).toBe(EXIT_OK);
    expect(squeezed('a5.pdf')).toContain(card.cardNo);
  });

  it('refuses a card number the backup does not have, writing nothing', async () => {
    const missing = await run(
      'pdf',
      'card',
      '--backup',
      'demo.json',
      '--id',
      'WX-1999-Z-0001',
      '--out',
      'none.pdf',
    );
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toContain('找不到维修卡');
    expect((await run('pdf', 'card', '--backup', 'demo.json', '--out', 'none.pdf')).code).toBe(EXIT_USAGE);
    expect(existsSync(join(cwd, 'none.pdf'))).toBe(false);
  });

  it('prints numbered blank cards, one a page, with or without a backup', async () => {
    const batch = await run(
      'pdf',
      'blank-cards',
      '--count',
      '3',
      '--pc',
      'A',
      '--year',
      '2026',
      '--from',
      '101',
      '--out',
      'blank.pdf',
    );
    expect(batch.code).toBe(EXIT_OK);
    const pages = pdfText(join(cwd, 'blank.pdf')).split('\f').slice(0, -1);
    expect(pages.map((p) => /WX-2026-A-\d{4}/.exec(p)?.[0])).toEqual([
      'WX-2026-A-0101',
      'WX-2026-A-0102',
      'WX-2026-A-0103',
    ]);
    // From a backup, the batch continues after the numbers already used.
    const next = await run(
      'pdf',
      'blank-cards',
      '--pc',
      'A',
      '--year',
      '2026',
      '-b',
      'demo.json',
      '-o',
      'next.pdf',
    );
    expect(next.code).toBe(EXIT_OK);
    expect(squeezed('next.pdf')).toContain('WX-2026-A-0009');
    const first = await run('pdf', 'blank-cards', '--first', 'WX-2026-C-0500', '--count', '2', '-o', 'c.pdf');
    expect(first.code).toBe(EXIT_OK);
    expect(squeezed('c.pdf')).toContain('WX-2026-C-0501');
  });

  it('rejects a batch it cannot number, and batch options on other forms', async () => {
    for (const argv of [
      ['pdf', 'blank-cards', '--out', 'bad.pdf'],
      ['pdf', 'blank-cards', '--pc', 'AB', '--out', 'bad.pdf'],
      ['pdf', 'blank-cards', '--pc', 'A', '--count', '501', '--out', 'bad.pdf'],
      ['pdf', 'blank-cards', '--pc', 'A', '--count', '0', '--out', 'bad.pdf'],
      ['pdf', 'blank-cards', '--first', 'WX-26-A-1', '--out', 'bad.pdf'],
      ['pdf', 'blank-cards', '--first', 'WX-2026-A-0001', '--pc', 'A', '--out', 'bad.pdf'],
      ['pdf', 'directory', '--backup', 'demo.json', '--count', '3', '--out', 'bad.pdf'],
    ]) {
      expect((await run(...argv)).code, argv.join(' ')).toBe(EXIT_USAGE);
    }
    expect(existsSync(join(cwd, 'bad.pdf'))).toBe(false);
  });
});
