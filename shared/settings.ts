// App settings of one PC (kept by the main process in settings.json, not synced):
// UI language, who uses this PC, the PC's letter in card numbers, and its folders.
import { z } from 'zod';
import { patchSchemaOf } from './schemas/common';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const appSettingsSchema = z.object({
  language: z.enum(LANGUAGES).default('zh-CN'),
  /** The person using this PC; stamped on every workflow event. */
  operatorName: z.string().trim().max(40).default(''),
  /** One capital letter that makes card numbers unique across synced PCs (WX-2026-A-0001). */
  pcCode: z
    .string()
    .regex(/^[A-Z]$/, 'pcCode must be one capital letter A–Z')
    .default('A'),
  /** Where issued PDFs are saved; empty means the default reports folder in the data folder. */
  reportsDir: z.string().max(1000).default(''),
  /** The shared network folder used for sync; empty means sync is off. */
  syncFolder: z.string().max(1000).default(''),
  // Sync through a WebDAV server instead (a NAS or Nextcloud between sites). The password is
  // never here: the main process keeps it (safeStorage), browser mode only in its memory.
  /** What this PC syncs through: the shared folder, or the WebDAV server below. */
  syncVia: z.enum(['folder', 'webdav']).default('folder'),
  /** The sync folder's address on the server (checked by shared/sync/webdav-address.ts). */
  webdavUrl: z.string().max(1000).default(''),
  webdavUser: z.string().max(200).default(''),
  /** SHA-256 fingerprint of the server's self-signed certificate the user confirmed; '' none. */
  webdavPin: z.string().max(200).default(''),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

/**
 * A partial update of the settings, as sent by the Settings screen: only the fields it names
 * change; the others keep what settings.json holds.
 */
export const appSettingsPatchSchema = patchSchemaOf(appSettingsSchema);
export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;

export const defaultAppSettings: AppSettings = appSettingsSchema.parse({});
