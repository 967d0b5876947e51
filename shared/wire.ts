// How NetDesk's IPC values travel as JSON in browser mode (page ⇄ loopback server).
// JSON has no binary type, so every Uint8Array (PDF bytes, import files) is sent as
// {"$bytes":"<base64>"} and turned back into a Uint8Array on the other side. Both the page and
// the server use this one codec, so what Electron's structured clone carries, HTTP carries too.
// Pure TypeScript: no Buffer, no DOM, so it runs in the renderer, in Node and in tests alike.

/** The JSON shape of one byte array on the wire. */
export interface WireBytes {
  $bytes: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALPHABET_CODES = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
const PAD = '='.charCodeAt(0);
const DECODE_TABLE: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Standard base64 (RFC 4648, with padding) of a byte array. */
export function bytesToBase64(bytes: Uint8Array): string {
  // Written as ASCII codes into one buffer and decoded once: building the string piece by piece
  // took ~10 s for a 50 MB PDF, this takes well under a second.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ALPHABET_CODES[(n >> 18) & 63]!;
    out[o++] = ALPHABET_CODES[(n >> 12) & 63]!;
    out[o++] = ALPHABET_CODES[(n >> 6) & 63]!;
    out[o++] = ALPHABET_CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = ALPHABET_CODES[(n >> 18) & 63]!;
    out[o++] = ALPHABET_CODES[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? ALPHABET_CODES[(n >> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return new TextDecoder().decode(out);
}

/** Decode standard base64; throws on any character outside the alphabet or a bad length. */
export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('invalid base64: length is not a multiple of 4');
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = last && padding === 2 ? 0 : sextet(text, i + 2);
    const d = last && padding >= 1 ? 0 : sextet(text, i + 3);
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? DECODE_TABLE[code]! : -1;
  if (value < 0) throw new Error(`invalid base64: unexpected character at position ${index}`);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isWireBytes(value: Record<string, unknown>): value is Record<string, unknown> & WireBytes {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$bytes' && typeof value.$bytes === 'string';
}

/**
 * Copy one property as an own data property. Plain assignment of a key named "__proto__" (which
 * JSON.parse happily produces) would instead swap the copy's prototype.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Make a value JSON-safe: every Uint8Array (a Node Buffer too) becomes {"$bytes": base64}.
 * Arrays and plain objects are copied; everything else passes through for JSON.stringify.
 */
export function encodeWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: bytesToBase64(value) } satisfies WireBytes;
  if (Array.isArray(value)) return value.map(encodeWire);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(out, key, encodeWire(item));
    return out;
  }
  return value;
}

/**
 * The reverse of encodeWire on a freshly parsed JSON value: every object whose only key is
 * "$bytes" (a string) becomes a Uint8Array. Throws on malformed base64, so a damaged upload is
 * refused rather than saved as a corrupt PDF. No NetDesk record has a field named "$bytes".
 * `decodeBase64` lets Node pass its native decoder (as strict as base64ToBytes).
 */
export function decodeWire(
  value: unknown,
  decodeBase64: (text: string) => Uint8Array = base64ToBytes,
): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeWire(item, decodeBase64));
  if (isPlainObject(value)) {
    if (isWireBytes(value)) return decodeBase64(value.$bytes);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(out, key, decodeWire(item, decodeBase64));
    return out;
  }
  return value;
}
