// Which files NetDesk keeps as a scanned paper (a repair card signed by the department head, a
// signed IM guarantee, a training's sign-in sheet): the file types a supervisor's scanner or phone
// produces and the size a ledger can carry through sync and backup. One rule for every screen
// that attaches a scan and for the stored attachment's schema, so a file the screen accepts is
// never refused on save and the refusal reads the same everywhere.

export const SCAN_MIME = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'image/webp'] as const;
export type ScanMime = (typeof SCAN_MIME)[number];

/** 50 MB: a multi-page colour scan fits; a video picked by mistake does not. */
export const SCAN_MAX_MB = 50;
export const SCAN_MAX_BYTES = SCAN_MAX_MB * 1024 * 1024;

/** Why a file is not kept as a scan. */
export type ScanProblem = 'type' | 'too-large' | 'empty';

/** The scan's type when the file may be kept, or why not (the type is judged first). */
export function checkScan(file: {
  type: string;
  size: number;
}): { mime: ScanMime } | { problem: ScanProblem } {
  const mime = SCAN_MIME.find((m) => m === file.type);
  if (!mime) return { problem: 'type' };
  if (file.size > SCAN_MAX_BYTES) return { problem: 'too-large' };
  if (file.size === 0) return { problem: 'empty' };
  return { mime };
}
