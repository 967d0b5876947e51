// The renderer's sync controller: one per open ledger. It owns the Dexie LedgerSide, runs one
// sync at a time (a second request while one runs waits for it and then runs once more), and
// publishes the status to the zustand store the header and the sync screen read. The timer
// that calls it lives in the SyncAgent component (renderer/features/sync).
import { create } from 'zustand';
import type { SyncProgress } from '../../shared/sync-ipc';
import type { SyncStatus } from '../../shared/sync/types';
import type { NetdeskDb } from '../db/schema';
import { DexieLedger, type TouchedRecord } from './dexie-ledger';
import { readStatus, runSync, type SyncApi, type SyncRunOptions } from './driver';

export interface SyncState {
  /** Null until the first status arrived. */
  status: SyncStatus | null;
  /** False when no sync folder is set (sync is off). */
  folderSet: boolean;
  running: boolean;
  /** The last sync's failure that was not a folder problem (the service itself failed). */
  error: string | null;
  /** When the last attempt ended (ISO), successful or not. */
  lastAttemptAt: string | null;
  /** While a sync of several rounds runs (a first join): bytes read of those to read. */
  progress: SyncProgress | null;
}

export const useSyncStore = create<SyncState>()(() => ({
  status: null,
  folderSet: false,
  running: false,
  error: null,
  lastAttemptAt: null,
  progress: null,
}));

export interface SyncController {
  readonly nodeId: string;
  readonly ledger: DexieLedger;
  /** Sync now; resolves with the connected flag. Never throws (the store holds the error). */
  sync(options: Omit<SyncRunOptions, 'now'>): Promise<boolean>;
  refreshStatus(): Promise<void>;
}

export async function createSyncController(db: NetdeskDb, api: SyncApi): Promise<SyncController> {
  const touched: TouchedRecord[] = [];
  const ledger = await DexieLedger.open(db, { onTouched: (t) => touched.push(...t) });
  const deps = { ledger, api, drainTouched: () => touched.splice(0) };
  let running: Promise<boolean> | null = null;

  async function once(options: Omit<SyncRunOptions, 'now'>): Promise<boolean> {
    useSyncStore.setState({ running: true });
    try {
      const result = await runSync(deps, {
        ...options,
        onProgress: (progress) => useSyncStore.setState({ progress }),
      });
      useSyncStore.setState({ status: result.status, folderSet: result.folderSet, error: null });
      return result.status.connected;
    } catch (err) {
      useSyncStore.setState({ error: err instanceof Error ? err.message : String(err) });
      return false;
    } finally {
      useSyncStore.setState({ running: false, progress: null, lastAttemptAt: new Date().toISOString() });
    }
  }

  return {
    nodeId: ledger.nodeId,
    ledger,
    async sync(options) {
      // Explicit actions (initialise the folder) wait for a running sync and then run.
      while (running) await running.catch(() => false);
      running = once(options);
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    async refreshStatus() {
      try {
        const { folderSet, status } = await readStatus(ledger, api);
        useSyncStore.setState({ status, folderSet });
      } catch (err) {
        useSyncStore.setState({ error: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}
