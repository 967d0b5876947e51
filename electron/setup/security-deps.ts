// The production dependency list in docs/security.md: every package package-lock.json installs
// for NetDesk to run (not the build and test tools), with its exact version and licence. `npm
// audit` cannot reach an advisory service from NetDesk's build machines, so the list is kept in
// the repository for an audit elsewhere. `npm run security:deps` rewrites it from the lock file;
// a unit test fails when the two disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LockEntry {
  version?: string;
  name?: string;
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  link?: boolean;
}

export interface ProductionDependency {
  name: string;
  version: string;
  license: string;
  /** Installed only where it can be (electron and what it needs to fetch its binary). */
  optional: boolean;
}

export const LIST_START = '<!-- production-dependencies:start (npm run security:deps) -->';
export const LIST_END = '<!-- production-dependencies:end -->';

/** The package name of a lock path: node_modules/a/node_modules/@b/c → @b/c. */
function nameOf(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  return path.slice(at + 'node_modules/'.length);
}

/** Packages of the lock that a production install brings, sorted by name and version. */
export function productionDependencies(lock: {
  packages?: Record<string, LockEntry>;
}): ProductionDependency[] {
  const seen = new Map<string, ProductionDependency>();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.link || entry.dev || entry.devOptional) continue;
    const name = entry.name ?? nameOf(path);
    const version = entry.version ?? '?';
    seen.set(`${name}@${version}`, {
      name,
      version,
      license: entry.license ?? 'unknown',
      optional: entry.optional === true,
    });
  }
  return [...seen.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1,
  );
}

/** The Markdown block between the markers (a list, which Prettier leaves as it is). */
export function renderDependencyList(deps: ProductionDependency[]): string {
  const lines = deps.map(
    (d) => `- \`${d.name}\` ${d.version} — ${d.license}${d.optional ? ' (optional)' : ''}`,
  );
  return [LIST_START, '', `${deps.length} packages.`, '', ...lines, '', LIST_END].join('\n');
}

/** The block as it stands in the document, or undefined when the markers are missing. */
export function currentDependencyList(doc: string): string | undefined {
  const start = doc.indexOf(LIST_START);
  const end = doc.indexOf(LIST_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return doc.slice(start, end + LIST_END.length);
}

/** The document with its block replaced (or appended under a heading when it has none). */
export function withDependencyList(doc: string, block: string): string {
  const current = currentDependencyList(doc);
  if (current !== undefined) return doc.replace(current, block);
  return `${doc.trimEnd()}\n\n## Production dependencies\n\n${block}\n`;
}

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const SECURITY_DOC = join(root, 'docs', 'security.md');
export const LOCK_FILE = join(root, 'package-lock.json');

export function expectedDependencyList(lockFile = LOCK_FILE): string {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages?: Record<string, LockEntry> };
  return renderDependencyList(productionDependencies(lock));
}

// `npm run security:deps` rewrites the list; `-- --check` only says whether it is current.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = readFileSync(SECURITY_DOC, 'utf8');
  const block = expectedDependencyList();
  if (process.argv.includes('--check')) {
    const current = currentDependencyList(doc) === block;
    console.log(
      current
        ? 'docs/security.md: the dependency list is current'
        : 'docs/security.md: the dependency list is out of date; run npm run security:deps',
    );
    process.exitCode = current ? 0 : 1;
  } else {
    writeFileSync(SECURITY_DOC, withDependencyList(doc, block));
    console.log(
      `docs/security.md: ${block.split('\n').filter((l) => l.startsWith('- ')).length} production packages listed`,
    );
  }
}
