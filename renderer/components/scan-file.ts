// A scanned paper picked from disk, read once for every screen that attaches one (a repair card's
// signed scan, a signed IM guarantee, a training's sign-in sheet): the file is judged by the one
// rule in shared/attachments/scan.ts and, when refused, the supervisor reads why in the UI
// language — the same words on every screen — and nothing is read or stored.
import type { TFunction } from 'i18next';
import { checkScan, SCAN_MAX_MB, SCAN_MIME } from '../../shared/attachments/scan';
import type { AttachmentInput } from '../db/repository';

/** What the file chooser offers. */
export const SCAN_ACCEPT = SCAN_MIME.join(',');

/** The scan ready to attach, or the message saying why this file is not one. */
export async function readScanFile(
  file: File,
  t: TFunction,
): Promise<{ scan: AttachmentInput } | { refused: string }> {
  const checked = checkScan(file);
  if ('problem' in checked) return { refused: t(`scanFile.${checked.problem}`, { maxMb: SCAN_MAX_MB }) };
  return { scan: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, mime: checked.mime } };
}
