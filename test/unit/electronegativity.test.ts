// The Electronegativity step of `npm test`: a real scan of a small app proves that a window
// without a sandbox fails the run, that only a reasoned suppression next to the code silences a
// finding, and that tests are left out of the scan.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  lockedElectronVersion,
  scan,
  suppressionOn,
  type Finding,
  type Unreasoned,
} from '../electronegativity.mjs';

const window = (name: string, above = '') => `import { BrowserWindow } from 'electron';
export function ${name}() {
${above}
  return new BrowserWindow({ webPreferences: { sandbox: false, contextIsolation: true, nodeIntegration: false } });
}
`;

describe('suppression comments', () => {
  it('need the check names and a reason of three words or more', () => {
    expect(suppressionOn('// eng-disable SANDBOX_JS_CHECK -- the page is our own bundle')).toEqual({
      rules: ['SANDBOX_JS_CHECK'],
      reason: 'the page is our own bundle',
    });
    expect(
      suppressionOn('<!-- eng-disable CSP_GLOBAL_CHECK: only the built bundle is served -->')?.reason,
    ).toBe('only the built bundle is served');
    expect(suppressionOn('// eng-disable SANDBOX_JS_CHECK')?.reason).toBe('');
    expect(suppressionOn('// eng-disable SANDBOX_JS_CHECK -- fine')?.reason).toBe('');
    expect(suppressionOn('const x = 1; // an ordinary comment')).toBeNull();
  });
});

describe('the Electronegativity scan', () => {
  let base = '';
  let result: { files: string[]; findings: Finding[]; unreasoned: Unreasoned[] };
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'netdesk-eng-test-'));
    mkdirSync(join(base, 'app'));
    writeFileSync(join(base, 'app', 'bare.ts'), window('bare'));
    writeFileSync(
      join(base, 'app', 'reasoned.ts'),
      window('reasoned', '  // eng-disable SANDBOX_JS_CHECK -- this fixture window loads nothing at all'),
    );
    writeFileSync(join(base, 'app', 'lazy.ts'), window('lazy', '  // eng-disable SANDBOX_JS_CHECK'));
    writeFileSync(join(base, 'app', 'bare.test.ts'), window('inTest'));
    result = scan({ inputs: ['app'], base, electronVersion: lockedElectronVersion() });
  }, 120_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('fails on a window without a sandbox', () => {
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'SANDBOX_JS_CHECK', file: 'app/bare.ts' }),
    );
  });
  it('lets a reasoned suppression on the line above silence that check, and only that one', () => {
    const reasoned = result.findings.filter((f) => f.file === 'app/reasoned.ts').map((f) => f.rule);
    expect(reasoned).not.toContain('SANDBOX_JS_CHECK');
    expect(reasoned).toContain('AUXCLICK_JS_CHECK');
  });
  it('fails on a suppression that gives no reason', () => {
    expect(result.unreasoned).toEqual([expect.objectContaining({ file: 'app/lazy.ts', line: 3 })]);
  });
  it('leaves test files out', () => {
    expect(result.files).not.toContain('app/bare.test.ts');
    expect(result.findings.map((f) => f.file)).not.toContain('app/bare.test.ts');
  });
});
