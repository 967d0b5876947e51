// The one wording of a zod error, for every place that reports one: forms (field issues), IPC
// requests, settings files, backups, imports, sync and the CLI's replica. A line reads
// "path: message"; the path is dotted ('parts.0.quantity'), prefixed by where the value sat in a
// larger document (`at`, e.g. 'tables.people[3]'), and a problem of the whole value is named by
// `whole` ('(record)', '(document)', '(root)').
import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field, e.g. 'employeeNo' or 'parts.0.quantity'; '' for the whole value. */
  path: string;
  message: string;
}

export interface IssueWording {
  /** Where the value sits in a larger document, put before the path. */
  at?: string;
  /** The name of the whole value when an issue has no path (default '(record)'). */
  whole?: string;
  /** Only the first issue (a document of many records reports one line per record). */
  first?: boolean;
}

/** The issues of a zod error as fields and messages (forms set them on their fields). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** One "path: message" line per issue. */
export function issueLines(error: z.ZodError | readonly FieldIssue[], wording: IssueWording = {}): string[] {
  const issues = Array.isArray(error) ? (error as readonly FieldIssue[]) : fieldIssues(error as z.ZodError);
  const { at, whole = '(record)', first = false } = wording;
  return (first ? issues.slice(0, 1) : issues).map((issue) => {
    const where = at ? (issue.path ? `${at}.${issue.path}` : at) : issue.path || whole;
    return `${where}: ${issue.message}`;
  });
}

/** The issues on one line, joined by '; '. */
export function issueText(error: z.ZodError | readonly FieldIssue[], wording: IssueWording = {}): string {
  return issueLines(error, wording).join('; ');
}
