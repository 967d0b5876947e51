// The open ledger (Dexie database + repository) handed to every screen through React context.
// Opened once at start; screens read with useLiveQuery on `db` and write only through `repo`.
// Tests and the end-to-end harness can pass their own database to <LedgerProvider>.
import { Alert, Spin } from 'antd';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRepository, type Repository } from '../db/repository';
import { openNetdeskDb, type NetdeskDb } from '../db/schema';

export interface Ledger {
  db: NetdeskDb;
  repo: Repository;
}

const LedgerContext = createContext<Ledger | null>(null);

let early: Promise<NetdeskDb> | null = null;

/**
 * Start opening the ledger before React renders (called from main.tsx), so IndexedDB opens while
 * the first screen is being built instead of after it.
 */
export function startOpeningLedger(): Promise<NetdeskDb> {
  early ??= openNetdeskDb();
  // A failure is reported by the provider that takes this promise; do not warn twice.
  early.catch(() => undefined);
  return early;
}

/** The ledger opened early, handed out once; later mounts (and tests) open their own. */
function openLedger(): Promise<NetdeskDb> {
  const opening = early ?? openNetdeskDb();
  early = null;
  return opening;
}

export function useLedger(): Ledger {
  const ledger = useContext(LedgerContext);
  if (!ledger) throw new Error('useLedger() used outside <LedgerProvider>');
  return ledger;
}

type OpenState =
  { status: 'opening' } | { status: 'open'; ledger: Ledger } | { status: 'failed'; detail: string };

export function LedgerProvider({
  children,
  open = openLedger,
}: {
  children: ReactNode;
  open?: () => Promise<NetdeskDb>;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<OpenState>({ status: 'opening' });

  useEffect(() => {
    let cancelled = false;
    let opened: NetdeskDb | undefined;
    open().then(
      (db) => {
        opened = db;
        // Unmounted while opening (React's development double mount): do not leave it open.
        if (cancelled) db.close();
        else setState({ status: 'open', ledger: { db, repo: createRepository(db) } });
      },
      (err: unknown) => {
        if (!cancelled)
          setState({ status: 'failed', detail: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [open]);

  if (state.status === 'opening') {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
        <div style={{ marginTop: 12 }}>{t('app.loading')}</div>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        style={{ margin: 24 }}
        title={t('app.dbFailed')}
        description={t('app.dbFailedHint', { detail: state.detail })}
      />
    );
  }
  return <LedgerContext.Provider value={state.ledger}>{children}</LedgerContext.Provider>;
}
