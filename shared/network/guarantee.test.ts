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

  it('reads requested, granted and revoked from the dates', () => {
    expect(permissionStatus({ grantedAt: null, revokedAt: null })).toBe('requested');
    expect(permissionStatus({ grantedAt: now.toISOString(), revokedAt: null })).toBe('granted');
    expect(permissionStatus({ grantedAt: now.toISOString(), revokedAt: now.toISOString() })).toBe('revoked');
  });
});
