// Reads and writes of the IM software permissions (`imPermissions`) and the printing of their
// guarantee (保证申请书). A permission is saved through the repository after the rules of
// shared/network/guarantee.ts pass (no revocation before the grant); when any fails, nothing is
// written.
import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '../../../shared/backup';
import { permissionProblems, type PermissionProblem } from '../../../shared/network/guarantee';
import { permissionsToSettle, settlePermissions } from '../../../shared/network/permission-handover';
import type {
  AttachmentMeta,
  Department,
  Device,
  ImPermission,
  Person,
  RecordInput,
} from '../../../shared/schemas';
import { commitScope } from '../../db/commit';
import { ifListed, isListed } from '../../../shared/sync/arrival';
import { chinaDay } from '../../../shared/time/china';
import type { Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { pdfFileName, printForm, type PrintFormResult } from '../../print/print-form';

export class PermissionRefused extends Error {
  constructor(readonly problems: PermissionProblem[]) {
    super(`permission refused: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'PermissionRefused';
  }
}

export type PermissionInput = RecordInput<'imPermissions'>;

export interface PermissionDirectory {
  permissions: ImPermission[];
  people: Map<string, Person>;
  departments: Map<string, Department>;
  computers: Device[];
}

/** Every permission with the people, departments and computers the list and the form show. */
export async function readPermissionDirectory(db: NetdeskDb): Promise<PermissionDirectory> {
  const [permissions, people, departments, computers] = await Promise.all([
    db.imPermissions.toArray(),
    db.people.toArray(),
    db.departments.toArray(),
    db.devices.where('type').equals('computer').toArray(),
  ]);
  return {
    permissions: permissions
      .filter((p) => isListed(p))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    people: new Map(people.filter((p) => isListed(p)).map((p) => [p.id, p])),
    departments: new Map(departments.filter((d) => isListed(d)).map((d) => [d.id, d])),
    computers: computers.filter((d) => isListed(d) && d.status !== 'retired'),
  };
}

export async function savePermission(
  repo: Repository,
  input: PermissionInput,
  id: string | null,
  now: Date = new Date(),
): Promise<ImPermission> {
  // Enabled by this save: it was not granted before (or is new).
  const before = id ? await repo.get('imPermissions', id) : undefined;
  const problems = permissionProblems(
    {
      grantedAt: input.grantedAt ?? null,
      revokedAt: input.revokedAt ?? null,
      guaranteeSignedOn: input.guaranteeSignedOn ?? null,
      deptHeadSignedOn: input.deptHeadSignedOn ?? null,
    },
    now,
    { granting: !!input.grantedAt && !before?.grantedAt },
  );
  if (problems.length > 0) throw new PermissionRefused(problems);
  return id ? repo.update('imPermissions', id, input) : repo.create('imPermissions', input);
}

/** The smallest backup-shaped source the 'guarantee' form prints from (no device secrets). */
export async function guaranteePrintSource(
  db: NetdeskDb,
  permission: ImPermission,
  now: Date = new Date(),
): Promise<LedgerBackup> {
  const person = ifListed(await db.people.get(permission.personId));
  const [department, device, settings] = await Promise.all([
    person?.departmentId ? db.departments.get(person.departmentId) : undefined,
    permission.deviceId ? db.devices.get(permission.deviceId) : undefined,
    db.ledgerSettings.toArray(),
  ]);
  const present = <T>(row: T | undefined): T[] => (row ? [row] : []);
  const listedDevice = ifListed(device);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables: {
      imPermissions: [permission],
      people: present(person),
      departments: present(ifListed(department)),
      devices: listedDevice ? [{ ...listedDevice, secret: '' }] : [],
      ledgerSettings: settings.filter(
        (s) => s.deletedAt === null && (s.key === 'companyName' || s.key === 'guaranteePledge'),
      ),
    },
  };
}

/** Print the guarantee as 保证申请书-<date>-<name>-<software>.pdf. */
export async function printGuarantee(
  db: NetdeskDb,
  permission: ImPermission,
  personName: string,
  confirmMissing: (chars: string[]) => Promise<boolean>,
): Promise<PrintFormResult | null> {
  const source = await guaranteePrintSource(db, permission);
  const day = permission.guaranteeSignedOn ?? chinaDay(permission.createdAt);
  const fileName = pdfFileName('保证申请书', day, `${personName}-${permission.software}`.slice(0, 30));
  const first = await printForm('guarantee', source, { id: permission.id, fileName });
  if (first.ok) return first;
  if (!(await confirmMissing(first.missing))) return null;
  return printForm('guarantee', source, { id: permission.id, fileName, allowMissing: true });
}

/**
 * Attach the scan of the signed guarantee to its permission: stored once by SHA-256 in the
 * attachments table (as a repair card's signed scan), its hash added to the permission. The same
 * file again changes nothing. The file is stored before the link (hashing cannot run inside an
 * IndexedDB transaction), so a failed link leaves only an unreferenced copy.
 */
export async function attachGuaranteeScan(
  db: NetdeskDb,
  repo: Repository,
  permissionId: string,
  file: { bytes: Uint8Array; name: string; mime: AttachmentMeta['mime'] },
): Promise<ImPermission> {
  const attachment = await repo.putAttachment(file);
  return db.transaction('rw', commitScope(db, ['imPermissions']), async () => {
    const current = ifListed(await db.imPermissions.get(permissionId));
    if (!current) throw new Error(`no IM permission ${permissionId}`);
    const shas = current.attachmentShas ?? [];
    if (shas.includes(attachment.sha256)) return current;
    return repo.update('imPermissions', permissionId, { attachmentShas: [...shas, attachment.sha256] });
  });
}

/** The live permissions on a computer just handed to `newHolderId` that the supervisor must settle. */
export async function permissionsAfterHandover(
  db: NetdeskDb,
  deviceId: string,
  newHolderId: string | null,
): Promise<ImPermission[]> {
  const onDevice = await db.imPermissions.where('deviceId').equals(deviceId).toArray();
  return permissionsToSettle(
    onDevice.filter((p) => isListed(p)),
    deviceId,
    newHolderId,
  );
}

/**
 * Apply the supervisor's answers after a handover (shared/network/permission-handover.ts): every
 * live permission of an old holder is revoked, the confirmed ones re-granted to the new user on
 * the same computer. One transaction through the repository: all of it or nothing.
 */
export async function settlePermissionsAfterHandover(
  db: NetdeskDb,
  repo: Repository,
  deviceId: string,
  newHolderId: string | null,
  moveIds: ReadonlySet<string>,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction('rw', commitScope(db, ['imPermissions']), async () => {
    // Oldest grant first, so the change log reads in the order the permissions were given.
    const onDevice = (await db.imPermissions.where('deviceId').equals(deviceId).toArray())
      .filter((p) => isListed(p))
      .sort((a, b) => (a.grantedAt ?? '').localeCompare(b.grantedAt ?? ''));
    const byId = new Map(onDevice.map((p) => [p.id, p]));
    for (const { revoke, grant } of settlePermissions(onDevice, deviceId, newHolderId, moveIds, now)) {
      // The same rule as the form: a revocation before the grant (a wrong clock) refuses the lot.
      const problems = permissionProblems({ grantedAt: byId.get(revoke.id)!.grantedAt, ...revoke }, now);
      if (problems.length > 0) throw new PermissionRefused(problems);
      await repo.update('imPermissions', revoke.id, {
        revokedAt: revoke.revokedAt,
        revokeReason: revoke.revokeReason,
      });
      if (grant) await repo.create('imPermissions', grant);
    }
  });
}
