// The NetDesk backup format (docs/backup-format.md): one JSON document holding every ledger
// table, and optionally the attachments as base64. Parsing never throws on a bad file: it returns
// readable problems, so a corrupt backup is reported and nothing is imported.
import { z } from 'zod';
import { issueLines } from './schemas/issues';
import {
  LEDGER_TABLES,
  attachmentMetaSchema,
  storedRecordSchema,
  type LedgerTable,
  type StoredRecord,
} from './schemas';

export const BACKUP_FORMAT = 'netdesk-backup';
export const BACKUP_VERSION = 1;

export const backupAttachmentSchema = attachmentMetaSchema.extend({
  /** The file's bytes, base64. */
  base64: z.string(),
});
export type BackupAttachment = z.infer<typeof backupAttachmentSchema>;

export type BackupTables = { [T in LedgerTable]?: StoredRecord<T>[] };

export interface LedgerBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** Which PC wrote it (its sync node id) and its name, for the preview. */
  source?: { nodeId?: string; name?: string };
  tables: BackupTables;
  attachments?: BackupAttachment[];
}

/** The document's frame; each record and attachment is checked by its own schema. */
export const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  source: z.object({ nodeId: z.string().optional(), name: z.string().optional() }).optional(),
  tables: z.record(z.string(), z.array(z.unknown())),
  attachments: z.array(z.unknown()).optional(),
});

export type BackupParseResult =
  | { ok: true; backup: LedgerBackup; counts: Partial<Record<LedgerTable, number>> }
  | { ok: false; problems: string[] };

const MAX_PROBLEMS = 50;

/** Table names of a parsed document, as its own keys: `__proto__` included, which zod's record drops. */
function tableNamesOf(doc: unknown): string[] {
  const tables = (doc as { tables?: unknown } | null)?.tables;
  return tables && typeof tables === 'object' && !Array.isArray(tables) ? Object.keys(tables) : [];
}

/** Validate a backup already parsed from JSON. Every record is checked against its table schema. */
export function validateBackup(doc: unknown): BackupParseResult {
  const env = envelopeSchema.safeParse(doc);
  if (!env.success) {
    return {
      ok: false,
      problems: issueLines(env.error, { whole: '(document)' }),
    };
  }
  const problems: string[] = [];
  // A table name the parsed record lost (an own `__proto__` key) is still an unknown table, as
  // the streaming check reports it: never dropped without a word.
  for (const name of tableNamesOf(doc))
    if (!Object.hasOwn(env.data.tables, name)) problems.push(`tables.${name}: unknown table`);
  const tables: Record<string, unknown[]> = {};
  const counts: Partial<Record<LedgerTable, number>> = {};
  for (const [name, rows] of Object.entries(env.data.tables)) {
    if (!(LEDGER_TABLES as string[]).includes(name)) {
      problems.push(`tables.${name}: unknown table`);
      continue;
    }
    const schema = storedRecordSchema(name as LedgerTable);
    const ids = new Set<string>();
    const parsed: unknown[] = [];
    rows.forEach((row, i) => {
      const r = schema.safeParse(row);
      if (!r.success) {
        if (problems.length < MAX_PROBLEMS) {
          problems.push(...issueLines(r.error, { at: `tables.${name}[${i}]`, first: true }));
        }
        return;
      }
      const id = (r.data as { id: string }).id;
      if (ids.has(id)) {
        if (problems.length < MAX_PROBLEMS) problems.push(`tables.${name}[${i}].id: duplicate id ${id}`);
        return;
      }
      ids.add(id);
      parsed.push(r.data);
    });
    tables[name] = parsed;
    counts[name as LedgerTable] = parsed.length;
  }
  const attachments: BackupAttachment[] = [];
  (env.data.attachments ?? []).forEach((a, i) => {
    const r = backupAttachmentSchema.safeParse(a);
    if (r.success) attachments.push(r.data);
    else if (problems.length < MAX_PROBLEMS)
      problems.push(...issueLines(r.error, { at: `attachments[${i}]`, first: true }));
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: env.data.exportedAt,
      ...(env.data.source ? { source: env.data.source } : {}),
      tables: tables,
      ...(attachments.length ? { attachments } : {}),
    },
    counts,
  };
}

/**
 * Parse backup text; a file that is not JSON at all is reported, not thrown. A UTF-8 byte-order
 * mark (Notepad writes one when it saves) is not part of the document.
 */
export function parseBackup(text: string): BackupParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return {
      ok: false,
      problems: [`not a JSON document: ${err instanceof Error ? err.message : String(err)}`],
    };
  }
  return validateBackup(doc);
}

/** Serialize a backup with a stable layout (tables in registry order). */
export function serializeBackup(backup: LedgerBackup): string {
  const tables: BackupTables = {};
  for (const t of LEDGER_TABLES) {
    const rows = backup.tables[t];
    if (rows) (tables as Record<string, unknown>)[t] = rows;
  }
  return JSON.stringify({ ...backup, tables }, null, 1);
}

// ── Device secrets ──────────────────────────────────────────────────────────────────────
// `devices.secret` holds passwords of network gear. A backup carries them only when the user
// asked for it (an export or this PC's own backups with "包含设备密码" ticked); a copy on the
// shared folder never does. See docs/backup-format.md, "Secrets".

/** A device record with its secret blanked. Its clock stamp goes too, so the blank never wins. */
export function blankDeviceSecret<T extends { secret?: string; hlc: Record<string, string> }>(device: T): T {
  if (device.secret === '' || device.secret === undefined) return device;
  const { secret: _stamp, ...hlc } = device.hlc;
  return { ...device, secret: '', hlc };
}

/** Whether any device password or config is in the backup (the file must then be kept safe). */
export function backupHoldsSecrets(backup: Pick<LedgerBackup, 'tables'>): boolean {
  return (backup.tables.devices ?? []).some((d) => typeof d.secret === 'string' && d.secret !== '');
}

/** The same backup without any device secret (for the shared folder). */
export function withoutDeviceSecrets(backup: LedgerBackup): LedgerBackup {
  if (!backupHoldsSecrets(backup)) return backup;
  return { ...backup, tables: { ...backup.tables, devices: backup.tables.devices!.map(blankDeviceSecret) } };
}
