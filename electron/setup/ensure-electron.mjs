#!/usr/bin/env node
// NetDesk postinstall: make sure the `electron` package (and its TypeScript types) is present
// even where Electron's binary cannot be downloaded, so `npm install` never fails because of it.
//
// electron is declared in optionalDependencies, and npm leaves an optional package out whenever
// it cannot be installed: its download failed, or (Electron 41 and later) the running Node.js is
// older than the package's `engines` (>= 22.12) — npm ignores --force for optional packages. We
// then install the locked version on its own into a temporary folder, with scripts off and
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, and move it into node_modules: the package and its types are
// there, and `npm start` sees the missing binary and runs browser mode instead.
// Electron 45 no longer downloads its binary during npm install but on first use; we fetch it
// here, once, unless ELECTRON_SKIP_BINARY_DOWNLOAD is set. This script never fails the install.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const say = (msg) => console.log(`[netdesk setup] ${msg}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The exact version package-lock.json holds, else the range package.json asks for. */
export function wantedSpec(projectRoot = root) {
  try {
    const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8'));
    const locked = lock.packages?.['node_modules/electron']?.version;
    if (locked) return locked;
  } catch {
    // no lock file: fall back to package.json
  }
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  return pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron ?? 'latest';
}

/** True when the downloaded binary is there (install.js writes path.txt after unpacking it). */
export function electronBinaryPresent(dir = electronDir) {
  try {
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    return relative !== '' && existsSync(join(dir, 'dist', relative));
  } catch {
    return false;
  }
}

/**
 * Install electron@spec alone in a temporary folder and move it into node_modules/electron.
 * Its own dependencies (what install.js needs to fetch the binary) go below it, except @types:
 * a second @types/node there would clash with the project's own in the type checker.
 */
function installPackageOnly(spec) {
  const temp = mkdtempSync(join(tmpdir(), 'netdesk-electron-'));
  try {
    const r = spawnSync(
      npm,
      [
        'install',
        '--prefix',
        temp,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `electron@${spec}`,
      ],
      {
        cwd: temp,
        stdio: 'inherit',
        shell: process.platform === 'win32',
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      },
    );
    const installed = join(temp, 'node_modules', 'electron');
    if (r.status !== 0 || !existsSync(join(installed, 'package.json'))) return false;
    cpSync(installed, electronDir, { recursive: true });
    const nested = join(electronDir, 'node_modules');
    for (const name of readdirSync(join(temp, 'node_modules'))) {
      if (name === 'electron' || name === '@types' || name.startsWith('.')) continue;
      mkdirSync(nested, { recursive: true });
      cpSync(join(temp, 'node_modules', name), join(nested, name), { recursive: true });
    }
    return true;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function main() {
  if (process.env.NETDESK_SKIP_ELECTRON_SETUP) return;
  if (!existsSync(join(electronDir, 'package.json'))) {
    const spec = wantedSpec();
    say(
      `npm left electron out (no binary download, or Node.js ${process.version} is older than it asks); installing electron@${spec} without the binary…`,
    );
    if (!installPackageOnly(spec)) {
      say('could not install the electron package; browser mode still works (npm start).');
      return;
    }
  }
  if (electronBinaryPresent()) return;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    say('Electron binary skipped (ELECTRON_SKIP_BINARY_DOWNLOAD); `npm start` runs browser mode.');
    return;
  }
  say('fetching the Electron binary…');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'inherit',
    timeout: 10 * 60 * 1000,
  });
  if (r.status !== 0 || !electronBinaryPresent()) {
    say('the Electron binary could not be downloaded; `npm start` will run NetDesk in browser mode.');
  }
}

// Run as the postinstall script; imported by tests for its helpers only.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (err) {
    say(`setup skipped: ${err instanceof Error ? err.message : String(err)}`);
  }
}
