// NetDesk's log, in one shape for every writer: the main process, the browser-mode server and the
// page (which sends its entries through the `log:write` channel). One JSON object a line in
// `<data folder>/logs/netdesk.log`, so the diagnostic text can read the last errors back.
// Secrets never reach the file: every message is passed through redactSecrets() before it is
// written, whoever wrote it.
import { z } from 'zod';

export const LOG_LEVELS = ['error', 'warn', 'info'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Longest message and detail kept; a stack trace fits, a runaway dump does not. */
export const LOG_MESSAGE_MAX = 2_000;
export const LOG_DETAIL_MAX = 8_000;

/** What a writer hands the log (also the `log:write` request). */
export const logEntrySchema = z.strictObject({
  level: z.enum(LOG_LEVELS),
  message: z.string().max(LOG_MESSAGE_MAX),
  detail: z.string().max(LOG_DETAIL_MAX).optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/** One line of the file. */
export interface LogLine extends LogEntry {
  time: string;
  from: 'main' | 'renderer' | 'server';
}

/**
 * Masks what must never be copied out of NetDesk: the browser-mode token and launch codes, and
 * anything labelled a password, key or secret (a device's admin password typed into a note that
 * ended up in an error message).
 */
export function redactSecrets(text: string): string {
  return text
    .replace(
      /(x-netdesk-token|netdesk[-_]token|token|[?&]c)(["']?\s*[:=]\s*["']?)[^\s"'&;,]+/gi,
      '$1$2[已隐去]',
    )
    .replace(
      /(password|passwd|pwd|secret|密码|口令|api[-_]?key)(["']?\s*[:=：]\s*["']?)[^\s"',;]+/gi,
      '$1$2[已隐去]',
    );
}

/** The file's line for an entry, secrets masked and bounded in length. */
export function formatLogLine(entry: LogEntry, from: LogLine['from'], time: Date): string {
  const line: LogLine = {
    time: time.toISOString(),
    from,
    level: entry.level,
    message: redactSecrets(entry.message.slice(0, LOG_MESSAGE_MAX)),
  };
  if (entry.detail) line.detail = redactSecrets(entry.detail.slice(0, LOG_DETAIL_MAX));
  return `${JSON.stringify(line)}\n`;
}

const logLineSchema = z.object({
  time: z.string(),
  from: z.enum(['main', 'renderer', 'server']),
  level: z.enum(LOG_LEVELS),
  message: z.string(),
  detail: z.string().optional(),
});

/** The last `count` errors and warnings in a log's text, oldest first; damaged lines are skipped. */
export function lastProblems(text: string, count: number): LogLine[] {
  const found: LogLine[] = [];
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0 && found.length < count; i--) {
    const raw = lines[i]?.trim();
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    const r = logLineSchema.safeParse(parsed);
    if (r.success && r.data.level !== 'info') found.push(r.data);
  }
  return found.reverse();
}

/** What the diagnostic text is made of; nothing here is a path, a setting, a name or a token. */
export interface DiagnosticFacts {
  app: { version: string; mode: string } | null;
  machine: { os: string; arch: string; runtime: string } | null;
  userAgent: string;
  ledger: { schemaVersion?: number; bytes?: number; counts?: Record<string, number>; problem?: string };
  error?: { name: string; message: string; stack?: string };
  problems: LogLine[];
  now: Date;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The text "copy diagnostic information" puts on the clipboard, for the supervisor to paste into
 * a message to whoever maintains NetDesk. Passed through redactSecrets() as a whole.
 */
export function formatDiagnostics(f: DiagnosticFacts): string {
  const lines = [
    'NetDesk 诊断信息 / diagnostic information',
    `time: ${f.now.toISOString()}`,
    `version: ${f.app ? `${f.app.version} (${f.app.mode})` : 'unknown (services not reachable)'}`,
    `os: ${f.machine ? `${f.machine.os} ${f.machine.arch}; ${f.machine.runtime}` : 'unknown'}`,
    `browser: ${f.userAgent}`,
    `ledger: ${[
      f.ledger.schemaVersion !== undefined ? `schema v${f.ledger.schemaVersion}` : null,
      f.ledger.bytes !== undefined ? mib(f.ledger.bytes) : null,
      f.ledger.counts
        ? Object.entries(f.ledger.counts)
            .map(([table, n]) => `${table} ${n}`)
            .join(', ')
        : null,
      f.ledger.problem ?? null,
    ]
      .filter(Boolean)
      .join('; ')}`,
  ];
  if (f.error) {
    lines.push('', `error: ${f.error.name}: ${f.error.message}`);
    if (f.error.stack) lines.push(f.error.stack.split('\n').slice(0, 12).join('\n'));
  }
  lines.push('', `last problems (${f.problems.length}):`);
  for (const p of f.problems) {
    lines.push(
      `${p.time} ${p.from} ${p.level}: ${p.message}${p.detail ? `\n  ${p.detail.split('\n')[0]}` : ''}`,
    );
  }
  return redactSecrets(lines.join('\n'));
}

/** Words for whatever was thrown or rejected: a stack for an Error, JSON or text for the rest. */
export function describeThrown(err: unknown): string {
  if (err instanceof Error) return (err.stack ?? `${err.name}: ${err.message}`).slice(0, LOG_DETAIL_MAX);
  if (typeof err === 'string') return err.slice(0, LOG_DETAIL_MAX);
  try {
    return (JSON.stringify(err) ?? typeof err).slice(0, LOG_DETAIL_MAX);
  } catch {
    return Object.prototype.toString.call(err);
  }
}
