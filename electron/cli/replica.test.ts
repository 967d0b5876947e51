// The headless replica and `netdesk verify` as an admin runs them: in-process for the commands,
// and as two real processes syncing one folder at the same moment.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replicaCommand } from './replica';
import { verifyCommand } from './verify';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netdesk-replica-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(command: (argv: string[], io: never) => Promise<number>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    cwd: dir,
  };
  const code = await command(argv, io as never);
  return { code, stdout, stderr };
}
const replica = (...argv: string[]) => run(replicaCommand, argv);
const verify = (...argv: string[]) => run(verifyCommand, argv);

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));

/** Run the real `netdesk` executable. */
function netdesk(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('netdesk replica', () => {
  it('creates, edits, deletes and prints a ledger; refuses what the schema refuses', async () => {
    expect((await replica('--ledger', 'a.json', 'init', '--name', '主管电脑')).code).toBe(0);
    expect((await replica('--ledger', 'a.json', 'init', '--name', 'again')).code).toBe(2);
    const made = await replica(
      '--ledger',
      'a.json',
      'put',
      'people',
      '{"employeeNo":"1001","name":" 张伟 "}',
    );
    expect(made.code).toBe(0);
    const id = made.stdout.trim();
    expect(
      (await replica('--ledger', 'a.json', 'put', 'people', JSON.stringify({ id, phone: '138 0000 0000' })))
        .code,
    ).toBe(0);
    const bad = await replica(
      '--ledger',
      'a.json',
      'put',
      'people',
      JSON.stringify({ id, phone: 'call me' }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/phone/);
    expect((await replica('--ledger', 'a.json', 'put', 'nosuch', '{}')).code).toBe(2);
    expect((await replica('--ledger', 'a.json', 'delete', 'people', id)).code).toBe(0);
    const dump = JSON.parse((await replica('--ledger', 'a.json', 'dump')).stdout) as {
      tables: { people: Record<string, unknown>[] };
    };
    expect(dump.tables.people).toEqual([
      expect.objectContaining({
        id,
        name: '张伟',
        phone: '138 0000 0000',
        deletedAt: expect.any(String) as unknown,
      }),
    ]);
    expect(dump.tables.people[0]).not.toHaveProperty('hlc');
    expect(dump.tables.people[0]).not.toHaveProperty('updatedAt');
  });

  it('does not sync with a folder that is not a sync root unless asked to make one', async () => {
    await replica('--ledger', 'a.json', 'init', '--name', 'A');
    const refused = await replica('--ledger', 'a.json', 'sync', '--folder', 'share');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not connected/);
    expect((await replica('--ledger', 'a.json', 'sync', '--folder', 'share', '--init-folder')).code).toBe(0);
  });

  it('two processes syncing the same folder at the same moment both get everything', async () => {
    for (const name of ['a', 'b']) await replica('--ledger', `${name}.json`, 'init', '--name', name);
    await replica('--ledger', 'a.json', 'sync', '--folder', 'share', '--init-folder');
    for (let i = 0; i < 20; i++) {
      await replica(
        '--ledger',
        'a.json',
        'put',
        'people',
        JSON.stringify({ id: `a${i}`, employeeNo: `A${i}`, name: `甲${i}` }),
      );
      await replica(
        '--ledger',
        'b.json',
        'put',
        'people',
        JSON.stringify({ id: `b${i}`, employeeNo: `B${i}`, name: `乙${i}` }),
      );
    }
    await replica(
      '--ledger',
      'b.json',
      'put',
      'people',
      JSON.stringify({ id: 'a0', employeeNo: 'A0', name: '两边都改', note: 'b' }),
    );
    const both = await Promise.all([
      netdesk(['replica', '--ledger', 'a.json', 'sync', '--folder', 'share']),
      netdesk(['replica', '--ledger', 'b.json', 'sync', '--folder', 'share']),
    ]);
    for (const r of both) expect(r.code, r.stderr).toBe(0);
    // Whatever each saw of the other during the race, one more round completes it.
    await replica('--ledger', 'a.json', 'sync', '--folder', 'share');
    await replica('--ledger', 'b.json', 'sync', '--folder', 'share');
    const a = (await replica('--ledger', 'a.json', 'dump')).stdout;
    const b = (await replica('--ledger', 'b.json', 'dump')).stdout;
    expect(a).toBe(b);
    expect((JSON.parse(a) as { tables: { people: unknown[] } }).tables.people).toHaveLength(40);
    expect((await verify('--folder', 'share')).code).toBe(0);
  }, 60_000);
});

describe('netdesk verify', () => {
  it('reports a truncated journal file and a foreign file, and changes nothing', async () => {
    await replica('--ledger', 'a.json', 'init', '--name', 'A');
    await replica('--ledger', 'a.json', 'put', 'departments', '{"name":"财务部"}');
    await replica('--ledger', 'a.json', 'sync', '--folder', 'share', '--init-folder');
    expect((await verify('--folder', 'share')).code).toBe(0);

    const nodeDir = join(dir, 'share', 'journal', (await readdir(join(dir, 'share', 'journal')))[0]!);
    const file = join(nodeDir, (await readdir(nodeDir))[0]!);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    await writeFile(join(dir, 'share', 'Thumbs.db'), 'x');

    const listing = async () => (await readdir(join(dir, 'share'), { recursive: true })).sort();
    const before = await listing();
    const r = await verify('--folder', 'share');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/partial: journal\/.+\.ndjson/);
    expect(r.stdout).toMatch(/foreign: Thumbs\.db/);
    expect(await listing()).toEqual(before);
    expect(await readFile(file)).toEqual(whole.subarray(0, Math.floor(whole.length / 2)));
  });

  it('needs --folder', async () => {
    expect((await verify()).code).toBe(2);
  });
});
