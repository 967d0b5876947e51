// Per-field last-writer-wins on stored records. The rule lives in shared/sync/merge.ts so that
// the app's ledger, the backup import and folder sync (main process, headless replica) all use
// the very same code; this module keeps the renderer's import path.
export { mergeRecord, sameValue, stampedFields, type StampedRecord } from '../../shared/sync/merge';
