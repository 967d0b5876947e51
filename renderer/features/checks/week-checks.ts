// The routine checks of one Monday–Sunday week (China time), newest first: what the checks screen
// shows when opened at a week (#/checks/week/2026-11-02), e.g. from a KPI exception that week.
import { CHECK_KINDS } from '../../../shared/schemas/records';
import type { RoutineCheck } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { addDays, dayStart } from '../../../shared/time/china';
import type { NetdeskDb } from '../../db/schema';

// Times are stored with any offset and indexed as text: read 15 hours more on each side, then keep
// the week's own checks by their instant.
const SLACK_MS = 15 * 3600 * 1000;

export async function checksOfWeek(db: NetdeskDb, monday: string): Promise<RoutineCheck[]> {
  const from = dayStart(monday).getTime();
  const to = dayStart(addDays(monday, 7)).getTime();
  const lo = new Date(from - SLACK_MS).toISOString();
  const hi = new Date(to + SLACK_MS).toISOString();
  const byKind = await Promise.all(
    CHECK_KINDS.map((kind) =>
      db.routineChecks.where('[kind+at]').between([kind, lo], [kind, hi], true, false).toArray(),
    ),
  );
  return byKind
    .flat()
    .filter((c) => {
      const t = Date.parse(c.at);
      return t >= from && t < to && isListed(c);
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
