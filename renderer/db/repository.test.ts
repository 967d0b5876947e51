import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compareHlc, parseHlc } from '../../shared/hlc';
import { createRepository, RepositoryError, type Repository } from './repository';
import type { NetdeskDb } from './schema';
import { freshDb, manualClock } from './test-support';

let db: NetdeskDb;
let clock: ReturnType<typeof manualClock>;
let repo: Repository;

beforeEach(async () => {
  db = await freshDb();
  clock = manualClock();
  repo = createRepository(db, { now: clock.now });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** The error a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<RepositoryError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RepositoryError);
  return err as RepositoryError;
}

const zhang = { employeeNo: '1001', name: '张伟', title: '出纳' };

describe('create', () => {
  it('stores the validated record, stamps every field and writes one change-log row', async () => {
    const person = await repo.create('people', zhang);

    expect(person).toMatchObject({
      employeeNo: '1001',
      name: '张伟',
      phone: '',
      active: true,
      createdAt: '2026-03-02T08:00:00.000Z',
      updatedAt: '2026-03-02T08:00:00.000Z',
      deletedAt: null,
    });
    expect(await db.people.get(person.id)).toEqual(person);

    const stamp = person.hlc.name!;
    const fields = ['employeeNo', 'name', 'departmentId', 'title', 'phone', 'computerTag', 'active', 'note'];
    expect(Object.keys(person.hlc).sort()).toEqual([...fields, 'createdAt', 'deletedAt'].sort());
    expect(new Set(Object.values(person.hlc))).toEqual(new Set([stamp]));
    expect(parseHlc(stamp).wallMs).toBe(Date.parse('2026-03-02T08:00:00Z'));

    const log = await db.changeLog.toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ table: 'people', id: person.id, at: person.createdAt });
    expect(log[0]!.stamps).toEqual(person.hlc);
    expect(log[0]!.fields).toMatchObject({ employeeNo: '1001', name: '张伟', deletedAt: null });
    // A new record had no stamps before: nothing for another PC to compare with.
    expect(log[0]!.base).toBeUndefined();

    // The node id is made once and is the one in the stamps; the last stamp is kept.
    const nodeId = (await db.localMeta.get('nodeId'))?.value;
    expect(parseHlc(stamp).nodeId).toBe(nodeId);
    expect((await db.localMeta.get('hlc'))?.value).toBe(stamp);
  });

  it('refuses invalid input, names the field and writes nothing', async () => {
    const err = await rejection(repo.create('people', { ...zhang, employeeNo: '  ', phone: 'call me' }));
    expect(err.code).toBe('invalid');
    expect(err.field).toBe('employeeNo');
    expect(err.issues.map((i) => i.path).sort()).toEqual(['employeeNo', 'phone']);
    expect(await db.people.count()).toBe(0);
    expect(await db.changeLog.count()).toBe(0);
    expect(await db.localMeta.count()).toBe(0);
  });

  it('refuses a second live person with the same employee number', async () => {
    const first = await repo.create('people', zhang);
    const err = await rejection(repo.create('people', { employeeNo: '1001', name: '李娜' }));
    expect(err).toMatchObject({
      code: 'duplicate',
      table: 'people',
      field: 'employeeNo',
      conflictId: first.id,
    });
    expect(await db.people.count()).toBe(1);
    expect(await db.changeLog.count()).toBe(1);
  });

  it('frees the number once the holder is deleted, and refuses to restore the old holder over it', async () => {
    const first = await repo.create('people', zhang);
    await repo.remove('people', first.id);
    const second = await repo.create('people', { employeeNo: '1001', name: '李娜' });
    const err = await rejection(repo.restore('people', first.id));
    expect(err).toMatchObject({ code: 'duplicate', field: 'employeeNo', conflictId: second.id });
    expect(await repo.get('people', first.id)).toBeUndefined();
  });

  it('enforces asset tags, card numbers and department names too', async () => {
    await repo.create('devices', { assetTag: 'PC-0001', type: 'computer' });
    await repo.create('departments', { name: '财务部' });
    await repo.create('repairCards', {
      cardNo: 'WX-2026-A-0001',
      requesterName: '张伟',
      faultCategory: 'printer',
      description: '打印机卡纸',
      receivedAt: '2026-03-02T09:00:00+08:00',
    });
    const dupDevice = await rejection(repo.create('devices', { assetTag: 'PC-0001', type: 'printer' }));
    const dupDept = await rejection(repo.create('departments', { name: ' 财务部 ' }));
    const dupCard = await rejection(
      repo.create('repairCards', {
        cardNo: 'WX-2026-A-0001',
        requesterName: '李娜',
        faultCategory: 'other',
        description: '重复',
        receivedAt: '2026-03-02T10:00:00+08:00',
      }),
    );
    expect([dupDevice.field, dupDept.field, dupCard.field]).toEqual(['assetTag', 'name', 'cardNo']);
  });

  it('compares keys folded: PC-01 and pc-01 (or full-width ＰＣ－０１) cannot both exist', async () => {
    const pc = await repo.create('devices', { assetTag: 'PC-01', type: 'computer' });
    for (const assetTag of ['pc-01', ' Pc-01', 'ＰＣ－０１']) {
      const dup = await rejection(repo.create('devices', { assetTag, type: 'printer' }));
      expect([dup.code, dup.field, dup.conflictId]).toEqual(['duplicate', 'assetTag', pc.id]);
    }
    await repo.create('people', { employeeNo: 'HT1001', name: '张伟' });
    const dupPerson = await rejection(repo.create('people', { employeeNo: 'ht1001', name: '张伟二' }));
    expect(dupPerson.field).toBe('employeeNo');
    const other = await repo.create('devices', { assetTag: 'PC-02', type: 'computer' });
    const renamed = await rejection(repo.update('devices', other.id, { assetTag: 'pc-01' }));
    expect(renamed.conflictId).toBe(pc.id);
    expect(await db.devices.count()).toBe(2);
  });

  it('writes nothing when the change-log row fails after the record was put', async () => {
    vi.spyOn(db.changeLog, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(repo.create('people', zhang)).rejects.toThrow('disk full');
    expect(await db.people.count()).toBe(0);
    expect(await db.changeLog.count()).toBe(0);
    // The failed write did not advance the stored clock either.
    expect(await db.localMeta.get('hlc')).toBeUndefined();
  });
});

