// The points of a start that `npm run bench` reports, as performance marks "netdesk:<point>"
// (the page's first script, public/warm-ledger.js, sets "netdesk:warm-open" and
// "netdesk:warm-counts" itself). Marks cost nothing measurable and show in any profiler.
export type StartPoint =
  /** the application's code has loaded and starts */
  | 'script'
  /** the window's frame (menu, header) is on screen */
  | 'frame'
  /** the ledger is open for the screens */
  | 'ledger-open'
  /** the dashboard shows the ledger's counts */
  | 'counts-shown';

export function markStart(point: StartPoint): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function')
    performance.mark(`netdesk:${point}`);
}
