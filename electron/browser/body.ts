// Request bodies of browser mode's API, read so that no page can exhaust the server: each
// channel has a cap in bytes and in JSON values (shared/ipc.ts ipcRequestLimits). A declared
// Content-Length over the cap is refused before a byte is read; a body that passes either cap
// while it arrives is refused at that moment (413), and what follows is discarded unread. The
// values are counted by a small scanner as the chunks come in, so a body of millions of tiny
// arrays stops after a few megabytes instead of being parsed into gigabytes.
// Bodies that pass are parsed where the event loop does not wait for them: small ones inline,
// larger ones (a backup part, attachments, a PDF) in a worker thread that also checks them with
// the channel's schema, so only a request the services would accept comes back whole.
import type { IncomingMessage } from 'node:http';
import { Worker } from 'node:worker_threads';
import { ipcRequestLimits, type IpcChannel, type IpcError } from '../../shared/ipc';
import { decodeWire } from '../../shared/wire';

/** Bodies up to this size are parsed on the spot: under a millisecond. */
export const INLINE_PARSE_BYTES = 256 * 1024;
/** No NetDesk request nests deeper than a dozen levels. */
export const MAX_JSON_DEPTH = 64;

/** A refusal with the status to answer and a message for whoever sent it. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 500,
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Counts the values of a JSON text fed in chunks (each `[`, `{` and `,` outside strings) and its
 * nesting depth, without parsing it. Inside strings it jumps from quote to quote (Buffer.indexOf),
 * so a long base64 string costs almost nothing.
 */
export class JsonShapeMeter {
  values = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly limits: { values: number; depth: number }) {}

  /** Feed the next chunk; returns why the body is refused, or undefined while it is fine. */
  feed(chunk: Uint8Array): string | undefined {
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    while (i < bytes.length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        const start = i;
        let quote = bytes.indexOf(QUOTE, i);
        // A quote preceded by an odd run of backslashes is part of the string.
        while (quote !== -1 && backslashesBefore(bytes, quote, start) % 2 === 1) {
          quote = bytes.indexOf(QUOTE, quote + 1);
        }
        if (quote === -1) {
          this.escaped = backslashesBefore(bytes, bytes.length, start) % 2 === 1;
          return undefined;
        }
        this.inString = false;
        i = quote + 1;
        continue;
      }
      const c = bytes[i]!;
      if (c === QUOTE) this.inString = true;
      else if (c === 0x5b || c === 0x7b) {
        this.values++;
        if (++this.depth > this.limits.depth)
          return `the request nests deeper than ${this.limits.depth} levels`;
      } else if (c === 0x5d || c === 0x7d) this.depth--;
      else if (c === 0x2c) this.values++;
      i++;
    }
    if (this.values > this.limits.values) {
      return `the request holds more than ${this.limits.values.toLocaleString('en')} values`;
    }
    return undefined;
  }
}

function backslashesBefore(bytes: Buffer, end: number, start: number): number {
  let n = 0;
  for (let j = end - 1; j >= start && bytes[j] === BACKSLASH; j--) n++;
  return n;
}

const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

/**
 * Read a channel's body within its caps. Resolves with the chunks; rejects with a BodyError (413)
 * as soon as a cap is passed, after which the rest of the body is read and dropped.
 */
export function readChannelBody(
  req: IncomingMessage,
  channel: IpcChannel,
  ceiling = Number.POSITIVE_INFINITY,
): Promise<{ chunks: Buffer[]; size: number }> {
  const limits = ipcRequestLimits[channel];
  const maxBytes = Math.min(limits.bytes, ceiling);
  const tooLarge = (detail: string): BodyError => new BodyError(413, 'bad-request', `${channel}: ${detail}`);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    req.resume();
    return Promise.reject(
      tooLarge(
        `the request body is ${megabytes(declared)}, more than the ${megabytes(maxBytes)} this channel carries`,
      ),
    );
  }
  const meter = new JsonShapeMeter({ values: limits.values, depth: MAX_JSON_DEPTH });
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const refuse = (err: BodyError): void => {
      req.off('data', onData);
      chunks.length = 0;
      req.resume(); // drain and drop the rest: constant memory, and the answer can still be read
      fail(err);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        refuse(
          tooLarge(
            `the request body is larger than the ${megabytes(maxBytes)} this channel carries; refused as it arrived`,
          ),
        );
        return;
      }
      const problem = meter.feed(chunk);
      if (problem) {
        refuse(tooLarge(`${problem}; refused as it arrived, before parsing it`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => done({ chunks, size }));
    req.on('error', fail);
  });
}

