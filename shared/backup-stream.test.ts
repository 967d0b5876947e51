import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeBackup, type LedgerBackup } from './backup';
import {
  BackupScanner,
  BackupStreamError,
  backupTextParts,
  backupTextPartsSync,
  type BackupStreamEvent,
} from './backup-stream';
import type { LedgerTable } from './schemas';

const backup: LedgerBackup = {
  format: 'netdesk-backup',
  version: 1,
  exportedAt: '2026-11-27T06:00:00.000Z',
  source: { nodeId: 'pc-a', name: '网络中心 "主管" 电脑' },
  tables: {
    departments: [{ id: 'd1', name: '财务部 {x}', note: 'a\\nb "q" ]}', hlc: { name: '1' } }],
    people: [
      { id: 'p1', name: '张伟', tags: [1, 2, { deep: [null, true] }], hlc: {} },
      { id: 'p2', name: 'Li\u2028Na', phone: '', n: -1.5e3, hlc: {} },
    ],
    devices: [],
  } as unknown as LedgerBackup['tables'],
  attachments: [
    {
      sha256: 'a'.repeat(64),
      name: '扫描.pdf',
      mime: 'application/pdf',
      size: 3,
      createdAt: '2026-11-27T06:00:00.000Z',
      base64: 'AAEC',
    },
  ],
};

async function writeAll(b: LedgerBackup, partChars = 64): Promise<string> {
  const tables = Object.keys(b.tables) as LedgerTable[];
  const parts: string[] = [];
  for await (const p of backupTextParts(
    { exportedAt: b.exportedAt, ...(b.source ? { source: b.source } : {}) },
    tables,
    function* (t) {
      const rows = b.tables[t] ?? [];
      for (let i = 0; i < rows.length; i += 1) yield rows.slice(i, i + 1);
    },
    b.attachments ? [b.attachments] : undefined,
    partChars,
  ))
    parts.push(p);
  return parts.join('');
}

function scan(text: string, cuts: number[]): BackupStreamEvent[] {
  const s = new BackupScanner();
  const out: BackupStreamEvent[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...s.push(text.slice(at, cut)));
    at = cut;
  }
  out.push(...s.push(text.slice(at)));
  out.push(...s.end());
  return out;
}

/** Rebuild the document from the events, as an importer sees it. */
function rebuild(events: BackupStreamEvent[]) {
  const tables: Record<string, unknown[]> = {};
  const doc: Record<string, unknown> = { tables };
  const attachments: unknown[] = [];
  for (const e of events) {
    if (e.kind === 'field') doc[e.name] = e.value;
    else if (e.kind === 'record') (tables[e.table] ??= []).push(e.value);
    else if (e.kind === 'attachment') attachments.push(e.value);
  }
  if (attachments.length) doc.attachments = attachments;
  return doc;
}

describe('backup written in parts', () => {
  it('is byte for byte what serializeBackup writes', async () => {
    expect(await writeAll(backup)).toBe(serializeBackup(backup));
    const bare = { ...backup, tables: {} };
    delete (bare as Partial<LedgerBackup>).source;
    delete (bare as Partial<LedgerBackup>).attachments;
    expect(await writeAll(bare)).toBe(serializeBackup(bare));
  });

  it('is the same text when written without waiting (backupTextPartsSync)', () => {
    for (const b of [backup, { ...backup, tables: {}, attachments: undefined }]) {
      const parts = [
        ...backupTextPartsSync(
          { exportedAt: b.exportedAt, ...(b.source ? { source: b.source } : {}) },
          Object.keys(b.tables) as LedgerTable[],
          (t) => [b.tables[t] ?? []],
          b.attachments ? [b.attachments] : undefined,
          64,
        ),
      ];
      expect(parts.length).toBeGreaterThan(b.attachments ? 2 : 0);
      expect(parts.join('')).toBe(serializeBackup(b));
    }
  });
});

describe('BackupScanner', () => {
  it('reads every record, attachment and field, however the text is cut', () => {
    const text = serializeBackup(backup);
    const whole = rebuild(scan(text, []));
    expect(whole).toEqual({
      ...JSON.parse(text),
      tables: { departments: backup.tables.departments, people: backup.tables.people },
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 40 }), (cuts) => {
        expect(rebuild(scan(text, cuts))).toEqual(whole);
      }),
    );
    // One character at a time.
    expect(
      rebuild(
        scan(
          text,
          Array.from({ length: text.length }, (_, i) => i),
        ),
      ),
    ).toEqual(whole);
  });

  it('reads a document laid out differently (compact, keys in another order)', () => {
    const compact = JSON.stringify({
      tables: backup.tables,
      version: 1,
      format: 'netdesk-backup',
      exportedAt: backup.exportedAt,
    });
    const events = scan(compact, [7, 8, 100]);
    expect(events.filter((e) => e.kind === 'record')).toHaveLength(3);
    expect(events.find((e) => e.kind === 'field' && e.name === 'format')).toMatchObject({
      value: 'netdesk-backup',
    });
  });

  it('says which sections are there, empty ones included', () => {
    const events = scan(serializeBackup({ ...backup, attachments: [] }), [3]);
    expect(events.filter((e) => e.kind === 'section').map((e) => (e as { where: string }).where)).toEqual([
      'tables',
      'tables.departments',
      'tables.people',
      'tables.devices',
      'attachments',
    ]);
  });

  it('reports a document of the wrong shape as problems, not records', () => {
    const events = scan(
      JSON.stringify({ format: 'netdesk-backup', tables: { people: 'nobody' }, attachments: 3 }),
      [],
    );
    expect(events.filter((e) => e.kind === 'problem').map((e) => (e as { where: string }).where)).toEqual([
      'tables.people',
      'attachments',
    ]);
  });

  it('refuses text that is cut short, is not JSON, or goes on after the document', () => {
    const text = serializeBackup(backup);
    for (const bad of [
      text.slice(0, text.length - 3),
      text.slice(0, 200),
      '',
      'hello',
      '[1,2]',
      `${text} {}`,
      '{"a": tru}',
    ])
      expect(() => scan(bad, [5]), bad.slice(0, 30)).toThrow(BackupStreamError);
  });
});
