// The app:// scheme that serves NetDesk's built UI (out/renderer) inside Electron.
// Serving from a custom scheme instead of file:// gives the page a real origin (app://netdesk),
// lets every response carry the Content-Security-Policy header, and keeps the page from reading
// any other file on the disk: the path guard below only hands out files under the UI folder.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { isInside } from '../services/files';
import { CONTENT_SECURITY_POLICY, staticCacheControl } from '../../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'netdesk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The UI may load only its own scripts. Inline styles stay allowed because antd writes its CSS
 * at run time; data:/blob: images cover QR codes and PDF previews.
 */
export { CONTENT_SECURITY_POLICY };

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
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
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AssetLookup = { ok: true; path: string } | { ok: false; status: 400 | 403 };

/**
 * Map an app:// URL to a file under `rootDir`, or refuse it. Plain "../" and "%2e%2e/" segments
 * are already removed by URL parsing (they cannot climb above the root). Refused: another scheme
 * or host, encoded slashes or backslashes, undecodable or doubly encoded escapes, NUL bytes,
 * backslashes (a folder separator on Windows), drive letters, any "." or ".." segment left after
 * decoding, and anything that would still resolve outside the folder.
 */
export function resolveAppAssetPath(rootDir: string, requestUrl: string): AssetLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  // An encoded slash or backslash would survive URL normalisation and become a separator only
  // after decoding: that is how "..%2f" escapes. Nothing NetDesk builds has one.
  if (/%2f|%5c/i.test(url.pathname)) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\') || /%[0-9a-f]{2}/i.test(pathname)) {
    // A %xx left after decoding was encoded twice: nothing NetDesk builds does that.
    return { ok: false, status: 403 };
  }
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || /^[a-z]:$/i.test(s))) return { ok: false, status: 403 };
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = resolve(rootDir);
  const path = resolve(root, relativePath);
  if (!isInside(root, path) || path === root) return { ok: false, status: 403 };
  return { ok: true, path };
}

function securityHeaders(contentType: string, cacheControl = 'no-cache'): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': cacheControl,
  };
}

/** `path` (inside `root`) as a forward-slash path relative to it. */
function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Answer one app:// request from the files under `rootDir`. A path without a file extension that
 * is not a file (a screen address after a reload) gets index.html, so the UI can route it.
 */
export async function serveAppRequest(
  rootDir: string,
  request: Pick<Request, 'url' | 'method'>,
): Promise<Response> {
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  const found = resolveAppAssetPath(rootDir, request.url);
  if (!found.ok) return plain(found.status, found.status === 400 ? 'bad request' : 'forbidden');
  let path = found.path;
  if (!(await isFile(path))) {
    if (extname(path) !== '') return plain(404, 'not found');
    path = join(resolve(rootDir), 'index.html');
    if (!(await isFile(path))) return plain(404, 'not found');
  }
  const body = request.method === 'HEAD' ? null : await readFile(path);
  const relative = relativeTo(resolve(rootDir), path);
  return new Response(body, {
    status: 200,
    headers: securityHeaders(mimeTypeOf(path), staticCacheControl(relative)),
  });
}
