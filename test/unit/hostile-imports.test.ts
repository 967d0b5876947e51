// Bad files tried against every door a file comes into NetDesk by: a backup (the restore
// screen's streamed check, the command line's parser, and backup:save's read-back), a people
// CSV, a device CSV and a device workbook. Each must be refused with a clear message (the
// problem in words, never a stack trace or "undefined"), never crash, and never leave anything
// half-written. The counts are what docs/security.md states under "Backups and imports"; this
// test fails when they drift apart.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../shared/backup';
import { buildDemoLedger } from '../../shared/demo';
import { parseDeviceRows, readDeviceCsv, type DeviceImportContext } from '../../shared/import/devices';
import { readPeopleCsv } from '../../shared/import/people-csv';
import { createBackupService } from '../../electron/services/backup';
import { checkBackupFile } from '../../renderer/db/backup-stream';
import { readWorkbook } from '../../renderer/import/read-xlsx-offthread';
import { declareSize, hugeSharedString, inlineRows, manyRows, workbook } from './hostile-xlsx';

interface Tally {
  tried: number;
  clearErrors: number;
  crashes: number;
  partialWrites: number;
}
const tally = (): Tally => ({ tried: 0, clearErrors: 0, crashes: 0, partialWrites: 0 });

/** A refusal a person can read: some words, no stack trace, no JavaScript error names. */
function clear(message: string): boolean {
  return message.trim().length > 0 && !/\n\s+at |TypeError|ReferenceError|undefined \(reading/.test(message);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** A valid backup every bad one is made from (each replacement below must change it). */
const demo = serializeBackup(buildDemoLedger({ now: new Date('2026-03-02T08:00:00.000Z'), people: 6 }));
const head = '{"format":"netdesk-backup","version":1,"exportedAt":"2026-03-02T08:00:00.000Z",';
const person = (fields: string) =>
  `${head}"tables":{"people":[{"id":"p1","createdAt":"2026-03-02T08:00:00.000Z","updatedAt":"2026-03-02T08:00:00.000Z","hlc":{},"employeeNo":"1","name":"张三"${fields}}]}}`;

const BAD_BACKUPS: Record<string, Uint8Array> = {
  empty: new Uint8Array(),
  'spaces only': utf8('   \n  '),
  'JSON null': utf8('null'),
  'an array': utf8('[]'),
  'a string': utf8('"netdesk-backup"'),
  'not JSON': utf8('{format: netdesk-backup}'),
  'cut in half': utf8(demo.slice(0, demo.length >> 1)),
  'text after the end': utf8(`${demo}{}`),
  'another format': utf8(demo.replace('"netdesk-backup"', '"netdesk-sync"')),
  'version 2': utf8(demo.replace('"version": 1', '"version": 2')),
  'tables as an array': utf8(`${head}"tables":[]}`),
  'an unknown table': utf8(`${head}"tables":{"accounts":[]}}`),
  'a table named __proto__': utf8(`${head}"tables":{"__proto__":[{"id":"x"}]}}`),
  'a table named constructor': utf8(`${head}"tables":{"constructor":[]}}`),
  'a duplicate id': utf8(demo.replace('"id": "demo-department-0002"', '"id": "demo-department-0001"')),
  'a 10,000-character name': utf8(person('').replace('"张三"', `"${'长'.repeat(10_000)}"`)),
  'a time without offset': utf8(person('').replaceAll('2026-03-02T08:00:00.000Z', '2026-03-02 08:00')),
  '200,000 nested arrays in a field': utf8(person(`,"note":${'['.repeat(200_000)}${']'.repeat(200_000)}`)),
  'UTF-16 text': new Uint8Array([
    0xff,
    0xfe,
    ...[...demo.slice(0, 200)].flatMap((c) => [c.charCodeAt(0) & 0xff, 0]),
  ]),
  'NUL bytes': new Uint8Array([0x7b, 0, 0, 0, 0x7d]),
  'an attachment of 60 MB by its word': utf8(
    `${head}"tables":{},"attachments":[{"sha256":"${'a'.repeat(64)}","name":"x.pdf","mime":"application/pdf","size":62914560,"createdAt":"2026-03-02T08:00:00.000Z","base64":""}]}`,
  ),
  'an attachment of a type NetDesk does not keep': utf8(
    `${head}"tables":{},"attachments":[{"sha256":"${'a'.repeat(64)}","name":"x.exe","mime":"application/x-msdownload","size":10,"createdAt":"2026-03-02T08:00:00.000Z","base64":"TVo="}]}`,
  ),
};

const gbkTable = (() => {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  return table;
})();
const gbk = (text: string) =>
  new Uint8Array(
    [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : gbkTable.get(ch)!)),
  );
const cut = (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 1);

const peopleHeader = '工号,姓名,部门\r\n';
const BAD_PEOPLE: Record<string, Uint8Array> = {
  empty: new Uint8Array(),
  'header only': utf8(peopleHeader),
  'no name column': utf8('工号,电话\r\nA001,138\r\n'),
  'a column twice': utf8('工号,姓名,姓名\r\nA001,张三,张三\r\n'),
  'GBK cut inside a character': cut(gbk(`${peopleHeader}A001,张三,财务部\r\nA002,王五`)),
  'UTF-8 cut inside a character': cut(utf8(`${peopleHeader}A001,王五`)),
  'a replacement character': utf8(`${peopleHeader}A001,张\ufffd,财务部`),
  'NUL bytes': utf8(`${peopleHeader}A001,张\u0000三,财务部`),
  'random bytes': Uint8Array.from({ length: 512 }, (_, i) => (i * 167 + 13) & 0xff),
  'a 10,000-character name': utf8(`${peopleHeader}A001,${'长'.repeat(10_000)},财务部`),
  'an employee number twice': utf8(`${peopleHeader}A001,张三,\r\nA001,李四,`),
  'a bad phone number': utf8('工号,姓名,电话\r\nA001,张三,call me'),
};

const deviceHeader = '资产编号,类型,使用人\r\n';
const BAD_DEVICE_CSV: Record<string, Uint8Array> = {
  empty: new Uint8Array(),
  'header only': utf8(deviceHeader),
  'no type column': utf8('资产编号,名称\r\nPC-1,电脑\r\n'),
  'GBK cut inside a character': cut(gbk(`${deviceHeader}PC-1,电脑,张三`)),
  'a replacement character': utf8(`${deviceHeader}PC-1,电\ufffd,张三`),
  'an old Excel .xls': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
  'an unknown type': utf8(`${deviceHeader}PC-1,投影幕,`),
  'a tag twice': utf8(`${deviceHeader}PC-1,电脑,\r\nPC-1,电脑,`),
  'attached to a tag nowhere': utf8('资产编号,类型,所接电脑\r\nPR-1,打印机,PC-404'),
};

/** Built once: the slow ones are used twice, once as they are and once lying about their size. */
function once(make: () => Uint8Array): () => Uint8Array {
  let made: Uint8Array | null = null;
  return () => (made ??= make());
}
const millionRows = once(() => workbook(manyRows(1_000_000)));
const hugeString = once(() => workbook(inlineRows(2, 2), hugeSharedString(40)));
const BAD_WORKBOOKS: Record<string, () => Uint8Array> = {
  'a million rows': millionRows,
  'a million rows, the zip lying about the size': () =>
    declareSize(millionRows(), 'xl/worksheets/sheet1.xml', 1000),
  'one shared string of 40 MB': hugeString,
  'one shared string of 40 MB, the zip lying about the size': () =>
    declareSize(hugeString(), 'xl/sharedStrings.xml', 1000),
  '101 columns': () => workbook(inlineRows(3, 101)),
  'a 40,000-character cell': () => workbook(inlineRows(2, 2, (r) => (r === 2 ? '长'.repeat(40_000) : 'x'))),
  'a zip header and nothing else': () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]),
  'a zip that is no workbook': () => workbook([]).slice(0, 60),
};

