// Browser mode's loopback server: serves the same renderer bundle Electron loads from app://, and
// carries the same IPC channels over HTTP (POST /api/<channel>) to the same Node services.
//
// It listens on 127.0.0.1 only, yet any web page the supervisor opens could still send requests
// to it, so every request is checked before anything else happens:
//   - Host must be 127.0.0.1:PORT or localhost:PORT (a DNS-rebinding page sends its own name);
//   - an Origin header, when present, must be this server's own origin;
//   - a random per-launch token must come with the request, as an HttpOnly, SameSite=Strict cookie;
//     API calls also repeat it in X-NetDesk-Token (the page reads it from a <meta> tag injected
//     into index.html), so a forged cross-site form cannot call.
// The token itself never leaves this process except in that cookie and that page: another user
// of the PC can read a browser's command line (ps, Task Manager), so the launch URL carries a
// one-time code instead (/?c=CODE), good for one request within a few seconds, which the server
// exchanges for the cookie. A used or stale code is worth nothing.
// Responses carry the same strict CSP as the Electron window (saved PDFs a script-free variant).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  isIpcChannel,
  pdfFileNameSchema,
  type IpcChannel,
  type IpcError,
  type IpcResult,
} from '../../shared/ipc';
import { encodeWire } from '../../shared/wire';
import { CONTENT_SECURITY_POLICY, staticCacheControl } from '../../shared/csp';
import { BodyError, createBodyParser, readChannelBody, type ParsedBody } from './body';

/** The services' dispatcher with its service table already bound. */
export type BrowserDispatch = (channel: string, raw: unknown) => Promise<IpcResult<IpcChannel>>;

export interface BrowserServerOptions {
  /** Fixed in real use (IndexedDB belongs to the origin, port included); 0 picks a free port in tests. */
  port: number;
  host?: '127.0.0.1';
  /** The built renderer (out/renderer), holding index.html and assets/. */
  rendererDir: string;
  dispatch: BrowserDispatch;
  /**
   * The path of a PDF NetDesk issued under that name (its index of issued reports), or
   * undefined: /files/ serves nothing else, whatever lies in the reports folder.
   */
  findReport: (fileName: string) => Promise<string | undefined>;
  /** Per-launch secret; generated when omitted. */
  token?: string;
  /** A ceiling over every channel's own cap (shared/ipc.ts ipcRequestLimits). */
  maxBodyBytes?: number;
  /** Start the thread that parses large bodies at once (the app), not on the first one (tests). */
  warmBodyReader?: boolean;
}

export interface BrowserServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /**
   * A fresh sign-in URL: /?c=CODE, where CODE is good for one request within `ttlMs`. It hands
   * the browser its cookie, then redirects to the app.
   */
  launchUrl: (ttlMs?: number) => string;
  port: number;
  /** The per-launch secret, for this process only (never printed, never on a command line). */
  token: string;
  close(): Promise<void>;
}

/** How long a sign-in code in a browser's command line stays good: long enough for a cold start. */
export const LAUNCH_CODE_TTL_MS = 20_000;
/** Codes that may be waiting at once; older ones are dropped (a launcher makes one at a time). */
const MAX_OPEN_CODES = 8;

export { CONTENT_SECURITY_POLICY };

/**
 * For saved PDFs opened in a tab. Chromium shows a PDF through an <embed> of its built-in viewer
 * in a page it generates, and object-src 'none' blocks that embed (the tab stays blank), so this
 * policy allows exactly a same-origin embed and the viewer page's inline styles, and nothing else.
 */
export const PDF_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "object-src 'self'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The ceiling over every channel's own cap (shared/ipc.ts ipcRequestLimits): the largest of
 * those, a 50 MB PDF as base64 (~67 MB), fits under it.
 */
