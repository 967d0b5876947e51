// The open ledger (Dexie database + repository) handed to every screen through React context.
// Opened once at start; screens read with useLiveQuery on `db` and write only through `repo`.
// The window's frame is drawn while it opens; screens wait inside <LedgerGate>.
// Tests and the end-to-end harness can pass their own database to <LedgerProvider>.
import { Spin } from 'antd';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isNewerLedgerError } from '../db/ledger-version';
import { createRepository, type Repository } from '../db/repository';
import { openNetdeskDb, type NetdeskDb } from '../db/schema';
import { registerFeatureHooks } from '../features/manifest';
import { logProblem } from './diagnostics';
import { ErrorScreen } from './ErrorScreen';
import { markStart } from './marks';

export interface Ledger {
  db: NetdeskDb;
  repo: Repository;
}

type LedgerState =
  | { status: 'opening' }
  | { status: 'open'; ledger: Ledger }
  | { status: 'failed'; detail: string; newer: boolean };

const LedgerContext = createContext<LedgerState | null>(null);

let early: Promise<NetdeskDb> | null = null;

/**
 * Start opening the ledger before React renders (called from main.tsx), so IndexedDB opens while
 * the first screen is being built instead of after it.
 */
export function startOpeningLedger(): Promise<NetdeskDb> {
  registerFeatureHooks();
  early ??= openNetdeskDb();
  // A failure is reported by the provider that takes this promise; do not warn twice.
  early.catch(() => undefined);
  return early;
}

/** The ledger opened early, handed out once; later mounts (and tests) open their own. */
function openLedger(): Promise<NetdeskDb> {
  // Features' derived data follows every write from the start, before any screen or sync runs.
  registerFeatureHooks();
  const opening = early ?? openNetdeskDb();
  early = null;
  return opening;
}

/** The open ledger; only for what renders inside <LedgerGate> (every screen does). */
export function useLedger(): Ledger {
  const state = useContext(LedgerContext);
  if (!state) throw new Error('useLedger() used outside <LedgerProvider>');
  if (state.status !== 'open') throw new Error('useLedger() used outside <LedgerGate>');
  return state.ledger;
}

/** The ledger if it is open yet, else null: for the parts of the window drawn before it opens. */
export function useOpenLedger(): Ledger | null {
  const state = useContext(LedgerContext);
  return state?.status === 'open' ? state.ledger : null;
}

/**
 * Opens the ledger and tells everything below how far it is. Its children are drawn at once: the
 * window's frame (menu, header) needs no ledger, so it is on screen while a large ledger opens;
 * what reads the ledger sits inside <LedgerGate>.
 */
export function LedgerProvider({
  children,
  open = openLedger,
}: {
  children: ReactNode;
  open?: () => Promise<NetdeskDb>;
}) {
  const [state, setState] = useState<LedgerState>({ status: 'opening' });

  useEffect(() => {
    let cancelled = false;
    let opened: NetdeskDb | undefined;
    open().then(
      (db) => {
        opened = db;
        // Unmounted while opening (React's development double mount): do not leave it open.
        if (cancelled) db.close();
        else {
          markStart('ledger-open');
          setState({ status: 'open', ledger: { db, repo: createRepository(db) } });
        }
      },
      (err: unknown) => {
        logProblem('error', 'the ledger could not be opened', err);
        if (!cancelled)
          setState({
            status: 'failed',
            detail: err instanceof Error ? err.message : String(err),
            newer: isNewerLedgerError(err),
          });
      },
    );
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [open]);

  return <LedgerContext.Provider value={state}>{children}</LedgerContext.Provider>;
}

/** Draws its children once the ledger is open; until then a spinner, or why it could not open. */
export function LedgerGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const state = useContext(LedgerContext);
  if (!state) throw new Error('<LedgerGate> used outside <LedgerProvider>');
  if (state.status === 'opening') {
    return (
      <div style={{ padding: 48, textAlign: 'center' }} data-testid="ledger-opening">
        <Spin />
        <div style={{ marginTop: 12 }}>{t('app.loading')}</div>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div data-testid={state.newer ? 'ledger-newer' : 'ledger-failed'}>
        <ErrorScreen
          title={state.newer ? t('errors.ledgerNewer') : t('app.dbFailed')}
          description={
            state.newer ? t('errors.ledgerNewerHint') : t('app.dbFailedHint', { detail: state.detail })
          }
          problem={state.detail}
        />
      </div>
    );
  }
  return <>{children}</>;
}
