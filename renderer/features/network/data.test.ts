import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incidentState } from '../../../shared/network/incidents';
import { createRepository, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { endIncident, listIncidents, saveIncident } from './data';

let db: NetdeskDb;
let repo: Repository;
const cn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
const now = new Date(cn('2026-12-07 12:00'));

beforeEach(async () => {
  db = await freshDb();
  repo = createRepository(db, { now: manualClock(now.toISOString()).now });
});
afterEach(() => db.close());

const powerCut = {
  startAt: cn('2026-12-05 08:00'),
  endAt: null,
  cause: 'power-cut' as const,
  excluded: false,
  exclusionReason: '',
};

describe('network incident log', () => {
  it('logs an ongoing power cut and ends it after 25 hours: major, deadline missed', async () => {
    const saved = await saveIncident(repo, { ...powerCut, scope: '总部' }, null, now);
    expect(incidentState(saved, now).ongoing).toBe(true);
    const ended = await endIncident(repo, saved, cn('2026-12-06 09:00'), now);
    expect(incidentState(ended, now)).toMatchObject({
      ongoing: false,
      major: true,
      powerCut: { met: false },
    });
    expect((await listIncidents(db)).map((i) => i.endAt)).toEqual([cn('2026-12-06 09:00')]);
  });

  it('refuses an end before the start and an exclusion without reason, keeping the record as it was', async () => {
    const saved = await saveIncident(repo, powerCut, null, now);
    await expect(endIncident(repo, saved, cn('2026-12-05 07:00'), now)).rejects.toMatchObject({
      problems: [{ code: 'ends-before-start' }],
    });
    await expect(
      saveIncident(repo, { ...powerCut, cause: 'carrier', excluded: true, exclusionReason: '' }, null, now),
    ).rejects.toMatchObject({ problems: [{ code: 'reason-required' }] });
    const [only] = await listIncidents(db);
    expect(only).toMatchObject({ id: saved.id, endAt: null });
    expect(await db.networkIncidents.count()).toBe(1);
  });
});
