// `netdesk demo --years N --employees E`: the large ledger of shared/dataset written as one backup
// file. At ten years it is over a gigabyte of JSON, more than one string can hold, so it is written
// record by record into a temporary file beside the target and renamed into place at the end (an
// interrupted run leaves no half file). Repair cards and their events are generated twice, once
// per table, so memory stays at one batch (the generator is deterministic).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createDataset, datasetEnvelope, type DatasetOptions } from '../../shared/dataset/generate';
import { LEDGER_TABLES } from '../../shared/schemas';

export interface DatasetWriteSummary {
  records: number;
  bytes: number;
  cards: number;
}

export async function writeDatasetBackup(
  path: string,
  options: DatasetOptions,
): Promise<DatasetWriteSummary> {
  const dataset = createDataset(options);
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  const out = createWriteStream(temp, { encoding: 'utf8' });
  let bytes = 0;
  let records = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    const { tables: _none, ...envelope } = datasetEnvelope(dataset, {});
    await write(`${JSON.stringify(envelope).slice(0, -1)},"tables":{`);
    let firstTable = true;
    for (const table of LEDGER_TABLES) {
      const rows =
        table === 'repairCards' || table === 'repairEvents'
          ? (function* () {
              for (const batch of dataset.cardBatches(2000)) yield* batch[table];
            })()
          : (dataset.directory[table] ?? []);
      await write(`${firstTable ? '' : ','}\n${JSON.stringify(table)}:[`);
      firstTable = false;
      let first = true;
      for (const row of rows) {
        await write(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
        first = false;
        records++;
      }
      await write(']');
    }
    await write('}}\n');
    out.end();
    await once(out, 'finish');
    await rename(temp, path);
  } catch (err) {
    out.destroy();
    await rm(temp, { force: true });
    throw err;
  }
  return { records, bytes, cards: dataset.plan.cards };
}
