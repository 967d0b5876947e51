// The backup worker: exports the ledger as backup text off the window's thread
// (renderer/sync/backup-offthread.ts says why and how the window talks to it).
import { serveBackupWorker } from './backup-offthread';

serveBackupWorker(self);
