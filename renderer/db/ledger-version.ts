// Which NetDesk last opened this ledger, as far as opening it is concerned. A newer NetDesk may
// have upgraded the ledger to a schema version this program does not know; Dexie then refuses to
// open it (VersionError) and changes nothing, and NetDesk must say so plainly instead of retrying
// or offering to start over.

/** True when the ledger was last opened by a newer NetDesk (its version is above this program's). */
export function isNewerLedgerError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const inner = (err as { inner?: unknown }).inner;
  return err.name === 'VersionError' || (inner instanceof Error && inner.name === 'VersionError');
}
