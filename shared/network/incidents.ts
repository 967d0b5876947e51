// The network incident rules, as the supervisor's KPI reads them (shared/kpi/engine.ts holds the
// limits): an outage is major when it lasts more than 24 hours — exactly 24 h is not — counted up
// to now while it is ongoing; one outside the supervisor's control (a carrier fault, or any cause
// excluded with a reason) is not counted; a power cut must be restored within 24 hours of its
// start. At most 10 major incidents a year (China calendar year of the start).
import { MAJOR_INCIDENT_HOURS, POWER_CUT_RESTORE_HOURS, KPI_TARGETS } from '../kpi/engine';
import { chinaDay, dayStart } from '../time/china';

const HOUR_MS = 3600_000;

export const MAJOR_INCIDENTS_PER_YEAR = KPI_TARGETS.K1.maxPerYear;

export interface IncidentLike {
  startAt: string;
  endAt: string | null;
  cause: 'power-cut' | 'carrier' | 'equipment' | 'configuration' | 'other';
  excluded: boolean;
  deletedAt?: string | null;
}

export interface IncidentState {
  ongoing: boolean;
  /** End (or now, while ongoing) minus start. */
  durationMs: number;
  /** Over 24 hours. */
  long: boolean;
  /** Outside the supervisor's control: excluded by the supervisor, or a carrier fault. */
  excluded: boolean;
  /** Long and not excluded: counts against the limit of 10 a year. */
  major: boolean;
  /** Power cuts only: the restore deadline, time left (negative once past) and whether it was met. */
  powerCut: { deadline: string; remainingMs: number; met: boolean | null } | null;
}

export function incidentState(incident: IncidentLike, now: Date): IncidentState {
  const start = Date.parse(incident.startAt);
  const ongoing = incident.endAt === null;
  const end = ongoing ? now.getTime() : Date.parse(incident.endAt!);
  const durationMs = Math.max(0, end - start);
  const long = durationMs > MAJOR_INCIDENT_HOURS * HOUR_MS;
  const excluded = incident.excluded || incident.cause === 'carrier';
  let powerCut: IncidentState['powerCut'] = null;
  if (incident.cause === 'power-cut') {
    const deadline = start + POWER_CUT_RESTORE_HOURS * HOUR_MS;
    powerCut = {
      deadline: new Date(deadline).toISOString(),
      remainingMs: ongoing ? deadline - now.getTime() : 0,
      // Unknown while it runs within its 24 h; missed once past them, ended or not.
      met: ongoing ? (now.getTime() > deadline ? false : null) : end <= deadline,
    };
  }
  return { ongoing, durationMs, long, excluded, major: long && !excluded, powerCut };
}

/** Major incidents that started from 1 January of now's China year up to now. */
export function majorsYearToDate(incidents: readonly IncidentLike[], now: Date): number {
  const yearStart = dayStart(`${chinaDay(now).slice(0, 4)}-01-01`).getTime();
  return incidents.filter((i) => {
    if (i.deletedAt) return false;
    const start = Date.parse(i.startAt);
    return start >= yearStart && start <= now.getTime() && incidentState(i, now).major;
  }).length;
}

export type IncidentProblemCode =
  'ends-before-start' | 'start-in-future' | 'end-in-future' | 'reason-required';

export interface IncidentProblem {
  code: IncidentProblemCode;
  field: 'startAt' | 'endAt' | 'exclusionReason';
}

/** What makes an incident unfit to save; nothing is saved while any is found. */
export function incidentProblems(
  incident: IncidentLike & { exclusionReason?: string },
  now: Date,
  toleranceMs = 5 * 60_000,
): IncidentProblem[] {
  const problems: IncidentProblem[] = [];
  const start = Date.parse(incident.startAt);
  if (start > now.getTime() + toleranceMs) problems.push({ code: 'start-in-future', field: 'startAt' });
  if (incident.endAt !== null) {
    const end = Date.parse(incident.endAt);
    if (end < start) problems.push({ code: 'ends-before-start', field: 'endAt' });
    else if (end > now.getTime() + toleranceMs) problems.push({ code: 'end-in-future', field: 'endAt' });
  }
  // A carrier fault is always left out (incidentState), so it always says why.
  if ((incident.excluded || incident.cause === 'carrier') && !incident.exclusionReason?.trim())
    problems.push({ code: 'reason-required', field: 'exclusionReason' });
  return problems;
}

/** A duration as whole hours and minutes, for the list ("25 h 03 min"). */
export function hoursAndMinutes(ms: number): { hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
