#!/usr/bin/env node
// `npm start`: runs NetDesk as the Electron desktop app where Electron's binary is installed,
// and in browser mode (loopback server + Chrome/Edge/Chromium app window) where it is not, or
// when `--browser` is passed. Flags after `npm start --` go to whichever mode runs, and the
// launcher exits with that mode's exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const say = (message) => console.log(`[netdesk] ${message}`);

/**
 * Path of the Electron executable, or undefined when only the package (without binary) is
 * installed. Checked through path.txt before electron's index.js is loaded: since Electron 41
 * that file downloads the binary on first use, and a start must never wait on the internet.
 */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    if (relative === '' || !existsSync(join(dir, 'dist', relative))) return undefined;
    // In plain Node, require('electron') returns the executable's path.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Run a child with our terminal; resolve its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolveExit) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    // A terminal's Ctrl+C reaches the child directly too; forwarding again is harmless (browser
    // mode stops once), and it covers a SIGINT/SIGTERM sent to the launcher alone.
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      say(`could not start ${command}: ${err.message}`);
      resolveExit(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolveExit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}

function runBrowserMode(args) {
  // tsx as a Node loader (--import works with tsx 4 on Node ≥ 20.6); resolved to a file URL so
  // the launcher works from any working directory.
  const tsxLoader = import.meta.resolve('tsx');
  const entry = join(root, 'electron', 'browser', 'main.ts');
  return run(process.execPath, ['--import', tsxLoader, entry, ...args]);
}

async function runElectron(binary, args) {
  say('正在构建 / building (electron-vite build)…');
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    say('构建失败 / the build failed.');
    return build.status ?? 1;
  }
  // ELECTRON_RUN_AS_NODE left over from a tool would start a bare Node instead of the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return run(binary, ['.', ...args], { env });
}

async function main() {
  const args = process.argv.slice(2);
  const wantsBrowser = args.includes('--browser');
  const binary = wantsBrowser ? undefined : electronBinary();
  if (binary) return runElectron(binary, args);
  if (!wantsBrowser)
    say('未安装 Electron 程序，改用浏览器模式。Electron is not installed here; starting browser mode.');
  return runBrowserMode(args.filter((a) => a !== '--browser'));
}

process.exitCode = await main();
