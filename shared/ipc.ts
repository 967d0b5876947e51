// The one typed surface between the renderer and NetDesk's Node services.
// Electron carries it over IPC (preload → ipcMain); browser mode carries it over HTTP to the
// loopback server. Both validate every request with the schema below before a service runs.
import { z } from 'zod';
import { pathProblem, safeFileName } from './file-names';
import { appSettingsPatchSchema, type AppSettings } from './settings';
import { issueLines } from './schemas/issues';
import { logEntrySchema, type LogLine } from './log';
import {
  backupListRequestSchema,
  BACKUP_PART_CHARS,
  backupSaveRequestSchema,
  EXCHANGE_MAX_BLOB_BYTES,
  syncExchangeRequestSchema,
  syncStatusRequestSchema,
  type BackupListResult,
  type BackupSaveResult,
  type SyncExchangeResult,
  type SyncStatusResult,
} from './sync-ipc';
import { webdavSetupRequestSchema, type WebDavSetupResult } from './sync/webdav-address';

/** Safe file name for a PDF written by NetDesk: no folders, no traversal, ends in .pdf. */
export const pdfFileNameSchema = z
  .string()
  .min(5)
  .max(120)
  .regex(/^[^\\/:*?"<>|]+\.pdf$/i, 'file name must be a plain name ending in .pdf')
  // NUL and control characters are refused with a message; bidi controls and Windows device
  // names are made harmless (shared/file-names.ts, the rule of every door that names a file).
  .refine((n) => pathProblem(n) === undefined, { error: (issue) => pathProblem(String(issue.input)) })
  .refine((n) => !n.startsWith('.') && n !== '..', 'file name must not start with a dot')
  .transform((n) => safeFileName(n))
  .pipe(z.string().regex(/^[^.].*\.pdf$/i, 'file name must be a plain name ending in .pdf'));

/** Longest text a form may ask the font for (a long KPI report stays well under it). */
export const PDF_FONT_TEXT_MAX = 200_000;

/** The settings that name folders: never written from the page (see 'settings:chooseFolder'). */
export const FOLDER_SETTINGS = ['reportsDir', 'syncFolder'] as const;

const FOLDER_FROM_PAGE =
  '文件夹只能通过“选择文件夹”设置，不能由页面直接写入。Folders are set through “Choose folder”, never written by the page.';

/**
 * settings:write from the page: every setting but the folders. A page that could write a path
 * would make pdf:save write, and /files/ serve, anywhere on the disk.
 */
export const pageSettingsPatchSchema = z.strictObject(
  appSettingsPatchSchema.omit({
    reportsDir: true,
    syncFolder: true,
    // Set through 'sync:webdav' only: with the password and the certificate check.
    syncVia: true,
    webdavUrl: true,
    webdavUser: true,
    webdavPin: true,
  }).shape,
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' &&
      issue.keys.some((key) => (FOLDER_SETTINGS as readonly string[]).includes(key))
        ? FOLDER_FROM_PAGE
        : undefined,
  },
);

/**
 * Choosing a folder without the page naming a path: Electron's own folder dialog ('dialog'),
 * or one of a fixed list ('default': reports/ in the data folder; 'documents': NetDesk 报表 in
 * the user's Documents; 'off': no sync folder). Browser mode has no dialog; its sync folder is
 * given in the terminal that starts it (npm start -- --sync-folder PATH).
 */
export const chooseFolderRequestSchema = z.discriminatedUnion('which', [
  z.object({ which: z.literal('reports'), choice: z.enum(['dialog', 'default', 'documents']) }).strict(),
  z.object({ which: z.literal('sync'), choice: z.enum(['dialog', 'off']) }).strict(),
]);

export interface ChooseFolderResult {
  /** False when the user cancelled the dialog: nothing changed. */
  chosen: boolean;
  settings: AppSettings;
}

/** Every IPC channel with the zod schema of its single request argument. */
export const ipcRequestSchemas = {
  'app:info': z.object({}).strict(),
  'settings:read': z.object({}).strict(),
  'settings:write': pageSettingsPatchSchema,
  'settings:chooseFolder': chooseFolderRequestSchema,
  /** Save a PDF: through a save dialog (Electron) or straight into the reports folder. */
  'pdf:save': z
    .object({
      fileName: pdfFileNameSchema,
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= 50 * 1024 * 1024, {
        message: 'PDF must be between 1 byte and 50 MB',
      }),
      target: z.enum(['dialog', 'reports']),
      /** Open the saved file in the system viewer afterwards (for printing). */
      open: z.boolean().default(false),
    })
    .strict(),
  /**
   * The Chinese font cut to the characters a form will draw (plus ASCII), so the renderer never
   * loads the 10 MB font, and the characters the font lacks, reported before anything is printed.
   */
  'pdf:font': z.object({ text: z.string().max(PDF_FONT_TEXT_MAX) }).strict(),
  /** Open a file NetDesk saved earlier; only files inside the reports folder are allowed. */
  'file:open': z.object({ fileName: pdfFileNameSchema }).strict(),
  /** Open a web link in the user's browser; only http and https. */
  'shell:openExternal': z
    .object({
      url: z
        .string()
        .max(2000)
        .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'only http and https links'),
    })
    .strict(),
  /** Folder sync and backups: see shared/sync-ipc.ts. */
  'sync:exchange': syncExchangeRequestSchema,
  'sync:status': syncStatusRequestSchema,
  'backup:save': backupSaveRequestSchema,
  'backup:list': backupListRequestSchema,
  'log:write': logEntrySchema,
  'diagnostics:read': z.object({}).strict(),
  /** WebDAV sync set up or turned off: see shared/sync/webdav-address.ts. */
  'sync:webdav': webdavSetupRequestSchema,
} as const;

