// The WebDAV side of the storage seam: the sync folder on a NAS (Synology, QNAP) or a Nextcloud
// at headquarters, reached over HTTPS. It speaks through the `webdav` client from npm (PROPFIND,
// GET, PUT, MOVE, DELETE, MKCOL) and turns every way a server can fail into an error that carries
// the status the sync panel shows (`syncReason`): 401, 403, 404, 409, 412, 423, 507, a captive
// portal's HTML, a redirect, a listing with a name that is not a plain file name, an untrusted
// certificate. Nothing a server says can make sync touch a path outside the sync folder.
//
// Writes keep the folder's rule: a file is written under a temp name and MOVEd to its final name
// (Overwrite: F where it must stay new), so a PUT cut off mid-stream never shows under a name
// that readers take as complete. WebDAV has no append: a snapshot built in parts is spooled to a
// local temp file and sent in one PUT before its MOVE.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { Agent as HttpsAgent } from 'node:https';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import nodeFetch, { type RequestInfo, type RequestInit } from 'node-fetch';
import { createClient, getPatcher, type FileStat, type WebDAVClient } from 'webdav';
import type { NotConnectedReason } from '../../shared/sync/types';
import type { SyncFs } from './fs';

/** An error of the WebDAV layer: `code` speaks the file-system's words, `syncReason` the panel's. */
export class WebDavError extends Error {
  override readonly name = 'WebDavError';
  constructor(
    message: string,
    readonly code: string,
    readonly syncReason: NotConnectedReason,
    readonly status?: number,
  ) {
    super(message);
  }
}

const STATUS: Record<number, { code: string; reason: NotConnectedReason; what: string }> = {
  401: { code: 'EAUTH', reason: 'auth-failed', what: 'user name or password refused' },
  403: { code: 'EFORBIDDEN', reason: 'forbidden', what: 'this user may not use the folder' },
  404: { code: 'ENOENT', reason: 'unreachable', what: 'not found' },
  409: { code: 'ECONFLICT', reason: 'server-conflict', what: 'a folder on the way is missing' },
  412: { code: 'EEXIST', reason: 'precondition-failed', what: 'already there' },
  // Locked: the same word a Windows share uses for a held file, so renames are retried.
  423: { code: 'EBUSY', reason: 'locked', what: 'locked on the server' },
  507: { code: 'ENOSPC', reason: 'server-full', what: 'the server is out of space' },
};

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_NETDESK_CERT_PIN',
]);

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** The WebDavError for anything a call to the server threw. */
export function davError(err: unknown, what: string): WebDavError {
  if (err instanceof WebDavError) return err;
  const e = err as { status?: number; code?: string; message?: string; type?: string; name?: string };
  const message = e?.message ?? String(err);
  if (typeof e?.status === 'number') {
    const known = STATUS[e.status];
    if (known)
      return new WebDavError(`${what}: HTTP ${e.status} (${known.what})`, known.code, known.reason, e.status);
    if (e.status >= 500)
      return new WebDavError(`${what}: HTTP ${e.status} (server error)`, 'EIO', 'unreachable', e.status);
    return new WebDavError(`${what}: HTTP ${e.status}`, 'EIO', 'not-webdav', e.status);
  }
  const code = e?.code ?? '';
  if (TLS_CODES.has(code) || /certificate/i.test(message))
    return new WebDavError(`${what}: ${message}`, 'ECERT', 'untrusted-certificate');
  if (TIMEOUT_CODES.has(code) || e?.type === 'request-timeout' || e?.name === 'AbortError')
    return new WebDavError(`${what}: ${message}`, 'ETIMEDOUT', 'timeout');
  if (code) return new WebDavError(`${what}: ${message}`, code, 'unreachable');
  // No status and no socket error: the answer could not be read as WebDAV (bad XML, a page).
  return new WebDavError(`${what}: the server's answer is not WebDAV (${message})`, 'EPROTO', 'not-webdav');
}

