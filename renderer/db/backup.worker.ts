// The backup worker: exports the ledger as backup text off the window's thread
// (renderer/db/backup-offthread.ts says why and how the window talks to it).
import { serveLedgerExport } from './backup-offthread';

serveLedgerExport(self);