export type IpcChannel = keyof typeof ipcRequestSchemas;
export const IPC_CHANNELS = Object.keys(ipcRequestSchemas) as IpcChannel[];

/** Characters of base64 for `bytes` bytes (how shared/wire carries a Uint8Array). */
const base64Chars = (bytes: number): number => Math.ceil(bytes / 3) * 4;
const KiB = 1024;
const MiB = 1024 * 1024;

/**
 * What one request of each channel may come to as JSON on the wire (browser mode's HTTP body),
 * from what the channel legitimately carries: `bytes` of UTF-8, and `values`, the arrays, objects
 * and list items in it (each `[`, `{` and `,` outside strings). A body past either is refused
 * while it arrives, before it is parsed: a page cannot make the server hold or parse more.
 */
export const ipcRequestLimits: Record<IpcChannel, { bytes: number; values: number }> = {
  'app:info': { bytes: 4 * KiB, values: 64 },
  'settings:read': { bytes: 4 * KiB, values: 64 },
  // Five fields of at most 1,000 characters, each at most 6 bytes as JSON (\uXXXX).
  'settings:write': { bytes: 64 * KiB, values: 256 },
  'settings:chooseFolder': { bytes: 4 * KiB, values: 64 },
  // A PDF of at most 50 MB as base64, and its name.
  'pdf:save': { bytes: base64Chars(50 * MiB) + 16 * KiB, values: 64 },
  'pdf:font': { bytes: PDF_FONT_TEXT_MAX * 6 + 16 * KiB, values: 64 },
  'file:open': { bytes: 8 * KiB, values: 64 },
  'shell:openExternal': { bytes: 32 * KiB, values: 64 },
  // The cursors alone; their list of attachments still missing can be long on an old ledger.
  'sync:status': { bytes: 32 * MiB, values: 1_000_000 },
  // 40 MB of attachments as base64 (~53 MB), the outbox chunk (2,000 changes) and the cursors;
  // or one snapshot part (2,000 records, cut at 8 M characters by the renderer).
  'sync:exchange': { bytes: base64Chars(EXCHANGE_MAX_BLOB_BYTES) + 10 * MiB, values: 2_000_000 },
  // One part of backup text (8 M characters), at most 3 bytes each as JSON (Chinese text).
  'backup:save': { bytes: BACKUP_PART_CHARS * 3 + 64 * KiB, values: 64 },
  'backup:list': { bytes: 4 * KiB, values: 64 },
  'log:write': { bytes: 64 * KiB, values: 16 },
  'diagnostics:read': { bytes: 4 * KiB, values: 64 },
  'sync:webdav': { bytes: 8 * KiB, values: 64 },
};
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcRequestSchemas)[C]>;
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcRequestSchemas)[C]>;

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' inside the desktop shell, 'browser' when served on loopback. */
  mode: 'electron' | 'browser';
  platform: string;
  dataDir: string;
  /** False when nothing can be saved in the data folder (a read-only drive, no write rights). */
  dataDirWritable: boolean;
  reportsDir: string;
}

export type SettingsReadResult =
  | { ok: true; settings: AppSettings }
  /** The settings file could not be read; defaults are in force and the file was left as it is. */
  | { ok: false; settings: AppSettings; error: 'corrupt'; path: string; detail: string };

export interface PdfSaveResult {
  /** False when the user cancelled the save dialog. */
  saved: boolean;
  fileName?: string;
  path?: string;
  /** Browser mode: a same-origin URL the page can open in a new tab. */
  url?: string;
}

export interface PdfFontResult {
  /** A TrueType font holding the glyphs of the requested characters and of printable ASCII. */
  bytes: Uint8Array;
  /** Characters of the text the font cannot draw, each named with its code point: `☑ (U+2611)`. */
  missing: string[];
}

