// What makes a routine check unfit to save, beyond its zod schema: a date in the future, a retired
// server among the devices it covers, a round without its slot, a server check covering no server.
// Returned as codes with parameters for the screen to word in the user's language; nothing is
// saved while any is found.
import type { CheckKind } from './templates';

export type CheckProblemCode = 'future' | 'retired-device' | 'slot-required' | 'no-device' | 'for-day-after';

export interface CheckProblem {
  code: CheckProblemCode;
  field: 'at' | 'deviceIds' | 'slot' | 'forDay';
  /** The retired device's asset tag, for 'retired-device'. */
  tag?: string;
}

/** A PC's clock may run a little ahead of another's; a check is "in the future" beyond this. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface CheckToSave {
  kind: CheckKind;
  at: string;
  slot?: string | null;
  forDay?: string | null;
  deviceIds: readonly string[];
}

export function checkProblems(
  check: CheckToSave,
  now: Date,
  deviceOf: (id: string) => { assetTag: string; status: string } | undefined,
  chinaDayOf: (at: string) => string,
): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const atMs = Date.parse(check.at);
  if (atMs > now.getTime() + FUTURE_TOLERANCE_MS) problems.push({ code: 'future', field: 'at' });
  if (check.forDay && check.forDay > chinaDayOf(check.at))
    problems.push({ code: 'for-day-after', field: 'forDay' });
  if (check.kind === 'machine-room' && !check.slot) problems.push({ code: 'slot-required', field: 'slot' });
  if ((check.kind === 'server-maintenance' || check.kind === 'cctv') && check.deviceIds.length === 0)
    problems.push({ code: 'no-device', field: 'deviceIds' });
  for (const id of check.deviceIds) {
    const device = deviceOf(id);
    if (device?.status === 'retired')
      problems.push({ code: 'retired-device', field: 'deviceIds', tag: device.assetTag });
  }
  return problems;
}
