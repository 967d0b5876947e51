// Ledger-wide settings: what every PC of the ledger must agree on, so it is stored as records of
// `ledgerSettings` (one live record per key) and travels with sync and backups — unlike
// settings.json, which belongs to one PC. Each key has one zod schema for its value; a value that
// fails it (an old or hand-edited record) reads as the key's default, never as a crash.
import { z } from 'zod';
import { checkTemplatesSchema, DEFAULT_CHECK_TEMPLATES } from './checks/templates';
import { DEFAULT_GUARANTEE_PLEDGE } from './network/guarantee';
import { isListed } from './sync/arrival';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const LEDGER_SETTING_SCHEMAS = {
  /** The company's name as printed on every form's header. */
  companyName: z.string().trim().max(100),
  /** The company's own rest days on top of the official calendar ('YYYY-MM-DD', China time). */
  companyRestDays: z.array(isoDay).max(2000),
  /** The checklists of the routine checks (shared/checks/templates.ts). */
  checkTemplates: checkTemplatesSchema,
  /** The employee's pledge printed on the IM-software guarantee (保证申请书). */
  guaranteePledge: z.string().trim().min(1).max(2000),
} as const;

export type LedgerSettingKey = keyof typeof LEDGER_SETTING_SCHEMAS;
export type LedgerSettingValue<K extends LedgerSettingKey> = z.infer<(typeof LEDGER_SETTING_SCHEMAS)[K]>;

export const LEDGER_SETTING_DEFAULTS: { [K in LedgerSettingKey]: LedgerSettingValue<K> } = {
  companyName: '',
  companyRestDays: [],
  checkTemplates: DEFAULT_CHECK_TEMPLATES,
  guaranteePledge: DEFAULT_GUARANTEE_PLEDGE,
};

interface SettingRow {
  key: string;
  value: unknown;
  createdAt?: string | null;
  deletedAt?: string | null;
  updatedAt?: string;
}

/**
 * The value of one key among ledgerSettings rows. Two PCs may each have created a record for the
 * same key before they synced; the most recently updated live one wins, so every PC reads the same.
 */
export function readLedgerSetting<K extends LedgerSettingKey>(
  rows: readonly SettingRow[],
  key: K,
): LedgerSettingValue<K> {
  const candidates = rows
    .filter((r) => r.key === key && isListed(r))
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  for (const row of candidates) {
    const parsed = LEDGER_SETTING_SCHEMAS[key].safeParse(row.value);
    if (parsed.success) return parsed.data as LedgerSettingValue<K>;
  }
  return LEDGER_SETTING_DEFAULTS[key];
}
