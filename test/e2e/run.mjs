#!/usr/bin/env node
// Runs NetDesk's end-to-end scenarios: browser mode served on loopback, driven in a real
// Chromium by playwright-core. Expects `electron-vite build` to have produced out/renderer.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestTools } from '../tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
if (!process.env.NETDESK_TEST_BROWSER) {
  const tools = ensureTestTools(['browser', 'font', 'poppler']);
  if (!tools.ok) process.exit(1);
  process.env.NETDESK_TEST_BROWSER = tools.browser;
}
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const r = spawnSync(
  npx,
  ['vitest', 'run', '--config', 'test/e2e/vitest.e2e.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  },
);
process.exit(r.status ?? 1);
