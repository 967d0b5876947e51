import { describe, expect, it } from 'vitest';
import { permissionProblems, permissionStatus } from './guarantee';

const now = new Date('2026-12-07T04:00:00.000Z');

describe('IM permissions', () => {
  it('refuses a revocation before the grant, or without one, and times in the future', () => {
    const granted = '2026-12-01T02:00:00.000Z';
    expect(permissionProblems({ grantedAt: granted, revokedAt: '2026-11-30T02:00:00.000Z' }, now)).toEqual([
      { code: 'revoked-before-granted', field: 'revokedAt' },
    ]);
    expect(permissionProblems({ grantedAt: null, revokedAt: granted }, now)).toEqual([
      { code: 'revoked-not-granted', field: 'revokedAt' },
    ]);
    expect(permissionProblems({ grantedAt: '2026-12-08T02:00:00.000Z', revokedAt: null }, now)).toEqual([
      { code: 'in-future', field: 'grantedAt' },
    ]);
    expect(permissionProblems({ grantedAt: granted, revokedAt: granted }, now)).toEqual([]);
  });

  it('enables a permission only after the guarantee and the department head are signed, not before', () => {
    const grantedAt = '2026-12-01T02:00:00.000Z'; // 10:00 on 1 December in China
    const granting = { granting: true };
    const signed = {
      grantedAt,
      revokedAt: null,
      guaranteeSignedOn: '2026-11-30',
      deptHeadSignedOn: '2026-12-01',
    };
    expect(permissionProblems(signed, now, granting)).toEqual([]);
    for (const missing of [
      { guaranteeSignedOn: null },
      { deptHeadSignedOn: null },
      { guaranteeSignedOn: undefined },
    ])
      expect(permissionProblems({ ...signed, ...missing }, now, granting)).toEqual([
        { code: 'granted-unsigned', field: 'grantedAt' },
      ]);
    expect(permissionProblems({ ...signed, deptHeadSignedOn: '2026-12-02' }, now, granting)).toEqual([
      { code: 'signed-after-granted', field: 'grantedAt' },
    ]);
    // The grant's day is China's: 23:30 UTC on 30 November is already 1 December there.
    expect(
      permissionProblems(
        { ...signed, grantedAt: '2026-11-30T23:30:00.000Z', deptHeadSignedOn: '2026-12-01' },
        now,
        granting,
      ),
    ).toEqual([]);
    // A request not yet enabled, and a grant given before (a handed-over computer's), are not held to it.
    expect(
      permissionProblems({ ...signed, grantedAt: null, guaranteeSignedOn: null }, now, granting),
    ).toEqual([]);
    expect(permissionProblems({ grantedAt, revokedAt: now.toISOString() }, now)).toEqual([]);
  });

  it('reads requested, granted and revoked from the dates', () => {
    expect(permissionStatus({ grantedAt: null, revokedAt: null })).toBe('requested');
    expect(permissionStatus({ grantedAt: now.toISOString(), revokedAt: null })).toBe('granted');
    expect(permissionStatus({ grantedAt: now.toISOString(), revokedAt: now.toISOString() })).toBe('revoked');
  });
});