export const DEFAULT_MAX_BODY_BYTES = 70 * 1024 * 1024;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Thrown inside a request to answer with a status; the message is shown to whoever sent it. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message);
  }
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('hex');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const rendererDir = resolve(options.rendererDir);
  const cookieName = (port: number): string => `netdesk_token_${port}`; // cookies ignore ports
  // Hashing first gives both sides the same length, as timingSafeEqual needs.
  const tokenDigest = createHash('sha256').update(token).digest();
  const tokenMatches = (candidate: string | undefined): boolean =>
    candidate !== undefined && timingSafeEqual(createHash('sha256').update(candidate).digest(), tokenDigest);
  // One-time sign-in codes, kept as their SHA-256 with the moment they go stale.
  const codes = new Map<string, number>();
  const codeKey = (code: string): string => createHash('sha256').update(code).digest('hex');
  const now = (): number => Date.now();
  function mintCode(ttlMs: number): string {
    for (const [key, until] of codes) if (until <= now()) codes.delete(key);
    while (codes.size >= MAX_OPEN_CODES) codes.delete(codes.keys().next().value!);
    const code = randomBytes(24).toString('base64url');
    codes.set(codeKey(code), now() + ttlMs);
    return code;
  }
  /** True once for a code that is known and fresh; the code is gone afterwards either way. */
  function redeemCode(code: string): boolean {
    const key = codeKey(code);
    const until = codes.get(key);
    codes.delete(key);
    return until !== undefined && until > now();
  }

  const bodyParser = createBodyParser();
  if (options.warmBodyReader) bodyParser.warm();

  let port = options.port;
  const server: Server = createServer((req, res) => {
    setSecurityHeaders(res);
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      const code = err instanceof HttpError ? err.code : 'failed';
      const message = err instanceof Error ? err.message : String(err);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (isApiPath(req)) sendJson(res, status, { ok: false, error: { code, message } });
      else sendText(res, status, message);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = req.headers.host ?? '';
    if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
      throw new HttpError(421, 'forbidden', 'NetDesk answers only at 127.0.0.1 on its own port.');
    }
    const ownOrigin = `http://${hostHeader}`;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== ownOrigin) {
      throw new HttpError(403, 'forbidden', 'Requests from other web pages are refused.');
    }

    // Routed on the path exactly as sent: URL parsing would quietly resolve /../ and %2e%2e,
    // and a request that tries them deserves a refusal, not the app's start page.
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new HttpError(400, 'bad-request', 'Malformed URL.');
    const queryAt = target.indexOf('?');
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
    const launchCode = pathname === '/' ? query.get('c') : null;
    if (launchCode !== null) {
      const signedIn = tokenMatches(readCookie(req, cookieName(port)));
      // A browser that already has its cookie (a reload of the launch URL) just goes on.
      if (!redeemCode(launchCode) && !signedIn) {
        throw new HttpError(403, 'forbidden', staleCodeMessage);
      }
      if (!signedIn) {
        res.setHeader('Set-Cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      }
      res.setHeader('Location', '/');
      res.setHeader('Cache-Control', 'no-store');
      res.writeHead(303).end();
      return;
    }

    if (!tokenMatches(readCookie(req, cookieName(port)))) {
      throw new HttpError(403, 'forbidden', notSignedInMessage);
    }

    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      throw new HttpError(405, 'bad-request', 'Method not allowed.');
    }
    if (pathname.startsWith('/files/')) return serveReport(req, res, pathname.slice('/files/'.length));
    return serveStatic(req, res, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      throw new HttpError(405, 'bad-request', 'API calls are POST requests.');
    }
    const headerToken = req.headers['x-netdesk-token'];
    if (typeof headerToken !== 'string' || !tokenMatches(headerToken)) {
      throw new HttpError(403, 'forbidden', 'API calls must carry the X-NetDesk-Token header.');
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== 'application/json') {
      throw new HttpError(415, 'bad-request', 'API calls must send Content-Type: application/json.');
    }
    if (!isIpcChannel(channel)) throw new HttpError(404, 'not-found', `unknown channel: ${channel}`);

    let parsed: ParsedBody;
    try {
      const { chunks, size } = await readChannelBody(req, channel, maxBodyBytes);
      parsed = await bodyParser.parse(channel, chunks, size);
    } catch (err) {
      if (!(err instanceof BodyError)) throw err;
      throw new HttpError(err.status, err.code, err.message);
    }
    // The worker already found it invalid: the same answer the services would give.
    const result = parsed.ok ? await options.dispatch(channel, parsed.request) : parsed;
    sendJson(res, 200, encodeWire(result));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const relativePath = safeRelativePath(pathname);
    const indexPath = resolve(rendererDir, 'index.html');
    let filePath = relativePath === '' ? indexPath : resolve(rendererDir, relativePath);
    if (!(await isFileInside(rendererDir, filePath))) {
      // A path without a file extension is a screen of the single-page app (e.g. /repairs/12):
      // the page decides what to show. A missing file keeps its honest 404.
      if (extname(relativePath) !== '') throw new HttpError(404, 'not-found', 'Not found.');
      filePath = indexPath;
    }
    if (filePath === indexPath) {
      const html = injectIntoIndex(await readFile(indexPath, 'utf8'), token);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Type', MIME_TYPES['.html']!);
      res.setHeader('Content-Length', Buffer.byteLength(html));
      res.writeHead(200).end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    res.setHeader('Cache-Control', staticCacheControl(relativePath));
    await streamFile(req, res, filePath);
  }

  async function serveReport(req: IncomingMessage, res: ServerResponse, encodedName: string): Promise<void> {
    const name = safeRelativePath(encodedName);
    // Only a plain PDF name, as pdf:save and file:open accept, and only one NetDesk issued.
    const plain = pdfFileNameSchema.safeParse(name);
    if (name.includes('/') || !plain.success || plain.data !== name) {
      throw new HttpError(404, 'not-found', 'Not found.');
    }
    const filePath = await options.findReport(name);
    if (filePath === undefined) throw new HttpError(404, 'not-found', 'Not found.');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', PDF_CONTENT_SECURITY_POLICY);
    // inline: opens in the browser's PDF viewer, from where the supervisor prints it.
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`);
    await streamFile(req, res, filePath);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;

  return {
    origin,
    launchUrl: (ttlMs = LAUNCH_CODE_TTL_MS) => `${origin}/?c=${mintCode(ttlMs)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }).then(() => bodyParser.close()),
  };
}

