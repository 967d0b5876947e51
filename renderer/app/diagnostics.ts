// The page's half of NetDesk's one logger, and the diagnostic text the error screens copy.
// Problems go to the log file through `log:write` (the main process or the browser-mode server
// writes them beside its own); the last few are also kept here, so the diagnostic text still has
// them when the services cannot be reached. Uncaught errors and unhandled rejections are logged
// from the moment main.tsx starts.
import type Dexie from 'dexie';
import { getNetdesk } from '../api/netdesk';
import { describeThrown, formatDiagnostics, LOG_MESSAGE_MAX, type LogLine } from '../../shared/log';

const KEPT = 20;
const recent: LogLine[] = [];

function detailOf(err: unknown): string | undefined {
  return err === undefined || err === null ? undefined : describeThrown(err);
}

/** Log a problem: kept in this page, shown in the console and sent to the log file. */
export function logProblem(level: 'error' | 'warn', message: string, err?: unknown): void {
  const entry = { level, message: message.slice(0, LOG_MESSAGE_MAX), detail: detailOf(err) };
  recent.push({ ...entry, time: new Date().toISOString(), from: 'renderer' });
  if (recent.length > KEPT) recent.shift();
  console.error(`NetDesk: ${message}`, err ?? '');
  try {
    getNetdesk()
      .writeLog(entry)
      .catch(() => undefined);
  } catch {
    // No services at all (a bare test page): the entry stays in this page.
  }
}

/** The page's own recent problems (for tests and for the diagnostic text). */
export function recentProblems(): readonly LogLine[] {
  return recent;
}

/** Log what would otherwise vanish: uncaught errors and promises rejected with no handler. */
export function installErrorLogging(target: Window = window): void {
  target.addEventListener('error', (e) => logProblem('error', 'uncaught error', e.error ?? e.message));
  target.addEventListener('unhandledrejection', (e) => logProblem('error', 'unhandled rejection', e.reason));
}

async function ledgerFacts(db: Dexie | null | undefined) {
  const ledger: { schemaVersion?: number; bytes?: number; counts?: Record<string, number> } = {};
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (estimate?.usage !== undefined) ledger.bytes = estimate.usage;
  } catch {
    // Storage estimate refused: the text says nothing about size.
  }
  if (db?.isOpen()) {
    ledger.schemaVersion = db.verno;
    const counts: Record<string, number> = {};
    for (const table of db.tables) counts[table.name] = await table.count();
    ledger.counts = counts;
  }
  return ledger;
}

/** The diagnostic text: version, OS, ledger size, the error, the last problems; never secrets. */
export async function collectDiagnostics(opts: { db?: Dexie | null; error?: Error; problem?: string } = {}) {
  const api = (() => {
    try {
      return getNetdesk();
    } catch {
      return null;
    }
  })();
  const [app, machine] = await Promise.all([
    api?.appInfo().catch(() => null) ?? null,
    api?.readDiagnostics().catch(() => null) ?? null,
  ]);
  const ledger = await ledgerFacts(opts.db).catch(() => ({}));
  // The file has the main process's problems and this page's; without it, this page's alone.
  const problems = machine?.problems.length ? machine.problems : [...recent];
  return formatDiagnostics({
    app: app ? { version: app.version, mode: app.mode } : null,
    machine,
    userAgent: navigator.userAgent,
    ledger: { ...ledger, ...(opts.problem ? { problem: opts.problem } : {}) },
    error: opts.error
      ? { name: opts.error.name, message: opts.error.message, stack: opts.error.stack }
      : undefined,
    problems,
    now: new Date(),
  });
}
