import { describe, expect, it } from 'vitest';
import {
  permissionsToSettle,
  REVOKE_REASON_HANDED_OVER,
  REVOKE_REASON_MOVED,
  settlePermissions,
} from './permission-handover';

const now = new Date('2026-12-07T04:00:00.000Z');
const perm = (id: string, personId: string, software: string, over: Record<string, unknown> = {}) => ({
  id,
  personId,
  deviceId: 'pc1',
  software,
  grantedAt: '2026-03-01T01:00:00.000Z',
  revokedAt: null as string | null,
  reason: '联系供应商',
  deletedAt: null as string | null,
  ...over,
});

describe('IM permissions after a computer handover', () => {
  const list = [
    perm('qq', 'lu', 'QQ'),
    perm('wx', 'lu', '微信'),
    perm('old', 'lu', 'QQ', { revokedAt: '2026-04-01T01:00:00.000Z' }),
    perm('asked', 'lu', 'QQ', { grantedAt: null }),
    perm('other-pc', 'lu', 'QQ', { deviceId: 'pc2' }),
  ];

  it('asks only about the live permissions on that computer', () => {
    expect(permissionsToSettle(list, 'pc1', 'li').map((p) => p.id)).toEqual(['qq', 'wx']);
  });

  it('moves the confirmed one to the new user and takes back the declined one', () => {
    const out = settlePermissions(list, 'pc1', 'li', new Set(['qq']), now);
    expect(out.map((s) => s.revoke)).toEqual([
      { id: 'qq', revokedAt: now.toISOString(), revokeReason: REVOKE_REASON_MOVED },
      { id: 'wx', revokedAt: now.toISOString(), revokeReason: REVOKE_REASON_HANDED_OVER },
    ]);
    expect(out[0]!.grant).toMatchObject({
      personId: 'li',
      deviceId: 'pc1',
      software: 'QQ',
      grantedAt: now.toISOString(),
      guaranteeSignedOn: null,
    });
    expect(out[1]!.grant).toBeNull();
  });

  it('moves nothing when the computer is taken back, and never gives the new user a second QQ', () => {
    expect(settlePermissions(list, 'pc1', null, new Set(['qq', 'wx']), now).map((s) => s.grant)).toEqual([
      null,
      null,
    ]);
    const withOwn = [...list, perm('li-qq', 'li', 'QQ')];
    const out = settlePermissions(withOwn, 'pc1', 'li', new Set(['qq', 'wx']), now);
    expect(out.map((s) => [s.revoke.id, s.grant?.software ?? null])).toEqual([
      ['qq', null],
      ['wx', '微信'],
    ]);
  });
});
