// The renderer's one way to reach NetDesk's Node services. Inside Electron the preload exposes
// window.netdesk over IPC; in browser mode there is no preload, so the same NetdeskApi is built
// here on top of fetch: POST /api/<channel> to the loopback server, with the per-launch token
// from the page's <meta name="netdesk-token"> and binary values carried by shared/wire.
// Either way, callers get plain values back and a NetdeskCallError when a call fails.
import {
  apiChannels,
  NetdeskCallError,
  type IpcChannel,
  type IpcError,
  type IpcResult,
  type NetdeskApi,
} from '../../shared/ipc';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { PreloadNetdesk } from './types';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

type ApiMethod = keyof NetdeskApi;
const methodNames = Object.keys(apiChannels) as ApiMethod[];
const errorCodes: readonly IpcError['code'][] = ['bad-request', 'forbidden', 'not-found', 'failed'];

/**
 * True only for the IPC envelope {ok:true,value} / {ok:false,error:{code,message}}. Some results
 * look alike and must pass through untouched: settings:read answers {ok,settings,…} itself.
 */
function isIpcResult(value: unknown): value is IpcResult<IpcChannel> {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (record.ok === true) return keys.length === 2 && 'value' in record;
  if (record.ok === false) {
    const error = record.error as Record<string, unknown> | null | undefined;
    return (
      keys.length === 2 &&
      typeof error === 'object' &&
      error !== null &&
      typeof error.code === 'string' &&
      typeof error.message === 'string'
    );
  }
  return false;
}

function toCallError(error: IpcError): NetdeskCallError {
  const code = errorCodes.includes(error.code) ? error.code : 'failed';
  return new NetdeskCallError(code, error.message, Array.isArray(error.issues) ? error.issues : []);
}

function unwrap<T>(result: unknown): T {
  if (!isIpcResult(result)) return result as T;
  if (result.ok) return result.value as T;
  throw toCallError(result.error);
}

/** The preload's API, whether its methods return plain values or IpcResult envelopes. */
export function wrapPreloadNetdesk(preload: PreloadNetdesk): NetdeskApi {
  const api = {} as Record<ApiMethod, (req?: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    const call = preload[method] as (req?: unknown) => Promise<unknown>;
    api[method] = async (req?: unknown) => unwrap(await call.call(preload, req));
  }
  return api as unknown as NetdeskApi;
}

function statusCode(status: number): IpcError['code'] {
  if (status === 403 || status === 421) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 400 && status < 500) return 'bad-request';
  return 'failed';
}

/** Bodies from this size on are sent as a Blob (see requestBody). */
export const BLOB_BODY_CHARS = 1024 * 1024;

/**
 * A request's JSON body. A large one goes as a Blob: Chromium copies a string body on the page's
 * thread before sending it (about a second for 8 MB), a Blob's without blocking the page. Small
 * ones stay strings (the usual case, and the one the screens' timing was measured with).
 */
function requestBody(req: unknown): string | Blob {
  const json = JSON.stringify(encodeWire(req ?? {}));
  return json.length >= BLOB_BODY_CHARS ? new Blob([json], { type: 'application/json' }) : json;
}

/** NetdeskApi over HTTP to browser mode's loopback server. */
export function createHttpNetdesk(options: {
  token: string;
  fetch?: FetchLike;
  baseUrl?: string;
}): NetdeskApi {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? '';

  async function call(channel: IpcChannel, req: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-NetDesk-Token': options.token },
        body: requestBody(req),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (err) {
      // The loopback server is gone: NetDesk's launcher window was closed or stopped.
      const detail = err instanceof Error ? err.message : String(err);
      throw new NetdeskCallError('failed', `NetDesk service is not reachable (${detail})`);
    }
    let body: unknown;
    try {
      body = decodeWire(await response.json());
    } catch {
      throw new NetdeskCallError(statusCode(response.status), `NetDesk service answered ${response.status}`);
    }
    if (isIpcResult(body)) return unwrap(body);
    throw new NetdeskCallError(
      statusCode(response.status),
      `unexpected answer from NetDesk service (${response.status})`,
    );
  }

  const api = {} as Record<ApiMethod, (req?: unknown) => Promise<unknown>>;
  for (const method of methodNames) api[method] = (req?: unknown) => call(apiChannels[method], req);
  return api as unknown as NetdeskApi;
}

/** The per-launch token the loopback server wrote into index.html. */
export function readPageToken(doc: Document = document): string {
  return doc.querySelector('meta[name="netdesk-token"]')?.getAttribute('content') ?? '';
}

/** 'electron' when the preload is present, else 'browser' (served by the loopback server). */
export function runtimeMode(): 'electron' | 'browser' {
  return typeof window !== 'undefined' && window.netdesk ? 'electron' : 'browser';
}

let cached: NetdeskApi | undefined;

/** The NetdeskApi for this page; the same object on every call. */
export function getNetdesk(): NetdeskApi {
  if (!cached) {
    cached = window.netdesk
      ? wrapPreloadNetdesk(window.netdesk)
      : createHttpNetdesk({ token: readPageToken() });
  }
  return cached;
}
