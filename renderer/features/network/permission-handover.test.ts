// A computer handed over with QQ and WeChat enabled on it: the supervisor confirms that QQ moves
// to the new user and declines WeChat. Afterwards the permissions list shows QQ held by the new
// user and both of the old holder's permissions taken back, each with its reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GRANT_NOTE_MOVED,
  REVOKE_REASON_HANDED_OVER,
  REVOKE_REASON_MOVED,
} from '../../../shared/network/permission-handover';
import { permissionStatus } from '../../../shared/network/guarantee';
import { createRepository, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import {
  permissionsAfterHandover,
  readPermissionDirectory,
  savePermission,
  settlePermissionsAfterHandover,
} from './permissions-data';

let db: NetdeskDb;
let repo: Repository;
const now = new Date('2026-12-07T04:00:00.000Z');
beforeEach(async () => {
  db = await freshDb();
  repo = createRepository(db, { now: manualClock(now.toISOString()).now });
});
afterEach(() => db.close());

async function office() {
  const zhang = await repo.create('people', { name: '张伟', employeeNo: '1001' });
  const li = await repo.create('people', { name: '李娜', employeeNo: '1002' });
  const pc = await repo.create('devices', { assetTag: 'PC-0101', type: 'computer', userPersonId: li.id });
  const granted = {
    personId: zhang.id,
    deviceId: pc.id,
    guaranteeSignedOn: '2026-02-27',
    deptHeadSignedOn: '2026-02-28',
    grantedAt: '2026-03-01T01:00:00.000Z',
  };
  const qq = await savePermission(repo, { ...granted, software: 'QQ', reason: '联系供应商' }, null, now);
  const wx = await savePermission(repo, { ...granted, software: '微信' }, null, now);
  return { zhang, li, pc, qq, wx };
}

/** The permissions list as the screen reads it: who holds what, in which state, and why. */
async function listed() {
  const { permissions, people } = await readPermissionDirectory(db);
  return permissions
    .map((p) => [people.get(p.personId)?.name, p.software, permissionStatus(p), p.revokeReason, p.note])
    .sort((a, b) => String(a).localeCompare(String(b)));
}

describe('IM permissions after a computer handover', () => {
  it('moves the confirmed one to the new user and takes back the other', async () => {
    const { li, pc, qq, wx } = await office();
    const asked = await permissionsAfterHandover(db, pc.id, li.id);
    expect(asked.map((p) => p.id).sort()).toEqual([qq.id, wx.id].sort());

    await settlePermissionsAfterHandover(db, repo, pc.id, li.id, new Set([qq.id]), now);

    expect(await listed()).toEqual(
      [
        ['张伟', 'QQ', 'revoked', REVOKE_REASON_MOVED, ''],
        ['张伟', '微信', 'revoked', REVOKE_REASON_HANDED_OVER, ''],
        ['李娜', 'QQ', 'granted', '', GRANT_NOTE_MOVED],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    const moved = (await db.imPermissions.toArray()).find((p) => p.personId === li.id)!;
    expect(moved).toMatchObject({ deviceId: pc.id, reason: '联系供应商', guaranteeSignedOn: null });
    // Synced like any edit: three writes in the change log after the two grants.
    expect(await db.changeLog.where('table').equals('imPermissions').count()).toBe(5);
    // Settled: nothing left to ask about.
    expect(await permissionsAfterHandover(db, pc.id, li.id)).toEqual([]);
  });

  it('writes nothing when one of the permissions cannot be taken back', async () => {
    const { li, pc, qq, zhang } = await office();
    // Enabled after the moment the settlement claims: revoking it then would precede its grant.
    await savePermission(
      repo,
      {
        personId: zhang.id,
        deviceId: pc.id,
        software: '钉钉',
        guaranteeSignedOn: '2026-12-07',
        deptHeadSignedOn: '2026-12-07',
        grantedAt: '2026-12-07T03:00:00.000Z',
      },
      null,
      now,
    );
    const before = await listed();
    await expect(
      settlePermissionsAfterHandover(
        db,
        repo,
        pc.id,
        li.id,
        new Set([qq.id]),
        new Date('2026-06-01T00:00:00Z'),
      ),
    ).rejects.toThrow(/revoked-before-granted/);
    expect(await listed()).toEqual(before);
  });
});
