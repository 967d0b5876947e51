// A backup checked while read in pieces gets the same verdict, with the same problem texts, as
// the same backup parsed whole by validateBackup, however the text is cut.
import { describe, expect, it } from 'vitest';
import {
  backupHoldsSecrets,
  parseBackup,
  serializeBackup,
  validateBackup,
  type LedgerBackup,
} from './backup';
import { readBackupPieces, type CheckedItem } from './backup-check';
import { buildDemoLedger } from './demo';

const demo = buildDemoLedger({ now: new Date('2026-03-02T08:00:00.000Z'), people: 12 });

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function check(text: string, size = 97) {
  const items: CheckedItem[] = [];
  const result = await readBackupPieces(pieces(text, size), { onItem: (i) => void items.push(i) });
  return { result, items };
}

describe('a backup checked in pieces', () => {
  it('accepts a valid backup and previews what it holds, record by record', async () => {
    const text = serializeBackup(demo);
    const whole = validateBackup(JSON.parse(text));
    if (!whole.ok) throw new Error(whole.problems.join('\n'));
    const { result, items } = await check(text);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const total = Object.values(whole.counts).reduce((n, c) => n + (c ?? 0), 0);
    expect(result.preview.totalRecords).toBe(total);
    expect(result.preview.exportedAt).toBe(demo.exportedAt);
    expect(result.preview.includesSecrets).toBe(backupHoldsSecrets(whole.backup));
    expect(result.preview.tables.people.live + result.preview.tables.people.deleted).toBe(
      whole.counts.people,
    );
    // The records handed on are the checked ones, defaults filled in, as validateBackup gives them.
    const people = items.flatMap((i) => (i.kind === 'record' && i.table === 'people' ? [i.record] : []));
    expect(people).toEqual(whole.backup.tables.people);
    expect(result.tablesListed).toEqual(Object.keys((JSON.parse(text) as LedgerBackup).tables));
  });

  it('reports bad records with their table and index, exactly as validateBackup does', async () => {
    const doc = JSON.parse(serializeBackup(demo)) as { tables: Record<string, Record<string, unknown>[]> };
    doc.tables.people![3]!.phone = 'call me';
    doc.tables.devices![1]!.id = doc.tables.devices![0]!.id;
    doc.tables.lunchOrders = [];
    const text = JSON.stringify(doc, null, 1);
    const whole = validateBackup(doc);
    expect(whole.ok).toBe(false);
    const { result } = await check(text, 13);
    expect(result).toEqual(whole);
    expect(JSON.stringify(result)).toContain('tables.people[3].phone');
  });

  it('refuses a wrong frame, a file cut short, and text that is not JSON', async () => {
    const wrong = { ...demo, format: 'other', version: 2 } as unknown as LedgerBackup;
    const text = serializeBackup(wrong);
    expect((await check(text)).result).toEqual(validateBackup(JSON.parse(text)));
    const cut = serializeBackup(demo);
    for (const bad of [cut.slice(0, cut.length - 10), '', 'PK\u0003\u0004 a zip file']) {
      const { result } = await check(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]).toMatch(/^not a JSON document: /);
    }
    expect((await check('{"format":"netdesk-backup","version":1}')).result).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^exportedAt: /), expect.stringMatching(/^tables: /)],
    });
  });
});

describe('one answer whole or in pieces', () => {
  it('accepts a backup that starts with a UTF-8 byte-order mark (saved by Notepad)', async () => {
    const text = `\uFEFF${serializeBackup(demo)}`;
    const whole = parseBackup(text);
    expect(whole.ok).toBe(true);
    // The mark alone in the first piece, and inside a bigger one.
    for (const size of [1, 97]) {
      const { result } = await check(text, size);
      expect(result.ok).toBe(true);
    }
    // Only at the start: a mark anywhere else is not JSON.
    expect(parseBackup(`{\uFEFF${text.slice(2)}`).ok).toBe(false);
    expect((await check(`{\uFEFF${text.slice(2)}`)).result.ok).toBe(false);
  });

  it('refuses a table named __proto__ as an unknown table, whole and in pieces', async () => {
    const text = serializeBackup(demo).replace('"tables": {', '"tables": {\n  "__proto__": [],');
    const whole = parseBackup(text);
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.problems).toEqual(['tables.__proto__: unknown table']);
    const { result } = await check(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(['tables.__proto__: unknown table']);
  });
});
