// The one typed surface between the renderer and NetDesk's Node services.
// Electron carries it over IPC (preload → ipcMain); browser mode carries it over HTTP to the
// loopback server. Both validate every request with the schema below before a service runs.
import { z } from 'zod';
import { appSettingsPatchSchema, type AppSettings } from './settings';
import { issueLines } from './schemas/issues';
import {
  backupListRequestSchema,
  backupSaveRequestSchema,
  syncExchangeRequestSchema,
  syncStatusRequestSchema,
  type BackupListResult,
  type BackupSaveResult,
  type SyncExchangeResult,
  type SyncStatusResult,
} from './sync-ipc';

/** Safe file name for a PDF written by NetDesk: no folders, no traversal, ends in .pdf. */
export const pdfFileNameSchema = z
  .string()
  .min(5)
  .max(120)
  .regex(/^[^\\/:*?"<>|]+\.pdf$/i, 'file name must be a plain name ending in .pdf')
  // Control characters are never part of a file name Windows accepts.
  .refine((n) => ![...n].some((c) => c.charCodeAt(0) < 0x20), 'file name must not hold control characters')
  .refine((n) => !n.startsWith('.') && n !== '..', 'file name must not start with a dot');

/** Longest text a form may ask the font for (a long KPI report stays well under it). */
export const PDF_FONT_TEXT_MAX = 200_000;

/** Every IPC channel with the zod schema of its single request argument. */
export const ipcRequestSchemas = {
  'app:info': z.object({}).strict(),
  'settings:read': z.object({}).strict(),
  'settings:write': appSettingsPatchSchema,
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
} as const;

export type IpcChannel = keyof typeof ipcRequestSchemas;
export const IPC_CHANNELS = Object.keys(ipcRequestSchemas) as IpcChannel[];
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcRequestSchemas)[C]>;
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcRequestSchemas)[C]>;

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' inside the desktop shell, 'browser' when served on loopback. */
  mode: 'electron' | 'browser';
  platform: string;
  dataDir: string;
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
  'pdf:save': PdfSaveResult;
  'pdf:font': PdfFontResult;
  'file:open': { opened: boolean; url?: string };
  'shell:openExternal': { opened: boolean };
  'sync:exchange': SyncExchangeResult;
  'sync:status': SyncStatusResult;
  'backup:save': BackupSaveResult;
  'backup:list': BackupListResult;
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
  savePdf(req: IpcRequest<'pdf:save'>): Promise<PdfSaveResult>;
  pdfFont(req: IpcRequest<'pdf:font'>): Promise<PdfFontResult>;
  openFile(req: IpcRequest<'file:open'>): Promise<{ opened: boolean; url?: string }>;
  openExternal(req: IpcRequest<'shell:openExternal'>): Promise<{ opened: boolean }>;
  syncExchange(req: IpcRequest<'sync:exchange'>): Promise<SyncExchangeResult>;
  syncStatus(req: IpcRequest<'sync:status'>): Promise<SyncStatusResult>;
  saveBackup(req: IpcRequest<'backup:save'>): Promise<BackupSaveResult>;
  listBackups(): Promise<BackupListResult>;
}

/** Which channel each API method uses; the preload and the HTTP client are both built from it. */
export const apiChannels = {
  appInfo: 'app:info',
  readSettings: 'settings:read',
  writeSettings: 'settings:write',
  savePdf: 'pdf:save',
  pdfFont: 'pdf:font',
  openFile: 'file:open',
  openExternal: 'shell:openExternal',
  syncExchange: 'sync:exchange',
  syncStatus: 'sync:status',
  saveBackup: 'backup:save',
  listBackups: 'backup:list',
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