describe('update', () => {
  it('stamps only the fields that changed and logs only them', async () => {
    const person = await repo.create('people', zhang);
    clock.advance(60_000);
    const updated = await repo.update('people', person.id, { phone: '138 0000 0000', name: '张伟' });

    expect(updated.phone).toBe('138 0000 0000');
    expect(updated.updatedAt).toBe('2026-03-02T08:01:00.000Z');
    expect(updated.createdAt).toBe(person.createdAt);
    expect(compareHlc(updated.hlc.phone!, person.hlc.phone!)).toBe(1);
    const { phone: _p, ...others } = updated.hlc;
    const { phone: _q, ...before } = person.hlc;
    expect(others).toEqual(before);

    const log = await db.changeLog.orderBy('seq').toArray();
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({
      id: person.id,
      stamps: { phone: updated.hlc.phone },
      fields: { phone: '138 0000 0000' },
    });
    expect(Object.keys(log[1]!.fields)).toEqual(['phone']);
  });

  it('writes nothing when no value changes, nested lists included', async () => {
    const card = await repo.create('repairCards', {
      cardNo: 'WX-2026-A-0002',
      requesterName: '张伟',
      faultCategory: 'hardware',
      description: '无法开机',
      receivedAt: '2026-03-02T09:00:00+08:00',
      parts: [{ name: '电源', quantity: 1, cost: 120 }],
    });
    clock.advance(60_000);
    const same = await repo.update('repairCards', card.id, {
      description: ' 无法开机 ', // trimmed by the schema: the same text
      parts: [{ name: '电源', quantity: 1, cost: 120 }],
      diagnosis: undefined, // not edited
    });
    expect(same).toEqual(card);
    expect(await db.repairCards.get(card.id)).toEqual(card);
    expect(await db.changeLog.count()).toBe(1);
  });

  it('re-validates the whole record and keeps the stored one on failure', async () => {
    const person = await repo.create('people', zhang);
    const err = await rejection(repo.update('people', person.id, { name: '' }));
    expect(err).toMatchObject({ code: 'invalid', field: 'name', table: 'people' });
    expect(await db.people.get(person.id)).toEqual(person);
    expect(await db.changeLog.count()).toBe(1);
  });

  it('refuses to take an asset tag another device has', async () => {
    await repo.create('devices', { assetTag: 'PC-0001', type: 'computer' });
    const other = await repo.create('devices', { assetTag: 'PR-0001', type: 'printer' });
    const err = await rejection(repo.update('devices', other.id, { assetTag: 'PC-0001' }));
    expect(err).toMatchObject({ code: 'duplicate', field: 'assetTag' });
    expect((await repo.get('devices', other.id))?.assetTag).toBe('PR-0001');
  });

  it('reports a missing record and refuses to edit a deleted one', async () => {
    expect((await rejection(repo.update('people', 'nope', { name: 'x' }))).code).toBe('not-found');
    const person = await repo.create('people', zhang);
    await repo.remove('people', person.id);
    expect((await rejection(repo.update('people', person.id, { name: 'x' }))).code).toBe('deleted');
  });
});

