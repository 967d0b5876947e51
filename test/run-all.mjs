#!/usr/bin/env node
// `npm test`: everything a change must pass, in the order that fails fastest.
// lint → format → typecheck → Electron security lint → unit tests (Vitest) → build → end-to-end
// scenarios in a real Chromium. What the steps need from the machine (poppler for the PDF tests,
// Apache for the WebDAV sync tests, a browser and a CJK font for the end-to-end ones) is brought
// once, before the first step runs (test/tools.mjs), so the README's
// `npm install && npm test` works on a fresh machine.
//   node test/run-all.mjs [step …] [-- extra arguments for the last step]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestTools } from './tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const only = dashes < 0 ? argv : argv.slice(0, dashes);
const extra = dashes < 0 ? [] : argv.slice(dashes + 1);

/** [name, command, what it needs from the machine] */
const steps = [
  ['lint', [npx, 'eslint', '.', '--max-warnings', '0'], []],
  ['format', [npx, 'prettier', '--check', '.'], []],
  ['typecheck', [npx, 'tsc', '--noEmit', '-p', 'tsconfig.json'], []],
  // Electronegativity over the main process, preload and page; a high or medium finding fails.
  ['security', [process.execPath, join(root, 'test', 'electronegativity.mjs')], []],
  ['unit', [npx, 'vitest', 'run'], ['poppler', 'apache']],
  ['build', [npx, 'electron-vite', 'build'], []],
  ['e2e', [process.execPath, join(root, 'test', 'e2e', 'run.mjs')], ['browser', 'font', 'poppler', 'apache']],
].filter(([name]) => !only.length || only.includes(name));

const needs = [...new Set(steps.flatMap(([, , need]) => need))];
if (needs.length) {
  const tools = ensureTestTools(needs);
  if (!tools.ok) process.exit(1);
  if (tools.browser) process.env.NETDESK_TEST_BROWSER = tools.browser;
}

for (const [i, [name, [cmd, ...baseArgs]]] of steps.entries()) {
  const args = i === steps.length - 1 ? [...baseArgs, ...extra] : baseArgs;
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
if (!existsSync(join(root, 'out', 'renderer', 'index.html')) && steps.some(([name]) => name === 'build')) {
  console.error('build produced no out/renderer/index.html');
  process.exit(1);
}
console.log('\nAll NetDesk checks passed.');
