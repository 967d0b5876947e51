// The signed 保证申请书 scanned and attached to its permission: stored once in the attachments
// table by its hash, linked to the permission, the same file twice linked once; and the rule that
// a permission is enabled only once the guarantee and the department head are signed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepository, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { attachGuaranteeScan, savePermission } from './permissions-data';

let db: NetdeskDb;
let repo: Repository;
beforeEach(async () => {
  db = await freshDb();
  repo = createRepository(db, { now: manualClock('2026-12-07T04:00:00.000Z').now });
});
afterEach(() => db.close());

describe('the signed guarantee’s scan', () => {
  it('is stored by its hash and linked to the permission once, however often it is attached', async () => {
    const person = await repo.create('people', { name: '李娜', employeeNo: 'E001' });
    const permission = await savePermission(repo, { personId: person.id, software: 'QQ' }, null);
    const file = {
      bytes: new TextEncoder().encode('%PDF-1.4 signed'),
      name: '保证申请书.pdf',
      mime: 'application/pdf' as const,
    };
    const once = await attachGuaranteeScan(db, repo, permission.id, file);
    expect(once.attachmentShas).toHaveLength(1);
    const stored = await db.attachments.get(once.attachmentShas[0]!);
    expect(stored).toMatchObject({ name: '保证申请书.pdf', mime: 'application/pdf' });
    const twice = await attachGuaranteeScan(db, repo, permission.id, file);
    expect(twice.attachmentShas).toEqual(once.attachmentShas);
    expect((await db.imPermissions.get(permission.id))!.attachmentShas).toHaveLength(1);
  });

  it('refuses a permission that does not exist, linking nothing', async () => {
    const file = { bytes: new Uint8Array([1, 2, 3]), name: 'x.png', mime: 'image/png' as const };
    await expect(attachGuaranteeScan(db, repo, 'nope', file)).rejects.toThrow(/nope/);
    expect(await db.imPermissions.count()).toBe(0);
  });
});

describe('enabling a permission', () => {
  it('is refused, nothing written, until the guarantee and the department head are signed', async () => {
    const person = await repo.create('people', { name: '李娜', employeeNo: 'E001' });
    const now = new Date('2026-12-07T04:00:00.000Z');
    const request = await savePermission(repo, { personId: person.id, software: 'QQ' }, null, now);
    const grantedAt = now.toISOString();
    await expect(savePermission(repo, { ...request, grantedAt }, request.id, now)).rejects.toMatchObject({
      problems: [{ code: 'granted-unsigned', field: 'grantedAt' }],
    });
    await expect(
      savePermission(repo, { ...request, grantedAt, guaranteeSignedOn: '2026-12-07' }, request.id, now),
    ).rejects.toMatchObject({ problems: [{ code: 'granted-unsigned', field: 'grantedAt' }] });
    expect((await db.imPermissions.get(request.id))!.grantedAt).toBeNull();
    const signed = { guaranteeSignedOn: '2026-12-06', deptHeadSignedOn: '2026-12-07' };
    const granted = await savePermission(repo, { ...request, ...signed, grantedAt }, request.id, now);
    expect(granted.grantedAt).toBe(grantedAt);
    // Once enabled, later edits (a note, the revocation) are not asked for signatures again.
    const revoked = await savePermission(
      repo,
      { ...granted, guaranteeSignedOn: null, revokedAt: grantedAt, revokeReason: '调岗' },
      granted.id,
      now,
    );
    expect(revoked.revokedAt).toBe(grantedAt);
  });
});
