import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOverSignIn, URL_FILE_CODE_TTL_MS, writeLaunchUrlFile } from './launch';
import type { SpawnFn } from './open-app';
import { startBrowserServer, type BrowserServer } from './server';

let root: string;
let server: BrowserServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'netdesk-launch-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(
    join(root, 'renderer', 'index.html'),
    '<!doctype html><html><head></head><body></body></html>',
  );
  server = await startBrowserServer({
    port: 0,
    rendererDir: join(root, 'renderer'),
    findReport: () => Promise.resolve(undefined),
    dispatch: () => Promise.resolve({ ok: false, error: { code: 'failed', message: 'not in this test' } }),
  });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** GET a launch URL the way a browser would; the status says whether it signed in. */
function visit(url: string): Promise<number> {
  const u = new URL(url);
  return new Promise((done, fail) => {
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, headers: { host: u.host } },
      (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** A spawn that records the browser's command line and starts. */
function recordingSpawn(): { spawn: SpawnFn; commandLines: string[][] } {
  const commandLines: string[][] = [];
  const spawn: SpawnFn = (_command, args) => {
    commandLines.push(args);
    const child = Object.assign(new EventEmitter(), { unref: () => undefined });
    setImmediate(() => child.emit('spawn'));
    return child as unknown as ChildProcess;
  };
  return { spawn, commandLines };
}

const urlIn = (text: string): string => /http:\/\/127\.0\.0\.1:\d+\/\?c=[\w-]+/.exec(text)?.[0] ?? '';

describe('handing the sign-in to the browser', () => {
  it('puts a one-time code on the browser command line, never the token, and prints nothing of it', async () => {
    const lines: string[] = [];
    const { spawn, commandLines } = recordingSpawn();
    await handOverSignIn({
      launchUrl: server.launchUrl,
      open: true,
      window: { dataDir: root, lookup: () => ({ path: '/usr/bin/chromium' }), spawn, isRoot: false },
      log: (l) => lines.push(l),
    });
    const commandLine = commandLines[0]!.join(' ');
    expect(commandLine).not.toContain(server.token);
    expect(lines.join('\n')).not.toContain(server.token);
    expect(lines.join('\n')).not.toMatch(/\?c=/);
    const launch = urlIn(commandLine);
    expect(await visit(launch)).toBe(303);
    // Someone who copied it off the process list is too late.
    expect(await visit(launch)).toBe(403);
  });

  it('prints a link that works once when no browser is found, and a fresh one on Enter', async () => {
    const lines: string[] = [];
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const stop = await handOverSignIn({
      launchUrl: server.launchUrl,
      open: true,
      window: { dataDir: root, lookup: () => ({ path: undefined }) },
      log: (l) => lines.push(l),
      input,
    });
    const first = urlIn(lines.join('\n'));
    expect(lines.join('\n')).not.toContain(server.token);
    expect(await visit(first)).toBe(303);
    expect(await visit(first)).toBe(403);
    lines.length = 0;
    input.write('\n');
    await new Promise((r) => setTimeout(r, 50));
    const second = urlIn(lines.join('\n'));
    expect(second).not.toBe('');
    expect(second).not.toBe(first);
    expect(await visit(second)).toBe(303);
    stop();
  });

  it('without a terminal (a harness, a service) it opens once and listens for nothing', async () => {
    const lines: string[] = [];
    const input = new PassThrough();
    const stop = await handOverSignIn({
      launchUrl: server.launchUrl,
      open: false,
      window: { dataDir: root },
      log: (l) => lines.push(l),
      input,
    });
    expect(lines.filter((l) => urlIn(l))).toHaveLength(1);
    input.write('\n');
    await new Promise((r) => setTimeout(r, 30));
    expect(lines.filter((l) => urlIn(l))).toHaveLength(1);
    stop();
  });
});

describe('--print-url-file', () => {
  it('writes a one-time URL for two minutes into a file only its owner can read', async () => {
    const file = join(root, 'launch-url.txt');
    await writeFile(file, 'old', { mode: 0o644 });
    const ttls: (number | undefined)[] = [];
    await writeLaunchUrlFile(file, (ttl) => {
      ttls.push(ttl);
      return server.launchUrl(ttl);
    });
    expect(ttls).toEqual([URL_FILE_CODE_TTL_MS]);
    const url = (await readFile(file, 'utf8')).trim();
    expect(url).not.toContain(server.token);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await visit(url)).toBe(303);
  });
});
