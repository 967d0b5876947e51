// This PC's backups and device passwords: off unless the supervisor ticked the choice; the
// daily/on-demand backup follows the choice; an export carries them only when asked, and its
// name then says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../shared/backup';
import { createRepository } from '../db/repository';
import type { NetdeskDb } from '../db/schema';
import { freshDb, manualClock } from '../db/test-support';
import {
  exportBackupFile,
  readBackupSecretsChoice,
  partsOfAtMost,
  saveBackupSecretsChoice,
  saveLedgerBackup,
} from './backup';
import { recordingBackupApi } from './test-support';

const PASSWORD = 'admin / Netdesk#2026';
let db: NetdeskDb;
const clock = manualClock('2026-03-02T08:00:00.000Z');

beforeEach(async () => {
  db = await freshDb();
  const repo = createRepository(db, { now: clock.now });
  await repo.create('devices', { assetTag: 'SW-CORE-01', type: 'switch', secret: PASSWORD });
});
afterEach(() => db.close());

function secretOf(text: string): string | undefined {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.backup.tables.devices?.[0]?.secret;
}

describe("this PC's backups and device passwords", () => {
  it('leave passwords out until the supervisor ticks the choice', async () => {
    expect(await readBackupSecretsChoice(db)).toBe(false);
    const plain = recordingBackupApi();
    await saveLedgerBackup(db, plain.api, { now: clock.now });
    expect(secretOf(plain.sent.text)).toBe('');

    await saveBackupSecretsChoice(db, true);
    expect(await readBackupSecretsChoice(db)).toBe(true);
    const withSecrets = recordingBackupApi();
    await saveLedgerBackup(db, withSecrets.api, { now: clock.now });
    expect(secretOf(withSecrets.sent.text)).toBe(PASSWORD);
  });

  it('export a file with passwords only when asked, its name marked -pw', async () => {
    const plain = await exportBackupFile(db, { includeSecrets: false, now: clock.now });
    expect(plain.fileName).toMatch(/^netdesk-backup-\d{8}-\d{4}\.json$/);
    expect(secretOf(await plain.blob.text())).toBe('');
    const withSecrets = await exportBackupFile(db, { includeSecrets: true, now: clock.now });
    expect(withSecrets.fileName).toMatch(/^netdesk-backup-\d{8}-\d{4}-pw\.json$/);
    expect(secretOf(await withSecrets.blob.text())).toBe(PASSWORD);
  });
});

describe('a backup sent in parts', () => {
  it('sends the text as it is written, the last part saying what the file must hold', async () => {
    const { api, sent: recorded } = recordingBackupApi();
    const sent = recorded.requests;
    const steps: string[] = [];
    await saveLedgerBackup(db, api, { now: clock.now, onProgress: (d, t) => steps.push(`${d}/${t}`) });
    expect(sent.map((r) => [r.part, r.last])).toEqual(sent.map((_, i) => [i, i === sent.length - 1]));
    expect(sent.at(-1)?.expect).toEqual({ records: 1, attachments: 0 });
    expect(steps.at(-1)).toBe('1/1');
  });

  it('cuts parts to the size a request may carry, never inside an emoji', async () => {
    const out: string[] = [];
    for await (const p of partsOfAtMost(['ab😀cd😀', '😀x'], 3)) out.push(p);
    expect(out.join('')).toBe('ab😀cd😀😀x');
    for (const p of out) {
      expect(p.length).toBeLessThanOrEqual(3);
      // No lone half of a surrogate pair at either end.
      expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});
