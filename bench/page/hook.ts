// The bench's hook in the page: `window.__netdeskBench`, built by bench/run.ts (buildHook) into its own
// bundle (bench/tmp/hook/) from NetDesk's own modules, and loaded by the runner only into a bench
// page of the app's origin (same IndexedDB as the app). The product bundle never contains it.
//
// Features that are still being built are found with import.meta.glob: a module that does not
// exist yet gives an empty match, and its figures are reported as "not built yet" instead of
// failing the build. Each measurement returns milliseconds per run, timed in the page with
// performance.now(), so the browser automation's own latency is not in the figures.
import Dexie from 'dexie';
import { jsPDF } from 'jspdf';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parseBackup,
  type BackupTables,
  type LedgerBackup,
} from '../../shared/backup';
import type { PdfSaveResult } from '../../shared/ipc';
import type { Person, RepairCard } from '../../shared/schemas';
import { importLedger } from '../../renderer/db/backup';
import { checkBackupFile, restoreBackupFile, type BackupSource } from '../../renderer/db/backup-stream';
import { createRepository } from '../../renderer/db/repository';
import { NetdeskDb, openNetdeskDb } from '../../renderer/db/schema';
import { buildPeopleSearch, filterPeople } from '../../renderer/directory/people-search';
import { computersByPerson, computerTagsText } from '../../shared/devices/person-computers';
import { pinyinKeys } from '../../shared/search/pinyin';
import { globalResults, PER_KIND } from '../../renderer/features/search/global-results';
import { checksBench } from './checks';
import { cultureBench } from './culture';
import { kpiBench } from './kpi';
// Types only (erased from the bundle); the modules themselves load through import.meta.glob.
import type * as RepairDataModule from '../../renderer/features/repair/data/index';
import type * as DeviceListModule from '../../shared/devices/device-list';
import type * as PrintFormModule from '../../renderer/print/print-form';

type RepairData = typeof RepairDataModule;

const repairModules = import.meta.glob<RepairData>('../../renderer/features/repair/data/index.ts');
type DeviceList = typeof DeviceListModule;
type PrintForm = typeof PrintFormModule;

const deviceModules = import.meta.glob<DeviceList>('../../shared/devices/device-list.ts');
const printModules = import.meta.glob<PrintForm>('../../renderer/print/print-form.ts');

async function optional<M>(modules: Record<string, () => Promise<M>>): Promise<M | null> {
  const load = Object.values(modules)[0];
  return load ? load() : null;
}

export interface ProgressReport {
  stage: string;
  done: number;
  total: number;
}

export interface RestoreTimes {
  /** The first pass: fetching the file and checking every record with the backup schemas. */
  readMs: number;
  /** The second pass: fetching it again, and importing the records, their change-log rows and the clock. */
  importMs: number;
  /** The repair cards' search copy and counters, rebuilt after a restore ('' when not built yet). */
  derivedMs: number | null;
  totalMs: number;
  records: number;
}

declare global {
  interface Window {
    __netdeskBench?: typeof bench;
    __netdeskBenchProgress?: (report: ProgressReport) => void;
  }
}

const progress = (report: ProgressReport) => window.__netdeskBenchProgress?.(report);
let ledger: NetdeskDb | null = null;
const open = async () => (ledger ??= await openNetdeskDb());

async function times(runs: number, once: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** The device list's search index, built as the devices screen builds it (devices joined with the directory). */
async function deviceIndex(db: NetdeskDb, list: DeviceList) {
  const [devices, people, departments] = await Promise.all([
    db.devices.toArray(),
    db.people.toArray(),
    db.departments.toArray(),
  ]);
  return list.buildDeviceIndex(
    devices,
    new Map(people.map((p) => [p.id, p])),
    new Map(departments.map((d) => [d.id, d])),
  );
}

/** The records a printed form of these cards or devices reads, as the small backup printForm takes. */
async function printSource(db: NetdeskDb, cards: RepairCard[], deviceIds: string[]): Promise<LedgerBackup> {
  const events = await db.repairEvents
    .where('cardId')
    .anyOf(cards.map((c) => c.id))
    .toArray();
  const devices = (await db.devices.bulkGet([...deviceIds, ...cards.map((c) => c.deviceId ?? '')])).filter(
    (d) => !!d,
  );
  const hosts = (await db.devices.bulkGet(devices.map((d) => d.attachedToDeviceId ?? ''))).filter((d) => !!d);
  const allDevices = [...new Map([...devices, ...hosts].map((d) => [d.id, d])).values()];
  const personIds = [
    ...cards.map((c) => c.requesterId ?? ''),
    ...allDevices.map((d) => d.userPersonId ?? ''),
  ];
  const people = (await db.people.bulkGet(personIds)).filter((p) => !!p);
  const deptIds = [
    ...people.map((p) => p.departmentId ?? ''),
    ...allDevices.map((d) => d.departmentId ?? ''),
  ];
  const departments = (await db.departments.bulkGet(deptIds)).filter((d) => !!d);
  const tables: BackupTables = {
    repairCards: cards,
    repairEvents: events,
    devices: allDevices,
    people,
    departments,
  };
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), tables };
}

