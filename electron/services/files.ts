// Careful file writes for NetDesk's own files: settings and window state are replaced atomically
// (a crash or power cut leaves the old file or the new one, never half of each), and saved
// reports never replace an earlier report of the same name.
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A hidden temporary name beside `target`, unique to this process and call. */
function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Write `data` to `target` by writing a temporary file beside it and renaming it over the target.
 * On Windows a virus scanner or the search indexer may hold the old file for a moment (EPERM /
 * EBUSY on rename), so the rename is retried briefly before giving up.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempBeside(target);
  try {
    // Inside the try: a write that fails halfway (a full disk) must not leave its temporary file.
    await writeFile(temp, data, { flush: true });
    for (let attempt = 1; ; attempt++) {
      try {
        await rename(temp, target);
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw err;
        await sleep(40 * attempt);
      }
    }
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** "月报.pdf", 2 → "月报 (2).pdf": the numbering Windows Explorer uses for copies. */
export function numberedName(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const ext = extname(fileName);
  return `${fileName.slice(0, fileName.length - ext.length)} (${n})${ext}`;
}

/**
 * Create a new file in `folder` named `fileName`, or "name (2)", "name (3)"… when the name is
 * taken, appearing whole: the bytes are written to a temporary file first and then linked under
 * the free name (a link never replaces an existing file, so two saves at the same moment never
 * share a name and an earlier report is never touched). Someone opening the folder meanwhile —
 * the supervisor, a scanner, a test — never finds an empty or half-written PDF. On a drive that
 * cannot link (some network shares), the name is created exclusively and written in place.
 */
export async function writeNewFile(
  folder: string,
  fileName: string,
  data: Uint8Array,
  maxCopies = 999,
): Promise<{ fileName: string; path: string }> {
  const temp = tempBeside(join(folder, fileName));
  try {
    await writeFile(temp, data, { flag: 'wx', flush: true });
    for (let n = 1; n <= maxCopies; n++) {
      const name = numberedName(fileName, n);
      const path = join(folder, name);
      try {
        await link(temp, path);
        return { fileName: name, path };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV') break;
        throw err;
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
  return writeNewFileInPlace(folder, fileName, data, maxCopies);
}

// Where no link can be made: the exclusive create, written in place; a write that fails halfway
// removes its own new file. Also reached when every numbered name was taken (it says so).
async function writeNewFileInPlace(
  folder: string,
  fileName: string,
  data: Uint8Array,
  maxCopies: number,
): Promise<{ fileName: string; path: string }> {
  for (let n = 1; n <= maxCopies; n++) {
    const name = numberedName(fileName, n);
    const path = join(folder, name);
    let handle;
    try {
      handle = await open(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    try {
      await handle.writeFile(data);
      await handle.sync();
      await handle.close();
    } catch (err) {
      await handle.close().catch(() => undefined);
      await rm(path, { force: true });
      throw err;
    }
    return { fileName: name, path };
  }
  throw new Error(`too many files named like ${fileName}`);
}

/** True when `child` is `folder` itself or lies somewhere below it. */
export function isInside(folder: string, child: string): boolean {
  const rel = relative(folder, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
