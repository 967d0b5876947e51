// The log file in the data folder: rotated by size, never throwing, written by the main process and
// by the page through log:write, read back by diagnostics:read.
import { EventEmitter } from 'node:events';
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestHost } from '../../test/doubles/test-host';
import type { DiagnosticsResult } from '../../shared/ipc';
import { createServices, dispatch } from './index';
import { createFileLogger, logUnhandled } from './log';

let dataDir: string;
const quiet = { error: () => undefined, log: () => undefined };
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'netdesk-log-'));
});
afterEach(async () => {
  await chmod(dataDir, 0o755).catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

describe('the log file', () => {
  it('is rotated by size: never more than keep + 1 files, none much over the limit', async () => {
    const logger = createFileLogger({ dataDir, maxBytes: 2_000, keep: 2, console: quiet });
    for (let i = 0; i < 200; i++)
      logger.write({ level: 'info', message: `line ${i} ${'·'.repeat(40)}` }, 'main');
    const files = (await readdir(logger.dir)).sort();
    expect(files).toEqual(['netdesk.1.log', 'netdesk.2.log', 'netdesk.log']);
    for (const f of files) expect((await stat(join(logger.dir, f))).size).toBeLessThanOrEqual(2_000);
    // The newest line is in the current file, the one before the rotation in netdesk.1.log.
    expect(await readFile(join(logger.dir, 'netdesk.log'), 'utf8')).toContain('line 199 ');
  });

  it('keeps the last problems across a rotation', async () => {
    const logger = createFileLogger({ dataDir, maxBytes: 2_500, console: quiet });
    logger.error('the backup could not be saved', new Error('ENOSPC: no space left on device'));
    for (let i = 0; i < 15; i++) logger.info(`info ${i} ${'·'.repeat(40)}`);
    logger.write({ level: 'warn', message: 'sync folder not connected' }, 'renderer');
    expect(await readdir(logger.dir)).toContain('netdesk.1.log');
    expect(logger.lastProblems(5).map((p) => p.message)).toEqual([
      'the backup could not be saved',
      'sync folder not connected',
    ]);
  });

  it('never throws on a read-only data folder; the line still reaches the console', async () => {
    if (process.getuid?.() === 0) return; // root writes anyway; the catch is exercised below
    await chmod(dataDir, 0o500);
    const seen: string[] = [];
    const logger = createFileLogger({
      dataDir,
      console: { error: (m: string) => seen.push(m), log: () => undefined },
    });
    expect(() => logger.error('could not save', new Error('EROFS'))).not.toThrow();
    expect(seen.join('')).toContain('could not save');
  });

  it('never throws when the log path cannot be written at all', async () => {
    // A file where the logs folder should be: every write fails, as on a full or read-only drive.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dataDir, 'logs'), 'not a folder');
    const seen: string[] = [];
    const logger = createFileLogger({
      dataDir,
      console: { error: (m: string) => seen.push(m), log: () => undefined },
    });
    expect(() => logger.error('could not save', new Error('ENOSPC'))).not.toThrow();
    expect(seen.join('')).toContain('could not save');
    expect(logger.lastProblems(5)).toEqual([]);
  });

  it('logs unhandled rejections and uncaught exceptions of the process', () => {
    const logger = createFileLogger({ dataDir, console: quiet });
    const proc = new EventEmitter();
    logUnhandled(logger, proc as unknown as NodeJS.Process);
    proc.emit('unhandledRejection', new Error('sync exchange lost'));
    proc.emit('uncaughtExceptionMonitor', new Error('boom'));
    expect(logger.lastProblems(5).map((p) => [p.message, p.detail?.split('\n')[0]])).toEqual([
      ['unhandled rejection', 'Error: sync exchange lost'],
      ['uncaught exception', 'Error: boom'],
    ]);
  });
});

describe('log:write and diagnostics:read', () => {
  it('put the page’s problems in the same file and read them back with the machine, never a secret', async () => {
    const logger = createFileLogger({ dataDir, console: quiet });
    const services = createServices({ ...(await makeTestHost({ dataDir })), logger });
    logger.error('main process problem');
    const written = await dispatch(services, 'log:write', {
      level: 'error',
      message: 'screen error',
      detail: 'TypeError: x is undefined token=s3cr3t',
    });
    expect(written).toEqual({ ok: true, value: { written: true } });
    const result = await dispatch(services, 'diagnostics:read', {});
    if (!result.ok) throw new Error(result.error.message);
    const diag = { value: result.value as DiagnosticsResult };
    expect(diag.value.problems.map((p) => [p.from, p.message])).toEqual([
      ['main', 'main process problem'],
      ['renderer', 'screen error'],
    ]);
    expect(diag.value.os).toBeTruthy();
    expect(JSON.stringify(diag.value)).not.toContain('s3cr3t');
    expect(JSON.stringify(diag.value)).not.toContain(dataDir);
  });

  it('refuses a log entry that is not one', async () => {
    const services = createServices({
      ...(await makeTestHost({ dataDir })),
      logger: createFileLogger({ dataDir, console: quiet }),
    });
    const r = await dispatch(services, 'log:write', { level: 'panic', message: 'x' });
    expect(r.ok).toBe(false);
    const big = await dispatch(services, 'log:write', { level: 'error', message: 'x'.repeat(10_000) });
    expect(big.ok).toBe(false);
  });
});
