// What every NetDesk form and screen keeps to, checked in the source so a new form cannot slip
// past: the browser's native date, time and file controls never appear (their wording and
// format follow the operating system: "12/07/2026, 12:39 PM", "Choose File"); every <form> takes
// its Enter and Ctrl+Enter from form-keys.ts; dates are written by the one formatter
// (renderer/i18n/dates.ts), not by the locale's toLocaleString. It reads the source files, so
// it uses Node's file system, which the renderer itself never does.
/* eslint-disable no-restricted-imports */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|test-support/.test(entry.name) ? [path] : [];
  });
}

/** The code without its comments (which may well name what the code must not use). */
const code = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
    .join('\n');
const files = sources(root).map((path) => ({
  path: relative(root, path),
  text: code(readFileSync(path, 'utf8')),
}));

function offenders(pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(f.text)).map((f) => f.path);
}

describe('NetDesk screens', () => {
  it('read the renderer sources (the check is not empty)', () => {
    expect(files.some((f) => f.path.endsWith('DeviceForm.tsx'))).toBe(true);
  });

  it('use no native date, time or file input', () => {
    // A JSX attribute (a CSS selector that finds antd Upload's own input is not one).
    expect(offenders(/\stype=\{?["'](date|datetime-local|time|month|week|file)["']/)).toEqual([]);
  });

  it('give every <form> the shared Enter / Ctrl+Enter handling', () => {
    // The opening tag's attributes: up to the first child element.
    const forms = files.flatMap((f) =>
      [...f.text.matchAll(/<form\s[\s\S]*?\n\s*<[A-Za-z]/g)].map((m) => ({ path: f.path, tag: m[0] })),
    );
    expect(forms.length).toBeGreaterThan(4);
    expect(forms.filter((f) => !f.tag.includes('onKeyDown={handleFormKeys}')).map((f) => f.path)).toEqual([]);
  });

  it('write dates with the one formatter, not the locale', () => {
    expect(offenders(/toLocale(Date|Time)String\(|new Date\([^)]*\)\.toLocaleString\(/)).toEqual([]);
    // Pickers show the app's format, named once.
    expect(offenders(/format=["']YYYY/)).toEqual([]);
  });
});