/** What parsing a body gives: the decoded request, or an answer for the page without calling the service. */
export type ParsedBody = { ok: true; request: unknown } | { ok: false; error: IpcError };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Standard base64 to bytes with Node's native decoder, as strict as shared/wire's: Buffer.from
 * alone would skip characters outside the alphabet and save a damaged PDF without a word.
 */
export function nodeBase64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('invalid base64: length is not a multiple of 4');
  if (!BASE64.test(text)) throw new Error('invalid base64: unexpected character');
  const decoded = Buffer.from(text, 'base64');
  // A plain Uint8Array over exactly its bytes: what the schema expects, and movable to a thread.
  const bytes = new Uint8Array(decoded.byteLength);
  bytes.set(decoded);
  return bytes;
}

/** Parse JSON with shared/wire's bytes; a syntax or base64 error becomes a 400. */
export function parseBodyText(text: string): unknown {
  try {
    return decodeWire(text.trim() === '' ? {} : JSON.parse(text), nodeBase64ToBytes);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new BodyError(400, 'bad-request', `request body is not valid JSON: ${detail}`);
  }
}

interface WorkerAnswer {
  id: number;
  result?: ParsedBody;
  /** A BodyError from the worker (bad JSON, bad base64). */
  refused?: { status: 400 | 413 | 500; code: IpcError['code']; message: string };
}

/**
 * One worker thread that parses and checks large bodies one after another. It starts on the
 * first large body; if it dies (out of memory on a hostile body) the waiting requests fail and
 * the next one starts a fresh worker.
 */
export function createBodyParser(): {
  parse(channel: IpcChannel, chunks: Buffer[], size: number): Promise<ParsedBody>;
  /** Start the worker now, so the first backup part does not wait for it to load. */
  warm(): void;
  close(): Promise<void>;
} {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, { done: (r: ParsedBody) => void; fail: (e: Error) => void }>();

  function start(): Worker {
    const w = new Worker(new URL('./body-worker.mjs', import.meta.url), {
      // A hostile body that slipped past the caps takes this worker down, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    });
    w.unref();
    w.on('message', (answer: WorkerAnswer) => {
      const entry = waiting.get(answer.id);
      if (!entry) return;
      waiting.delete(answer.id);
      if (answer.refused)
        entry.fail(new BodyError(answer.refused.status, answer.refused.code, answer.refused.message));
      else entry.done(answer.result!);
    });
    const lost = (why: string): void => {
      if (worker === w) worker = undefined;
      for (const [id, entry] of waiting) {
        waiting.delete(id);
        entry.fail(new BodyError(413, 'bad-request', `the request could not be read (${why})`));
      }
    };
    w.on('error', (err) => lost(err.message));
    w.on('exit', (code) => lost(`reader stopped with code ${code}`));
    return w;
  }

  return {
    parse(channel, chunks, size) {
      if (size <= INLINE_PARSE_BYTES) {
        return Promise.resolve({
          ok: true,
          request: parseBodyText(Buffer.concat(chunks, size).toString('utf8')),
        });
      }
      worker ??= start();
      const id = nextId++;
      const w = worker;
      // Moved to the worker rather than copied (a 70 MB copy here stalled the server for a second
      // on a busy PC): each chunk that owns its memory whole; the rare one that shares memory with
      // others (Node's buffer pool, a socket read that also held the headers) is copied.
      const body: Uint8Array[] = [];
      const moved = new Set<ArrayBuffer>();
      for (const chunk of chunks) {
        const own =
          chunk.byteOffset === 0 &&
          chunk.byteLength === chunk.buffer.byteLength &&
          chunk.buffer instanceof ArrayBuffer &&
          !moved.has(chunk.buffer);
        const piece = own ? new Uint8Array(chunk.buffer) : Uint8Array.from(chunk);
        body.push(piece);
        moved.add(piece.buffer);
      }
      chunks.length = 0;
      return new Promise<ParsedBody>((done, fail) => {
        waiting.set(id, { done, fail });
        w.postMessage({ id, channel, body, size }, [...moved]);
      });
    },
    warm() {
      worker ??= start();
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