const notSignedInMessage =
  '此页面需要从 NetDesk 启动器打开（npm start）。This page must be opened from the NetDesk launcher (npm start).';

const staleCodeMessage =
  '此登录链接已用过或已过期。请在运行 NetDesk 的终端窗口中按回车键，获取新的链接。' +
  'This sign-in link was used already or has expired. Press Enter in the terminal window running NetDesk for a new one.';

function isApiPath(req: IncomingMessage): boolean {
  return (req.url ?? '').startsWith('/api/');
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Turn a URL path into a path relative to a served folder, or refuse it. Decoded first, so that
 * %2e%2e, %2f and %5c cannot hide a step out of the folder. Backslashes (a separator on Windows),
 * colons (drive letters, NTFS streams) and NUL are refused outright, as is any "." or ".." segment.
 */
export function safeRelativePath(urlPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw new HttpError(400, 'bad-request', 'Malformed URL.');
  }
  if (decoded.includes('\\') || decoded.includes('\0') || decoded.includes(':')) {
    throw new HttpError(403, 'forbidden', 'Forbidden path.');
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) throw new HttpError(403, 'forbidden', 'Forbidden path.');
  return segments.join('/');
}

/** True when filePath is a regular file that, with symbolic links followed, lies inside root. */
async function isFileInside(root: string, filePath: string): Promise<boolean> {
  const within = (base: string, target: string): boolean => {
    const rel = relative(base, target);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  if (!within(root, filePath)) return false;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
    if (!within(realRoot, realFile)) return false;
    return (await stat(realFile)).isFile();
  } catch {
    return false;
  }
}

/**
 * The renderer bundle is built with relative asset URLs (./assets/…) for Electron's app://.
 * Served at a nested route such as /repairs/12 those would miss, so they become root-relative
 * (a <base> tag is not an option: the CSP says base-uri 'none'). The API token goes in a <meta>.
 */
export function injectIntoIndex(html: string, token: string): string {
  const withRootUrls = html.replace(/(\s(?:src|href)=["'])\.\//g, '$1/');
  const meta = `<meta name="netdesk-token" content="${token}">`;
  return /<head[^>]*>/i.test(withRootUrls)
    ? withRootUrls.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`)
    : `${meta}\n${withRootUrls}`;
}

async function streamFile(req: IncomingMessage, res: ServerResponse, filePath: string): Promise<void> {
  const info = await stat(filePath);
  res.setHeader('Content-Type', MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Content-Length', info.size);
  if (req.method === 'HEAD') {
    res.writeHead(200).end();
    return;
  }
  res.writeHead(200);
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(filePath);
    stream.on('error', fail);
    res.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.writeHead(status).end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.writeHead(status).end(text);
}