describe('remove and restore', () => {
  it('leaves a stamped tombstone that lists skip, and restore brings it back', async () => {
    const a = await repo.create('people', zhang);
    const b = await repo.create('people', { employeeNo: '1002', name: '李娜' });
    clock.advance(1000);
    const removed = await repo.remove('people', a.id);

    expect(removed.deletedAt).toBe('2026-03-02T08:00:01.000Z');
    expect(compareHlc(removed.hlc.deletedAt!, b.hlc.deletedAt!)).toBe(1);
    expect(removed.hlc.name).toBe(a.hlc.name);
    expect(await repo.get('people', a.id)).toBeUndefined();
    expect((await repo.list('people')).map((p) => p.id)).toEqual([b.id]);
    expect(await db.people.count()).toBe(2); // kept, so sync can pass the deletion on

    const log = await db.changeLog.orderBy('seq').last();
    expect(removed.deletedAt).toEqual(expect.any(String));
    expect(log).toMatchObject({
      id: a.id,
      fields: { deletedAt: removed.deletedAt },
      stamps: { deletedAt: removed.hlc.deletedAt },
    });
    expect(Object.keys(log!.fields)).toEqual(['deletedAt']);

    // Removing again changes nothing.
    await repo.remove('people', a.id);
    expect(await db.changeLog.count()).toBe(3);

    clock.advance(1000);
    const restored = await repo.restore('people', a.id);
    expect(restored.deletedAt).toBeNull();
    expect(compareHlc(restored.hlc.deletedAt!, removed.hlc.deletedAt!)).toBe(1);
    expect(await db.changeLog.orderBy('seq').last()).toMatchObject({
      id: a.id,
      fields: { deletedAt: null },
      stamps: { deletedAt: restored.hlc.deletedAt },
    });
    expect((await repo.list('people')).length).toBe(2);
  });
});

