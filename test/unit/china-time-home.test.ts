// China time has one home, shared/time/china.ts: no product module keeps its own UTC+8 offset
// (8 * 3600 * 1000, 28 800 000 ms, a '+08:00' literal, a SHANGHAI = 8 * HOUR), which is how the day, week and month
// arithmetic was copied before. Tests and test helpers may still write '+08:00' as an
// independent oracle. A new copy fails here with its file and line, to be rewired to china.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const HOME = 'shared/time/china.ts';
// The offset written out, or a constant named for it ('8 * HOUR' alone is also 08:00 of a day).
const OFFSET_COPY = /8\s*\*\s*(3600|60\s*\*\s*60)\b|28_?800_?000|\+08:00|\b(SHANGHAI|CHINA)\w*\s*=\s*8\b/;

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : productFiles(path);
    const isSource = /\.(ts|tsx)$/.test(entry.name);
    const isTest = /\.test\.tsx?$|^test-/.test(entry.name);
    return isSource && !isTest ? [path] : [];
  });
}

describe('China time', () => {
  it('keeps its UTC+8 offset in shared/time/china.ts only', () => {
    const copies: string[] = [];
    for (const file of ['shared', 'renderer', 'electron'].flatMap((d) => productFiles(join(root, d)))) {
      const name = relative(root, file);
      if (name === HOME) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OFFSET_COPY.test(line) && !line.trim().startsWith('//'))
            copies.push(`${name}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(copies).toEqual([]);
  });

  it('recognises the copies it guards against', () => {
    for (const line of [
      'const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;',
      'const SHANGHAI = 8 * HOUR;',
      'new Date(`${day}T00:00:00+08:00`)',
      'const offset = 28_800_000;',
    ])
      expect(OFFSET_COPY.test(line), line).toBe(true);
    // Eight o'clock of a China day is not a copy of the offset.
    expect(OFFSET_COPY.test("add('quoteSchedule', 'schedule', date + 8 * HOUR, {")).toBe(false);
  });
});
