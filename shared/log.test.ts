import { describe, expect, it } from 'vitest';
import { formatDiagnostics, formatLogLine, lastProblems, LOG_MESSAGE_MAX, redactSecrets } from './log';

const at = new Date('2026-12-07T03:00:00Z');

describe('redactSecrets', () => {
  it('masks the browser-mode token, launch codes and anything called a password', () => {
    const text = redactSecrets(
      'GET /?c=Zq81abc&x=1 X-NetDesk-Token: 9f8e7d6c token=abcdef password=Admin@123 管理员密码：Qwe!2345',
    );
    for (const secret of ['Zq81abc', '9f8e7d6c', 'abcdef', 'Admin@123', 'Qwe!2345'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[已隐去]');
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('维修卡 A-2026-0012 保存失败: disk full')).toBe(
      '维修卡 A-2026-0012 保存失败: disk full',
    );
  });
});

describe('log lines', () => {
  it('are one JSON object a line, secrets masked, length bounded', () => {
    const line = formatLogLine(
      { level: 'error', message: `${'x'.repeat(LOG_MESSAGE_MAX + 50)}`, detail: 'password=hunter2' },
      'renderer',
      at,
    );
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toContain('\n');
    const parsed = JSON.parse(line) as { message: string; detail: string; from: string; time: string };
    expect(parsed.message).toHaveLength(LOG_MESSAGE_MAX);
    expect(parsed.detail).not.toContain('hunter2');
    expect(parsed).toMatchObject({ from: 'renderer', time: at.toISOString() });
  });

  it('give back the last errors and warnings, skipping information and damaged lines', () => {
    const text = [
      formatLogLine({ level: 'error', message: 'first' }, 'main', at),
      '{"half a line',
      formatLogLine({ level: 'info', message: 'started' }, 'main', at),
      formatLogLine({ level: 'warn', message: 'second' }, 'server', at),
      formatLogLine({ level: 'error', message: 'third' }, 'renderer', at),
    ].join('');
    expect(lastProblems(text, 2).map((p) => p.message)).toEqual(['second', 'third']);
    expect(lastProblems(text, 10).map((p) => p.message)).toEqual(['first', 'second', 'third']);
  });
});

describe('formatDiagnostics', () => {
  it('says the version, OS, ledger size and last errors, and never a secret', () => {
    const text = formatDiagnostics({
      app: { version: '0.4.0', mode: 'electron' },
      machine: { os: 'win32 10.0.19045', arch: 'x64', runtime: 'node 22.20.0, electron 45.6.1' },
      userAgent: 'Mozilla/5.0 Chrome/142',
      ledger: { schemaVersion: 2, bytes: 52_428_800, counts: { repairCards: 1200, devices: 340 } },
      error: {
        name: 'TypeError',
        message: 'x is undefined',
        stack: 'TypeError: x is undefined\n    at Card (card.tsx:3)',
      },
      problems: [
        { time: at.toISOString(), from: 'renderer', level: 'error', message: 'sync failed token=abc123' },
      ],
      now: at,
    });
    expect(text).toContain('0.4.0 (electron)');
    expect(text).toContain('win32 10.0.19045 x64');
    expect(text).toContain('50.0 MB');
    expect(text).toContain('repairCards 1200');
    expect(text).toContain('TypeError: x is undefined');
    expect(text).toContain('sync failed');
    expect(text).not.toContain('abc123');
  });

  it('still says what it can when the services cannot be reached', () => {
    const text = formatDiagnostics({
      app: null,
      machine: null,
      userAgent: 'UA',
      ledger: {},
      problems: [],
      now: at,
    });
    expect(text).toContain('unknown (services not reachable)');
  });
});
