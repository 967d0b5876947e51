// Writes the bench dataset (shared/dataset/generate.ts) to bench/tmp as backup-format chunk files
// and reuses them while the generator and the options are unchanged. At ten years the ledger is
// ~1.3 GB of JSON, over the longest string V8 makes, so it is never one document: the directory
// tables form one chunk, then repair cards and repair events come in chunks of their own table
// (tens of MB each), which the page reads and restores one after another.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDataset,
  datasetEnvelope,
  type DatasetOptions,
  type DatasetPlan,
} from '../shared/dataset/generate';
import type { BackupTables } from '../shared/backup';
import type { StoredRecord } from '../shared/schemas';

export interface DatasetChunk {
  file: string;
  records: number;
  bytes: number;
}

export interface DatasetFiles {
  dir: string;
  plan: DatasetPlan;
  chunks: DatasetChunk[];
  /** A small sample (the first cards with their events) for the raw-Dexie baseline. */
  sample: DatasetChunk;
  totalRecords: number;
  totalBytes: number;
  /** Generation time in ms; 0 when the files were reused. */
  generatedMs: number;
}

const CARDS_PER_CHUNK = 40_000;
const EVENTS_PER_CHUNK = 150_000;

export function datasetFiles(
  root: string,
  options: DatasetOptions & { sampleCards: number },
  say: (line: string) => void,
): DatasetFiles {
  const generator = readFileSync(new URL('../shared/dataset/generate.ts', import.meta.url));
  const key = createHash('sha256')
    .update(generator)
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
  const chunks: DatasetChunk[] = [];
  const write = (name: string, tables: BackupTables): DatasetChunk => {
    const text = JSON.stringify(datasetEnvelope(dataset, tables));
    writeFileSync(join(dir, name), text);
    const records = Object.values(tables).reduce((n, rows) => n + (rows?.length ?? 0), 0);
    return { file: name, records, bytes: Buffer.byteLength(text) };
  };
  chunks.push(write('00-directory.json', dataset.directory));
  let cards: StoredRecord<'repairCards'>[] = [];
  let events: StoredRecord<'repairEvents'>[] = [];
  let cardFiles = 0;
  let eventFiles = 0;
  let sample: DatasetChunk | null = null;
  let made = 0;
  const flushCards = () => {
    if (cards.length)
      chunks.push(write(`cards-${String(++cardFiles).padStart(3, '0')}.json`, { repairCards: cards }));
    cards = [];
  };
  const flushEvents = () => {
    if (events.length)
      chunks.push(write(`events-${String(++eventFiles).padStart(3, '0')}.json`, { repairEvents: events }));
    events = [];
  };
  for (const batch of dataset.cardBatches(2000)) {
    if (!sample) {
      const cut = batch.repairCards.slice(0, options.sampleCards);
      const ids = new Set(cut.map((c) => c.id));
      sample = write('sample.json', {
        repairCards: cut,
        repairEvents: batch.repairEvents.filter((e) => ids.has(e.cardId)),
      });
    }
    cards.push(...batch.repairCards);
    events.push(...batch.repairEvents);
    made += batch.repairCards.length;
    if (cards.length >= CARDS_PER_CHUNK) flushCards();
    if (events.length >= EVENTS_PER_CHUNK) flushEvents();
    if (made % 20_000 === 0) say(`生成数据 / generating: ${made} / ${dataset.plan.cards} cards`);
  }
  flushCards();
  flushEvents();
  sample ??= write('sample.json', {});
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
