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
//
// Every request crosses the internet, so a sync pass lists the whole sync folder once (one
// PROPFIND, Depth: infinity; a walk of Depth: 1 where the server refuses that) and answers
// "which files are there", "is it there" and "how large" from that listing until the next pass.
// Small files already read (the root file, the peers files) are kept with their ETag and read
// again only when the listing shows a new ETag: a sync with nothing new is that one PROPFIND.
// A pass begins at SyncFs.beginPass (SyncFolder.readRoot, the first step of every sync); what
// this PC writes during the pass is added to the listing as it goes; other PCs' writes show at
// the next pass, as a folder listed a moment earlier would. Requests that fail on the way
// (timeouts, 5xx, a dropped connection) are tried again a bounded number of times with a
// growing, jittered wait; an answer that no retry can change (401, 403, 412, 507…) is not.
// No request waits for ever: connecting has its own limit, and once connected a request that
// moves no byte either way for the idle limit (a server that took the connection and hangs, an
// answer that stalls mid-body) is ended as a timeout and sent again like any failure on the way.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Readable, Transform, pipeline } from 'node:stream';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import nodeFetch, { Response, type RequestInfo, type RequestInit } from 'node-fetch';
import { createClient, getPatcher, type FileStat, type WebDAVClient } from 'webdav';
import type { NotConnectedReason } from '../../shared/sync/types';
import { realSleep, type SyncFs } from './fs';

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

/** How long a request may wait, carried by the agents a WebDavFs gives its client. */
interface Limits {
  idleMs: number;
}
const LIMITS = new WeakMap<object, Limits>();

/** Bodies larger than this go out in pieces, so that a slow upload still counts as moving. */
const UPLOAD_PIECE = 64 * 1024;

/** A request body the idle clock can watch: each piece the socket takes counts as progress. */
function watchedBody(body: unknown, touch: () => void): unknown {
  let source: Readable | undefined;
  if (body instanceof Readable) source = body;
  else if ((body instanceof Uint8Array || body instanceof ArrayBuffer) && body.byteLength > UPLOAD_PIECE) {
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
    source = Readable.from(
      (function* () {
        for (let at = 0; at < bytes.byteLength; at += UPLOAD_PIECE)
          yield Buffer.from(
            bytes.buffer,
            bytes.byteOffset + at,
            Math.min(UPLOAD_PIECE, bytes.byteLength - at),
          );
      })(),
      { objectMode: false },
    );
  }
  if (!source) return body;
  const counted = new Transform({
    transform(chunk, _encoding, done) {
      touch();
      done(null, chunk);
    },
  });
  pipeline(source, counted, () => undefined);
  return counted;
}

/**
 * Send through node-fetch with an idle clock: the request ends as a timeout when no byte moved
 * either way for `idleMs` — before the answer's head (a server that took the connection and
 * says nothing) or inside its body (an answer that stalls half-way).
 */
async function fetchWithIdleLimit(
  url: RequestInfo,
  init: RequestInit,
  what: string,
  { idleMs }: Limits,
): Promise<Response> {
  const controller = new AbortController();
  const outer = init.signal as AbortSignal | null | undefined;
  outer?.addEventListener('abort', () => controller.abort(), { once: true });
  const stalled = () =>
    new WebDavError(
      `${what}: no answer for ${idleMs / 1000} s (the server or the line hangs)`,
      'ETIMEDOUT',
      'timeout',
    );
  let timer: NodeJS.Timeout | undefined;
  let onIdle = () => controller.abort();
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => onIdle(), idleMs);
  };
  touch();
  let response: Response;
  try {
    response = await nodeFetch(url, {
      ...init,
      body: watchedBody(init.body, touch) as RequestInit['body'],
      signal: controller.signal,
    });
  } catch (err) {
    clearTimeout(timer);
    if (controller.signal.aborted && !outer?.aborted) throw stalled();
    throw err;
  }
  touch();
  if (!response.body) {
    clearTimeout(timer);
    return response;
  }
  // The body is read by the client later: it flows through a watch that restarts the clock at
  // each piece, and a stall ends it with the timeout (the socket is dropped, not reused).
  const watched = new Transform({
    transform(chunk, _encoding, done) {
      touch();
      done(null, chunk);
    },
    flush(done) {
      clearTimeout(timer);
      done();
    },
  });
  onIdle = () => {
    watched.destroy(stalled());
    controller.abort();
  };
  pipeline(response.body, watched, () => clearTimeout(timer));
  return new Response(watched, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    url: response.url,
  } as ConstructorParameters<typeof Response>[1]);
}

