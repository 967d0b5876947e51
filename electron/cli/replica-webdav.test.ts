// `netdesk replica … sync --webdav` and `netdesk verify --webdav` as an admin runs them, against a
// real Apache mod_dav_fs: the password from the environment or stdin and never from an argument,
// the address rule (https; http only inside the LAN, with a warning), and the same exit codes as
// with a folder.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAV_PASSWORD, DAV_USER, startApache, type ApacheServer } from '../../test/servers/apache';
import { replicaCommand } from './replica';
import { verifyCommand } from './verify';
import { PASSWORD_ENV, type WebDavCliDeps } from './webdav-target';

let apache: ApacheServer;
let dir: string;
let url: string;
let n = 0;

beforeAll(async () => {
  apache = await startApache();
}, 20_000);
afterAll(async () => {
  await apache?.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netdesk-replica-dav-'));
  url = `${apache.davUrl}cli-${++n}/`;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const io = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => void (out.stdout += s),
      stderr: (s: string) => void (out.stderr += s),
      cwd: dir,
    },
  };
};
const env = { [PASSWORD_ENV]: DAV_PASSWORD };
const noStdin = () => Promise.resolve('');

async function replica(argv: string[], deps: WebDavCliDeps = { env, readPassword: noStdin }) {
  const { out, io: cli } = io();
  return { code: await replicaCommand(argv, cli, deps), ...out };
}
async function verify(argv: string[], deps: WebDavCliDeps = { env, readPassword: noStdin }) {
  const { out, io: cli } = io();
  return { code: await verifyCommand(argv, cli, undefined, deps), ...out };
}

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));

/** The real `netdesk` executable, with `stdin` piped in and no password in its environment. */
function netdesk(args: string[], stdin: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const childEnv = { ...process.env };
    delete childEnv[PASSWORD_ENV];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('netdesk replica sync --webdav', () => {
  it('two replicas converge through the server; verify --webdav finds it clean', async () => {
    await replica(['--ledger', 'a.json', 'init', '--name', '总部']);
    await replica(['--ledger', 'b.json', 'init', '--name', '项目公司']);
    await replica(['--ledger', 'a.json', 'put', 'people', '{"employeeNo":"1001","name":"张伟"}']);
    const first = await replica([
      '--ledger',
      'a.json',
      'sync',
      '--webdav',
      url,
      '--user',
      DAV_USER,
      '--init-folder',
    ]);
    expect(first.stderr).not.toMatch(/not connected|failed/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/published 1/);
    // The second replica types its password on stdin, through the real executable.
    const b = await netdesk(
      ['replica', '--ledger', 'b.json', 'sync', '--webdav', url, '--user', DAV_USER],
      `${DAV_PASSWORD}\n`,
    );
    expect(b.stderr).not.toMatch(/not connected|failed/);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/applied 1/);
    const dumpA = await replica(['--ledger', 'a.json', 'dump']);
    const dumpB = await replica(['--ledger', 'b.json', 'dump']);
    expect(dumpB.stdout).toBe(dumpA.stdout);
    expect(dumpB.stdout).toContain('张伟');
    const checked = await verify(['--webdav', url, '--user', DAV_USER]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/no problems/);
  }, 60_000);

  it('never takes a password as an argument or in the address', async () => {
    await replica(['--ledger', 'a.json', 'init', '--name', 'A']);
    const asArg = await replica([
      '--ledger',
      'a.json',
      'sync',
      '--webdav',
      url,
      '--user',
      DAV_USER,
      '--password',
      'x',
    ]);
    expect(asArg.code).toBe(2);
    expect(asArg.stderr).toMatch(/never an argument/);
    const inUrl = await replica([
      '--ledger',
      'a.json',
      'sync',
      '--webdav',
      url.replace('http://', `http://${DAV_USER}:pw@`),
    ]);
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toMatch(/no user or password in the address/);
    const none = await replica(['--ledger', 'a.json', 'sync', '--webdav', url, '--user', DAV_USER], {
      env: {},
      readPassword: noStdin,
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no password/);
    expect((await verify(['--webdav', url, '--user', DAV_USER, '--password=x'])).code).toBe(2);
  });

  it('refuses plain http to a public address and warns for http inside the LAN', async () => {
    await replica(['--ledger', 'a.json', 'init', '--name', 'A']);
    const pub = await replica([
      '--ledger',
      'a.json',
      'sync',
      '--webdav',
      'http://dav.example.com/netdesk/',
      '--user',
      DAV_USER,
    ]);
    expect(pub.code).toBe(2);
    expect(pub.stderr).toMatch(/use https/);
    const lan = await replica([
      '--ledger',
      'a.json',
      'sync',
      '--webdav',
      url,
      '--user',
      DAV_USER,
      '--init-folder',
    ]);
    expect(lan.code).toBe(0);
    expect(lan.stderr).toMatch(/plain http/);
  });

  it('exits 1 with the reason when the password is wrong, and changes nothing', async () => {
    await replica(['--ledger', 'a.json', 'init', '--name', 'A']);
    const wrong = await replica(
      ['--ledger', 'a.json', 'sync', '--webdav', url, '--user', DAV_USER, '--init-folder'],
      {
        env: { [PASSWORD_ENV]: 'wrong' },
        readPassword: noStdin,
      },
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/not connected \(auth-failed\)/);
    const checked = await verify(['--webdav', url, '--user', DAV_USER], {
      env: { [PASSWORD_ENV]: 'wrong' },
      readPassword: noStdin,
    });
    expect(checked.code).toBe(1);
  });
});
