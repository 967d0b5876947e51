// Can NetDesk write in its data folder? Asked once when the page starts (app:info), so a data
// folder on a read-only drive, a write-protected USB stick or a share without write rights is
// named at once in a banner, instead of surfacing later as a failed backup or a PDF that would
// not save. The ledger itself lives in the browser's storage and keeps working either way.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PROBE = '.netdesk-write-check';

/** True when a file can be created (and removed again) in `dir`, made first when missing. */
export async function canWriteIn(dir: string): Promise<boolean> {
  const probe = join(dir, PROBE);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
  } catch {
    return false;
  }
  await rm(probe, { force: true }).catch(() => undefined);
  return true;
}
