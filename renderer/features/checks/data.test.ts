import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundsOfDay, weeklyOfWeek } from '../../../shared/checks/schedule';
import { snapshotItems, templateOf } from '../../../shared/checks/templates';
import { getLedgerSetting, setLedgerSetting } from '../../db/ledger-settings';
import { createRepository, RepositoryError, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import {
  CheckRefused,
  checksForGrid,
  checksFrom,
  recentChecks,
  saveCheck,
  serversInService,
  type CheckInput,
} from './data';

let db: NetdeskDb;
let repo: Repository;
const cn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
const now = new Date(cn('2026-12-09 17:00')); // Wednesday

beforeEach(async () => {
  db = await freshDb();
  repo = createRepository(db, { now: manualClock(now.toISOString()).now });
  await repo.create('devices', { assetTag: 'SRV-01', type: 'server' });
  await repo.create('devices', { assetTag: 'SRV-02', type: 'server' });
  await repo.create('devices', { assetTag: 'SRV-09', type: 'server', status: 'retired' });
  await repo.create('devices', { assetTag: 'PC-01', type: 'computer' });
});
afterEach(() => db.close());

const idOf = async (tag: string) => (await db.devices.where('assetTag').equals(tag).first())!.id;

async function serverCheck(at: string, deviceIds: string[], problemNote = ''): Promise<CheckInput> {
  const devices = await Promise.all(
    deviceIds.map(async (id) => ({ id, label: (await db.devices.get(id))!.assetTag })),
  );
  const lines = snapshotItems(templateOf([], 'server-maintenance'), devices);
  return {
    kind: 'server-maintenance',
    at,
    by: '王工',
    deviceIds,
    items: lines.map((l, i) => ({
      ...l,
      result: i === 0 && problemNote ? 'problem' : 'ok',
      note: i === 0 ? problemNote : '',
    })),
  };
}

describe('saving a routine check', () => {
  it('lists the servers in service, leaving out retired servers and other devices', async () => {
    expect((await serversInService(db)).map((d) => d.assetTag)).toEqual(['SRV-01', 'SRV-02']);
  });

  it('saves a server check with one problem item as a problem, items and all, and completes the week', async () => {
    const ids = (await serversInService(db)).map((d) => d.id);
    const saved = await saveCheck(
      db,
      repo,
      await serverCheck(cn('2026-12-09 15:00'), ids, '磁盘剩余 5%'),
      now,
    );
    expect(saved.result).toBe('problem');
    expect(saved.items).toHaveLength(10);
    expect(saved.items[0]).toMatchObject({
      label: 'SRV-01 磁盘空间',
      result: 'problem',
      note: '磁盘剩余 5%',
    });
    const checks = await checksFrom(db, '2026-12-07');
    expect(weeklyOfWeek('2026-12-09', checks, ids, now)[0]!.state).toBe('done');
  });

  it('refuses a problem item without a note, a future time and a retired server, saving nothing', async () => {
    const ids = (await serversInService(db)).map((d) => d.id);
    const noNote = await serverCheck(cn('2026-12-09 15:00'), ids);
    noNote.items[0] = { ...noNote.items[0]!, result: 'problem', note: '' };
    await expect(saveCheck(db, repo, noNote, now)).rejects.toBeInstanceOf(RepositoryError);

    const future = saveCheck(db, repo, await serverCheck(cn('2026-12-09 18:00'), ids), now);
    await expect(future).rejects.toMatchObject({ problems: [{ code: 'future' }] });

    const retired = await idOf('SRV-09');
    const withRetired = saveCheck(
      db,
      repo,
      await serverCheck(cn('2026-12-09 15:00'), [...ids, retired]),
      now,
    );
    await expect(withRetired).rejects.toBeInstanceOf(CheckRefused);
    await expect(withRetired).rejects.toMatchObject({
      problems: [{ code: 'retired-device', tag: 'SRV-09' }],
    });

    expect(await db.routineChecks.count()).toBe(0);
  });

  it('keeps two PCs’ records of the same round and shows the slot done once', async () => {
    const round = (at: string): CheckInput => ({
      kind: 'machine-room',
      at,
      by: '值班',
      slot: '14:00',
      deviceIds: [],
      items: snapshotItems(templateOf([], 'machine-room'), []).map((l) => ({ ...l, result: 'ok', note: '' })),
    });
    await saveCheck(db, repo, round(cn('2026-12-09 14:02')), now);
    await saveCheck(db, repo, round(cn('2026-12-09 14:03')), now);
    const checks = await checksFrom(db, '2026-12-09');
    expect(checks).toHaveLength(2);
    const slot = roundsOfDay('2026-12-09', checks, now).find((r) => r.slot === '14:00')!;
    expect(slot).toMatchObject({ state: 'done', records: 2 });
  });

  it('keeps the items an old check was done with after the template changes', async () => {
    const ids = [await idOf('SRV-01')];
    await saveCheck(db, repo, await serverCheck(cn('2026-12-09 15:00'), ids), now);
    await setLedgerSetting(db, repo, 'checkTemplates', [
      { kind: 'server-maintenance', items: [{ label: 'RAID 状态', perDevice: true }] },
    ]);
    const templates = await getLedgerSetting(db, 'checkTemplates');
    expect(
      snapshotItems(templateOf(templates, 'server-maintenance'), [{ id: ids[0]!, label: 'SRV-01' }]),
    ).toEqual([{ label: 'SRV-01 RAID 状态', deviceId: ids[0] }]);
    const [old] = await checksFrom(db, '2026-12-07');
    expect(old!.items.map((i) => i.label)).toContain('SRV-01 磁盘空间');
  });

  it('reads a year of weekly checks for the grid but only this week’s machine-room rounds', async () => {
    const round = (at: string): CheckInput => ({
      kind: 'machine-room',
      at,
      by: '值班',
      slot: '08:00',
      deviceIds: [],
      items: snapshotItems(templateOf([], 'machine-room'), []).map((l) => ({ ...l, result: 'ok', note: '' })),
    });
    const ids = [await idOf('SRV-01')];
    const old = new Date(cn('2026-12-09 10:00'));
    // Each saved with the clock of its own day, so none is refused as dated in the future.
    const saveAt = (input: CheckInput) => saveCheck(db, repo, input, new Date(input.at));
    await saveAt(await serverCheck(cn('2025-12-16 10:00'), ids)); // 51 weeks before this week: in the grid
    await saveAt(await serverCheck(cn('2025-12-02 10:00'), ids)); // 53 weeks before: the range's early margin at most
    await saveAt(round(cn('2026-11-25 08:05'))); // two weeks ago: not this week's
    await saveAt(round(cn('2026-12-07 08:05'))); // Monday of this week
    await saveAt(round(cn('2026-12-09 08:05'))); // today
    const checks = await checksForGrid(db, '2026-12-09');
    const rounds = checks.filter((c) => c.kind === 'machine-room').map((c) => c.at);
    expect(rounds.sort()).toEqual([cn('2026-12-07 08:05'), cn('2026-12-09 08:05')]);
    expect(checks.filter((c) => c.kind === 'server-maintenance').map((c) => c.at)).toContain(
      cn('2025-12-16 10:00'),
    );
    expect(roundsOfDay('2026-12-09', checks, old).find((r) => r.slot === '08:00')).toMatchObject({
      state: 'done',
    });
  });

  it('lists the newest checks of every kind first, without deleted ones', async () => {
    const real = Date.now();
    const hoursAgo = (h: number) => new Date(real - h * 3600_000).toISOString();
    const round = (at: string): CheckInput => ({
      kind: 'machine-room',
      at,
      by: '值班',
      slot: '08:00',
      deviceIds: [],
      items: snapshotItems(templateOf([], 'machine-room'), []).map((l) => ({ ...l, result: 'ok', note: '' })),
    });
    const ids = [await idOf('SRV-01')];
    const saveNow = (input: CheckInput) => saveCheck(db, repo, input, new Date(real));
    for (let h = 1; h <= 30; h++) await saveNow(round(hoursAgo(h * 5)));
    await saveNow(await serverCheck(hoursAgo(7), ids));
    const newest = await saveNow(round(hoursAgo(0.5)));
    await repo.remove('routineChecks', newest.id);
    await saveNow(round(hoursAgo(24 * 70))); // older than two months: never listed

    const list = await recentChecks(db, 5);
    expect(list.map((c) => c.at)).toEqual([
      hoursAgo(5),
      hoursAgo(7),
      hoursAgo(10),
      hoursAgo(15),
      hoursAgo(20),
    ]);
    expect(list[1]!.kind).toBe('server-maintenance');
    expect(await recentChecks(db, 100)).toHaveLength(31);
  });
});
