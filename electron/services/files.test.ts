import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInside, numberedName, writeFileAtomic, writeNewFile } from './files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netdesk-files-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const bytes = (s: string) => new TextEncoder().encode(s);

describe('numberedName', () => {
  it('numbers copies the way Windows Explorer does', () => {
    expect(numberedName('2026年3月 KPI.pdf', 1)).toBe('2026年3月 KPI.pdf');
    expect(numberedName('2026年3月 KPI.pdf', 2)).toBe('2026年3月 KPI (2).pdf');
    expect(numberedName('卡片.v2.pdf', 3)).toBe('卡片.v2 (3).pdf');
  });
});

describe('writeNewFile', () => {
  it('never replaces an existing report', async () => {
    await writeFile(join(dir, 'a.pdf'), 'old');
    const first = await writeNewFile(dir, 'a.pdf', bytes('new'));
    const second = await writeNewFile(dir, 'a.pdf', bytes('newer'));
    expect(first.fileName).toBe('a (2).pdf');
    expect(second.fileName).toBe('a (3).pdf');
    expect(await readFile(join(dir, 'a.pdf'), 'utf8')).toBe('old');
    expect(await readFile(first.path, 'utf8')).toBe('new');
  });

  it('gives simultaneous saves different names', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((i) => writeNewFile(dir, 'x.pdf', bytes(String(i)))));
    expect(new Set(results.map((r) => r.fileName)).size).toBe(4);
    expect((await readdir(dir)).length).toBe(4);
  });

  it('leaves only the report behind, written whole', async () => {
    const saved = await writeNewFile(dir, '月度考核报告-2026-11-第1版.pdf', bytes('%PDF-1.3 … %%EOF'));
    expect(await readdir(dir)).toEqual(['月度考核报告-2026-11-第1版.pdf']);
    expect(await readFile(saved.path, 'utf8')).toBe('%PDF-1.3 … %%EOF');
  });

  it('gives up with an error when every numbered name is taken', async () => {
    await writeFile(join(dir, 'x.pdf'), '1');
    await writeFile(join(dir, 'x (2).pdf'), '2');
    await expect(writeNewFile(dir, 'x.pdf', bytes('3'), 2)).rejects.toThrow(/too many/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves nothing else behind', async () => {
    const target = join(dir, 'settings.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});

describe('isInside', () => {
  it('tells files inside a folder from files outside it', () => {
    expect(isInside('/data/reports', '/data/reports/a.pdf')).toBe(true);
    expect(isInside('/data/reports', '/data/reports/..a.pdf')).toBe(true);
    expect(isInside('/data/reports', '/data/other/a.pdf')).toBe(false);
    expect(isInside('/data/reports', '/data/reports-old/a.pdf')).toBe(false);
    expect(isInside('/data/reports', '/etc/passwd')).toBe(false);
  });
});
