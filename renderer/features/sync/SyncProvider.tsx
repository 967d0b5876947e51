// Runs folder sync and the daily backup in the background for the open ledger, and hands the
// sync controller to the sync screens. Sync runs only when a shared folder is set: every minute,
// a few seconds after each local write, and on demand; when the folder is not reachable it
// backs off (1, 2, 4 … up to 10 minutes) so an absent share costs nothing. None of it blocks the
// UI: a round is a few IndexedDB transactions and one request to the main process.
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { getNetdesk } from '../../api/netdesk';
import { useOpenLedger } from '../../app/ledger';
import { useSettingsStore } from '../../store/settings';
import { backupIfDue } from '../../sync/backup';
import { createSyncController, type SyncController } from '../../sync/controller';

const SYNC_EVERY_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;
const AFTER_WRITE_MS = 4_000;
const BACKUP_CHECK_MS = 3 * 3600_000;

const SyncContext = createContext<SyncController | null>(null);

/** The sync controller, or null while it starts. */
export function useSyncController(): SyncController | null {
  return useContext(SyncContext);
}

/** This PC's name as the other PCs' status shows it. */
export function usePcName(): string {
  const settings = useSettingsStore((s) => s.settings);
  return settings.operatorName ? `${settings.pcCode} · ${settings.operatorName}` : settings.pcCode;
}

export function SyncProvider({ children }: { children: ReactNode }) {
  // Sync and the backup start once the ledger is open; the window is drawn before that.
  const db = useOpenLedger()?.db;
  const [controller, setController] = useState<SyncController | null>(null);
  // The shared folder, or the WebDAV address when this PC syncs through a server.
  const folder = useSettingsStore((s) =>
    s.settings.syncVia === 'webdav' ? s.settings.webdavUrl : s.settings.syncFolder,
  );
  const loaded = useSettingsStore((s) => s.loaded);
  const name = usePcName();
  const nameRef = useRef(name);
  useEffect(() => {
    nameRef.current = name;
  }, [name]);

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    createSyncController(db, getNetdesk()).then(
      (c) => {
        if (!cancelled) setController(c);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [db]);

  // The status once at start and whenever the folder setting changes.
  useEffect(() => {
    if (controller && loaded) void controller.refreshStatus();
  }, [controller, loaded, folder]);

  // The timer: every minute while connected, backing off while not.
  useEffect(() => {
    if (!controller || !loaded || folder.trim() === '') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = SYNC_EVERY_MS;
    let stopped = false;
    const tick = async () => {
      const connected = await controller.sync({ name: nameRef.current });
      if (stopped) return;
      delay = connected ? SYNC_EVERY_MS : Math.min(delay * 2, MAX_BACKOFF_MS);
      timer = setTimeout(() => void tick(), delay);
    };
    timer = setTimeout(() => void tick(), 1_000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [controller, loaded, folder]);

  // A few seconds after a local write, send it (debounced: a burst of edits is one sync).
  const lastSeq = useLiveQuery(() => db?.changeLog.toCollection().lastKey(), [db]);
  const seenSeq = useRef<unknown>(undefined);
  useEffect(() => {
    if (!controller || !loaded || folder.trim() === '' || lastSeq === undefined) return;
    if (seenSeq.current === undefined) {
      seenSeq.current = lastSeq;
      return;
    }
    if (seenSeq.current === lastSeq) return;
    seenSeq.current = lastSeq;
    const timer = setTimeout(() => void controller.sync({ name: nameRef.current }), AFTER_WRITE_MS);
    return () => clearTimeout(timer);
  }, [controller, loaded, folder, lastSeq]);

  // The daily backup: at start and every few hours, if today has none yet.
  useEffect(() => {
    if (!controller || !loaded || !db) return;
    const check = () =>
      void backupIfDue(db, getNetdesk(), { sourceName: nameRef.current }).catch(() => undefined);
    const first = setTimeout(check, 5_000);
    const every = setInterval(check, BACKUP_CHECK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [controller, loaded, db]);

  return <SyncContext.Provider value={controller}>{children}</SyncContext.Provider>;
}
