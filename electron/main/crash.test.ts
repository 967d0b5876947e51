import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrashQuestion } from './crash';

vi.mock('electron', () => import('../../test/doubles/fake-electron'));

const { BrowserWindow, resetFakeElectron } = await import('../../test/doubles/fake-electron');
const { logChildProcessGone, watchRendererCrashes } = await import('./crash');

type Win = InstanceType<typeof BrowserWindow>;

let clock: number;
let logged: string[];
let questions: CrashQuestion[];
let answer: number;
let quits: number;

function watched(language: 'zh-CN' | 'en' = 'zh-CN'): Win {
  const win = new BrowserWindow({});
  watchRendererCrashes(win, {
    log: (level, message) => logged.push(`${level}: ${message}`),
    ask: (q) => {
      questions.push(q);
      return Promise.resolve(answer);
    },
    quit: () => quits++,
    language: () => language,
    now: () => clock,
  });
  return win;
}

const crash = (win: Win, reason = 'crashed') =>
  win.webContents.emit('render-process-gone', {}, { reason, exitCode: 5 });
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  resetFakeElectron();
  clock = 1_000_000;
  logged = [];
  questions = [];
  answer = 0;
  quits = 0;
});

describe('a crashed page', () => {
  it('is logged and the window reloaded instead of left blank', () => {
    const win = watched();
    crash(win, 'oom');
    expect(win.webContents.reloads).toBe(1);
    expect(logged[0]).toBe('error: renderer gone: oom (exit code 5)');
    expect(questions).toEqual([]);
  });

  it('stops reloading after three crashes in a minute and asks, in the settings’ language', async () => {
    const win = watched();
    for (let i = 0; i < 3; i++) {
      crash(win);
      clock += 5_000;
    }
    expect(win.webContents.reloads).toBe(3);
    answer = 1; // 退出
    crash(win);
    expect(win.webContents.reloads).toBe(3);
    await settle();
    expect(questions).toHaveLength(1);
    expect(questions[0]!.message).toContain('一分钟内多次出错');
    expect(questions[0]!.buttons).toEqual(['重新加载', '退出']);
    expect(quits).toBe(1);
    expect(logged).toContain('error: the window crashed 4 times within a minute; not reloading it again');
  });

  it('reloads again when the supervisor chooses to, with a fresh allowance', async () => {
    const win = watched('en');
    for (let i = 0; i < 4; i++) crash(win);
    await settle();
    expect(questions[0]!.buttons).toEqual(['Reload', 'Quit']);
    expect(win.webContents.reloads).toBe(4);
    crash(win);
    expect(win.webContents.reloads).toBe(5);
    expect(quits).toBe(0);
  });

  it('counts only the crashes of the last minute', () => {
    const win = watched();
    for (let i = 0; i < 10; i++) {
      crash(win);
      clock += 21_000;
    }
    expect(win.webContents.reloads).toBe(10);
    expect(questions).toEqual([]);
  });

  it('leaves a page that exited cleanly alone, and a closed window too', () => {
    const win = watched();
    crash(win, 'clean-exit');
    expect(win.webContents.reloads).toBe(0);
    win.destroyed = true;
    crash(win);
    expect(win.webContents.reloads).toBe(0);
    expect(logged).toContain('error: renderer gone: crashed (exit code 5)');
  });
});

describe('a hung page', () => {
  it('is logged, and reloaded only when the supervisor chooses “reload” rather than “wait”', async () => {
    const win = watched();
    answer = 0; // 等待
    win.emit('unresponsive');
    await settle();
    expect(questions[0]!.buttons).toEqual(['等待', '重新加载']);
    expect(win.webContents.reloads).toBe(0);
    win.emit('responsive');
    answer = 1;
    win.emit('unresponsive');
    await settle();
    expect(win.webContents.reloads).toBe(1);
    expect(logged.filter((l) => l === 'warn: the window is not responding')).toHaveLength(2);
    expect(logged).toContain('info: the window is responding again');
  });

  it('asks once while a question is open', () => {
    const win = watched();
    win.emit('unresponsive');
    win.emit('unresponsive');
    expect(questions).toHaveLength(1);
  });
});

describe('a helper process that dies', () => {
  it('is logged with its kind, name and reason', () => {
    const lines: string[] = [];
    logChildProcessGone((level, m) => lines.push(`${level}: ${m}`), {
      type: 'GPU',
      reason: 'crashed',
      exitCode: 139,
    });
    logChildProcessGone((level, m) => lines.push(`${level}: ${m}`), {
      type: 'Utility',
      reason: 'clean-exit',
      exitCode: 0,
      name: 'Network Service',
    });
    expect(lines).toEqual([
      'error: GPU process gone: crashed (exit code 139)',
      'info: Utility (Network Service) process gone: clean-exit (exit code 0)',
    ]);
  });
});
