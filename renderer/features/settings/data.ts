// The settings feature's ledger reads and writes: the company's name and its own rest days,
// ledger-wide settings (shared/ledger-settings.ts) that every PC of the ledger shares through
// sync. This PC's own settings (language, operator, PC letter, folders) live in settings.json
// behind the settings store instead.
import {
  addCompanyRestDay,
  removeCompanyRestDay,
  type RestDayEdit,
} from '../../../shared/calendar/company-rest-days';
import type { Ledger } from '../../app/ledger';
import { getLedgerSetting, setLedgerSetting, useLedgerSetting } from '../../db/ledger-settings';

export interface CompanySettings {
  companyName: string;
  companyRestDays: string[];
}

/** The company's name and rest days, following changes from this PC and from sync. */
export function useCompanySettings(ledger: Ledger): CompanySettings {
  const companyName = useLedgerSetting(ledger.db, 'companyName');
  const companyRestDays = useLedgerSetting(ledger.db, 'companyRestDays');
  return { companyName, companyRestDays };
}

export async function saveCompanyName(ledger: Ledger, name: string): Promise<void> {
  await setLedgerSetting(ledger.db, ledger.repo, 'companyName', name);
}

/**
 * Adds a rest day to the list as the ledger has it now (not as the screen last drew it), so a
 * day another PC added a moment ago is kept. Returns the refusal, if any, with nothing written.
 */
export async function addRestDay(ledger: Ledger, day: string): Promise<RestDayEdit> {
  const edit = addCompanyRestDay(await getLedgerSetting(ledger.db, 'companyRestDays'), day);
  if (edit.ok) await setLedgerSetting(ledger.db, ledger.repo, 'companyRestDays', edit.days);
  return edit;
}

export async function removeRestDay(ledger: Ledger, day: string): Promise<void> {
  const days = await getLedgerSetting(ledger.db, 'companyRestDays');
  await setLedgerSetting(ledger.db, ledger.repo, 'companyRestDays', removeCompanyRestDay(days, day));
}
