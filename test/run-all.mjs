#!/usr/bin/env node
// `npm test`: everything a change must pass, in the order that fails fastest.
// lint → typecheck → unit tests (Vitest) → build → end-to-end scenarios in a real Chromium.
// A machine without a Chromium-family browser gets Debian's chromium and a CJK font installed
// when we are root on Debian; otherwise we stop with the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestBrowser } from './e2e/ensure-browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const only = process.argv.slice(2);

const steps = [
  ['lint', [npx, 'eslint', '.', '--max-warnings', '0']],
  ['format', [npx, 'prettier', '--check', '.']],
  ['typecheck', [npx, 'tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['unit', [npx, 'vitest', 'run']],
  ['build', [npx, 'electron-vite', 'build']],
  ['e2e', [process.execPath, join(root, 'test', 'e2e', 'run.mjs')]],
];

for (const [name, [cmd, ...args]] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (name === 'e2e') {
    const browser = ensureTestBrowser();
    if (!browser) process.exit(1);
    process.env.NETDESK_TEST_BROWSER = browser;
  }
  console.log(
    `\n▶ ${name}: ${[cmd, ...args].map((a) => (a.startsWith(root) ? a.slice(root.length + 1) : a)).join(' ')}`,
  );
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed after ${secs}s (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${secs}s)`);
}
if (!existsSync(join(root, 'out', 'renderer', 'index.html')) && (!only.length || only.includes('build'))) {
  console.error('build produced no out/renderer/index.html');
  process.exit(1);
}
console.log('\nAll NetDesk checks passed.');
