// IM software permissions (QQ, WeChat for PC…): an employee asks for one on a computer for their
// work, signs a written guarantee (保证申请书) that it will not be used for entertainment, their
// department head signs, then the supervisor enables it — and later may take it back. The pledge
// printed on the guarantee is the ledger setting `guaranteePledge`; this is its first wording.
import { chinaDay } from '../time/china';

export const DEFAULT_GUARANTEE_PLEDGE =
  '本人因工作需要，申请在上述电脑上使用该即时通讯软件。本人保证：仅用于工作联系，不用于聊天娱乐、游戏及与工作无关的用途；不传播违法、违规信息，不泄露公司资料；遵守公司网络管理规定。如有违反，同意公司随时收回使用权限，并接受公司相关处理。';

export interface PermissionLike {
  grantedAt: string | null;
  revokedAt: string | null;
  guaranteeSignedOn?: string | null;
  deptHeadSignedOn?: string | null;
  deletedAt?: string | null;
}

export type PermissionProblemCode =
  | 'revoked-before-granted'
  | 'revoked-not-granted'
  | 'in-future'
  /** Enabled before the employee signed the guarantee and the department head signed it. */
  | 'granted-unsigned'
  /** A signature dated after the day it was enabled. */
  | 'signed-after-granted';

export interface PermissionProblem {
  code: PermissionProblemCode;
  field: 'grantedAt' | 'revokedAt';
}

/**
 * What makes a permission unfit to save; nothing is saved while any is found. `granting`: this
 * save enables it (it was not granted before). The guarantee and the department head's signature
 * come first, then the supervisor enables it — so a grant needs both dates, neither after the
 * grant's day. A permission that follows a handed-over computer is granted by the supervisor's
 * confirmation instead (the new user signs afterwards), so only a grant given here is held to it.
 */
export function permissionProblems(
  p: PermissionLike,
  now: Date,
  { granting = false, toleranceMs = 5 * 60_000 }: { granting?: boolean; toleranceMs?: number } = {},
): PermissionProblem[] {
  const problems: PermissionProblem[] = [];
  const limit = now.getTime() + toleranceMs;
  if (p.grantedAt && Date.parse(p.grantedAt) > limit)
    problems.push({ code: 'in-future', field: 'grantedAt' });
  if (granting && p.grantedAt) {
    if (!p.guaranteeSignedOn || !p.deptHeadSignedOn)
      problems.push({ code: 'granted-unsigned', field: 'grantedAt' });
    else if (p.guaranteeSignedOn > chinaDay(p.grantedAt) || p.deptHeadSignedOn > chinaDay(p.grantedAt))
      problems.push({ code: 'signed-after-granted', field: 'grantedAt' });
  }
  if (p.revokedAt) {
    if (!p.grantedAt) problems.push({ code: 'revoked-not-granted', field: 'revokedAt' });
    else if (Date.parse(p.revokedAt) < Date.parse(p.grantedAt))
      problems.push({ code: 'revoked-before-granted', field: 'revokedAt' });
    else if (Date.parse(p.revokedAt) > limit) problems.push({ code: 'in-future', field: 'revokedAt' });
  }
  return problems;
}

export type PermissionStatus = 'requested' | 'granted' | 'revoked';

export function permissionStatus(p: PermissionLike): PermissionStatus {
  return p.revokedAt ? 'revoked' : p.grantedAt ? 'granted' : 'requested';
}