describe('bulkCreate', () => {
  it('writes nothing and reports each bad row when one row is invalid or duplicated', async () => {
    await repo.create('people', { employeeNo: '0900', name: '王芳' });
    const result = await repo.bulkCreate('people', [
      { employeeNo: '1001', name: '张伟' },
      { employeeNo: '1002', name: '' },
      { employeeNo: '1001', name: '张伟二' },
      { employeeNo: '0900', name: '王芳二' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.index, e.code, e.field ?? e.issues[0]?.path])).toEqual([
      [1, 'invalid', 'name'],
      [2, 'duplicate', 'employeeNo'],
      [3, 'duplicate', 'employeeNo'],
    ]);
    expect(await db.people.count()).toBe(1);
    expect(await db.changeLog.count()).toBe(1);
  });

  it('refuses a batch whose keys differ only in case or width, among its rows and with the ledger', async () => {
    await repo.create('devices', { assetTag: 'PC-01', type: 'computer' });
    const result = await repo.bulkCreate('devices', [
      { assetTag: 'pc-01', type: 'computer' },
      { assetTag: 'PR-07', type: 'printer' },
      { assetTag: 'ｐｒ－07', type: 'printer' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.index, e.code, e.field])).toEqual([
      [0, 'duplicate', 'assetTag'],
      [2, 'duplicate', 'assetTag'],
    ]);
    expect(await db.devices.count()).toBe(1);
  });

  it('writes in chunks with progress, each record stamped and logged', async () => {
    const progress: number[] = [];
    const inputs = ['1', '2', '3', '4', '5'].map((n) => ({ employeeNo: `10${n}`, name: `员工${n}` }));
    const result = await repo.bulkCreate('people', inputs, {
      chunkSize: 2,
      onProgress: (p) => progress.push(p.done),
    });
    expect(result.ok).toBe(true);
    expect(progress).toEqual([2, 4, 5]);
    expect(await db.people.count()).toBe(5);
    const log = await db.changeLog.orderBy('seq').toArray();
    expect(log.map((l) => l.fields.employeeNo)).toEqual(['101', '102', '103', '104', '105']);
    const stamps = log.map((l) => l.stamps.employeeNo!);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(5);
  });

  it('keeps each chunk whole: a failure in a chunk leaves none of its records', async () => {
    const bulkAdd = db.changeLog.bulkAdd.bind(db.changeLog);
    let calls = 0;
    vi.spyOn(db.changeLog, 'bulkAdd').mockImplementation(((rows: Parameters<typeof bulkAdd>[0]) => {
      calls++;
      if (calls === 2) return Promise.reject(new Error('quota exceeded'));
      return bulkAdd(rows);
    }) as typeof bulkAdd);
    const inputs = ['1', '2', '3', '4'].map((n) => ({ employeeNo: `10${n}`, name: `员工${n}` }));
    await expect(repo.bulkCreate('people', inputs, { chunkSize: 2 })).rejects.toThrow('quota exceeded');
    expect((await db.people.toArray()).map((p) => p.employeeNo).sort()).toEqual(['101', '102']);
    expect(await db.changeLog.count()).toBe(2);
  });
});

describe('attachments', () => {
  const abc = new TextEncoder().encode('abc');

  it('stores a file once under its SHA-256 and gives the bytes back', async () => {
    const first = await repo.putAttachment({ bytes: abc, name: 'scan.png', mime: 'image/png' });
    expect(first.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(first).toMatchObject({ name: 'scan.png', size: 3, mime: 'image/png' });
    clock.advance(1000);
    const second = await repo.putAttachment({ bytes: abc.slice(), name: 'again.png', mime: 'image/png' });
    expect(second).toEqual(first);
    expect(await db.attachments.count()).toBe(1);

    const stored = await repo.getAttachment(first.sha256);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(abc);
    expect(stored!.blob.type).toBe('image/png');
  });

  it('refuses a file type the ledger does not keep', async () => {
    const err = await rejection(
      repo.putAttachment({ bytes: abc, name: 'x.exe', mime: 'application/x-msdownload' as 'image/png' }),
    );
    expect(err).toMatchObject({ code: 'invalid', field: 'mime' });
    expect(await db.attachments.count()).toBe(0);
  });
});

describe('clock across sessions', () => {
  it('keeps the node id and never stamps backwards after the PC clock is set back', async () => {
    const person = await repo.create('people', zhang);
    const early = manualClock('2026-03-01T08:00:00.000Z');
    const later = createRepository(db, { now: early.now });
    const edited = await later.update('people', person.id, { title: '会计' });
    expect(parseHlc(edited.hlc.title!).nodeId).toBe(parseHlc(person.hlc.title!).nodeId);
    expect(compareHlc(edited.hlc.title!, person.hlc.title!)).toBe(1);
  });
});
