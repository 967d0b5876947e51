// Backups at any size: the export written in parts is byte for byte the backup exportLedger and
// serializeBackup make; a file read in pieces previews and restores exactly as the same file
// parsed whole; a damaged file is refused before anything is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup, type LedgerBackup } from '../../shared/backup';
import type { BackupCheckResult } from '../../shared/backup-check';
import { exportLedger, exportLedgerParts, firstNonEmptyTable, importLedger, previewBackup } from './backup';
import { checkBackupFile, restoreBackupFile, type BackupSource } from './backup-stream';
import { createRepository, RepositoryError, type Repository } from './repository';
import type { NetdeskDb } from './schema';
import { freshDb, manualClock } from './test-support';
import { LEDGER_TABLES } from '../../shared/schemas';

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

/** Departments, 23 people (one deleted), a server with a password, a router without, two scans. */
async function fillLedger() {
  const dept = await repo.create('departments', { name: '信息部' });
  const people = [];
  for (let i = 0; i < 23; i++)
    people.push(
      await repo.create('people', {
        employeeNo: String(1001 + i),
        name: `员工${i} 😀`,
        departmentId: dept.id,
      }),
    );
  await repo.remove('people', people[4]!.id);
  await repo.create('devices', { assetTag: 'SRV-01', type: 'server', secret: 'admin / Netdesk#2026' });
  await repo.create('devices', { assetTag: 'RT-01', type: 'router' });
  for (const n of [1, 2])
    await repo.putAttachment({
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, n, 2, 3]),
      name: `维修卡扫描${n}.png`,
      mime: 'image/png',
    });
  return { dept, people };
}

async function streamedText(source: NetdeskDb, options: Parameters<typeof exportLedgerParts>[1]) {
  const out = await exportLedgerParts(source, options);
  const parts: string[] = [];
  for await (const part of out.parts) parts.push(part);
  return { text: parts.join(''), parts, written: out.written };
}

/** A file of the text, read back in small pieces (a Blob's stream, as a picked File gives it). */
function fileOf(text: string): BackupSource & { opened: number } {
  const blob = new Blob([text]);
  const source = {
    opened: 0,
    size: blob.size,
    stream() {
      source.opened++;
      return blob.stream();
    },
  };
  return source;
}

function ok(result: BackupCheckResult) {
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result;
}

/** Everything an import leaves in a ledger, for comparing two ledgers. */
async function contents(target: NetdeskDb) {
  const tables: Record<string, unknown[]> = {};
  for (const t of LEDGER_TABLES) tables[t] = await target.table(t).toArray();
  const attachments = (await target.attachments.toArray()).map(({ blob, ...meta }) => ({
    ...meta,
    bytes: blob.size,
  }));
  return { tables, changeLog: await target.changeLog.toArray(), attachments };
}

describe('export in parts', () => {
  it('writes byte for byte what exportLedger and serializeBackup write, with or without passwords and attachments', async () => {
    await fillLedger();
    for (const options of [
      { includeSecrets: false, includeAttachments: true, sourceName: '网络中心 主管电脑' },
      { includeSecrets: true, includeAttachments: true },
      { includeSecrets: true, includeAttachments: false },
    ]) {
      const whole = serializeBackup(await exportLedger(db, { ...options, now: clock.now }));
      const streamed = await streamedText(db, {
        ...options,
        now: clock.now,
        batchSize: 5,
        attachmentBatch: 1,
        partChars: 300,
      });
      expect(streamed.text).toBe(whole);
      expect(streamed.parts.length).toBeGreaterThan(3);
      expect(streamed.written).toEqual({
        records: 26,
        attachments: options.includeAttachments ? 2 : 0,
        includesSecrets: options.includeSecrets,
      });
    }
  });
});