const context: DeviceImportContext = { departments: [], people: [], devices: [] };

async function tryDoor(
  t: Tally,
  name: string,
  run: () => Promise<string | null> | string | null,
): Promise<void> {
  t.tried++;
  try {
    const refusal = await run();
    if (refusal !== null && clear(refusal)) t.clearErrors++;
    else if (process.env.NETDESK_SHOW_UNCLEAR) console.log(`not refused clearly: ${name}:`, refusal);
  } catch {
    t.crashes++;
  }
}

/** The counts docs/security.md states for a door, from its table under "Backups and imports". */
function documented(door: string): Tally {
  const doc = readFileSync(join(__dirname, '../../docs/security.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Backups and imports'));
  const row = section.split('\n').find((l) => l.startsWith(`| ${door} |`));
  if (!row) throw new Error(`docs/security.md has no row for ${door}`);
  const [tried, clearErrors, crashes, partialWrites] = row
    .split('|')
    .slice(2, 6)
    .map((c) => Number(c.trim()));
  return { tried: tried!, clearErrors: clearErrors!, crashes: crashes!, partialWrites: partialWrites! };
}

describe('hostile files at every import door', () => {
  it('backup files: refused clearly by the restore check, the command line and backup:save', async () => {
    const t = tally();
    const dataDir = mkdtempSync(join(tmpdir(), 'netdesk-hostile-'));
    try {
      const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve('') });
      for (const [name, bytes] of Object.entries(BAD_BACKUPS)) {
        const text = new TextDecoder().decode(bytes);
        await tryDoor(t, name, async () => {
          const blob = new Blob([bytes.slice()]);
          const r = await checkBackupFile({ size: blob.size, stream: () => blob.stream() });
          return r.ok ? null : r.problems.join('; ');
        });
        await tryDoor(t, name, () => {
          const r = parseBackup(text);
          return r.ok ? null : r.problems.join('; ');
        });
        await tryDoor(t, name, async () => {
          try {
            await svc.save({
              fileName: 'netdesk-backup-20260302-0900.json',
              part: 0,
              text,
              last: true,
              expect: { records: 0, attachments: 0 },
            });
            return null;
          } catch (err) {
            return (err as Error).message;
          }
        });
        if (
          readdirSync(join(dataDir, 'backups')).some(
            (n) => n.startsWith('netdesk-backup-') || n.endsWith('.partial'),
          )
        )
          t.partialWrites++;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(t).toEqual({ ...documented('backup file'), tried: Object.keys(BAD_BACKUPS).length * 3 });
    expect(t.clearErrors).toBe(t.tried);
  });

  it('people CSV files: refused, or every bad row refused with its reason', async () => {
    const t = tally();
    for (const [name, bytes] of Object.entries(BAD_PEOPLE))
      await tryDoor(t, name, () => {
        const r = readPeopleCsv(bytes, { existingPeople: [], existingDepartments: [] });
        if (!r.ok) return r.error.code;
        const bad = r.rows.filter((row) => row.errors.length > 0);
        return bad.length > 0 ? bad.flatMap((row) => row.errors.map((e) => e.code)).join(', ') : null;
      });
    expect(t).toEqual(documented('people CSV'));
    expect(t.clearErrors).toBe(t.tried);
  });

  it('device CSV files: refused, or every bad row refused with its reason', async () => {
    const t = tally();
    for (const [name, bytes] of Object.entries(BAD_DEVICE_CSV))
      await tryDoor(t, name, () => {
        const read = readDeviceCsv(bytes);
        if (!read.ok) return read.error.code;
        const r = parseDeviceRows(read.rows, context);
        if (!r.ok) return r.error.code;
        return r.counts.ok < r.counts.rows
          ? r.rows.flatMap((row) => row.errors.map((e) => e.code)).join(', ')
          : null;
      });
    expect(t).toEqual(documented('device CSV'));
    expect(t.clearErrors).toBe(t.tried);
  });

  it('device workbooks: refused by the limits before exceljs holds them', async () => {
    const t = tally();
    for (const [name, make] of Object.entries(BAD_WORKBOOKS))
      await tryDoor(t, name, async () => {
        const r = await readWorkbook(make());
        return r.ok ? null : r.error.code === 'unreadable' ? `unreadable: ${r.error.detail}` : r.error.code;
      });
    expect(t).toEqual(documented('device XLSX'));
    expect(t.clearErrors).toBe(t.tried);
  }, 300_000);
});
