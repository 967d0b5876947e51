// Small display helpers of the sync and backup screens: times, sizes, and how a conflict names
// its record and field in the supervisor's words (a card number, a person's name, a device's
// asset tag; "故障诊断" rather than `repairCards` / `diagnosis`).
import type { LedgerTable } from '../../../shared/schemas';
import { formatTime } from '../../i18n/dates';

/** "2026-03-02 16:05" in China time (the app's one format), or null for never. */
export function formatWhen(iso: string | null | undefined): string | null {
  return iso ? formatTime(iso) : null;
}

/** 1.2 MB, 340 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/**
 * "12.3" and "40.1 MB" for "12.3 / 40.1 MB": both in the unit the total is best read in (MB
 * from one megabyte, KB below), so the part read and the whole compare at a glance.
 */
export function formatByteProgress(done: number, total: number): { done: string; total: string } {
  if (total >= 1024 * 1024) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return { done: mb(done), total: `${mb(total)} MB` };
  }
  const kb = (n: number) => String(Math.ceil(n / 1024));
  return { done: kb(done), total: `${kb(total)} KB` };
}

type Fields = Record<string, unknown> | undefined;

/**
 * Records that are known by what they belong to: a step of a repair card by the card's number, a
 * handover by the device's tag, an attendee or a chat-software permission by the person.
 */
export const CONFLICT_PARENT: Partial<Record<LedgerTable, { field: string; table: LedgerTable }>> = {
  repairEvents: { field: 'cardId', table: 'repairCards' },
  deviceHandovers: { field: 'deviceId', table: 'devices' },
  imPermissions: { field: 'personId', table: 'people' },
  trainingAttendees: { field: 'personId', table: 'people' },
  websiteInvitations: { field: 'personId', table: 'people' },
};

const text = (record: Fields, key: string): string => {
  const value = record?.[key];
  return typeof value === 'string' ? value.trim() : '';
};
const joined = (...parts: string[]) => parts.filter(Boolean).join(' · ');

/** The record's own name as the supervisor knows it, or '' when it has none (or is not here). */
function ownName(table: LedgerTable, record: Fields): string {
  switch (table) {
    case 'people': {
      const no = text(record, 'employeeNo');
      return `${text(record, 'name')}${no ? `（${no}）` : ''}`;
    }
    case 'devices':
      return joined(text(record, 'assetTag'), text(record, 'name'));
    case 'repairCards':
      return text(record, 'cardNo');
    case 'routineChecks':
      return joined(formatWhen(text(record, 'at')) ?? '', text(record, 'site'));
    case 'networkIncidents':
      return formatWhen(text(record, 'startAt')) ?? '';
    case 'imPermissions':
      return text(record, 'software');
    case 'purchaseEvaluations':
      return text(record, 'item');
    case 'websiteUpdates':
      return text(record, 'title');
    case 'quotes':
      return text(record, 'text');
    case 'quoteSchedule':
      return text(record, 'date');
    case 'trainings':
      return joined(text(record, 'date'), text(record, 'topic'));
    case 'kpiReports':
      return text(record, 'month');
    case 'ledgerSettings':
      return text(record, 'key');
    case 'departments':
      return text(record, 'name');
    case 'repairEvents':
    case 'deviceHandovers':
    case 'trainingAttendees':
    case 'websiteInvitations':
      return '';
  }
}

/**
 * The name of the record a conflict is about — "WX-2026-A-0001", "张伟（1001）",
 * "PC-CW-02 · 财务部台式机" — with what it belongs to first; null when nothing names it here.
 */
export function conflictRecordName(table: LedgerTable, record: Fields, parent?: Fields): string | null {
  const link = CONFLICT_PARENT[table];
  const name = joined(link && parent ? ownName(link.table, parent) : '', ownName(table, record));
  return name === '' ? null : name;
}

/**
 * Dictionary keys for a field's label, most specific first: `sync.fieldsOf.<table>.<field>` where
 * one table means something else by the name (a person's 姓名, a website update's 标题), else
 * `sync.fields.<field>`.
 */
export function conflictFieldKeys(table: LedgerTable, field: string): string[] {
  return [`sync.fieldsOf.${table}.${field}`, `sync.fields.${field}`];
}

/** Fields whose text is never shown in the conflicts list (device passwords). */
export function isSecretField(table: LedgerTable, field: string): boolean {
  return table === 'devices' && field === 'secret';
}
