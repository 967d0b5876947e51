// What NetDesk's tests need from the machine besides npm packages, brought by the tests themselves:
// a Chromium-family browser (end-to-end scenarios), poppler's pdftotext/pdftoppm (PDF tests, unit
// and end-to-end), a CJK font (Chinese text in screenshots) and Apache httpd with mod_dav_fs (the
// WebDAV sync tests run against a real server). A fresh machine has none of them.
// As root on Debian/Ubuntu the missing ones are installed with apt-get, in one go, before the first
// step that needs them; elsewhere the exact command is printed and the run stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const BROWSERS = [
  process.env.NETDESK_TEST_BROWSER,
  process.env.NETDESK_BROWSER,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
].filter(Boolean);

/** Debian package that brings each tool. */
const PACKAGE = { browser: 'chromium', font: 'fonts-noto-cjk', poppler: 'poppler-utils', apache: 'apache2' };

export const findBrowser = () => BROWSERS.find((p) => existsSync(p)) ?? null;

function hasCjkFont() {
  if (process.platform !== 'linux') return true;
  try {
    return /CJK|WenQuanYi|Noto Sans SC|Droid Sans Fallback/i.test(
      execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }),
    );
  } catch {
    return false;
  }
}

const hasPoppler = () =>
  spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;

/** Apache httpd and its WebDAV modules, where Debian (or a hand-built httpd) keeps them. */
const hasApache = () =>
  ['/usr/sbin/apache2', '/usr/sbin/httpd', '/usr/local/apache2/bin/httpd'].some((p) => existsSync(p)) &&
  ['/usr/lib/apache2/modules', '/usr/lib64/httpd/modules', '/usr/local/apache2/modules'].some((d) =>
    existsSync(join(d, 'mod_dav_fs.so')),
  );

const present = {
  browser: () => findBrowser() !== null,
  font: hasCjkFont,
  poppler: hasPoppler,
  apache: hasApache,
};

/** apt-get as found on PATH (so a test can stand in its own), when we may use it. */
function aptGet() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.map((d) => join(d, 'apt-get')).find((p) => existsSync(p)) ?? null;
}

/**
 * Make sure every tool in `needs` ('browser' | 'font' | 'poppler' | 'apache') is there. Returns
 * `{ ok: true, browser }` (browser: its path, or null when not asked for), or `{ ok: false }` after
 * printing what to run. A missing font only warns: screenshots would show boxes, tests still pass.
 */
export function ensureTestTools(needs) {
  const missing = needs.filter((tool) => !present[tool]());
  if (missing.length) {
    const pkgs = missing.map((tool) => PACKAGE[tool]);
    const cmd = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
    const apt = aptGet();
    if (apt) {
      console.log(`Installing what the tests need: ${pkgs.join(', ')}`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const a = spawnSync(apt, ['update', '-qq'], { stdio: 'inherit', env });
      const b =
        a.status === 0 ? spawnSync(apt, ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env }) : a;
      if (b.status !== 0) console.error(`Could not install ${pkgs.join(', ')}. Run: sudo ${cmd}`);
    }
    const still = missing.filter((tool) => !present[tool]());
    const fatal = still.filter((tool) => tool !== 'font');
    if (fatal.length) {
      const what = {
        browser:
          'a Chromium, Chrome or Edge for the end-to-end tests (or set NETDESK_TEST_BROWSER=/path/to/chrome)',
        poppler: 'pdftotext and pdftoppm (poppler-utils) for the PDF tests',
        apache: 'Apache httpd with mod_dav and mod_dav_fs (apache2) for the WebDAV sync tests',
      };
      for (const tool of fatal) console.error(`Missing: ${what[tool]}.`);
      console.error(`On Debian/Ubuntu run: sudo ${cmd}`);
      return { ok: false };
    }
    if (still.includes('font'))
      console.warn(`No CJK font found; Chinese screenshots will show boxes. Run: sudo ${cmd}`);
  }
  return { ok: true, browser: needs.includes('browser') ? findBrowser() : null };
}

/**
 * Vitest's global setup (vitest.config.ts): the PDF unit tests read their output with pdftotext
 * and pdftoppm. `npm test` brings them before its first step; this covers `npm run test:unit`.
 */
export function setup() {
  if (!ensureTestTools(['poppler', 'apache']).ok) {
    throw new Error(
      'The unit tests need poppler-utils (PDF tests) and apache2 (WebDAV sync tests); see the command above.',
    );
  }
}
