// Reading and writing ledger-wide settings (shared/ledger-settings.ts) in the open ledger. Writes go
// through the repository, so they are validated, stamped, put in the outbox and synced like any
// record; reads follow the live query, so a value changed on another PC shows on arrival.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  LEDGER_SETTING_DEFAULTS,
  LEDGER_SETTING_SCHEMAS,
  readLedgerSetting,
  type LedgerSettingKey,
  type LedgerSettingValue,
} from '../../shared/ledger-settings';
import type { LedgerSetting } from '../../shared/schemas';
import { isListed } from '../../shared/sync/arrival';
import type { Repository } from './repository';
import type { NetdeskDb } from './schema';

/**
 * The live records of one key, for what carries them on (a print source's backup-shaped object,
 * read there by readLedgerSetting), so nobody queries the table for a key by hand.
 */
export async function ledgerSettingRows(db: NetdeskDb, key: LedgerSettingKey): Promise<LedgerSetting[]> {
  return (await db.ledgerSettings.where('key').equals(key).toArray()).filter((r) => isListed(r));
}

export async function getLedgerSetting<K extends LedgerSettingKey>(
  db: NetdeskDb,
  key: K,
): Promise<LedgerSettingValue<K>> {
  return readLedgerSetting(await ledgerSettingRows(db, key), key);
}

/** The value of a key, following changes; the key's default until the ledger has answered. */
export function useLedgerSetting<K extends LedgerSettingKey>(db: NetdeskDb, key: K): LedgerSettingValue<K> {
  return useLiveQuery(() => getLedgerSetting(db, key), [db, key]) ?? LEDGER_SETTING_DEFAULTS[key];
}

/**
 * Sets a key: updates its newest live record (so the ledger keeps one per key) or creates one.
 * The value is checked by the key's schema first; a wrong value throws zod's error unsaved.
 */
export async function setLedgerSetting<K extends LedgerSettingKey>(
  db: NetdeskDb,
  repo: Repository,
  key: K,
  value: LedgerSettingValue<K>,
): Promise<void> {
  const checked = LEDGER_SETTING_SCHEMAS[key].parse(value);
  const rows = (await ledgerSettingRows(db, key)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const current = rows[0];
  if (current) await repo.update('ledgerSettings', current.id, { value: checked });
  else await repo.create('ledgerSettings', { key, value: checked });
}