// The client's requests go through this fetch: redirects are never followed (a captive portal
// or a hijacked address would otherwise receive the password and the ledger), and a page of
// HTML where WebDAV was expected is refused before the client tries to read it as XML.
let patched = false;
function patchFetch() {
  if (patched) return;
  patched = true;
  getPatcher().patch('fetch', async (...args: unknown[]) => {
    const url = args[0] as RequestInfo;
    const href: string = typeof url === 'string' ? url : 'url' in url ? url.url : (url as URL).href;
    const init = (args[1] ?? {}) as RequestInit;
    const response = await nodeFetch(url, { ...init, redirect: 'manual' });
    const method = (init.method ?? 'GET').toUpperCase();
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location') ?? '';
      const from = new URL(href);
      let elsewhere = location;
      try {
        const to = new URL(location, from);
        elsewhere = to.host === from.host ? `${to.pathname} on the same server` : `another host, ${to.host}`;
      } catch {
        // an unreadable Location is reported as it is
      }
      throw new WebDavError(
        `${method} ${from.pathname}: the server redirects to ${elsewhere}; not followed`,
        'EREDIRECT',
        'redirected',
        response.status,
      );
    }
    const type = response.headers.get('content-type') ?? '';
    // Only a read is judged by its type: Apache answers a MKCOL or PUT with a small HTML page.
    if (response.ok && (method === 'GET' || method === 'PROPFIND') && /text\/html/i.test(type))
      throw new WebDavError(
        `${method} ${new URL(href).pathname}: the server answers a web page, not WebDAV (a login page of a captive portal?)`,
        'EPROTO',
        'not-webdav',
        response.status,
      );
    if (method === 'PROPFIND' && response.ok && response.status !== 207)
      throw new WebDavError(
        `PROPFIND answered ${response.status}, not 207 Multi-Status: not a WebDAV server`,
        'EPROTO',
        'not-webdav',
        response.status,
      );
    return response;
  });
}

/** A name the sync folder may hold: no separator, not `.` or `..`, no control character. */
export function isPlainName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\u0000-\u001f]/.test(name);
}

export interface WebDavOptions {
  /** The sync folder's address, e.g. https://nas.example.cn:5006/netdesk/ */
  url: string;
  username?: string;
  password?: string;
  /**
   * SHA-256 fingerprint (hex, colons allowed) of a self-signed certificate the user confirmed:
   * that certificate, and only it, is accepted for this address.
   */
  pinnedFingerprint?: string;
  /** Where a snapshot built in parts waits before its one PUT (default: the OS temp folder). */
  spoolDir?: string;
}

/** `AB:CD:…` or `abcd…` → `AB:CD:…`, the form Node reports `fingerprint256` in. */
export function normalizeFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

/**
 * The certificate a server presents, for the user to confirm before it is pinned. Resolves with
 * its SHA-256 fingerprint and subject, whether or not it is trusted by the system.
 */
