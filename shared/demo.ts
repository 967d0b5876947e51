// The demo ledger: a realistic, made-up real-estate group (departments, staff, computers with their
// printers, servers and network gear, repair cards at every stage, weekly checks, incidents, quotes,
// website updates with invitations to write, trainings, a purchase evaluation) for trying NetDesk, screenshots and tests.
// Deterministic: the same seed and `now` give byte-identical JSON (a seeded PRNG, no Math.random,
// no clock reads, ids numbered in creation order). Every record passes its table's stored schema.
//
// Each step lives in shared/demo/ and writes one part of the ledger; the order of the steps is
// the order of the dice rolls and of the ids, so a new step goes at the end.
import type { LedgerBackup } from './backup';
import { addRoutineChecks } from './demo/checks';
import { addQuotes, addWebsiteInvitations, addWebsiteUpdates } from './demo/culture';
import { addDevices, addHandovers } from './demo/devices';
import { addPurchaseEvaluations } from './demo/evaluations';
import { finishDemoLedger, startDemoLedger, type DemoLedgerOptions } from './demo/ledger';
import { addImPermissions, addNetworkIncidents } from './demo/network';
import { addDepartmentsAndPeople } from './demo/people';
import { addRepairCards } from './demo/repair';
import { addTrainings } from './demo/training';
import { DEMO_COMPANY } from './demo/words';

export type { DemoLedgerOptions } from './demo/ledger';
export { DEMO_COMPANY } from './demo/words';

/**
 * Build the demo ledger. Ids read `demo-person-0001` for seed 1 and `demo7-person-0001` for seed 7,
 * so demo ledgers of different seeds never overwrite each other when both are imported.
 */
export function buildDemoLedger(options: DemoLedgerOptions): LedgerBackup {
  const ledger = startDemoLedger(options);
  ledger.add('ledgerSettings', 'setting', ledger.setupMs, { key: 'companyName', value: DEMO_COMPANY });
  const staff = addDepartmentsAndPeople(ledger, options.people ?? 40);
  const devices = addDevices(ledger, staff);
  addHandovers(ledger, staff, devices);
  const monitorCard = addRepairCards(ledger, staff, devices);
  addRoutineChecks(ledger, staff.by, devices);
  addNetworkIncidents(ledger, staff.by);
  addImPermissions(ledger, staff, devices);
  addPurchaseEvaluations(ledger, staff, devices, monitorCard);
  const websiteUpdates = addWebsiteUpdates(ledger, staff);
  addQuotes(ledger);
  addTrainings(ledger, staff);
  addWebsiteInvitations(ledger, staff, websiteUpdates);
  return finishDemoLedger(ledger);
}