describe('preview and restore read in pieces', () => {
  it('previews and restores into an empty ledger exactly as the file parsed whole does', async () => {
    await fillLedger();
    const { text } = await streamedText(db, { includeSecrets: true, now: clock.now });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));

    const file = fileOf(text);
    const progress: string[] = [];
    const checked = ok(await checkBackupFile(file, { onProgress: (p) => progress.push(`${p.bytes}`) }));
    expect(checked.preview).toEqual(previewBackup(parsed.backup));
    expect(progress.at(-1)).toBe(String(file.size));

    const inMemory = await newLedger();
    const expected = await importLedger(inMemory, parsed.backup, { mode: 'empty', now: clock.now });
    const streamed = await newLedger();
    const steps: string[] = [];
    const summary = await restoreBackupFile(streamed, file, checked, {
      mode: 'empty',
      now: clock.now,
      chunkSize: 4,
      onProgress: (p) => steps.push(`${p.stage}:${p.done}/${p.total}`),
    });
    expect(summary).toEqual(expected);
    expect(summary).toMatchObject({ added: 26, attachmentsAdded: 2, problems: [] });
    expect(steps.at(-1)).toBe('attachments:28/28');
    expect(steps).toContain('people:5/28');
    expect(await contents(streamed)).toEqual(await contents(inMemory));
  });

  it('merges into a ledger in use exactly as importLedger does, duplicates reported once', async () => {
    const { people } = await fillLedger();
    const before = await exportLedger(db, { now: clock.now });
    clock.advance(60_000);
    await repo.update('people', people[0]!.id, { title: '主管' });
    await repo.remove('people', people[1]!.id);
    await repo.create('people', { employeeNo: '2003', name: '新同事' });
    const after = serializeBackup(await exportLedger(db, { now: clock.now }));
    const parsed = parseBackup(after);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));

    const [a, b] = [await newLedger(), await newLedger()];
    // Both targets hold the same records, one of them using the new colleague's number already.
    // A live person's copy (ids are random, so the first in id order may be the deleted one).
    const clash = { ...before.tables.people!.find((p) => !p.deletedAt)!, id: 'clash', employeeNo: '2003' };
    for (const target of [a, b]) {
      await importLedger(target, before, { mode: 'empty', now: clock.now });
      await target.people.put(clash);
    }
    const expected = await importLedger(a, parsed.backup, { mode: 'merge', now: clock.now });
    const file = fileOf(after);
    const summary = await restoreBackupFile(b, file, ok(await checkBackupFile(file)), {
      mode: 'merge',
      now: clock.now,
    });
    expect(summary).toEqual(expected);
    expect(summary).toMatchObject({ added: 1, updated: 2 });
    expect(summary.duplicates).toEqual([expect.objectContaining({ table: 'people', field: 'employeeNo' })]);
    expect(await contents(b)).toEqual(await contents(a));
  });

  it('restores a backup saved with a UTF-8 byte-order mark (opened and saved in Notepad)', async () => {
    await fillLedger();
    const { text } = await streamedText(db, { now: clock.now });
    const blob = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), text]);
    const file: BackupSource = { size: blob.size, stream: () => blob.stream() };
    const checked = ok(await checkBackupFile(file));
    const target = await newLedger();
    const summary = await restoreBackupFile(target, file, checked, { mode: 'empty', now: clock.now });
    expect(summary).toMatchObject({ added: 26, problems: [] });
  });

  it('refuses a file cut short before writing anything', async () => {
    await fillLedger();
    const { text } = await streamedText(db, { now: clock.now });
    const result = await checkBackupFile(fileOf(text.slice(0, Math.floor(text.length * 0.8))));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/not a JSON document: .*cut short/);
  });

  it('reports a bad record with its table and index', async () => {
    await fillLedger();
    const doc = JSON.parse((await streamedText(db, { now: clock.now })).text) as LedgerBackup;
    (doc.tables.people![7] as { phone: string }).phone = '请打分机';
    const result = await checkBackupFile(fileOf(serializeBackup(doc)));
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^tables\.people\[7\]\.phone: phone/)],
    });
  });

  it("stops when the file changed after it was checked, and refuses 'empty' over records before reading", async () => {
    await fillLedger();
    const { text } = await streamedText(db, { now: clock.now });
    const checked = ok(await checkBackupFile(fileOf(text)));

    const target = await newLedger();
    const changed = fileOf(text.replace('"employeeNo": "1010"', '"employeeNo": 1010'));
    await expect(
      restoreBackupFile(target, changed, checked, { mode: 'empty', chunkSize: 2 }),
    ).rejects.toThrow(/changed after it was checked: tables\.people\[\d+\]\.employeeNo/);

    const file = fileOf(text);
    await expect(restoreBackupFile(db, file, checked, { mode: 'empty' })).rejects.toBeInstanceOf(
      RepositoryError,
    );
    expect(file.opened).toBe(0);
    expect(await firstNonEmptyTable(await newLedger())).toBeNull();
  });
});
