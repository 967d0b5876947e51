// A real WebDAV server for the sync tests: Debian's Apache httpd with mod_dav and mod_dav_fs,
// started on a free loopback port with basic auth and a temporary document root, stopped after.
// In front of it, when a test asks, a small proxy that can cut a PUT mid-stream or answer in
// the ways servers and networks misbehave (507, 423, HTML of a captive portal, a redirect, a
// listing with `../`). When Apache cannot be started the test fails loudly: it never skips.
// `useDavServer` is the one setup of a test file that syncs through both: the server and the
// proxy for the whole file, a folder of its own on the server and a temp folder for each test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

const APACHE_BINARIES = ['/usr/sbin/apache2', '/usr/sbin/httpd', '/usr/local/apache2/bin/httpd'];
const MODULE_DIRS = ['/usr/lib/apache2/modules', '/usr/lib64/httpd/modules', '/usr/local/apache2/modules'];

export const DAV_USER = 'netdesk';
export const DAV_PASSWORD = '同步-secret-1';

/** A port free on the loopback address right now. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(
  port: number,
  ms: number,
  log: () => Promise<string>,
  exited: () => boolean,
): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until || exited())
      throw new Error(`Apache did not start on port ${port}:\n${await log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface ApacheServer {
  /** Base URL of the server (no trailing slash), e.g. http://127.0.0.1:40123 */
  origin: string;
  /** The WebDAV area under basic auth: `${origin}/dav/` */
  davUrl: string;
  /** The folder on disk behind /dav/ */
  root: string;
  /**
   * CPU time (ms) Apache's processes have used so far, from /proc (NaN where there is none):
   * the bench sets the server's share of a sync beside the client's.
   */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** User + system CPU ms of the live processes started with this config file (Linux /proc). */
function cpuOfProcesses(conf: string): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(conf)) continue;
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return NaN;
  }
  // Kernel clock ticks are 10 ms on Linux (USER_HZ 100).
  return ticks * 10;
}

/**
 * Start Apache with mod_dav_fs. The tests call it in beforeAll; it throws (with the command to
 * install Apache) when there is no Apache, so a machine without it fails instead of skipping.
 */
