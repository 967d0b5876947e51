// Printing the checks' paper forms from the checks screen: a done check as its 例行检查记录, a
// blank sheet of one kind to fill by hand (the ledger's template, the servers or CCTV devices in
// service), and the machine-room duty roster of a week. Each print hands the form only the records
// it draws, in the backup shape the forms and the CLI share, so the app and `netdesk pdf` print the
// same page from the same ledger.
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupTables, type LedgerBackup } from '../../../shared/backup';
import { countsForDay } from '../../../shared/checks/schedule';
import type { CheckKind } from '../../../shared/checks/templates';
import type { LedgerSettingKey } from '../../../shared/ledger-settings';
import { CHECK_KIND_TITLES, DUTY_ROSTER_TITLE } from '../../../shared/pdf/forms/checks';
import { isListed } from '../../../shared/sync/arrival';
import { addDays, chinaDay, weekOf } from '../../../shared/time/china';
import { ledgerSettingRows } from '../../db/ledger-settings';
import type { NetdeskDb } from '../../db/schema';
import { pdfFileName, printForm, type PrintFormResult } from '../../print/print-form';
import { cctvInService, checksFrom, serversInService } from './data';

/** What to print: one done check, a blank sheet of a kind, or the roster of the week holding a day. */
export type CheckPrint =
  | { form: 'check'; checkId: string }
  | { form: 'check-sheet'; kind: CheckKind }
  | { form: 'duty-roster'; day: string };

/** Thrown when the check to print is gone (deleted, or never arrived on this PC). */
export class CheckPrintNotFound extends Error {
  constructor(readonly checkId: string) {
    super(`no routine check to print: ${checkId}`);
    this.name = 'CheckPrintNotFound';
  }
}

async function settingRows(db: NetdeskDb, keys: LedgerSettingKey[]) {
  return (await Promise.all(keys.map((k) => ledgerSettingRows(db, k)))).flat();
}

function backupOf(tables: BackupTables): LedgerBackup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), tables };
}

export interface CheckPrintInput {
  formName: CheckPrint['form'];
  /** The form's id: the check's id, the sheet's kind, the roster's day. */
  id: string;
  source: LedgerBackup;
  fileName: string;
}

/** The records a check form draws and its file name, read from the open ledger. */
export async function checkPrintInput(db: NetdeskDb, what: CheckPrint): Promise<CheckPrintInput> {
  if (what.form === 'check') {
    const check = await db.routineChecks.get(what.checkId);
    if (!check || !isListed(check)) throw new CheckPrintNotFound(what.checkId);
    const devices = (await db.devices.bulkGet(check.deviceIds)).filter(
      (d): d is NonNullable<typeof d> => d !== undefined && isListed(d),
    );
    const cardIds = (check.items ?? []).flatMap((i) => (i.repairCardId ? [i.repairCardId] : []));
    const cards = (await db.repairCards.bulkGet(cardIds)).filter(
      (c): c is NonNullable<typeof c> => c !== undefined && isListed(c),
    );
    return {
      formName: 'check',
      id: check.id,
      source: backupOf({
        routineChecks: [check],
        devices,
        repairCards: cards,
        ledgerSettings: await settingRows(db, ['companyName']),
      }),
      fileName: pdfFileName(
        '例行检查记录',
        CHECK_KIND_TITLES[check.kind] + (check.slot ? check.slot.replace(':', '') : ''),
        chinaDay(check.at),
      ),
    };
  }
  if (what.form === 'check-sheet') {
    const devices =
      what.kind === 'server-maintenance'
        ? await serversInService(db)
        : what.kind === 'cctv'
          ? await cctvInService(db)
          : [];
    return {
      formName: 'check-sheet',
      id: what.kind,
      source: backupOf({ devices, ledgerSettings: await settingRows(db, ['companyName', 'checkTemplates']) }),
      fileName: pdfFileName('例行检查表', CHECK_KIND_TITLES[what.kind]),
    };
  }
  const week = weekOf(what.day);
  // A round made up later counts for the day it stands in for: read from the week's Monday on
  // (checksFrom reaches a week earlier still) and keep the rounds that count for this week.
  const rounds = (await checksFrom(db, week.monday)).filter((c) => {
    if (c.kind !== 'machine-room') return false;
    const day = countsForDay(c);
    return day >= week.monday && day < addDays(week.monday, 7);
  });
  return {
    formName: 'duty-roster',
    id: week.monday,
    source: backupOf({
      routineChecks: rounds,
      ledgerSettings: await settingRows(db, ['companyName', 'companyRestDays']),
    }),
    fileName: pdfFileName(DUTY_ROSTER_TITLE, week.isoWeek),
  };
}

/**
 * Print a check form; when the font lacks characters the user is asked first (null: they said no).
 * Throws CheckPrintNotFound, and the form's and the service's errors, for the screen to word.
 */
export async function printCheckForm(
  db: NetdeskDb,
  what: CheckPrint,
  confirmMissing: (chars: string[]) => Promise<boolean>,
): Promise<PrintFormResult | null> {
  const input = await checkPrintInput(db, what);
  const options = { id: input.id, fileName: input.fileName };
  const first = await printForm(input.formName, input.source, options);
  if (first.ok) return first;
  if (!(await confirmMissing(first.missing))) return null;
  return printForm(input.formName, input.source, { ...options, allowMissing: true });
}
