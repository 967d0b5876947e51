// Writes the bench dataset (shared/dataset/) to bench/tmp as ONE backup file, the
// ten-year backup a supervisor would restore, and reuses it while the generator and the options
// are unchanged. At ten years the ledger is ~1.3 GB of JSON, over the longest string V8 makes, so
// the file is written part by part (backupTextPartsSync, the app's own layout) and the page
// restores it by streaming, as the app does. The cards are generated twice (once for the cards
// table, once for the events table: the file lists each table whole); the generator is
// deterministic, so both passes see the same cards. A small sample file (the first cards with
// their events) is written beside it for the raw-Dexie baseline.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  createDataset,
  datasetEnvelope,
  type DatasetOptions,
  type DatasetPlan,
} from '../shared/dataset/generate';
import type { BackupTables } from '../shared/backup';
import { backupTextPartsSync } from '../shared/backup-stream';
import type { LedgerTable } from '../shared/schemas';

export interface DatasetChunk {
  file: string;
  records: number;
  bytes: number;
}

export interface DatasetFiles {
  dir: string;
  plan: DatasetPlan;
  /** The backup: one file (a list, as the page restores the files it is given in turn). */
  chunks: DatasetChunk[];
  /** A small sample (the first cards with their events) for the raw-Dexie baseline. */
  sample: DatasetChunk;
  totalRecords: number;
  totalBytes: number;
  /** Generation time in ms; 0 when the files were reused. */
  generatedMs: number;
}

/** Cards generated at a time. */
const CARD_BATCH = 2000;
/** The layout of the files: a manifest of another layout (chunk files) is not reused. */
const LAYOUT = 'one-backup-file';

/** The generator's code: its steps in shared/dataset/ and the dice and words of shared/demo/. */
function generatorSource(): string {
  const folder = (dir: string, only?: string[]) => {
    const url = new URL(`../shared/${dir}/`, import.meta.url);
    return readdirSync(url)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && (!only || only.includes(f)))
      .sort()
      .map((f) => readFileSync(new URL(f, url), 'utf8'));
  };
  return [...folder('dataset'), ...folder('demo', ['random.ts', 'words.ts'])].join('\n');
}

export function datasetFiles(
  root: string,
  options: DatasetOptions & { sampleCards: number },
  say: (line: string) => void,
): DatasetFiles {
  const key = createHash('sha256')
    .update(generatorSource())
    .update(LAYOUT)
    .update(JSON.stringify({ ...options, now: options.now.toISOString() }))
    .digest('hex')
    .slice(0, 12);
  const dir = join(root, `dataset-${key}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as DatasetFiles;
    return { ...manifest, dir, generatedMs: 0 };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const dataset = createDataset(options);
  const writeSmall = (name: string, tables: BackupTables): DatasetChunk => {
    const text = JSON.stringify(datasetEnvelope(dataset, tables));
    writeFileSync(join(dir, name), text);
    const records = Object.values(tables).reduce((n, rows) => n + (rows?.length ?? 0), 0);
    return { file: name, records, bytes: Buffer.byteLength(text) };
  };
  let sample: DatasetChunk | null = null;
  let records = 0;
  const cards = dataset.plan.cards;
  function* cardTable(table: 'repairCards' | 'repairEvents') {
    let made = 0;
    for (const batch of dataset.cardBatches(CARD_BATCH)) {
      if (!sample) {
        const cut = batch.repairCards.slice(0, options.sampleCards);
        const ids = new Set(cut.map((c) => c.id));
        sample = writeSmall('sample.json', {
          repairCards: cut,
          repairEvents: batch.repairEvents.filter((e) => ids.has(e.cardId)),
        });
      }
      made += batch.repairCards.length;
      records += batch[table].length;
      if (made % 20_000 === 0) say(`生成数据 / generating ${table}: ${made} / ${cards} cards`);
      yield batch[table];
    }
  }
  const { exportedAt, source } = datasetEnvelope(dataset, {});
  const tables = [
    ...(Object.keys(dataset.directory) as LedgerTable[]),
    'repairCards',
    'repairEvents',
  ] as const;
  const file = 'backup.json';
  const fd = openSync(join(dir, file), 'w');
  let bytes = 0;
  try {
    for (const part of backupTextPartsSync(
      { exportedAt, ...(source ? { source } : {}) },
      tables,
      (table) => {
        if (table === 'repairCards' || table === 'repairEvents') return cardTable(table);
        const rows = dataset.directory[table] ?? [];
        records += rows.length;
        return [rows];
      },
      undefined,
      8 << 20,
    )) {
      const buffer = Buffer.from(part, 'utf8');
      writeSync(fd, buffer);
      bytes += buffer.byteLength;
    }
  } finally {
    closeSync(fd);
  }
  const chunks: DatasetChunk[] = [{ file, records, bytes }];
  sample ??= writeSmall('sample.json', {});
  const files: DatasetFiles = {
    dir,
    plan: dataset.plan,
    chunks,
    sample,
    totalRecords: chunks.reduce((n, c) => n + c.records, 0),
    totalBytes: chunks.reduce((n, c) => n + c.bytes, 0),
    generatedMs: performance.now() - started,
  };
  writeFileSync(manifestPath, JSON.stringify(files, null, 1));
  return files;
}
