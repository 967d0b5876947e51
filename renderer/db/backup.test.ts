import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup, type LedgerBackup } from '../../shared/backup';
import { compareHlc, formatHlc, parseHlc } from '../../shared/hlc';
import type { Person } from '../../shared/schemas';
import { exportLedger, importLedger, previewBackup } from './backup';
import { createRepository, RepositoryError, type Repository } from './repository';
import type { NetdeskDb } from './schema';
import { freshDb, manualClock } from './test-support';

let db: NetdeskDb;
let clock: ReturnType<typeof manualClock>;
let repo: Repository;
const opened: NetdeskDb[] = [];

async function newLedger() {
  const fresh = await freshDb();
  opened.push(fresh);
  return fresh;
}

beforeEach(async () => {
  db = await newLedger();
  clock = manualClock();
  repo = createRepository(db, { now: clock.now });
});
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

/** A small ledger: a department, two people (one deleted), a server with a password, a scan. */
async function fillLedger() {
  const dept = await repo.create('departments', { name: '信息部' });
  const zhang = await repo.create('people', { employeeNo: '1001', name: '张伟', departmentId: dept.id });
  const li = await repo.create('people', { employeeNo: '1002', name: '李娜' });
  await repo.remove('people', li.id);
  const server = await repo.create('devices', {
    assetTag: 'SRV-01',
    type: 'server',
    secret: 'admin / Netdesk#2026',
    userPersonId: zhang.id,
  });
  const scan = await repo.putAttachment({
    bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    name: '维修卡扫描.png',
    mime: 'image/png',
  });
  return { dept, zhang, li, server, scan };
}

/** Export, then through the file format and back, as a user's round trip does. */
async function exportViaFile(source: NetdeskDb, options?: Parameters<typeof exportLedger>[1]) {
  const text = serializeBackup(await exportLedger(source, { now: clock.now, ...options }));
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.backup;
}

describe('export and import into an empty ledger', () => {
  it('round-trips every record, tombstones and attachments; the password stays behind', async () => {
    const { zhang, li, server, scan } = await fillLedger();
    const backup = await exportViaFile(db);
    expect(backup.source?.nodeId).toBe(parseHlc(zhang.hlc.name!).nodeId);

    const target = await newLedger();
    const progress: string[] = [];
    const summary = await importLedger(target, backup, {
      mode: 'empty',
      now: clock.now,
      onProgress: (p) => progress.push(`${p.stage}:${p.done}/${p.total}`),
    });
    expect(summary).toMatchObject({
      added: 4,
      updated: 0,
      attachmentsAdded: 1,
      fixedStamps: 0,
      problems: [],
    });
    expect(progress.at(-1)).toBe('attachments:5/5');

    expect(await target.people.get(zhang.id)).toEqual(zhang);
    expect((await target.people.get(li.id))?.deletedAt).not.toBeNull();
    const copied = await target.devices.get(server.id);
    expect(copied?.secret).toBe('');
    expect(copied?.hlc.secret).toBeUndefined();
    expect(copied?.assetTag).toBe('SRV-01');
    const file = await target.attachments.get(scan.sha256);
    expect(new Uint8Array(await file!.blob.arrayBuffer())).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    );

    // Every imported record waits in the change log for sync, with its original stamps.
    const log = await target.changeLog.toArray();
    expect(log).toHaveLength(4);
    expect(log.find((l) => l.id === zhang.id)?.stamps.name).toBe(zhang.hlc.name);
    expect(log.find((l) => l.id === li.id)?.fields.deletedAt).toEqual(expect.any(String));

    // This PC's next edit outranks what it imported.
    const targetRepo = createRepository(target, { now: clock.now });
    const edited = await targetRepo.update('people', zhang.id, { title: '网管' });
    expect(compareHlc(edited.hlc.title!, zhang.hlc.title!)).toBe(1);
  });

  it('exports passwords only when asked, and the preview says so', async () => {
    const { server } = await fillLedger();
    const withSecrets = await exportViaFile(db, { includeSecrets: true, includeAttachments: false });
    expect(withSecrets.tables.devices?.[0]?.secret).toBe(server.secret);
    expect(withSecrets.attachments).toBeUndefined();
    const preview = previewBackup(withSecrets);
    expect(preview.includesSecrets).toBe(true);
    expect(preview.tables.people).toEqual({ live: 1, deleted: 1 });
    expect(preview.tables.repairCards).toEqual({ live: 0, deleted: 0 });
    expect(preview.totalRecords).toBe(4);
    expect(previewBackup(await exportViaFile(db)).includesSecrets).toBe(false);
  });

  it('refuses to import over a ledger that already has records', async () => {
    await fillLedger();
    const backup = await exportViaFile(db);
    const target = await newLedger();
    await createRepository(target, { now: clock.now }).create('people', { employeeNo: '9', name: '王芳' });

    const err: unknown = await importLedger(target, backup, { mode: 'empty' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepositoryError);
    expect((err as RepositoryError).code).toBe('not-empty');
    expect(await target.people.count()).toBe(1);
    expect(await target.departments.count()).toBe(0);
    expect(await target.attachments.count()).toBe(0);
  });
});

