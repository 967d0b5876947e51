// Writing a previewed device import into the ledger, all or nothing. Devices attached to a
// computer of the same file need that computer's new id, so the write goes in two rounds inside
// one Dexie transaction: first every device that hangs on nothing or on a device already in the
// ledger, then the ones hanging on a computer created in the first round. If anything fails (a
// tag taken since the preview, a closed database) the transaction rolls back and the ledger is as
// it was: nothing is half-imported.
import { normalizeKey } from '../../../../shared/import/csv';
import type {
  DeviceImportContext,
  DeviceImportResult,
  DeviceImportRow,
} from '../../../../shared/import/devices';
import type { RecordInput } from '../../../../shared/schemas';
import type { BulkRowError, Repository } from '../../../db/repository';
import type { NetdeskDb } from '../../../db/schema';

export interface DeviceImportSummary {
  /** Asset tags written, in file order. */
  imported: string[];
  /** Rows left out, with their line, for the report. */
  skipped: { line: number; tag: string }[];
}

/** The ledger refused rows the preview had accepted; nothing was written. */
export class DeviceImportRefusedError extends Error {
  constructor(readonly errors: BulkRowError[]) {
    super(
      `the ledger refused ${errors.length} device(s): ` +
        errors
          .slice(0, 5)
          .map(
            (e) =>
              `#${e.index + 1} ${e.field ?? ''} ${e.code}${typeof e.value === 'string' ? ` ${e.value}` : ''}`,
          )
          .join('; '),
    );
    this.name = 'DeviceImportRefusedError';
  }
}

/** The directory and the live devices, as the preview checks against them. */
export async function deviceImportContext(db: NetdeskDb): Promise<DeviceImportContext> {
  const [departments, people, devices] = await Promise.all([
    db.departments.filter((d) => !d.deletedAt).toArray(),
    db.people.filter((p) => !p.deletedAt).toArray(),
    db.devices.filter((d) => !d.deletedAt).toArray(),
  ]);
  return { departments, people, devices };
}

type Preview = Extract<DeviceImportResult, { ok: true }>;

function input(row: DeviceImportRow, attachedToDeviceId: string | null): RecordInput<'devices'> {
  return { ...row.device!, attachedToDeviceId };
}

export async function writeDeviceImport(
  db: NetdeskDb,
  repo: Repository,
  preview: Preview,
  onProgress: (done: number, total: number) => void,
): Promise<DeviceImportSummary> {
  const ok = preview.rows.filter((r) => r.errors.length === 0 && r.device);
  const firstRound = ok.filter((r) => r.attachedTo?.kind !== 'file');
  const secondRound = ok.filter((r) => r.attachedTo?.kind === 'file');
  const total = ok.length;
  onProgress(0, total);

  await db.transaction('rw', [db.devices, db.changeLog, db.localMeta], async () => {
    const idByTag = new Map<string, string>();
    const first = await repo.bulkCreate(
      'devices',
      firstRound.map((r) => input(r, r.attachedTo?.kind === 'ledger' ? r.attachedTo.id : null)),
      { onProgress: ({ done }) => onProgress(done, total) },
    );
    if (!first.ok) throw new DeviceImportRefusedError(first.errors);
    for (const d of first.records) idByTag.set(normalizeKey(d.assetTag), d.id);

    if (secondRound.length > 0) {
      const second = await repo.bulkCreate(
        'devices',
        secondRound.map((r) => input(r, idByTag.get(normalizeKey(r.attachedTo!.tag)) ?? null)),
        { onProgress: ({ done }) => onProgress(firstRound.length + done, total) },
      );
      if (!second.ok) {
        throw new DeviceImportRefusedError(
          second.errors.map((e) => ({ ...e, index: e.index + firstRound.length })),
        );
      }
    }
  });

  return {
    imported: ok.map((r) => r.device!.assetTag),
    skipped: preview.rows
      .filter((r) => r.errors.length > 0)
      .map((r) => ({ line: r.line, tag: r.cells.assetTag ?? '' })),
  };
}
