// The index of the PDFs NetDesk issued (issued-reports.json in the data folder): name, where it
// was written, size and SHA-256. Browser mode's /files/ route and file:open serve or open a PDF
// only through it, so a file that merely sits in the reports folder (put there by someone else,
// or swapped after NetDesk wrote it) is never served or opened: the size and hash must still be
// those NetDesk wrote.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './files';

export const REPORT_INDEX_FILE = 'issued-reports.json';
/** Enough for years of cards and reports; the oldest entries go first. */
const MAX_ENTRIES = 20_000;

export interface IssuedReport {
  fileName: string;
  path: string;
  size: number;
  sha256: string;
  savedAt: string;
}

export interface ReportIndex {
  record(entry: { fileName: string; path: string; bytes: Uint8Array }): Promise<void>;
  /** The path of an issued PDF of that name whose bytes are still NetDesk's, else undefined. */
  find(fileName: string): Promise<string | undefined>;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function createReportIndex(opts: { dataDir: string; now?: () => Date }): ReportIndex {
  const file = join(opts.dataDir, REPORT_INDEX_FILE);
  const now = opts.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<IssuedReport[]> {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? (parsed as IssuedReport[]) : [];
    } catch {
      // Missing or unreadable: nothing is served until NetDesk writes a PDF again.
      return [];
    }
  }

  return {
    record({ fileName, path, bytes }) {
      const run = queue.then(async () => {
        const entries = (await load()).filter((e) => e.fileName !== fileName);
        entries.push({
          fileName,
          path,
          size: bytes.byteLength,
          sha256: sha256(bytes),
          savedAt: now().toISOString(),
        });
        await writeFileAtomic(file, `${JSON.stringify(entries.slice(-MAX_ENTRIES))}\n`);
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async find(fileName) {
      await queue;
      const entry = (await load()).find((e) => e.fileName === fileName);
      if (!entry) return undefined;
      try {
        const bytes = await readFile(entry.path);
        return bytes.byteLength === entry.size && sha256(bytes) === entry.sha256 ? entry.path : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
