// The worker thread of browser mode's body parser (body.ts): joins a large request body, parses
// it, turns wire bytes back into Uint8Arrays and checks it with the channel's schema, off the
// server's event loop. A request the schema refuses goes back as its error alone; one it accepts
// goes back decoded, its byte arrays moved rather than copied.
import { parentPort } from 'node:worker_threads';
import { parseIpcRequest, type IpcChannel } from '../../shared/ipc';
import { BodyError, parseBodyText } from './body';

/** The memory of every Uint8Array in a value that owns it whole, to move it to the main thread. */
function byteBuffers(value: unknown, found: ArrayBuffer[] = []): ArrayBuffer[] {
  if (value instanceof Uint8Array) {
    const own = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
    if (own && value.buffer instanceof ArrayBuffer && !found.includes(value.buffer)) found.push(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) byteBuffers(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) byteBuffers(item, found);
  }
  return found;
}

interface BodyMessage {
  id: number;
  channel: IpcChannel;
  body: Uint8Array[];
  size: number;
}

parentPort?.on('message', (message: BodyMessage) => {
  const { id, channel } = message;
  try {
    const request = parseBodyText(Buffer.concat(message.body, message.size).toString('utf8'));
    message.body.length = 0;
    const checked = parseIpcRequest(channel, request);
    if (!checked.ok) {
      parentPort!.postMessage({ id, result: { ok: false, error: checked.error } });
      return;
    }
    parentPort!.postMessage({ id, result: { ok: true, request } }, byteBuffers(request));
  } catch (err) {
    const refused =
      err instanceof BodyError
        ? { status: err.status, code: err.code, message: err.message }
        : { status: 500, code: 'failed', message: err instanceof Error ? err.message : String(err) };
    parentPort!.postMessage({ id, refused });
  }
});