export async function startApache(): Promise<ApacheServer> {
  const bin = APACHE_BINARIES.find((p) => existsSync(p));
  const modules = MODULE_DIRS.find((d) => existsSync(join(d, 'mod_dav_fs.so')));
  if (!bin || !modules)
    throw new Error(
      'The WebDAV sync tests need Apache httpd with mod_dav_fs. On Debian/Ubuntu: sudo apt-get install -y apache2 (npm test installs it when run as root).',
    );
  const base = await mkdtemp(join(tmpdir(), 'netdesk-apache-'));
  const root = join(base, 'dav');
  const locks = join(base, 'locks');
  await mkdir(root);
  await mkdir(locks);
  const port = await freePort();
  const sha1 = createHash('sha1').update(DAV_PASSWORD).digest('base64');
  await writeFile(join(base, 'htpasswd'), `${DAV_USER}:{SHA}${sha1}\n`);
  const asRoot = process.getuid?.() === 0;
  // Apache refuses to serve as root: it drops to www-data, which must own the folders it writes.
  if (asRoot) {
    spawnSync('chown', ['-R', 'www-data:www-data', root, locks]);
    await chmod(base, 0o755);
  }
  const mods = [
    'mpm_event',
    'authn_core',
    'authn_file',
    'authz_core',
    'authz_user',
    'auth_basic',
    'dav',
    'dav_fs',
    'alias',
  ];
  const conf = [
    `ServerRoot "${base}"`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    ...mods.map((m) => `LoadModule ${m}_module ${join(modules, `mod_${m}.so`)}`),
    asRoot ? 'User www-data\nGroup www-data' : '',
    `PidFile "${join(base, 'httpd.pid')}"`,
    `ErrorLog "${join(base, 'error.log')}"`,
    'LogLevel warn',
    `DocumentRoot "${root}"`,
    `DavLockDB "${join(locks, 'DavLock')}"`,
    'KeepAlive On',
    'MaxKeepAliveRequests 0',
    'Timeout 30',
    `Alias /dav "${root}"`,
    `<Directory "${root}">`,
    '  Dav On',
    // A NAS's Apache lists a folder tree in one PROPFIND when allowed; NetDesk uses that for
    // a sync with nothing new (and walks a folder at a time where a server refuses it).
    '  DavDepthInfinity On',
    '  AuthType Basic',
    '  AuthName "NetDesk sync"',
    `  AuthUserFile "${join(base, 'htpasswd')}"`,
    '  Require valid-user',
    '</Directory>',
    '',
  ].join('\n');
  await writeFile(join(base, 'httpd.conf'), conf);
  const child: ChildProcess = spawn(bin, ['-f', join(base, 'httpd.conf'), '-DFOREGROUND'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const log = async () =>
    `${output}\n${await readFile(join(base, 'error.log'), 'utf8').catch(() => '(no error.log)')}`;
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    await waitForPort(port, 10_000, log, () => exited);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    davUrl: `${origin}/dav/`,
    root,
    cpuMs: () => cpuOfProcesses(join(base, 'httpd.conf')),
    async stop() {
      if (!exited) {
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        if (!exited) child.kill('SIGKILL');
      }
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** What the proxy does to one request: pass it on, or misbehave. */
export type ProxyRule = (req: IncomingMessage) =>
  | 'pass'
  /** Forward the first `bytes` of the body, then drop both connections. */
  | { cut: number }
  /** Answer this instead of the server. */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Hang: never answer. */
  | 'hang'
  /** Pass, but of the answer send the head and the first `stall` bytes of the body, then hold. */
  | { stall: number }
  /** Pass, but replace the answer's body by running it through `rewrite`. */
  | { rewrite: (body: string) => string }
  /** Pass, but send the answer's body as a slow line would: `trickle` bytes every `everyMs`. */
  | { trickle: number; everyMs: number };

export interface CuttingProxy {
  url: (path: string) => string;
  rule: ProxyRule;
  /** Requests seen, as "METHOD /path". */
  seen: string[];
  stop(): Promise<void>;
}

/** A proxy on a free loopback port in front of `origin`, misbehaving by `rule`. */
export async function startProxy(origin: string): Promise<CuttingProxy> {
  const target = new URL(origin);
  const sockets = new Set<Socket>();
  const proxy: CuttingProxy = {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    rule: () => 'pass',
    seen: [],
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    proxy.seen.push(`${req.method} ${req.url}`);
    const action = proxy.rule(req);
    if (action === 'hang') return;
    if (typeof action === 'object' && 'status' in action) {
      req.resume();
      res.writeHead(action.status, action.headers ?? {});
      res.end(action.body ?? '');
      return;
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        if (typeof action === 'object' && 'stall' in action) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          let sent = 0;
          answer.on('data', (chunk: Buffer) => {
            const part = chunk.subarray(0, Math.max(0, action.stall - sent));
            sent += part.length;
            if (part.length > 0) res.write(part);
          });
          return;
        }
        if (typeof action === 'object' && 'trickle' in action) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            const body = Buffer.concat(parts);
            const send = (at: number) => {
              if (res.destroyed) return;
              if (at >= body.length) return void res.end();
              res.write(body.subarray(at, at + action.trickle));
              setTimeout(() => send(at + action.trickle), action.everyMs);
            };
            send(0);
          });
          return;
        }
        if (typeof action === 'object' && 'rewrite' in action) {
          let body = '';
          answer.setEncoding('utf8');
          answer.on('data', (d: string) => (body += d));
          answer.on('end', () => {
            const text = action.rewrite(body);
            const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) };
            delete headers['transfer-encoding'];
            res.writeHead(answer.statusCode ?? 502, headers);
            res.end(text);
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    if (typeof action === 'object' && 'cut' in action) {
      let sent = 0;
      req.on('data', (chunk: Buffer) => {
        if (sent >= action.cut) return;
        const part = chunk.subarray(0, action.cut - sent);
        sent += part.length;
        upstream.write(part);
        if (sent >= action.cut) {
          // The line drops: the server holds a part of the body, the client sees a reset.
          upstream.destroy();
          req.socket.destroy();
        }
      });
      return;
    }
    req.pipe(upstream);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return proxy;
}

/** What a test of a file set up by useDavServer works with (read inside a test or hook). */
export interface DavTestServer {
  readonly apache: ApacheServer;
  readonly proxy: CuttingProxy;
  /** This test's own temp folder on the local disk (ledgers, spools). */
  readonly dir: string;
  /** This test's own folder on the server, e.g. `/dav/wire-3/` (not made until a sync makes it). */
  readonly area: string;
}

/**
 * Apache and a proxy in front of it for the whole test file; for each test a fresh folder on
 * the server (`/dav/<name>-<n>/`), a fresh local temp folder, and the proxy passing everything
 * again with an empty request log.
 */
export function useDavServer(name: string): DavTestServer {
  let apache: ApacheServer | undefined;
  let proxy: CuttingProxy | undefined;
  let dir: string | undefined;
  let run = 0;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is set up by useDavServer only inside a test`);
    return value;
  };
  beforeAll(async () => {
    apache = await startApache();
    proxy = await startProxy(apache.origin);
  }, 20_000);
  afterAll(async () => {
    await proxy?.stop();
    await apache?.stop();
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), `netdesk-${name}-`));
    run++;
    ready(proxy, 'the proxy').rule = () => 'pass';
    ready(proxy, 'the proxy').seen.length = 0;
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get apache() {
      return ready(apache, 'Apache');
    },
    get proxy() {
      return ready(proxy, 'the proxy');
    },
    get dir() {
      return ready(dir, 'the temp folder');
    },
    get area() {
      return `/dav/${name}-${run}/`;
    },
  };
}