export interface IpcResponses {
  'app:info': AppInfo;
  'settings:read': SettingsReadResult;
  'settings:write': AppSettings;
  'settings:chooseFolder': ChooseFolderResult;
  'pdf:save': PdfSaveResult;
  'pdf:font': PdfFontResult;
  'file:open': { opened: boolean; url?: string };
  'shell:openExternal': { opened: boolean };
  'sync:exchange': SyncExchangeResult;
  'sync:status': SyncStatusResult;
  'backup:save': BackupSaveResult;
  'backup:list': BackupListResult;
  'log:write': { written: true };
  'diagnostics:read': DiagnosticsResult;
  'sync:webdav': WebDavSetupResult;
}

/** What the main process adds to the page's diagnostic text: the machine and the log's last problems. */
export interface DiagnosticsResult {
  os: string;
  arch: string;
  runtime: string;
  problems: LogLine[];
}

/** Errors cross the boundary as data, with a code the renderer translates. */
export interface IpcError {
  code: 'bad-request' | 'forbidden' | 'not-found' | 'failed';
  message: string;
  issues?: string[];
}

export type IpcResult<C extends IpcChannel> =
  { ok: true; value: IpcResponses[C] } | { ok: false; error: IpcError };

/** The task-shaped API the renderer sees as `window.netdesk`, whether IPC or HTTP is behind it. */
export interface NetdeskApi {
  appInfo(): Promise<AppInfo>;
  readSettings(): Promise<SettingsReadResult>;
  writeSettings(patch: IpcRequest<'settings:write'>): Promise<AppSettings>;
  chooseFolder(req: IpcRequest<'settings:chooseFolder'>): Promise<ChooseFolderResult>;
  savePdf(req: IpcRequest<'pdf:save'>): Promise<PdfSaveResult>;
  pdfFont(req: IpcRequest<'pdf:font'>): Promise<PdfFontResult>;
  openFile(req: IpcRequest<'file:open'>): Promise<{ opened: boolean; url?: string }>;
  openExternal(req: IpcRequest<'shell:openExternal'>): Promise<{ opened: boolean }>;
  syncExchange(req: IpcRequest<'sync:exchange'>): Promise<SyncExchangeResult>;
  syncStatus(req: IpcRequest<'sync:status'>): Promise<SyncStatusResult>;
  saveBackup(req: IpcRequest<'backup:save'>): Promise<BackupSaveResult>;
  listBackups(): Promise<BackupListResult>;
  writeLog(req: IpcRequest<'log:write'>): Promise<{ written: true }>;
  readDiagnostics(): Promise<DiagnosticsResult>;
  setupWebDav(req: IpcRequest<'sync:webdav'>): Promise<WebDavSetupResult>;
}

/** Which channel each API method uses; the preload and the HTTP client are both built from it. */
export const apiChannels = {
  appInfo: 'app:info',
  readSettings: 'settings:read',
  writeSettings: 'settings:write',
  chooseFolder: 'settings:chooseFolder',
  savePdf: 'pdf:save',
  pdfFont: 'pdf:font',
  openFile: 'file:open',
  openExternal: 'shell:openExternal',
  syncExchange: 'sync:exchange',
  syncStatus: 'sync:status',
  saveBackup: 'backup:save',
  listBackups: 'backup:list',
  writeLog: 'log:write',
  readDiagnostics: 'diagnostics:read',
  setupWebDav: 'sync:webdav',
} as const satisfies Record<keyof NetdeskApi, IpcChannel>;

/**
 * What the preload puts on window.netdesk: NetdeskApi's methods, whose answers may be plain values
 * or the IpcResult envelope as it came over IPC (the renderer's getNetdesk() accepts both). Both
 * sides check against this one type: the preload with `satisfies PreloadNetdesk`, the page by
 * declaring `window.netdesk` with it (renderer/api/types.d.ts).
 */
export type PreloadNetdesk = {
  [M in keyof NetdeskApi]: (
    ...args: Parameters<NetdeskApi[M]>
  ) => Promise<Awaited<ReturnType<NetdeskApi[M]>> | IpcResult<(typeof apiChannels)[M]>>;
};

/** Thrown in the renderer when a call comes back with an error. */
export class NetdeskCallError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'NetdeskCallError';
  }
}

/** Parse a request for a channel; returns readable issues instead of throwing. */
export function parseIpcRequest<C extends IpcChannel>(
  channel: C,
  input: unknown,
): { ok: true; value: IpcParsedRequest<C> } | { ok: false; error: IpcError } {
  const schema = ipcRequestSchemas[channel];
  const r = schema.safeParse(input ?? {});
  if (r.success) return { ok: true, value: r.data as IpcParsedRequest<C> };
  return {
    ok: false,
    error: {
      code: 'bad-request',
      message: `invalid request for ${channel}`,
      issues: issueLines(r.error, { whole: '(root)' }),
    },
  };
}

export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcRequestSchemas, name);
}
