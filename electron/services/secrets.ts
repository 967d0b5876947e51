// The WebDAV password of this PC, kept apart from everything that is copied, shown or synced.
//
// In the desktop app it is encrypted with Electron's safeStorage (Windows DPAPI: only this user
// on this PC can decrypt it) and written to webdav-password.bin in the data folder; settings.json,
// the log, backups, IndexedDB and the sync folder never hold it. Where safeStorage cannot encrypt
// (browser mode, a Linux session without a keyring) it is kept only in this process's memory and
// must be typed again after a restart: the Settings screen says so (passwordKept 'memory').
// safeStorage is passed in as a capability, so tests use a double and need no Electron.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './files';

/** The part of Electron's safeStorage this store uses. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const PASSWORD_FILE = 'webdav-password.bin';

export interface SecretStore {
  /** Where a password set now is kept. */
  readonly kept: 'encrypted' | 'memory';
  get(): Promise<string | undefined>;
  set(password: string): Promise<void>;
  clear(): Promise<void>;
}

export function createSecretStore(opts: { dataDir: string; cipher?: SecretCipher }): SecretStore {
  const path = join(opts.dataDir, PASSWORD_FILE);
  const cipher = opts.cipher?.isEncryptionAvailable() ? opts.cipher : undefined;
  let inMemory: string | undefined;
  return {
    kept: cipher ? 'encrypted' : 'memory',
    async get() {
      if (!cipher) return inMemory;
      try {
        return cipher.decryptString(await readFile(path));
      } catch {
        // Missing, or encrypted by another Windows user or PC (a copied data folder): no password.
        return undefined;
      }
    },
    async set(password) {
      if (!cipher) {
        inMemory = password;
        return;
      }
      await writeFileAtomic(path, cipher.encryptString(password));
    },
    async clear() {
      inMemory = undefined;
      await rm(path, { force: true });
    },
  };
}
