// Finds the Chromium-family browser the end-to-end tests drive, and the PDF tools the PDF tests
// use (poppler's pdftotext and pdftoppm). On a Debian/Ubuntu machine where we are root, installs
// what is missing: Debian's chromium, a CJK font (Chinese text would otherwise render as boxes)
// and poppler-utils. Elsewhere prints the exact command to run and returns null.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
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

function findBrowser() {
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

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

function hasPoppler() {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

const isRootDebian = () =>
  process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

export function ensureTestBrowser() {
  let browser = findBrowser();
  const needFont = !hasCjkFont();
  const needPoppler = !hasPoppler();
  if (browser && !needFont && !needPoppler) return browser;
  const pkgs = [
    ...(browser ? [] : ['chromium']),
    ...(needFont ? ['fonts-noto-cjk'] : []),
    ...(needPoppler ? ['poppler-utils'] : []),
  ];
  const cmd = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
  if (isRootDebian()) {
    console.log(`Installing for the end-to-end tests: ${pkgs.join(', ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const a = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const b =
      a.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env }) : a;
    if (b.status !== 0) {
      console.error(`Could not install ${pkgs.join(', ')}. Run: ${cmd}`);
      return null;
    }
    browser = findBrowser();
  }
  if (!browser) {
    console.error(
      'No Chromium, Chrome or Edge found for the end-to-end tests.\n' +
        `Install one (Debian/Ubuntu: sudo ${cmd}) or set NETDESK_TEST_BROWSER=/path/to/chrome.`,
    );
    return null;
  }
  if (!hasPoppler()) {
    console.error(`pdftotext (poppler-utils) is needed by the PDF tests. Run: sudo ${cmd}`);
    return null;
  }
  if (!hasCjkFont()) console.warn(`No CJK font found; Chinese screenshots will show boxes. Run: sudo ${cmd}`);
  return browser;
}