// The client's requests go through this fetch: redirects are never followed (a captive portal
// or a hijacked address would otherwise receive the password and the ledger), a page of HTML
// where WebDAV was expected is refused before the client tries to read it as XML, and a request
// of a WebDavFs is held to its idle limit.
let patched = false;
function patchFetch() {
  if (patched) return;
  patched = true;
  getPatcher().patch('fetch', async (...args: unknown[]) => {
    const url = args[0] as RequestInfo;
    const href: string = typeof url === 'string' ? url : 'url' in url ? url.url : (url as URL).href;
    const init = (args[1] ?? {}) as RequestInit;
    const method = (init.method ?? 'GET').toUpperCase();
    const agent = typeof init.agent === 'function' ? init.agent(new URL(href)) : init.agent;
    const limits = typeof agent === 'object' ? LIMITS.get(agent) : undefined;
    const request = { ...init, redirect: 'manual' as const };
    const response = limits
      ? await fetchWithIdleLimit(url, request, `${method} ${new URL(href).pathname}`, limits)
      : await nodeFetch(url, request);
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
  /**
   * Waits before each retry of a request that failed on the way (timeout, 5xx, dropped
   * connection), in ms before jitter; one more try than waits. Default RETRY_WAITS_MS.
   */
  retryWaitsMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** How long connecting (TCP and TLS) may take, in ms. Default CONNECT_TIMEOUT_MS. */
  connectTimeoutMs?: number;
  /**
   * How long a request may move no byte either way (waiting for the answer, or inside it)
   * before it ends as a timeout, in ms. Default IDLE_TIMEOUT_MS.
   */
  idleTimeoutMs?: number;
}

/** A NAS across the internet answers within seconds; ten means the address is not answering. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Long enough for a server listing a large folder or moving a large file; short of "hung". */
export const IDLE_TIMEOUT_MS = 30_000;
/** Requests one WebDavFs keeps open at once (kept alive between requests). */
export const MAX_CONNECTIONS = 4;

/** Three tries in all: the server or the line gets a second and a half to come back. */
export const RETRY_WAITS_MS = [300, 1200] as const;

/** Whether a failed request may succeed if sent again: the line or the server, not the answer. */
export function isRetryable(err: WebDavError): boolean {
  if (err.status !== undefined) return err.status >= 500 && err.status !== 507;
  return err.syncReason === 'timeout' || (err.syncReason === 'unreachable' && err.code !== 'ENOENT');
}

/** What the listing of a pass knows of one entry. */
interface Listed {
  dir: boolean;
  size: number;
  /** The server's ETag (quotes and W/ taken off), or null when unknown. */
  etag: string | null;
}

/** Files at most this large are kept after a read, to be skipped while their ETag stays. */
const KEEP_MAX_BYTES = 64 * 1024;
const KEEP_MAX_FILES = 512;

const bareEtag = (etag: string | null | undefined): string | null =>
  etag ? etag.replace(/^W\//, '').replace(/"/g, '') : null;

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

/** The sync folder as one PROPFIND saw it, kept up to date with this PC's own writes. */
class Listing {
  private readonly entries = new Map<string, Listed>([['/', { dir: true, size: 0, etag: null }]]);
  private readonly children = new Map<string, Set<string>>([['/', new Set()]]);

  get(path: string): Listed | undefined {
    return this.entries.get(path);
  }

  add(path: string, entry: Listed): void {
    if (path === '/') return;
    const parent = posix.dirname(path);
    if (!this.entries.has(parent)) this.add(parent, { dir: true, size: 0, etag: null });
    this.entries.set(path, entry);
    this.children.get(parent)!.add(posix.basename(path));
    if (entry.dir && !this.children.has(path)) this.children.set(path, new Set());
  }

  remove(path: string): void {
    this.entries.delete(path);
    this.children.get(posix.dirname(path))?.delete(posix.basename(path));
  }

  /** Names right inside a folder, or undefined when the listing has no such folder. */
  names(path: string): string[] | undefined {
    const names = this.children.get(path);
    return names && [...names];
  }
}

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
  /** Inside a sync pass, its listing is used (null until made, or after a failed write). */
  private passOpen = false;
  private listing: Listing | null = null;
  /** The server refused Depth: infinity; the listing is made a folder at a time. */
  private deepRefused = false;
  /** Small files read before, with the ETag they had: not read again while it stays. */
  private readonly kept = new Map<string, { etag: string; bytes: Uint8Array }>();
  /** Small temp files written whole, until their MOVE: what a replaced file will then hold. */
  private readonly written = new Map<string, Uint8Array>();
  /** The client's agents: their kept-alive connections are closed by close(). */
  private readonly agents: (HttpAgent | HttpsAgent)[];

  constructor(private readonly options: WebDavOptions) {
    patchFetch();
    const url = options.url.endsWith('/') ? options.url : `${options.url}/`;
    // Its own agents, kept alive across requests (one TLS handshake, not one per request), each
    // connection bounded while it connects, each request by its idle limit.
    const connectMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    const httpAgent = boundedAgent(
      new HttpAgent({ keepAlive: true, maxSockets: MAX_CONNECTIONS }),
      connectMs,
    );
    const httpsAgent = boundedAgent(
      options.pinnedFingerprint
        ? pinnedAgent(options.pinnedFingerprint)
        : new HttpsAgent({ keepAlive: true, maxSockets: MAX_CONNECTIONS }),
      connectMs,
    );
    const limits: Limits = { idleMs: options.idleTimeoutMs ?? IDLE_TIMEOUT_MS };
    LIMITS.set(httpAgent, limits);
    LIMITS.set(httpsAgent, limits);
    this.agents = [httpAgent, httpsAgent];
    // Basic auth is encoded here as UTF-8: the client's own encoder refuses a password with
    // Chinese characters in it.
    const auth =
      options.username !== undefined
        ? `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`, 'utf8').toString('base64')}`
        : undefined;
    this.client = createClient(url, {
      ...(auth && { headers: { Authorization: auth } }),
      httpAgent,
      httpsAgent,
    });
  }

  /** Requests made so far, all methods together. */
  get requestCount(): number {
    return Object.values(this.requests).reduce((a, b) => a + b, 0);
  }

  /**
   * Send one request, again after a growing, jittered wait while it fails on the way (timeout,
   * 5xx, dropped connection); any other failure is the server's answer and is thrown at once.
   */
  private async send<T>(method: string, what: string, run: (attempt: number) => Promise<T>): Promise<T> {
    const waits = this.options.retryWaitsMs ?? RETRY_WAITS_MS;
    const sleep = this.options.sleep ?? realSleep;
    for (let attempt = 0; ; attempt++) {
      this.requests[method] = (this.requests[method] ?? 0) + 1;
      try {
        return await run(attempt);
      } catch (err) {
        const e = davError(err, what);
        if (attempt >= waits.length || !isRetryable(e)) throw e;
        await sleep(waits[attempt]! * (0.5 + Math.random()));
      }
    }
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

  /** Start a sync pass: the next question about the folder lists it afresh, once. */
  beginPass(): void {
    this.passOpen = true;
    this.listing = null;
  }

  /** The listing of this pass (made now if needed), or null outside a pass. */
  private async list(): Promise<Listing | null> {
    if (!this.passOpen) return null;
    if (this.listing) return this.listing;
    const listing = new Listing();
    if (!this.deepRefused) {
      try {
        for (const item of await this.propfind('/', true)) listing.add(item.path, item.entry);
        this.listing = listing;
        return listing;
      } catch (err) {
        // Apache answers 403 (DAV:propfind-finite-depth) unless DavDepthInfinity is on; other
        // servers 400 or 501. A folder at a time then, which a 403 for the user refuses too.
        const status = (err as WebDavError).status;
        if (status !== 403 && status !== 400 && status !== 501) throw err;
        this.deepRefused = true;
      }
    }
    const folders = ['/'];
    while (folders.length > 0) {
      for (const item of await this.propfind(folders.shift()!, false)) {
        listing.add(item.path, item.entry);
        if (item.entry.dir) folders.push(item.path);
      }
    }
    this.listing = listing;
    return listing;
  }

  /**
   * One PROPFIND, every entry checked: a plain name inside the folder asked about, or the whole
   * listing is refused (a server that lists `../x` is not one to act on).
   */
  private async propfind(p: string, deep: boolean): Promise<{ path: string; entry: Listed }[]> {
    const items = await this.send('PROPFIND', `PROPFIND ${p}`, () =>
      this.client.getDirectoryContents(p, { deep }),
    );
    return items.map((item) => {
      const parts = item.filename.split('/').filter((s) => s !== '');
      const path = `/${parts.join('/')}`;
      const inside = deep
        ? parts.length > 0 && (p === '/' || path.startsWith(`${p}/`))
        : posix.join(p, item.basename) === path;
      if (!inside || !isPlainName(item.basename) || parts.some((s) => !isPlainName(s)))
        throw new WebDavError(
          `PROPFIND ${p}: the server listed "${item.filename}", not a file of this folder`,
          'EINVAL',
          'bad-listing',
        );
      return {
        path,
        entry: { dir: item.type === 'directory', size: item.size, etag: bareEtag(item.etag) },
      };
    });
  }

  /** What went wrong on a write leaves the server in doubt: the next question lists afresh. */
  private doubt() {
    this.listing = null;
  }

  async readFile(path: string): Promise<Uint8Array> {
    const p = this.remote(path);
    const listed = (await this.list())?.get(p);
    if (this.listing && (!listed || listed.dir))
      throw new WebDavError(`GET ${p}: not found`, 'ENOENT', 'unreachable', 404);
    const kept = this.kept.get(p);
    if (kept && listed?.etag && kept.etag === listed.etag) return kept.bytes.slice();
    const { data, headers } = await this.send('GET', `GET ${p}`, async () => {
      const got = await this.client.getFileContents(p, { format: 'binary', details: true });
      return got as { data: ArrayBuffer; headers: Record<string, string> };
    });
    const bytes = new Uint8Array(data);
    const etag = bareEtag(headers.etag);
    this.kept.delete(p);
    if (etag && bytes.byteLength <= KEEP_MAX_BYTES) {
      if (this.kept.size >= KEEP_MAX_FILES) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(p, { etag, bytes: bytes.slice() });
    }
    return bytes;
  }

  async writeFile(path: string, data: Uint8Array | string): Promise<void> {
    const p = this.remote(path);
    const spooled = spools.get(this.spoolKey(path));
    if (spooled) await rm(spooled, { force: true }).then(() => spools.delete(this.spoolKey(path)));
    const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    this.kept.delete(p);
    try {
      await this.send('PUT', `PUT ${p}`, async (attempt) => {
        // A temp name is fresh and random: "If-None-Match: *" makes sure it is nobody else's
        // file. Sent again after a cut, it may meet its own first part: that is replaced.
        const ok = await this.client.putFileContents(p, body, { overwrite: !isTempName(p) || attempt > 0 });
        if (!ok)
          throw new WebDavError(`PUT ${p}: refused, already there`, 'EEXIST', 'precondition-failed', 412);
      });
    } catch (err) {
      this.doubt();
      throw err;
    }
    this.listing?.add(p, { dir: false, size: body.byteLength, etag: null });
    if (body.byteLength <= KEEP_MAX_BYTES) this.written.set(p, new Uint8Array(body));
  }

  /** Keep what a file replaced under its name holds now, with its new ETag (one PROPFIND). */
  private async keepWritten(p: string, bytes: Uint8Array): Promise<void> {
    const etag = await this.send('PROPFIND', `PROPFIND ${p}`, async () =>
      bareEtag(((await this.client.stat(p)) as FileStat).etag),
    ).catch(() => null);
    if (!etag) return;
    if (this.kept.size >= KEEP_MAX_FILES) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(p, { etag, bytes });
    this.listing?.add(p, { dir: false, size: bytes.byteLength, etag });
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
    try {
      return await this.send('GET', `GET ${p}`, async () => {
        const response = await this.client.customRequest(p, {
          method: 'GET',
          headers: { Range: `bytes=${start}-${start + length - 1}` },
        });
        const bytes = new Uint8Array(await response.arrayBuffer());
        // A server that ignores Range sends the whole file.
        return response.status === 206 ? bytes : bytes.slice(start, start + length);
      });
    } catch (err) {
      if ((err as WebDavError).status === 416) return new Uint8Array();
      throw err;
    }
  }

  async size(path: string): Promise<number> {
    const p = this.remote(path);
    const listing = await this.list();
    if (listing) {
      const listed = listing.get(p);
      if (!listed) throw new WebDavError(`PROPFIND ${p}: not found`, 'ENOENT', 'unreachable', 404);
      return listed.size;
    }
    return this.send('PROPFIND', `PROPFIND ${p}`, async () => ((await this.client.stat(p)) as FileStat).size);
  }

  private async move(from: string, to: string, overwrite: boolean): Promise<void> {
    const key = this.spoolKey(from);
    const local = spools.get(key);
    const a = this.remote(from);
    const b = this.remote(to);
    let size = this.listing?.get(a)?.size ?? 0;
    if (local) {
      // The spooled parts go up in one PUT under the temp name first; only then the MOVE.
      size = (await stat(local)).size;
      try {
        await this.send('PUT', `PUT ${a}`, () =>
          this.client.putFileContents(a, createReadStream(local), { overwrite: true, contentLength: size }),
        );
      } catch (err) {
        this.doubt();
        throw err;
      }
      spools.delete(key);
      await rm(local, { force: true });
    }
    this.kept.delete(a);
    this.kept.delete(b);
    try {
      await this.send('MOVE', `MOVE ${a} → ${b}`, async (attempt) => {
        try {
          await this.client.moveFile(a, b, { overwrite });
        } catch (err) {
          // A MOVE done by the server whose answer was lost on the way: the source is gone and
          // the file is in place. Anything else stays an error.
          if (attempt > 0 && (err as { status?: number }).status === 404 && (await this.client.exists(b)))
            return;
          throw err;
        }
      });
    } catch (err) {
      this.doubt();
      throw err;
    }
    this.listing?.remove(a);
    this.listing?.add(b, { dir: false, size, etag: null });
    const bytes = this.written.get(a);
    this.written.delete(a);
    // A file replaced under the same name (this PC's peers file) is read by every sync: its new
    // ETag, asked now, spares the next sync reading back what this one wrote.
    if (overwrite && bytes) await this.keepWritten(b, bytes);
  }

  rename(from: string, to: string): Promise<void> {
    return this.move(from, to, true);
  }

  renameNew(from: string, to: string): Promise<void> {
    return this.move(from, to, false);
  }

  async readdir(path: string): Promise<string[]> {
    const p = this.remote(path);
    const listing = await this.list();
    if (listing) {
      const names = listing.names(p);
      if (!names) throw new WebDavError(`PROPFIND ${p}: not found`, 'ENOENT', 'unreachable', 404);
      return names;
    }
    const items = await this.propfind(p, false);
    for (const item of items) if (item.entry.dir) this.known.add(item.path);
    return items.map((item) => posix.basename(item.path));
  }

  async mkdir(path: string): Promise<void> {
    const p = this.remote(path);
    if (this.known.has(p) || this.listing?.get(p)?.dir) return;
    const parts = p.split('/').filter(Boolean);
    // The sync folder itself is made only when asked for (a new root); its subfolders as needed.
    for (let i = parts.length === 0 ? 0 : 1; i <= parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (this.known.has(dir) || this.listing?.get(dir)?.dir) continue;
      try {
        await this.send('MKCOL', `MKCOL ${dir}`, () => this.client.createDirectory(dir));
      } catch (err) {
        // 405: already there. Anything else is the server's answer to report.
        if ((err as WebDavError).status !== 405) {
          this.doubt();
          throw err;
        }
      }
      this.known.add(dir);
      this.listing?.add(dir, { dir: true, size: 0, etag: null });
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
    this.kept.delete(p);
    this.written.delete(p);
    try {
      await this.send('DELETE', `DELETE ${p}`, () => this.client.deleteFile(p));
    } catch (err) {
      // A spooled temp may never have reached the server: nothing to remove there.
      if (!(local && (err as WebDavError).code === 'ENOENT')) {
        this.doubt();
        throw err;
      }
    }
    this.listing?.remove(p);
  }

  async exists(path: string): Promise<boolean> {
    const p = this.remote(path);
    const listing = await this.list().catch((err: unknown) => {
      if ((err as WebDavError).code === 'ENOENT') return undefined;
      throw err;
    });
    if (listing === undefined) return false;
    if (listing) return listing.get(p) !== undefined;
    try {
      await this.send('PROPFIND', `PROPFIND ${p}`, () => this.client.stat(p));
      return true;
    } catch (err) {
      if ((err as WebDavError).code === 'ENOENT') return false;
      throw err;
    }
  }

  /** Remove the local spool folder (temp parts of snapshots never sent). */
  async close(): Promise<void> {
    for (const agent of this.agents) agent.destroy();
    if (this.spoolDir) await rm(this.spoolDir, { recursive: true, force: true });
  }
}

const isTempName = (p: string) => /\/\.[^/]+\.tmp$/.test(p);

/** An https agent that accepts exactly one certificate, by its SHA-256 fingerprint. */
function pinnedAgent(fingerprint: string): HttpsAgent {
  const want = normalizeFingerprint(fingerprint);
  const agent = new HttpsAgent({ rejectUnauthorized: false, keepAlive: true, maxSockets: MAX_CONNECTIONS });
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

/** The agent, with every new connection given `ms` to be ready (TCP, and TLS where it is https). */
function boundedAgent<A extends HttpAgent>(agent: A, ms: number): A {
  const tls = agent instanceof HttpsAgent;
  const plain: HttpAgent = agent;
  const createConnection = plain.createConnection.bind(agent);
  plain.createConnection = (opts, cb) => {
    const socket = createConnection(opts, cb) as Socket;
    const ready = tls ? 'secureConnect' : 'connect';
    const timer = setTimeout(
      () =>
        socket.destroy(
          Object.assign(new Error(`no connection within ${ms / 1000} s`), { code: 'ETIMEDOUT' }),
        ),
      ms,
    );
    socket.once(ready, () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
    return socket;
  };
  return agent;
}