export async function peekCertificate(
  url: string,
): Promise<{ fingerprint256: string; subject: string; issuer: string; validTo: string; trusted: boolean }> {
  const { connect } = await import('node:tls');
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: u.hostname, port: Number(u.port || 443), servername: u.hostname, rejectUnauthorized: false },
      () => {
        const cert: PeerCertificate = socket.getPeerCertificate();
        resolve({
          fingerprint256: cert.fingerprint256,
          subject: String(cert.subject?.CN ?? ''),
          issuer: String(cert.issuer?.CN ?? ''),
          validTo: cert.valid_to,
          trusted: socket.authorized,
        });
        socket.end();
      },
    );
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer from ${u.host}`)));
    socket.on('error', reject);
  });
}

const spools = new Map<string, string>();

/**
 * The sync folder on a WebDAV server as a SyncFs. Paths are those SyncFolder builds under its
 * dir (use `/`): they are taken relative to `url`, and one that would leave it is refused.
 */
export class WebDavFs implements SyncFs {
  readonly client: WebDAVClient;
  /** Folders known to be on the server: no MKCOL for them again. */
  private readonly known = new Set<string>();
  private spoolDir: string | undefined;
  /** Requests made, by method: what a sync costs on the wire (the bench reads it). */
  readonly requests: Record<string, number> = {};

  constructor(private readonly options: WebDavOptions) {
    patchFetch();
    const url = options.url.endsWith('/') ? options.url : `${options.url}/`;
    const agent =
      options.pinnedFingerprint && url.startsWith('https:')
        ? pinnedFetchAgent(options.pinnedFingerprint)
        : undefined;
    // Basic auth is encoded here as UTF-8: the client's own encoder refuses a password with
    // Chinese characters in it.
    const auth =
      options.username !== undefined
        ? `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`, 'utf8').toString('base64')}`
        : undefined;
    this.client = createClient(url, {
      ...(auth && { headers: { Authorization: auth } }),
      ...(agent && { httpsAgent: agent }),
    });
  }

  private count(method: string) {
    this.requests[method] = (this.requests[method] ?? 0) + 1;
  }

  /** The path on the server for a path SyncFolder built; never one outside the folder. */
  private remote(path: string): string {
    const parts = path
      .replace(/\\/g, '/')
      .split('/')
      .filter((p) => p !== '' && p !== '.');
    if (parts.some((p) => !isPlainName(p)))
      throw new WebDavError(`refused a path outside the sync folder: ${path}`, 'EINVAL', 'bad-listing');
    return `/${parts.join('/')}`;
  }

  private spoolKey(path: string) {
    return `${this.options.url}|${this.remote(path)}`;
  }

  async readFile(path: string): Promise<Uint8Array> {
    const p = this.remote(path);
    this.count('GET');
    try {
      const data = await this.client.getFileContents(p, { format: 'binary' });
      return new Uint8Array(data as ArrayBuffer);
    } catch (err) {
      throw davError(err, `GET ${p}`);
    }
  }

  async writeFile(path: string, data: Uint8Array | string): Promise<void> {
    const p = this.remote(path);
    const spooled = spools.get(this.spoolKey(path));
    if (spooled) await rm(spooled, { force: true }).then(() => spools.delete(this.spoolKey(path)));
    this.count('PUT');
    try {
      // A temp name is fresh and random: "If-None-Match: *" makes sure it is nobody else's file.
      const ok = await this.client.putFileContents(
        p,
        typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data),
        {
          overwrite: !isTempName(p),
        },
      );
      if (!ok)
        throw new WebDavError(`PUT ${p}: refused, already there`, 'EEXIST', 'precondition-failed', 412);
    } catch (err) {
      throw davError(err, `PUT ${p}`);
    }
  }

  async appendFile(path: string, data: Uint8Array | string): Promise<void> {
    const key = this.spoolKey(path);
    let local = spools.get(key);
    if (!local) {
      this.spoolDir ??= await mkdtemp(join(this.options.spoolDir ?? tmpdir(), 'netdesk-webdav-'));
      local = join(this.spoolDir, createHash('sha256').update(key).digest('hex').slice(0, 24));
      // What is on the server under this name so far (the head of a snapshot) starts the spool.
      const before = (await this.exists(path)) ? await this.readFile(path) : new Uint8Array();
      await writeFile(local, before);
      spools.set(key, local);
    }
    await appendFile(local, data);
  }

  async readRange(path: string, start: number, length: number): Promise<Uint8Array> {
    const p = this.remote(path);
    this.count('GET');
    try {
      const response = await this.client.customRequest(p, {
        method: 'GET',
        headers: { Range: `bytes=${start}-${start + length - 1}` },
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      // A server that ignores Range sends the whole file.
      return response.status === 206 ? bytes : bytes.slice(start, start + length);
    } catch (err) {
      if ((err as { status?: number }).status === 416) return new Uint8Array();
      throw davError(err, `GET ${p}`);
    }
  }

  async size(path: string): Promise<number> {
    const p = this.remote(path);
    this.count('PROPFIND');
    try {
      return ((await this.client.stat(p)) as FileStat).size;
    } catch (err) {
      throw davError(err, `PROPFIND ${p}`);
    }
  }

  private async move(from: string, to: string, overwrite: boolean): Promise<void> {
    const key = this.spoolKey(from);
    const local = spools.get(key);
    const a = this.remote(from);
    const b = this.remote(to);
    if (local) {
      // The spooled parts go up in one PUT under the temp name first; only then the MOVE.
      this.count('PUT');
      try {
        const { size } = await stat(local);
        await this.client.putFileContents(a, createReadStream(local), {
          overwrite: true,
          contentLength: size,
        });
      } catch (err) {
        throw davError(err, `PUT ${a}`);
      }
      spools.delete(key);
      await rm(local, { force: true });
    }
    this.count('MOVE');
    try {
      await this.client.moveFile(a, b, { overwrite });
    } catch (err) {
      throw davError(err, `MOVE ${a} → ${b}`);
    }
  }

  rename(from: string, to: string): Promise<void> {
    return this.move(from, to, true);
  }

  renameNew(from: string, to: string): Promise<void> {
    return this.move(from, to, false);
  }

  async readdir(path: string): Promise<string[]> {
    const p = this.remote(path);
    this.count('PROPFIND');
    let items: FileStat[];
    try {
      items = await this.client.getDirectoryContents(p);
    } catch (err) {
      throw davError(err, `PROPFIND ${p}`);
    }
    const names: string[] = [];
    for (const item of items) {
      // Every entry must be a plain name right inside the folder asked about, or the whole
      // listing is refused: a server that lists `../x` is not one to act on.
      if (!isPlainName(item.basename) || posix.join(p, item.basename) !== posix.normalize(item.filename))
        throw new WebDavError(
          `PROPFIND ${p}: the server listed "${item.filename}", not a file of this folder`,
          'EINVAL',
          'bad-listing',
        );
      names.push(item.basename);
      if (item.type === 'directory') this.known.add(posix.join(p, item.basename));
    }
    return names;
  }

  async mkdir(path: string): Promise<void> {
    const p = this.remote(path);
    if (this.known.has(p)) return;
    const parts = p.split('/').filter(Boolean);
    // The sync folder itself is made only when asked for (a new root); its subfolders as needed.
    for (let i = parts.length === 0 ? 0 : 1; i <= parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (this.known.has(dir)) continue;
      this.count('MKCOL');
      try {
        await this.client.createDirectory(dir);
      } catch (err) {
        // 405: already there. Anything else is the server's answer to report.
        if ((err as { status?: number }).status !== 405) throw davError(err, `MKCOL ${dir}`);
      }
      this.known.add(dir);
    }
  }

  async unlink(path: string): Promise<void> {
    const key = this.spoolKey(path);
    const local = spools.get(key);
    if (local) {
      spools.delete(key);
      await rm(local, { force: true });
    }
    const p = this.remote(path);
    this.count('DELETE');
    try {
      await this.client.deleteFile(p);
    } catch (err) {
      const e = davError(err, `DELETE ${p}`);
      // A spooled temp may never have reached the server: nothing to remove there.
      if (local && e.code === 'ENOENT') return;
      throw e;
    }
  }

  async exists(path: string): Promise<boolean> {
    const p = this.remote(path);
    this.count('PROPFIND');
    try {
      await this.client.stat(p);
      return true;
    } catch (err) {
      const e = davError(err, `PROPFIND ${p}`);
      if (e.code === 'ENOENT') return false;
      throw e;
    }
  }

  /** Remove the local spool folder (temp parts of snapshots never sent). */
  async close(): Promise<void> {
    if (this.spoolDir) await rm(this.spoolDir, { recursive: true, force: true });
  }
}

const isTempName = (p: string) => /\/\.[^/]+\.tmp$/.test(p);

/** An https agent that accepts exactly one certificate, by its SHA-256 fingerprint. */
function pinnedFetchAgent(fingerprint: string): HttpsAgent {
  const want = normalizeFingerprint(fingerprint);
  const agent = new HttpsAgent({ rejectUnauthorized: false, keepAlive: true });
  const createConnection = agent.createConnection.bind(agent);
  // The chain of a self-signed certificate cannot be checked; its exact fingerprint is, before
  // a byte of the request (the password) is sent.
  (agent as unknown as { createConnection: typeof createConnection }).createConnection = (opts, cb) => {
    const socket = createConnection(opts, cb) as TLSSocket;
    socket.once('secureConnect', () => {
      const got = socket.getPeerCertificate().fingerprint256;
      if (got !== want)
        socket.destroy(
          Object.assign(new Error(`certificate ${got} is not the pinned ${want}`), {
            code: 'ERR_NETDESK_CERT_PIN',
          }),
        );
    });
    return socket;
  };
  return agent;
}
