// Whether this window has finished or put off the first-run setup. Kept apart from the setup
// screen so the shell can ask without loading it: after the first run, the screen is never loaded.
const KEY = 'netdesk.firstRunDone';

export function firstRunDone(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function markFirstRunDone(): void {
  try {
    globalThis.localStorage?.setItem(KEY, '1');
  } catch {
    // Storage refused: the setup shows again next time while the ledger is still empty.
  }
}
