// The options of `netdesk pdf check-sheet --kind KIND` and `netdesk pdf duty-roster --week DAY`:
// the form takes its kind or its day as the record id (see shared/pdf/forms/checks.ts), and a
// blank check sheet needs no backup (it prints the default checklist without one). An option given
// to a form it does not belong to is refused rather than silently ignored.

export const CHECK_PDF_OPTIONS = {
  kind: { type: 'string' },
  week: { type: 'string' },
} as const;

export interface CheckPdfChoice {
  /** What the form receives as its id, when the form takes one of these options. */
  id?: string;
  noLedgerNeeded: boolean;
}

/** `usage` makes the CLI's usage error (printed with the help, exit code 2). */
export function checkPdfChoice(
  formName: string,
  values: { kind?: string; week?: string },
  usage: (message: string) => Error,
): CheckPdfChoice {
  if (values.kind !== undefined && formName !== 'check-sheet')
    throw usage(`--kind 只用于 check-sheet / --kind is for check-sheet only, not ${formName}`);
  if (values.week !== undefined && formName !== 'duty-roster')
    throw usage(`--week 只用于 duty-roster / --week is for duty-roster only, not ${formName}`);
  if (formName === 'check-sheet') {
    if (!values.kind) throw usage('check-sheet 需要 --kind / check-sheet needs --kind');
    return { id: values.kind, noLedgerNeeded: true };
  }
  if (formName === 'duty-roster') return { id: values.week ?? '', noLedgerNeeded: false };
  return { noLedgerNeeded: false };
}