/**
 * printForm with the real font service (HTTP to the app's Node side, as in browser mode); the PDF
 * is kept in memory instead of saved, so the figure is the font and the drawing, not a disk write.
 */
async function printApi() {
  const api = (await import('../../renderer/api/netdesk')).getNetdesk();
  const keep = (): Promise<PdfSaveResult> => Promise.resolve({ saved: true });
  return {
    mode: 'browser' as const,
    openWindow: () => undefined,
    api: { pdfFont: (req: Parameters<typeof api.pdfFont>[0]) => api.pdfFont(req), savePdf: keep },
  };
}

async function readChunk(url: string) {
  const text = await (await fetch(url, { cache: 'no-store' })).text();
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`${url}: ${parsed.problems.slice(0, 3).join('; ')}`);
  return parsed.backup;
}

const bench = {
  ...kpiBench,
  ...checksBench,
  ...cultureBench,
  /** Which optional features this bundle found. */
  async features() {
    return {
      repair: (await optional(repairModules)) !== null,
      devices: (await optional(deviceModules)) !== null,
      print: (await optional(printModules)) !== null,
    };
  },

  /**
   * Restore the backup into the app's empty ledger as the backups screen does: the file streamed
   * from the bench's server (never one string), checked in a first pass, imported in a second.
   * Given several files, the first is restored in 'empty' mode and the rest merged.
   */
  async restore(urls: string[], totalRecords: number): Promise<RestoreTimes> {
    const db = await open();
    let readMs = 0;
    let importMs = 0;
    let done = 0;
    const started = performance.now();
    for (const [i, url] of urls.entries()) {
      const source: BackupSource = {
        async stream() {
          const response = await fetch(url, { cache: 'no-store' });
          if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
          return response.body;
        },
      };
      let t0 = performance.now();
      const checked = await checkBackupFile(source, {
        onProgress: (p) => progress({ stage: 'check', done: done + p.records, total: totalRecords }),
      });
      if (!checked.ok) throw new Error(`${url}: ${checked.problems.slice(0, 3).join('; ')}`);
      readMs += performance.now() - t0;
      t0 = performance.now();
      const before = done;
      await restoreBackupFile(db, source, checked, {
        mode: i === 0 ? 'empty' : 'merge',
        onProgress: (p) => {
          done = before + p.done;
          progress({ stage: p.stage, done, total: totalRecords });
        },
      });
      importMs += performance.now() - t0;
    }
    let derivedMs: number | null = null;
    const repair = await optional(repairModules);
    if (repair) {
      const t0 = performance.now();
      await repair.rebuildRepairDerivedData(db, {
        onProgress: (p) => progress({ stage: 'repair search copy', done: p.done, total: 0 }),
      });
      derivedMs = performance.now() - t0;
    }
    return { readMs, importMs, derivedMs, totalMs: performance.now() - started, records: done };
  },

  /** Baseline: the same rows written with a raw Dexie bulkPut, and through importLedger, into scratch ledgers. */
  async writeBaseline(url: string): Promise<{ rows: number; rawMs: number; importMs: number }> {
    const backup = await readChunk(url);
    const rows = Object.values(backup.tables).reduce((n, list) => n + (list?.length ?? 0), 0);
    await Dexie.delete('netdesk-bench-raw');
    await Dexie.delete('netdesk-bench-import');
    const raw = new NetdeskDb('netdesk-bench-raw');
    await raw.open();
    let t0 = performance.now();
    for (const [table, list] of Object.entries(backup.tables)) {
      for (let i = 0; list && i < list.length; i += 500) {
        await raw.table(table).bulkPut(list.slice(i, i + 500));
      }
    }
    const rawMs = performance.now() - t0;
    raw.close();
    const viaApp = new NetdeskDb('netdesk-bench-import');
    await viaApp.open();
    t0 = performance.now();
    await importLedger(viaApp, backup, { mode: 'empty' });
    const importMs = performance.now() - t0;
    viaApp.close();
    await Dexie.delete('netdesk-bench-raw');
    await Dexie.delete('netdesk-bench-import');
    return { rows, rawMs, importMs };
  },

  /** Baseline: the raw indexed query under the card list's first page (50 cards of one status, newest first). */
  async rawIndexedPage(runs: number): Promise<number[]> {
    const db = await open();
    return times(runs, () =>
      db.repairCards
        .where('[status+receivedAt]')
        .between(['in-repair', Dexie.minKey], ['in-repair', Dexie.maxKey])
        .reverse()
        .limit(50)
        .toArray(),
    );
  },

  /** The card list's first page, filtered by status (the queue) and by a department. */
  async firstFilteredPage(runs: number): Promise<number[] | null> {
    const repair = await optional(repairModules);
    if (!repair) return null;
    const db = await open();
    const dept = (await db.departments.limit(5).toArray()).at(-1)?.id ?? null;
    return times(runs, (i) =>
      repair.queryRepairCards(
        db,
        i % 2 === 0 ? { status: ['received', 'in-repair'] } : { departmentId: dept },
        { by: 'receivedAt', dir: 'desc' },
        { offset: 0, limit: 50 },
      ),
    );
  },

  /** Loading the packed search copy once (what the first search of a session pays). */
  async warmSearch(): Promise<number | null> {
    const repair = await optional(repairModules);
    if (!repair) return null;
    const db = await open();
    const t0 = performance.now();
    await repair.warmRepairSearch(db);
    return performance.now() - t0;
  },

  /** Card text search: a Chinese substring, a requester's name and a card number. */
  async textSearch(runs: number, words: string[]): Promise<number[] | null> {
    const repair = await optional(repairModules);
    if (!repair) return null;
    const db = await open();
    await repair.warmRepairSearch(db);
    return times(runs, (i) =>
      repair.queryRepairCards(
        db,
        { text: words[i % words.length]! },
        { by: 'receivedAt', dir: 'desc' },
        { offset: 0, limit: 50 },
      ),
    );
  },

  /**
   * Global search: repair cards by text, people by name/number/phone/tag, devices when the
   * devices feature exists. People are read once (the directory the app keeps in memory).
   */
  async globalSearch(runs: number, words: string[]): Promise<{ ms: number[]; parts: string[] }> {
    const db = await open();
    const repair = await optional(repairModules);
    if (repair) await repair.warmRepairSearch(db);
    const computers = computersByPerson(await db.devices.where('type').equals('computer').toArray());
    const people = buildPeopleSearch(await db.people.toArray(), computers);
    const departments = new Map((await db.departments.toArray()).map((d) => [d.id, d.name]));
    const list = await optional(deviceModules);
    const devices = list ? await deviceIndex(db, list) : null;
    const parts = ['people', ...(repair ? ['repair cards'] : []), ...(devices ? ['devices'] : [])];
    // What the header search does per query once its panel is open: the card search, then the
    // grouped hits (people and devices in memory).
    const ms = await times(runs, async (i) => {
      const text = words[i % words.length]!;
      const cards = repair
        ? (
            await repair.queryRepairCards(
              db,
              { text },
              { by: 'receivedAt', dir: 'desc' },
              { offset: 0, limit: PER_KIND + 1 },
            )
          ).rows
        : [];
      return globalResults(text, {
        people,
        departmentName: (id) => (id ? (departments.get(id) ?? '') : ''),
        computersOf: (id) => computerTagsText(computers, id),
        devices,
        cards,
      });
    });
    return { ms, parts };
  },

  /** People search alone, over the whole directory in memory. */
  async peopleSearch(runs: number, words: string[]): Promise<number[]> {
    const db = await open();
    const people = buildPeopleSearch(await db.people.toArray());
    return times(runs, (i) =>
      Promise.resolve(filterPeople(people, { query: words[i % words.length]!, departmentId: null })),
    );
  },

  /**
   * Pinyin people search as the People screen runs it: the search keys (pinyin of every name) made
   * once when the directory loads, then one search per keystroke while a name's initials and then
   * its full pinyin are typed ("f", "ft", "ftj", "fa", "fan", … for 方廷杰).
   */
  async pinyinPeopleSearch(runs: number): Promise<{ people: number; buildMs: number; ms: number[] }> {
    const db = await open();
    const all: Person[] = await db.people.toArray();
    const computers = computersByPerson(await db.devices.where('type').equals('computer').toArray());
    const t0 = performance.now();
    const search = buildPeopleSearch(all, computers);
    const buildMs = performance.now() - t0;
    const keystrokes: string[] = [];
    for (
      let i = 0;
      keystrokes.length < runs && i < all.length;
      i += Math.max(1, Math.floor(all.length / runs))
    ) {
      const [full = '', initials = ''] = pinyinKeys(all[i]!.name, 'name').split('\u0001');
      for (const typed of [initials, full.slice(0, 6)])
        for (let n = 1; n <= typed.length; n++) keystrokes.push(typed.slice(0, n));
    }
    const ms = await times(Math.min(runs, keystrokes.length), (i) =>
      Promise.resolve(filterPeople(search, { query: keystrokes[i]!, departmentId: null })),
    );
    return { people: all.length, buildMs, ms };
  },

  /** Device search over the whole device list, as the devices screen filters it per keystroke. */
  async deviceSearch(
    runs: number,
    words: string[],
  ): Promise<{ buildMs: number; ms: number[]; patchMs: number[] } | null> {
    const list = await optional(deviceModules);
    if (!list) return null;
    const db = await open();
    const t0 = performance.now();
    let index = await deviceIndex(db, list);
    const buildMs = performance.now() - t0;
    // One write as the devices screen sees it: a computer handed to another person, its attached
    // printers following; the index is patched, not rebuilt.
    const people = new Map((await db.people.toArray()).map((p) => [p.id, p]));
    const departments = new Map((await db.departments.toArray()).map((d) => [d.id, d]));
    const computers = index.rows.filter((r) => r.device.type === 'computer').slice(0, runs);
    const users = [...people.keys()];
    const patchMs = await times(Math.min(runs, computers.length), (i) => {
      const device = { ...computers[i]!.device, userPersonId: users[i % users.length]! };
      index = list.updateDeviceIndex(index, { devices: [device] }, people, departments);
      return Promise.resolve(index);
    });
    const ms = await times(runs, (i) =>
      Promise.resolve(
        list.filterDevices(index, {
          query: words[i % words.length]!,
          type: null,
          status: null,
          departmentId: null,
        }),
      ),
    );
    return { buildMs, ms, patchMs };
  },

  /** One repair-card PDF through the app's print path (font subset from the service, jsPDF); sizes in bytes. */
  async cardPdf(
    runs: number,
  ): Promise<{ ms: number[]; bytes: number[]; fontMs: number[]; renderMs: number[] } | null> {
    const print = await optional(printModules);
    if (!print) return null;
    const db = await open();
    const printOptions = await printApi();
    // Different finished cards each run: the app's font cache helps only as much as it would.
    // The first prints of a session load jsPDF and the forms and warm the JIT: left out ("warm").
    const WARM_UP = 3;
    const cards = await db.repairCards
      .where('status')
      .equals('closed')
      .limit(runs + WARM_UP)
      .toArray();
    const out = {
      ms: [] as number[],
      bytes: [] as number[],
      fontMs: [] as number[],
      renderMs: [] as number[],
    };
    for (let i = 0; i < runs + WARM_UP; i++) {
      const card = cards[i % cards.length]!;
      const source = await printSource(db, [card], []);
      const t0 = performance.now();
      const result = await print.printForm('card', source, {
        ...printOptions,
        id: card.id,
        allowMissing: true,
      });
      const ms = performance.now() - t0;
      if (i < WARM_UP || !result.ok) continue;
      out.ms.push(ms);
      out.bytes.push(result.size);
      out.fontMs.push(result.fontMs);
      out.renderMs.push(result.renderMs);
    }
    return out;
  },

  /** A label sheet of 100 devices through the app's print path. */
  async labelSheet(runs: number): Promise<{ ms: number[]; bytes: number } | null> {
    const print = await optional(printModules);
    if (!print) return null;
    const db = await open();
    const printOptions = await printApi();
    const devices = await db.devices.where('type').equals('computer').limit(100).toArray();
    const source = await printSource(
      db,
      [],
      devices.map((d) => d.id),
    );
    let bytes = 0;
    const ms = await times(runs, async () => {
      const result = await print.printForm('labels', source, {
        ...printOptions,
        allowMissing: true,
      });
      if (result.ok) bytes = result.size;
    });
    return { ms, bytes };
  },

  /** Saving a walk-up card through the data layer (validation, change log, counters, search copy). */
  async walkUpSave(runs: number): Promise<number[] | null> {
    const repair = await optional(repairModules);
    if (!repair) return null;
    const db = await open();
    const repo = createRepository(db);
    const people = await db.people.where('name').above('').limit(200).toArray();
    const ctx = { db, repo, pcCode: 'B', operator: '基准测试', now: () => new Date() };
    return times(runs, (i) => {
      const p = people[i % people.length]!;
      return repair.logRepairCard(ctx, {
        requesterId: p.id,
        deviceTag: p.computerTag || undefined,
        faultCategory: 'hardware',
        description: `基准测试：开机黑屏，第 ${i + 1} 张`,
      });
    });
  },

  /** Baseline of PDF cost: an empty jsPDF document with one line of Latin text, compressed. */
  async emptyPdf(runs: number): Promise<number[]> {
    return times(runs, () => {
      const doc = new jsPDF({ compress: true });
      doc.text('NetDesk', 20, 20);
      return Promise.resolve(doc.output('arraybuffer'));
    });
  },

  /** How many cards the ledger holds (a check that the restore landed). */
  async cardCount(): Promise<number> {
    const db = await open();
    return db.repairCards.count();
  },

  async sampleCard(): Promise<RepairCard | undefined> {
    const db = await open();
    return db.repairCards.limit(1).first();
  },
};

window.__netdeskBench = bench;
