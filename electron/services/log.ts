// The log file in the data folder (`logs/netdesk.log`), written by the main process, the
// browser-mode server and, through `log:write`, the page. Rotated by size: when the next line
// would pass `maxBytes` the file becomes netdesk.1.log (the older ones shift up to `keep`), so ten
// years of use never fill the disk. Writes are synchronous appends: the line is on disk before a
// crash that follows it. Logging never throws: on a read-only or full drive the line goes to the
// console only, and the app keeps working.
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeThrown, formatLogLine, lastProblems, type LogEntry, type LogLine } from '../../shared/log';

export const LOG_FILE = 'netdesk.log';

export interface FileLogger {
  write(entry: LogEntry, from: LogLine['from']): void;
  /** Shorthand for the main process's own messages. */
  error(message: string, err?: unknown): void;
  info(message: string): void;
  /** The last errors and warnings, oldest first, from the current and the previous file. */
  lastProblems(count: number): LogLine[];
  readonly dir: string;
}

function describe(err: unknown): string | undefined {
  return err === undefined ? undefined : describeThrown(err);
}

export function createFileLogger(opts: {
  dataDir: string;
  now?: () => Date;
  maxBytes?: number;
  keep?: number;
  console?: Pick<Console, 'error' | 'log'>;
}): FileLogger {
  const dir = join(opts.dataDir, 'logs');
  const file = join(dir, LOG_FILE);
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, opts.keep ?? 3);
  const out = opts.console ?? console;
  const now = opts.now ?? (() => new Date());
  const rotated = (n: number) => join(dir, `netdesk.${n}.log`);

  const sizeOf = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };

  const rotate = () => {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (sizeOf(rotated(n)) > 0) renameSync(rotated(n), rotated(n + 1));
    }
    renameSync(file, rotated(1));
  };

  const write = (entry: LogEntry, from: LogLine['from']) => {
    const line = formatLogLine(entry, from, now());
    (entry.level === 'error' ? out.error : out.log)(`[netdesk] ${line.trimEnd()}`);
    try {
      mkdirSync(dir, { recursive: true });
      const size = sizeOf(file);
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line, 'utf8');
    } catch {
      // Read-only or full drive: the console has the line; the app must not fail for its log.
    }
  };

  return {
    dir,
    write,
    error: (message, err) => write({ level: 'error', message, detail: describe(err) }, 'main'),
    info: (message) => write({ level: 'info', message }, 'main'),
    lastProblems(count) {
      const read = (path: string) => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return '';
        }
      };
      return lastProblems(`${read(rotated(1))}\n${read(file)}`, count);
    },
  };
}

/**
 * Sends the main process's unhandled rejections and uncaught exceptions to the log instead of
 * losing them (an uncaught exception is logged, then the process ends as Node would).
 */
export function logUnhandled(logger: FileLogger, proc: NodeJS.Process = process): void {
  proc.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));
  proc.on('uncaughtExceptionMonitor', (err) => logger.error('uncaught exception', err));
}