describe('merge import', () => {
  it('takes each field from whichever side changed it last, and a second import changes nothing', async () => {
    const { zhang } = await fillLedger();
    const backupBefore = await exportViaFile(db);

    // Another PC restores the backup, then edits the title.
    const other = await newLedger();
    await importLedger(other, backupBefore, { mode: 'empty', now: clock.now });
    clock.advance(60_000);
    await createRepository(other, { now: clock.now }).update('people', zhang.id, { title: '主管' });
    // Meanwhile this PC edits the phone, later.
    clock.advance(60_000);
    await repo.update('people', zhang.id, { phone: '139 1111 2222' });

    const fromOther = await exportViaFile(other);
    const logBefore = await db.changeLog.count();
    const summary = await importLedger(db, fromOther, { mode: 'merge', now: clock.now });
    expect(summary).toMatchObject({ added: 0, updated: 1, problems: [] });

    const merged = (await db.people.get(zhang.id)) as Person;
    expect(merged.title).toBe('主管');
    expect(merged.phone).toBe('139 1111 2222');
    // The server's password was blanked in the other PC's export: the real one stays here.
    expect((await repo.list('devices'))[0]?.secret).toBe('admin / Netdesk#2026');

    const log = await db.changeLog.orderBy('seq').toArray();
    expect(log.length).toBe(logBefore + 1);
    expect(log.at(-1)).toMatchObject({ id: zhang.id, fields: { title: '主管' } });

    const again = await importLedger(db, fromOther, { mode: 'merge', now: clock.now });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4, attachmentsAdded: 0 });
    expect(await db.changeLog.count()).toBe(logBefore + 1);
  });

  it('carries a deletion made elsewhere', async () => {
    const { zhang } = await fillLedger();
    const other = await newLedger();
    await importLedger(other, await exportViaFile(db), { mode: 'empty', now: clock.now });
    clock.advance(1000);
    await createRepository(other, { now: clock.now }).remove('people', zhang.id);

    await importLedger(db, await exportViaFile(other), { mode: 'merge', now: clock.now });
    expect(await repo.get('people', zhang.id)).toBeUndefined();
    expect((await db.changeLog.orderBy('seq').last())?.fields.deletedAt).toEqual(expect.any(String));
  });

  it('keeps both records that share an employee number and reports them', async () => {
    await repo.create('people', { employeeNo: '1001', name: '张伟' });
    const other = await newLedger();
    const otherPerson = await createRepository(other, { now: clock.now }).create('people', {
      employeeNo: '1001',
      name: '张伟(分公司)',
    });
    const summary = await importLedger(db, await exportViaFile(other), { mode: 'merge', now: clock.now });
    expect(summary.added).toBe(1);
    expect(summary.duplicates).toEqual([
      {
        table: 'people',
        field: 'employeeNo',
        value: '1001',
        ids: expect.arrayContaining([otherPerson.id]) as string[],
      },
    ]);
    expect(summary.duplicates[0]?.ids).toHaveLength(2);
    expect(await repo.list('people')).toHaveLength(2);
  });

  it('replaces stamps from a PC whose clock ran days ahead, so it cannot win every later edit', async () => {
    const { zhang } = await fillLedger();
    const backup = await exportViaFile(db);
    const future = formatHlc({
      wallMs: clock.now().getTime() + 3 * 86_400_000,
      counter: 0,
      nodeId: 'wrongclock',
    });
    const people = backup.tables.people!.map((p) =>
      p.id === zhang.id ? { ...p, title: '未来', hlc: { ...p.hlc, title: future } } : p,
    );
    const tampered: LedgerBackup = { ...backup, tables: { ...backup.tables, people } };

    const summary = await importLedger(db, tampered, { mode: 'merge', now: clock.now });
    expect(summary.fixedStamps).toBe(1);
    const stored = (await db.people.get(zhang.id)) as Person;
    expect(stored.title).toBe('未来');
    expect(parseHlc(stored.hlc.title!).wallMs).toBe(clock.now().getTime());

    clock.advance(1000);
    const edited = await repo.update('people', zhang.id, { title: '网管' });
    expect(edited.title).toBe('网管');
    expect(compareHlc(edited.hlc.title!, stored.hlc.title!)).toBe(1);
  });

  it('writes large tables in chunks with progress', async () => {
    const result = await repo.bulkCreate(
      'departments',
      ['总经办', '财务部', '人力资源部', '工程部', '销售部'].map((name) => ({ name })),
    );
    expect(result.ok).toBe(true);
    const target = await newLedger();
    const seen: number[] = [];
    await importLedger(target, await exportViaFile(db), {
      mode: 'merge',
      chunkSize: 2,
      now: clock.now,
      onProgress: (p) => seen.push(p.done),
    });
    expect(seen).toEqual([2, 4, 5]);
    expect(await target.departments.count()).toBe(5);
  });
});
