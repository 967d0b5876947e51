// The two UI languages must stay in step: every key in both, and every key the screens use
// present in the dictionaries. A missing key would show the raw key (e.g. "people.add") to the user.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

// Every renderer source file as text (Vite's glob import: no Node APIs in renderer code).
const rendererSources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.*'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('UI dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('have no empty text', () => {
    const blank = [zhCN, en].flatMap((dict) => keys(dict).filter((k) => lookup(dict, k).trim() === ''));
    expect(blank).toEqual([]);
  });

  it('hold every literal key the renderer asks for', () => {
    const known = new Set(keys(zhCN));
    const used = new Set<string>();
    for (const text of Object.values(rendererSources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it('hold every key written anywhere in the renderer, not only in t() calls', () => {
    // A schema's own message ('validation.required'), a key picked from a table, a label passed
    // on: any quoted text that starts with one of the dictionaries' sections is a key, in both.
    const sections = Object.keys(zhCN).join('|');
    const quoted = new RegExp(`['"\`]((?:${sections})(?:\\.[\\w-]+)+)['"\`]`, 'g');
    const zhKeys = new Set(keys(zhCN));
    const enKeys = new Set(keys(en));
    const used = new Map<string, string>();
    for (const [file, text] of Object.entries(rendererSources)) {
      if (file.includes('/i18n/')) continue;
      for (const m of text.matchAll(quoted)) used.set(m[1]!, file);
    }
    expect(used.size).toBeGreaterThan(300);
    const missing = [...used]
      .filter(([k]) => !zhKeys.has(k) || !enKeys.has(k))
      .map(([k, file]) => `${k} (${file})`);
    expect(missing).toEqual([]);
  });
});

function lookup(tree: object, key: string): string {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
}
