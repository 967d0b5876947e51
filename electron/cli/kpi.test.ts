import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, serializeBackup, type LedgerBackup } from '../../shared/backup';
import { ledgerTables, type LedgerTable, type RecordInput } from '../../shared/schemas';
import { figuresSha256 } from '../../shared/kpi/archive';
import { computeKpiMonth } from '../../shared/kpi/engine';
import { kpiLedgerFromTables } from '../../shared/kpi/ledger';
import { parseBackup } from '../../shared/backup';
import { kpiFiguresFromBackup } from '../../shared/pdf/forms/kpi-report';
import { EXIT_OK, EXIT_USAGE, runNetdesk } from './netdesk';

const NOW = '2026-12-07T09:00:00+08:00';
let cwd: string;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runNetdesk(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** A stored record of `table`: the schema's defaults plus the repository's metadata. */
function stored<T extends LedgerTable>(table: T, id: string, input: RecordInput<T>) {
  const at = '2026-01-05T02:00:00.000Z';
  return {
    ...(ledgerTables[table].parse(input) as object),
    id,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    hlc: {},
  };
}

/** A small ledger: one card received 23:30 on 30 November and repaired 30 min after its due time. */
function handBuiltBackup(): LedgerBackup {
  const received = '2026-11-30T23:30:00+08:00';
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-12-07T01:00:00.000Z',
    tables: {
      repairCards: [
        stored('repairCards', 'card-1', {
          cardNo: 'WX-2026-A-0042',
          requesterName: '王芳',
          faultCategory: 'printer',
          description: '打印机卡纸',
          receivedAt: received,
          status: 'repaired',
        }),
      ],
      repairEvents: [
        stored('repairEvents', 'ev-1', { cardId: 'card-1', type: 'received', at: received }),
        stored('repairEvents', 'ev-2', {
          cardId: 'card-1',
          type: 'repaired',
          at: '2026-12-02T00:00:00+08:00',
        }),
      ],
      ledgerSettings: [stored('ledgerSettings', 'set-1', { key: 'companyName', value: '测试集团' })],
    },
  } as LedgerBackup;
}

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'netdesk-kpi-'));
  expect((await run('demo', '--out', 'demo.json', '--now', NOW)).code).toBe(EXIT_OK);
  writeFileSync(join(cwd, 'small.json'), serializeBackup(handBuiltBackup()));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const ACTUAL_KEYS = {
  K1: ['month', 'ytd'],
  K2: ['met', 'of'],
  K3: ['met', 'late', 'inProgress', 'refusedPending'],
  K4: ['covered', 'of'],
  K5: ['weeksChecked', 'weeks', 'faults', 'contactsOnTime'],
  K6: ['covered', 'of', 'repeats'],
  K7: ['weeksMet', 'weeks'],
  K8: ['weeksMet', 'weeks'],
  K9: ['ytd'],
};

interface JsonReport {
  month: string;
  now: string;
  indicators: {
    id: string;
    target: unknown;
    actual: Record<string, number>;
    pass: boolean | null;
    exceptions: { kind: string }[];
  }[];
}

