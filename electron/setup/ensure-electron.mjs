#!/usr/bin/env node
// NetDesk postinstall: make sure the `electron` package (and its TypeScript types) is present
// even where Electron's binary cannot be downloaded, so `npm install` never fails because of it.
//
// electron is declared in optionalDependencies: where its download fails, npm drops the whole
// package. We then reinstall it with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and scripts off, which keeps
// the package and its types; `npm start` sees the missing binary and runs browser mode instead.
// Where npm skipped electron's own install script (npm's allowScripts), we run it once ourselves.
// This script never fails the install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const say = (msg) => console.log(`[netdesk setup] ${msg}`);

function wantedSpec() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron ?? 'latest';
}

function main() {
  if (process.env.NETDESK_SKIP_ELECTRON_SETUP) return;
  if (!existsSync(join(electronDir, 'package.json'))) {
    say(
      'electron was not installed (its binary download failed); installing the package without the binary…',
    );
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(
      npm,
      ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `electron@${wantedSpec()}`],
      {
        cwd: root,
        stdio: 'inherit',
        shell: process.platform === 'win32',
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      },
    );
    if (r.status !== 0) say('could not install the electron package; browser mode still works (npm start).');
    return;
  }
  if (existsSync(join(electronDir, 'path.txt'))) return; // binary present
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
  if (r.status !== 0 || !existsSync(join(electronDir, 'path.txt'))) {
    say('the Electron binary could not be downloaded; `npm start` will run NetDesk in browser mode.');
  }
}

try {
  main();
} catch (err) {
  say(`setup skipped: ${err instanceof Error ? err.message : String(err)}`);
}
