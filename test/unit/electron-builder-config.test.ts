// The installer configuration as electron-builder reads it: the fuses that keep a packaged
// NetDesk from being turned into a general-purpose Node.js, the Electron version it ships, the
// installers it builds, and that every file it names (icons, the PDF font) exists.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

type Target = { target: string; arch: string[] };
const section = (name: string) => (config[name] ?? {}) as Record<string, unknown>;
const targets = (name: string) => (section(name).target as Target[]).map((t) => t.target);

/** Width and height from a PNG's header. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the installers', () => {
  it('passes electron-builder’s own validation, and its validation fails on a wrong option', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: unknown, log: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...section('nsis'), oneClik: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('names NetDesk and its app id', () => {
    expect(config.appId).toBe('com.netdesk.app');
    expect(config.productName).toBe('NetDesk');
    expect(section('nsis').shortcutName).toBe('NetDesk 网管工作台');
  });

  it('builds a Windows installer and a portable exe, a Linux AppImage and a deb', () => {
    expect(targets('win')).toEqual(['nsis', 'portable']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
  });

  it('installs per user, lets the supervisor choose the folder, makes both shortcuts, in Chinese or English', () => {
    expect(section('nsis')).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
      multiLanguageInstaller: true,
      installerLanguages: ['zh_CN', 'en_US'],
    });
  });

  it('names only files that exist: icons at every size, drawn from the one SVG', () => {
    for (const path of [
      section('win').icon,
      section('nsis').installerIcon,
      section('nsis').uninstallerIcon,
      section('nsis').installerHeaderIcon,
      section('linux').icon,
      'assets/icon.svg',
      'assets/icon.png',
    ])
      expect(existsSync(join(root, String(path))), String(path)).toBe(true);
    expect(pngSize(join(root, 'assets', 'icon.png'))).toEqual([512, 512]);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
      expect(pngSize(join(root, 'assets', 'icons', `${size}x${size}.png`))).toEqual([size, size]);
    // A Windows .ico holding 256 px (the largest Explorer shows) and 16 px (the taskbar's smallest).
    const ico = readFileSync(join(root, 'assets', 'icon.ico'));
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('ships the PDF font as a resource beside the archive, where the font service looks first', () => {
    const resources = config.extraResources as { from: string; to: string }[];
    expect(resources).toContainEqual({
      from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      to: 'fonts/NotoSansSC_400Regular.ttf',
    });
    for (const r of resources) expect(existsSync(join(root, r.from)), r.from).toBe(true);
  });

  it('packs the built app and its package.json', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect((config.directories as { buildResources: string }).buildResources).toBe('assets');
  });
});
