// What the main process does when the page dies or hangs. A renderer that crashes leaves a blank
// window, and the supervisor cannot tell a crash from a slow start; so the crash is logged through
// the one logger and the window reloaded (the ledger lives in IndexedDB, nothing typed since the
// last save is kept by a blank window either). A page that crashes again straight after loading
// would reload forever, so after `maxReloads` crashes within `windowMs` NetDesk stops and asks:
// reload once more, or quit. A hung page is logged and the supervisor chooses to wait or reload;
// NetDesk never kills a page that may still be saving. A helper process (GPU, network, utility)
// that dies is logged; Chromium restarts those itself.
import type { Details, RenderProcessGoneDetails } from 'electron';
import type { Language } from '../../shared/settings';

/** The part of a BrowserWindow the watch needs (the fake-electron double has the same). */
export interface WatchedWindow {
  isDestroyed(): boolean;
  webContents: {
    reload(): void;
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: RenderProcessGoneDetails) => void,
    ): unknown;
  };
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
}

export type CrashLog = (level: 'error' | 'warn' | 'info', message: string) => void;

/** A question for the supervisor; resolves to the index of the button chosen. */
export interface CrashQuestion {
  kind: 'crashed' | 'unresponsive';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
}

export interface CrashWatchOptions {
  log: CrashLog;
  ask: (question: CrashQuestion) => Promise<number>;
  quit: () => void;
  language: () => Language;
  now?: () => number;
  /** Automatic reloads allowed within `windowMs`; the next crash asks instead. */
  maxReloads?: number;
  windowMs?: number;
}

export const MAX_RELOADS_PER_MINUTE = 3;

const TEXT = {
  'zh-CN': {
    title: 'NetDesk 网管工作台',
    crashed: '网管工作台的窗口一分钟内多次出错，已停止自动重新加载',
    crashedDetail:
      '台账数据保存在本机，没有受影响。可以再试一次“重新加载”；如果仍然出错，请退出后重新打开，并把数据文件夹 logs 里的 netdesk.log 发给维护网管工作台的同事。原因：',
    reload: '重新加载',
    quit: '退出',
    unresponsive: '网管工作台的窗口没有响应',
    unresponsiveDetail: '可能正在处理大量数据。可以等一会儿，或者重新加载窗口（正在进行的操作会中断）。',
    wait: '等待',
  },
  en: {
    title: 'NetDesk',
    crashed:
      'NetDesk’s window failed several times within a minute, so it is no longer reloaded automatically',
    crashedDetail:
      'The ledger is kept on this PC and was not affected. Try “Reload” once more; if it fails again, quit, open NetDesk again and send logs/netdesk.log from the data folder to whoever looks after NetDesk. Reason: ',
    reload: 'Reload',
    quit: 'Quit',
    unresponsive: 'NetDesk’s window is not responding',
    unresponsiveDetail:
      'It may be working through a lot of data. Wait a little, or reload the window (what it is doing will be interrupted).',
    wait: 'Wait',
  },
} as const;

/** Follow one window's page: reload it after a crash, ask when it keeps crashing or hangs. */
export function watchRendererCrashes(win: WatchedWindow, opts: CrashWatchOptions): void {
  const now = opts.now ?? Date.now;
  const maxReloads = opts.maxReloads ?? MAX_RELOADS_PER_MINUTE;
  const windowMs = opts.windowMs ?? 60_000;
  let crashes: number[] = [];
  let asking = false;
  const text = () => TEXT[opts.language() === 'en' ? 'en' : 'zh-CN'];

  const reload = () => {
    if (!win.isDestroyed()) win.webContents.reload();
  };

  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') {
      opts.log('info', `renderer exited cleanly (exit code ${details.exitCode})`);
      return;
    }
    opts.log('error', `renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (win.isDestroyed()) return;
    const at = now();
    crashes = [...crashes.filter((t) => at - t < windowMs), at];
    if (crashes.length <= maxReloads) {
      opts.log('warn', `reloading the window (crash ${crashes.length} of ${maxReloads} allowed in a minute)`);
      reload();
      return;
    }
    opts.log('error', `the window crashed ${crashes.length} times within a minute; not reloading it again`);
    if (asking) return;
    asking = true;
    const t = text();
    opts
      .ask({
        kind: 'crashed',
        title: t.title,
        message: t.crashed,
        detail: t.crashedDetail + details.reason,
        buttons: [t.reload, t.quit],
      })
      .then((choice) => {
        if (choice === 0) {
          // The supervisor asked for it: a fresh allowance, not a loop.
          crashes = [];
          opts.log('info', 'reloading the window at the user’s request');
          reload();
        } else {
          opts.log('info', 'quitting after repeated renderer crashes');
          opts.quit();
        }
      })
      .catch((err: unknown) => opts.log('error', `crash dialog failed: ${String(err)}`))
      .finally(() => (asking = false));
  });

  win.on('unresponsive', () => {
    opts.log('warn', 'the window is not responding');
    if (asking || win.isDestroyed()) return;
    asking = true;
    const t = text();
    opts
      .ask({
        kind: 'unresponsive',
        title: t.title,
        message: t.unresponsive,
        detail: t.unresponsiveDetail,
        buttons: [t.wait, t.reload],
      })
      .then((choice) => {
        if (choice === 1) {
          opts.log('warn', 'reloading the unresponsive window at the user’s request');
          reload();
        }
      })
      .catch((err: unknown) => opts.log('error', `unresponsive dialog failed: ${String(err)}`))
      .finally(() => (asking = false));
  });

  win.on('responsive', () => opts.log('info', 'the window is responding again'));
}

/** A helper process (GPU, network service, utility) died: logged, Chromium restarts it itself. */
export function logChildProcessGone(log: CrashLog, details: Details): void {
  const level = details.reason === 'clean-exit' ? 'info' : 'error';
  const name = details.name ?? details.serviceName ?? '';
  log(
    level,
    `${details.type}${name ? ` (${name})` : ''} process gone: ${details.reason} (exit code ${details.exitCode})`,
  );
}
