// The errors of the ledger's write path, with codes the UI translates (messages are English, for
// logs). Thrown by the repository and by the commit pipeline (./commit.ts).
import type { LedgerTable } from '../../shared/schemas';
import type { FieldIssue } from '../../shared/schemas/issues';

export type RepositoryErrorCode =
  /** The input breaks the record's schema; `issues` says where. */
  | 'invalid'
  /** A unique field (`field`) holds a value a live record already has (`conflictId`). */
  | 'duplicate'
  /** No record with that id. */
  | 'not-found'
  /** The record is deleted; restore it before editing. */
  | 'deleted'
  /** An import in 'empty' mode found records already in the ledger. */
  | 'not-empty';

export type { FieldIssue };

export class RepositoryError extends Error {
  override readonly name = 'RepositoryError';
  readonly table: LedgerTable | undefined;
  readonly field: string | undefined;
  readonly value: unknown;
  readonly recordId: string | undefined;
  readonly conflictId: string | undefined;
  readonly issues: FieldIssue[];

  constructor(
    readonly code: RepositoryErrorCode,
    message: string,
    details: {
      table?: LedgerTable;
      field?: string;
      value?: unknown;
      recordId?: string;
      conflictId?: string;
      issues?: FieldIssue[];
    } = {},
  ) {
    super(message);
    this.table = details.table;
    this.field = details.field ?? details.issues?.[0]?.path;
    this.value = details.value;
    this.recordId = details.recordId;
    this.conflictId = details.conflictId;
    this.issues = details.issues ?? [];
  }
}
