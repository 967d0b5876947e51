import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLedgerSetting, setLedgerSetting } from './ledger-settings';
import { createRepository, type Repository } from './repository';
import type { NetdeskDb } from './schema';
import { freshDb, manualClock } from './test-support';

let db: NetdeskDb;
let repo: Repository;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  db = await freshDb();
  clock = manualClock();
  repo = createRepository(db, { now: clock.now });
});
afterEach(() => db.close());

describe('ledger-wide settings', () => {
  it('reads the default until set, then the value; a second save updates the same record', async () => {
    expect(await getLedgerSetting(db, 'companyRestDays')).toEqual([]);
    await setLedgerSetting(db, repo, 'companyRestDays', ['2026-12-24']);
    clock.advance(1000);
    await setLedgerSetting(db, repo, 'companyRestDays', ['2026-12-24', '2026-12-31']);
    expect(await getLedgerSetting(db, 'companyRestDays')).toEqual(['2026-12-24', '2026-12-31']);
    expect(await db.ledgerSettings.where('key').equals('companyRestDays').count()).toBe(1);
    // Each save reaches the outbox, so the other PCs get it.
    expect(await db.changeLog.count()).toBeGreaterThanOrEqual(2);
  });

  it('refuses a value its schema rejects and leaves the stored one', async () => {
    await setLedgerSetting(db, repo, 'companyName', '无锡某集团');
    await expect(setLedgerSetting(db, repo, 'companyRestDays', ['24/12/2026'])).rejects.toThrow();
    expect(await getLedgerSetting(db, 'companyRestDays')).toEqual([]);
    expect(await getLedgerSetting(db, 'companyName')).toBe('无锡某集团');
  });

  it('reads a damaged stored value as the default instead of failing', async () => {
    await repo.create('ledgerSettings', { key: 'companyRestDays', value: 'every friday' });
    expect(await getLedgerSetting(db, 'companyRestDays')).toEqual([]);
  });
});
