// The ledger's table registry: every synced table with its record schema. Backups, the
// repository, sync and the CLI all walk this one list, so a new table is added in one place.
import { z } from 'zod';
import { SCAN_MAX_BYTES, SCAN_MIME } from '../attachments/scan';
import { recordMetaSchema } from './common';
import * as r from './records';

export * from './common';
export * from './records';

export const ledgerTables = {
  departments: r.departmentSchema,
  people: r.personSchema,
  devices: r.deviceSchema,
  deviceHandovers: r.deviceHandoverSchema,
  repairCards: r.repairCardSchema,
  repairEvents: r.repairEventSchema,
  routineChecks: r.routineCheckSchema,
  networkIncidents: r.networkIncidentSchema,
  imPermissions: r.imPermissionSchema,
  purchaseEvaluations: r.purchaseEvaluationSchema,
  websiteUpdates: r.websiteUpdateSchema,
  websiteInvitations: r.websiteInvitationSchema,
  quotes: r.quoteSchema,
  quoteSchedule: r.quoteScheduleSchema,
  trainings: r.trainingSchema,
  trainingAttendees: r.trainingAttendeeSchema,
  kpiReports: r.kpiReportSchema,
  ledgerSettings: r.ledgerSettingSchema,
} as const;

export type LedgerTable = keyof typeof ledgerTables;
export const LEDGER_TABLES = Object.keys(ledgerTables) as LedgerTable[];

/** What a user or an import supplies for a record of the table (defaults not yet applied). */
export type RecordInput<T extends LedgerTable> = z.input<(typeof ledgerTables)[T]>;
/** The validated content of a record of the table. */
export type RecordContent<T extends LedgerTable> = z.output<(typeof ledgerTables)[T]>;
/** A stored record: content plus the repository's metadata. */
export type StoredRecord<T extends LedgerTable> = RecordContent<T> & z.output<typeof recordMetaSchema>;

export type Department = StoredRecord<'departments'>;
export type Person = StoredRecord<'people'>;
export type Device = StoredRecord<'devices'>;
export type DeviceHandover = StoredRecord<'deviceHandovers'>;
export type RepairCard = StoredRecord<'repairCards'>;
export type RepairEvent = StoredRecord<'repairEvents'>;
export type RoutineCheck = StoredRecord<'routineChecks'>;
export type NetworkIncident = StoredRecord<'networkIncidents'>;
export type ImPermission = StoredRecord<'imPermissions'>;
export type PurchaseEvaluation = StoredRecord<'purchaseEvaluations'>;
export type WebsiteUpdate = StoredRecord<'websiteUpdates'>;
export type WebsiteInvitation = StoredRecord<'websiteInvitations'>;
export type Quote = StoredRecord<'quotes'>;
export type QuoteScheduleEntry = StoredRecord<'quoteSchedule'>;
export type Training = StoredRecord<'trainings'>;
export type TrainingAttendee = StoredRecord<'trainingAttendees'>;
export type KpiReport = StoredRecord<'kpiReports'>;
export type LedgerSetting = StoredRecord<'ledgerSettings'>;

/** A stored record of the given table: content schema merged with the metadata schema. */
export function storedRecordSchema<T extends LedgerTable>(table: T) {
  return (ledgerTables[table] as z.ZodObject).extend(recordMetaSchema.shape);
}

/** Attachments (scanned signed cards, issued PDFs) are content-addressed and never change. */
export const attachmentMetaSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().trim().min(1).max(200),
  mime: z.enum(SCAN_MIME),
  size: z.number().int().min(1).max(SCAN_MAX_BYTES),
  createdAt: z.iso.datetime({ offset: true }),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;
