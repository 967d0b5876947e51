#!/usr/bin/env node
// NetDesk's Electron security lint: Electronegativity over the main process, preload and the page
// it loads, as a step of `npm test`.
//
// Why it is wrapped rather than run bare:
// - it must run on a machine with no internet: its release check (AvailableSecurityFixesGlobalCheck)
//   fetches Electron's release list, so it is left out; the translation download it tries on
//   start gives up after a second by itself;
// - it must judge NetDesk's Electron, not v0.1.0 (what it assumes when it cannot find the binary):
//   the locked version from package-lock.json is passed with -e;
// - tests and test doubles are not shipped code: *.test.ts files are not scanned;
// - its exit code says nothing about findings, so its SARIF is read here and any high or medium
//   finding fails the run. A finding may be silenced only by Electronegativity's own inline comment
//   on the flagged line, and only with a reason after the check names:
//     // eng-disable SANDBOX_JS_CHECK -- the options come from secureWebPreferences(), sandbox: true
//   The comment may also stand on the line just above (an HTML tag that spans lines cannot carry
//   it). A comment without a reason fails the run too, so nobody silences a check by habit.
//   node test/electronegativity.mjs [folder …]   (default: electron/ and renderer/index.html)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Checks that need the internet, never run. */
export const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

/** A suppression comment and what follows its check names. */
const SUPPRESSION = /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t,]*)(.*)$/;

/** The Electron version NetDesk ships, as locked. */
export function lockedElectronVersion(dir = root) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const version = lock.packages?.['node_modules/electron']?.version;
  if (!version) throw new Error('package-lock.json locks no electron version');
  return version;
}

/** Every file under the inputs that ships (no tests), relative to base. */
export function shippedFiles(inputs, base = root) {
  const files = [];
  const visit = (path) => {
    const entries = (() => {
      try {
        return readdirSync(path, { withFileTypes: true });
      } catch {
        return null;
      }
    })();
    if (!entries) {
      files.push(relative(base, path));
      return;
    }
    for (const e of entries) {
      const p = join(path, e.name);
      if (e.isDirectory()) visit(p);
      else if (
        /\.(ts|tsx|mjs|js|html)$/.test(e.name) &&
        !/\.test\.tsx?$/.test(e.name) &&
        !e.name.endsWith('.d.ts')
      )
        files.push(relative(base, p));
    }
  };
  for (const input of inputs) visit(resolve(base, input));
  return files;
}

/** The check names and the reason of a suppression comment on this line, or null. */
export function suppressionOn(line) {
  const m = SUPPRESSION.exec(line);
  if (!m) return null;
  const words = `${m[1] ?? ''}${m[2] ?? ''}`
    .replace(/(?:-->|\*\/)\s*$/, '')
    .trim()
    .split(/[\s,]+/);
  const rules = [];
  while (words.length && /^[A-Z0-9_]+:?$/.test(words[0] ?? '')) {
    const word = words.shift() ?? '';
    rules.push(word.replace(/:$/, ''));
    if (word.endsWith(':')) break;
  }
  if (words.length && /^(?:--|—|:)$/.test(words[0] ?? '')) words.shift();
  const reason = words.join(' ').replace(/^(?:--|—|:)\s*/, '');
  return { rules, reason: reason.split(/\s+/).filter(Boolean).length >= 3 ? reason : '' };
}

/**
 * Suppression comments whose reason is missing: `eng-disable NAME` must be followed by at least
 * three words saying why (after `--`, `—` or `:`).
 */
export function unreasonedSuppressions(files, base = root) {
  const bad = [];
  for (const file of files) {
    readFileSync(join(base, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const s = suppressionOn(line);
        if (s && (!s.reason || !s.rules.length)) bad.push({ file, line: i + 1, text: line.trim() });
      });
  }
  return bad;
}

/**
 * True when a reasoned suppression of this finding's check sits on the flagged line or the line
 * just above it (Electronegativity itself reads only the flagged line, which a multi-line HTML
 * tag or a long call cannot always carry). A finding about the whole app cannot be silenced.
 */
export function isSuppressed(finding, base = root) {
  if (!finding.file) return false;
  const lines = readFileSync(join(base, finding.file), 'utf8').split('\n');
  return [finding.line - 1, finding.line - 2].some((i) => {
    const s = suppressionOn(lines[i] ?? '');
    return !!s?.reason && s.rules.includes(finding.rule);
  });
}

/**
 * The findings in an Electronegativity SARIF log, as `{ rule, file, line, message }`. The run asks
 * for medium severity and above (-s medium), so every result here counts; a global check has no
 * file (`file:///`).
 */
export function findingsOf(sarif) {
  const results = sarif?.runs?.[0]?.results;
  if (!Array.isArray(results)) throw new Error('Electronegativity wrote no SARIF results');
  return results.map((r) => {
    const loc = r.locations?.[0]?.physicalLocation;
    const uri = loc?.artifactLocation?.uri ?? 'file:///';
    return {
      rule: r.ruleId,
      file: uri === 'file:///' ? null : uri,
      line: loc?.region?.startLine ?? 0,
      message: r.message?.text ?? '',
    };
  });
}

/**
 * Runs Electronegativity over a copy of the shipped files (the copy leaves tests behind) and
 * returns what a reviewer must act on: findings and unreasoned suppressions.
 */
export function scan({ inputs = ['electron', 'renderer/index.html'], base = root, electronVersion } = {}) {
  const files = shippedFiles(inputs, base);
  const work = mkdtempSync(join(tmpdir(), 'netdesk-eng-'));
  try {
    const tree = join(work, 'app');
    for (const f of files) {
      mkdirSync(dirname(join(tree, f)), { recursive: true });
      copyFileSync(join(base, f), join(tree, f));
    }
    const sarifPath = join(work, 'findings.sarif');
    const bin = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    const args = [
      bin,
      '-i',
      tree,
      '-e',
      electronVersion ?? lockedElectronVersion(),
      '-x',
      OFFLINE_EXCLUDED.join(','),
      '-s',
      'medium',
      '-r',
      '-v',
      'false',
      '-o',
      sarifPath,
    ];
    const run = spawnSync(process.execPath, args, { cwd: tree, encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`Electronegativity failed: ${run.stderr || run.stdout}`);
    const findings = findingsOf(JSON.parse(readFileSync(sarifPath, 'utf8')));
    return {
      files,
      findings: findings.filter((f) => !isSuppressed(f, base)),
      unreasoned: unreasonedSuppressions(files, base),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const inputs = process.argv.slice(2);
  const started = Date.now();
  const { files, findings, unreasoned } = scan(inputs.length ? { inputs } : {});
  for (const f of findings)
    console.error(`✖ ${f.rule} ${f.file ? `${f.file}:${f.line}` : '(whole app)'} — ${f.message}`);
  for (const u of unreasoned)
    console.error(
      `✖ ${u.file}:${u.line} silences a check without a reason (eng-disable NAME -- why): ${u.text}`,
    );
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (findings.length || unreasoned.length) {
    console.error(
      `Electronegativity: ${findings.length} high/medium finding(s), ${unreasoned.length} unreasoned suppression(s) in ${files.length} files (${secs}s).`,
    );
    process.exit(1);
  }
  console.log(`Electronegativity: no high or medium findings in ${files.length} files (${secs}s).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
