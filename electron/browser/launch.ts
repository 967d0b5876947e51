// Handing browser mode's sign-in to whoever opens NetDesk, without letting other users of the PC
// see it: the per-launch token is never printed, never written to a file and never put on a
// browser's command line. What leaves the server is a one-time code (BrowserServer.launchUrl) in
//   - the app window's command line (good for LAUNCH_CODE_TTL_MS, once),
//   - a printed link when no window could be opened (PRINTED_CODE_TTL_MS, once), and a fresh one
//     each time the person presses Enter in the terminal,
//   - the file of --print-url-file, for the end-to-end harness and the bench (URL_FILE_CODE_TTL_MS,
//     once), created readable by its owner only.
import { chmod, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { openAppWindow, printSignInLink, type LaunchUrlFn, type OpenAppOptions } from './open-app';

/** A harness reads the file and starts a browser on a loaded test machine: give it two minutes. */
export const URL_FILE_CODE_TTL_MS = 120_000;

/** Write a one-time launch URL into `file`, readable by its owner only. */
export async function writeLaunchUrlFile(file: string, launchUrl: LaunchUrlFn): Promise<void> {
  await writeFile(file, launchUrl(URL_FILE_CODE_TTL_MS), { encoding: 'utf8', mode: 0o600 });
  // An existing file keeps its old mode through writeFile.
  await chmod(file, 0o600);
}

export interface HandOverOptions {
  launchUrl: LaunchUrlFn;
  /** Open an app window (else print a link). */
  open: boolean;
  window: Omit<OpenAppOptions, 'log'>;
  log: (message: string) => void;
  /** The terminal: a line (Enter) opens the window again or prints a fresh link. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Injected in tests; the real app window otherwise. */
  openWindow?: typeof openAppWindow;
}

/** Open NetDesk's window (or print a link) now, and again on every Enter; returns a stop function. */
export async function handOverSignIn(options: HandOverOptions): Promise<() => void> {
  const openWindow = options.openWindow ?? openAppWindow;
  const show = async (): Promise<void> => {
    if (options.open) await openWindow(options.launchUrl, { ...options.window, log: options.log });
    else printSignInLink(options.launchUrl, options.log);
  };
  await show();
  const input = options.input;
  if (!input?.isTTY) return () => undefined;
  options.log(
    options.open
      ? '在此窗口按回车键可重新打开 NetDesk 窗口。Press Enter here to open the NetDesk window again.'
      : '在此窗口按回车键获取新的一次性地址。Press Enter here for a new one-time address.',
  );
  const lines = createInterface({ input });
  lines.on('line', () => {
    show().catch((err: unknown) => options.log(err instanceof Error ? err.message : String(err)));
  });
  return () => lines.close();
}
