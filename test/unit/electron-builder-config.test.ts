// The installer configuration as electron-builder reads it: the fuses that keep a packaged
// NetDesk from being turned into a general-purpose Node.js, and the Electron version it ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  optionalDependencies?: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('flips every fuse that lets someone run their own code as NetDesk', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar archive (the fuses above check it)', () => {
    expect(config.asar).toBe(true);
  });

  it('names only fuse options electron-builder knows', () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses as object)) expect(known).toContain(key);
  });
});

describe('the Electron version', () => {
  it('is a major that still gets security fixes (see docs/security.md to move it)', () => {
    const spec = pkg.optionalDependencies?.electron ?? '';
    const major = Number(/(\d+)\./.exec(spec)?.[1]);
    // The oldest of the three supported majors when this was last checked; raise it when a new
    // stable major comes out (docs/security.md, "Keeping Electron current").
    expect(major).toBeGreaterThanOrEqual(43);
  });
});
