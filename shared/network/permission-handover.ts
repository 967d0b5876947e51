// What happens to the IM permissions (QQ, WeChat for PC…) on a computer when it changes hands.
// A permission is granted to a person on one computer against that person's signed guarantee, so
// it never moves silently: after a handover each live permission held by someone other than the
// new user is either moved — only when the supervisor ticks it — or taken back. Nothing stays
// with a person who no longer has the computer.
//
// A move revokes the old record and grants a new one rather than re-pointing the old record: the
// list then reads "A held QQ on this PC until the handover, B holds it since", and the old
// guarantee (signed by A) stays on A's record; B's new record has no guarantee yet, which the
// permissions list shows until B signs one.
import type { ImPermission, RecordInput } from '../schemas';

/** Stored reasons (the ledger's language is Chinese, as the printed forms). */
export const REVOKE_REASON_MOVED = '随电脑交接给新使用人';
export const REVOKE_REASON_HANDED_OVER = '电脑已交接';
export const GRANT_NOTE_MOVED = '随电脑交接转来';

type PermissionRow = Pick<
  ImPermission,
  'id' | 'personId' | 'deviceId' | 'software' | 'grantedAt' | 'revokedAt' | 'reason' | 'deletedAt'
>;

/** The permissions the supervisor is asked about after `deviceId` went to `newHolderId`. */
export function permissionsToSettle<P extends PermissionRow>(
  permissions: readonly P[],
  deviceId: string,
  newHolderId: string | null,
): P[] {
  return permissions.filter(
    (p) =>
      !p.deletedAt &&
      p.deviceId === deviceId &&
      p.grantedAt !== null &&
      p.revokedAt === null &&
      p.personId !== newHolderId,
  );
}

export interface PermissionSettlement {
  revoke: { id: string; revokedAt: string; revokeReason: string };
  /** The new holder's permission when the supervisor confirmed the move. */
  grant: RecordInput<'imPermissions'> | null;
}

/**
 * The writes for the supervisor's answers: `moveIds` are the permissions confirmed to follow the
 * computer. With no new holder (the computer taken back) nothing can move.
 */
export function settlePermissions(
  permissions: readonly PermissionRow[],
  deviceId: string,
  newHolderId: string | null,
  moveIds: ReadonlySet<string>,
  now: Date,
): PermissionSettlement[] {
  const at = now.toISOString();
  // The new user may already hold that software on this PC: no second permission for it.
  const granted = new Set<string>(
    permissions
      .filter(
        (p) =>
          !p.deletedAt &&
          p.deviceId === deviceId &&
          p.personId === newHolderId &&
          p.grantedAt !== null &&
          p.revokedAt === null,
      )
      .map((p) => p.software),
  );
  return permissionsToSettle(permissions, deviceId, newHolderId).map((p) => {
    // Two old holders of QQ on the same PC still give the new user one QQ permission.
    const move = newHolderId !== null && moveIds.has(p.id) && !granted.has(p.software);
    if (move) granted.add(p.software);
    return {
      revoke: {
        id: p.id,
        revokedAt: at,
        revokeReason: move ? REVOKE_REASON_MOVED : REVOKE_REASON_HANDED_OVER,
      },
      grant:
        move && newHolderId
          ? {
              personId: newHolderId,
              deviceId,
              software: p.software,
              guaranteeSignedOn: null,
              deptHeadSignedOn: null,
              grantedAt: at,
              revokedAt: null,
              reason: p.reason,
              note: GRANT_NOTE_MOVED,
              revokeReason: '',
              attachmentShas: [],
            }
          : null,
    };
  });
}
