// The README's quick start must work on a fresh machine, and CI must prove exactly that command.
// A fresh Debian machine has no pdftotext, no browser and no CJK font: `npm test` has to bring
// them before the first step that needs them. Here a PATH without poppler and an apt-get that
// only records what it is asked (and then links the real tools in) stand in for that machine.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const ciScript = readFileSync(join(root, '.ci', 'run'), 'utf8');

describe('README quick start', () => {
  it('names the two commands a newcomer types', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  it('CI runs the README test command and prepares nothing of its own', () => {
    const commands = ciScript
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const body = commands.join('\n');
    expect(body).toMatch(/npm install[^\n]*&& npm test|npm install[^\n]*\nnpm test/);
    expect(body).not.toMatch(/apt-get|apt |dpkg|pip |playwright install|curl|wget/);
  });

  const tmp = mkdtempSync(join(tmpdir(), 'netdesk-fresh-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const canInstall =
    process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/pdftotext');
  it.skipIf(!canInstall)(
    'npm test brings poppler before the unit step on a machine without it',
    () => {
      const bin = join(tmp, 'bin');
      const log = join(tmp, 'apt.log');
      spawnSync('/bin/mkdir', ['-p', bin]);
      for (const tool of ['node', 'npx', 'npm', 'sh', 'env', 'fc-list'])
        if (existsSync(`/usr/bin/${tool}`)) symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
      // apt-get as a fresh machine's would answer: it records the call and "installs" poppler by
      // linking the real binaries into this PATH.
      writeFileSync(
        join(bin, 'apt-get'),
        [
          '#!/bin/sh',
          `echo "$@" >> ${log}`,
          'case "$*" in *poppler-utils*)',
          ...['pdftotext', 'pdftoppm', 'pdfinfo'].map((t) => `  /bin/ln -sf /usr/bin/${t} ${join(bin, t)}`),
          ';; esac',
          'exit 0',
        ].join('\n'),
      );
      chmodSync(join(bin, 'apt-get'), 0o755);
      expect(spawnSync('pdftotext', ['-v'], { env: { PATH: bin } }).error).toBeDefined();

      // A test file that reads its PDF with pdftotext: the first step that needs poppler.
      const pdfTest = 'test/integration/pdf/labels-form.test.ts';
      expect(existsSync(join(root, pdfTest)), `${pdfTest} is gone: name another PDF test`).toBe(true);
      const r = spawnSync(process.execPath, ['test/run-all.mjs', 'unit', '--', pdfTest], {
        cwd: root,
        env: { ...process.env, PATH: bin },
        encoding: 'utf8',
        timeout: 120_000,
      });
      const out = `${r.stdout}\n${r.stderr}`;
      expect(out, out).not.toMatch(/ENOENT/);
      expect(r.status, out).toBe(0);
      expect(readFileSync(log, 'utf8')).toMatch(/install .*poppler-utils/);
      expect(out.indexOf('Installing what the tests need')).toBeLessThan(out.indexOf('▶ unit'));
    },
    150_000,
  );
});

describe('the app page', () => {
  it('tells the browser not to offer a translation of the Chinese UI', () => {
    const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/<html[^>]*\btranslate="no"/);
  });
});
