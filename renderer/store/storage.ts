// Whether the browser keeps the ledger when disk space runs low (navigator.storage.persist).
// Asked once at start; the Dashboard shows the answer so the supervisor knows to keep backups.
import { create } from 'zustand';

export type StorageStatus = 'checking' | 'persisted' | 'not-persisted' | 'unsupported';

export const useStorageStore = create<{ status: StorageStatus }>()(() => ({ status: 'checking' }));

export async function checkPersistentStorage(request: () => Promise<boolean>): Promise<StorageStatus> {
  let status: StorageStatus;
  if (
    typeof navigator === 'undefined' ||
    !navigator.storage ||
    typeof navigator.storage.persist !== 'function'
  ) {
    status = 'unsupported';
  } else {
    status = (await request().catch(() => false)) ? 'persisted' : 'not-persisted';
  }
  useStorageStore.setState({ status });
  return status;
}