describe('netdesk kpi', () => {
  it('prints one JSON object with K1–K9 and exactly the documented figures, the same on every run', async () => {
    const a = await run('kpi', '--backup', 'demo.json', '--month', '2026-11', '--now', NOW, '--json');
    expect(a.code).toBe(EXIT_OK);
    const report = JSON.parse(a.stdout) as JsonReport;
    expect(report.month).toBe('2026-11');
    expect(report.now).toBe(new Date(NOW).toISOString());
    expect(report.indicators.map((i) => i.id)).toEqual(Object.keys(ACTUAL_KEYS));
    for (const ind of report.indicators) {
      expect(Object.keys(ind.actual), ind.id).toEqual(ACTUAL_KEYS[ind.id as keyof typeof ACTUAL_KEYS]);
      expect([true, false, null]).toContain(ind.pass);
      expect(Array.isArray(ind.exceptions)).toBe(true);
    }
    const b = await run('kpi', '--backup', 'demo.json', '--month', '2026-11', '--now', NOW, '--json');
    expect(b.stdout).toBe(a.stdout);
  });

  it('lists a card received at 23:30 on the last day of November as late in November, by how much', async () => {
    const { code, stdout } = await run(
      'kpi',
      '-b',
      'small.json',
      '--month',
      '2026-11',
      '--now',
      NOW,
      '--json',
    );
    expect(code).toBe(EXIT_OK);
    const k3 = (JSON.parse(stdout) as JsonReport).indicators.find((i) => i.id === 'K3')!;
    expect(k3.actual).toEqual({ met: 0, late: 1, inProgress: 0, refusedPending: 0 });
    expect(k3.pass).toBe(false);
    expect(k3.exceptions).toEqual([
      expect.objectContaining({ kind: 'late-card', cardNo: 'WX-2026-A-0042', lateMs: 30 * 60000 }),
    ]);
    const table = await run('kpi', '-b', 'small.json', '--month', '2026-11', '--now', NOW);
    expect(table.stdout).toContain(
      'K3  维修卡 24 小时内处理 / Repair cards handled within 24 h  —  未达标 missed',
    );
    expect(table.stdout).toContain(
      '超时：维修卡 WX-2026-A-0042，接卡 2026-11-30 23:30，应于 2026-12-01 23:30 前',
    );
    expect(table.stdout).toContain('超时 30 分');
  });

  it('says of a month without records that there is nothing to judge, for every indicator', async () => {
    const { stdout } = await run('kpi', '-b', 'small.json', '--month', '2026-10', '--now', NOW, '--json');
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.indicators.every((i) => i.pass === null)).toBe(true);
    const table = await run('kpi', '-b', 'small.json', '--month', '2026-10', '--now', NOW);
    expect(table.stdout.match(/本月台账无任何记录/g)).toHaveLength(9);
  });

  it("takes the company's own rest days from the backup's ledger settings out of K6's working days", async () => {
    const k6Of = async (file: string) => {
      const { stdout } = await run('kpi', '-b', file, '--month', '2026-11', '--now', NOW, '--json');
      const k6 = (
        JSON.parse(stdout) as { indicators: { id: string; actual: { of: number } }[] }
      ).indicators.find((i) => i.id === 'K6')!;
      return k6.actual.of;
    };
    const backup = handBuiltBackup();
    // Monday 16 and Tuesday 17 November 2026 are official working days.
    backup.tables.ledgerSettings!.push(
      stored('ledgerSettings', 'set-2', {
        key: 'companyRestDays',
        value: ['2026-11-16', '2026-11-17'],
      }) as never,
    );
    writeFileSync(join(cwd, 'rest.json'), serializeBackup(backup));
    expect(await k6Of('rest.json')).toBe((await k6Of('small.json')) - 2);
  });

  it('refuses a month not begun yet, a malformed month, and a missing one, writing nothing', async () => {
    const future = await run('kpi', '-b', 'demo.json', '--month', '2027-01', '--now', NOW, '--pdf', 'x.pdf');
    expect(future.code).toBe(EXIT_USAGE);
    expect(future.stderr).toContain('月份尚未开始，无法考核 / the month has not begun yet: 2027-01');
    expect(future.stdout).toBe('');
    expect((await run('kpi', '-b', 'demo.json', '--month', '2026-1')).stderr).toContain('YYYY-MM');
    expect((await run('kpi', '-b', 'demo.json')).stderr).toContain('缺少 --month / missing --month');
    expect((await run('kpi', '--month', '2026-11')).code).toBe(EXIT_USAGE);
    expect((await run('kpi', '-b', 'demo.json', '--month', '2026-11', '--now', 'yesterday')).code).toBe(
      EXIT_USAGE,
    );
  });

  it('writes the monthly report PDF, titled 月度考核报告, with the summary, the misses and the signatures', async () => {
    const { code, stdout } = await run(
      'kpi',
      '-b',
      'small.json',
      '--month',
      '2026-11',
      '--now',
      NOW,
      '--pdf',
      'report.pdf',
      '--remark',
      '本月打印机故障集中。',
    );
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('report.pdf');
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(cwd, 'report.pdf'), '-'], {
      encoding: 'utf8',
    });
    const info = execFileSync('pdfinfo', [join(cwd, 'report.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+月度考核报告 2026-11/);
    for (const expected of [
      '月度考核报告',
      '测试集团',
      '2026年11月',
      '人力资源中心',
      '考核结果汇总',
      '维修卡 24 小时内处理',
      '办公软件培训',
      '超时：维修卡 WX-2026-A-0042',
      '本月打印机故障集中。',
      '网络主管签字：',
      '人力资源部部长签字：',
      '第 1 页',
    ]) {
      // pdftotext drops the spaces between Chinese and digits; compare without spaces.
      expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
    }
    for (const id of Object.keys(ACTUAL_KEYS)) expect(text).toMatch(new RegExp(`\\b${id}\\b`));
    // The same backup and --now print the same bytes; the font is a subset, so the file is small.
    const first = readFileSync(join(cwd, 'report.pdf'));
    await run(
      'kpi',
      '-b',
      'small.json',
      '--month',
      '2026-11',
      '--now',
      NOW,
      '--pdf',
      'again.pdf',
      '--remark',
      '本月打印机故障集中。',
    );
    expect(readFileSync(join(cwd, 'again.pdf')).equals(first)).toBe(true);
    expect(first.byteLength).toBeLessThan(300 * 1024);
  });

  it("draws the four charts with their labels and prints the frozen figures' SHA-256 on every page", async () => {
    const { code } = await run(
      'kpi',
      '-b',
      'demo.json',
      '--month',
      '2026-11',
      '--now',
      NOW,
      '--pdf',
      'demo.pdf',
    );
    expect(code).toBe(EXIT_OK);
    const pdf = readFileSync(join(cwd, 'demo.pdf'));
    expect(pdf.byteLength).toBeLessThan(300 * 1024);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(cwd, 'demo.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/[ \t]+/g, '');
    for (const expected of [
      '统计图表',
      '每周维修卡数',
      '各部门维修卡数',
      '故障类别',
      '维修用时分布',
      // November 2026 runs Sunday 1st to Monday 30th: one-day weeks at both ends.
      '11/1',
      '11/2–11/8',
      '11/23–11/29',
      '11/30',
      '硬件故障',
      '打印机故障',
      '4小时内',
      '4–8小时',
      '8–24小时',
      '超过24小时',
      '尚未完成',
    ])
      expect(text).toContain(expected);

    // The footer names the figures the PDF was drawn from: the same SHA-256 computed here.
    const backup = parseBackup(readFileSync(join(cwd, 'demo.json'), 'utf8'));
    if (!backup.ok) throw new Error('demo backup not valid');
    const now = new Date(NOW);
    const report = computeKpiMonth(kpiLedgerFromTables(backup.backup.tables), '2026-11', now);
    const sha = await figuresSha256(kpiFiguresFromBackup(report, backup.backup, { now }));
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain(`SHA-256：${sha}（第1版）`);
  });
});
