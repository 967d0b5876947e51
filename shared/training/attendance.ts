// A training's life after it is planned: marked held from its signed sign-in sheet (who signed,
// walk-ins added, the scan kept), its feedback, and what the year still lacks — the office-software
// trainings on the plan against two a year, and the newcomers in the directory who have not yet
// had their software guidance.
import { chinaDay } from '../time/china';
import { OFFICE_TRAININGS_PER_YEAR } from './roster';

export interface TrainingLike {
  id: string;
  date: string;
  kind: string;
  /** Absent on trainings stored before statuses: they read as planned. */
  status?: string;
  deletedAt?: string | null;
}

export interface AttendeeLike {
  trainingId: string;
  personId: string;
  signed: boolean;
  deletedAt?: string | null;
}

/** Why marking a training held was refused. */
export type HeldRefusal = 'nobody-attended' | 'not-held-yet' | 'cancelled';

/**
 * Whether a training may be marked held with these attendees: someone must have signed, and the
 * day must have come (a sheet cannot be signed in advance).
 */
export function checkHeld(
  training: { date: string; status?: string },
  attendedPersonIds: readonly string[],
  today: string,
): HeldRefusal | null {
  if (training.status === 'cancelled') return 'cancelled';
  if (training.date > today) return 'not-held-yet';
  if (attendedPersonIds.length === 0) return 'nobody-attended';
  return null;
}

/** The year's office-software trainings: held (attendance marked), still planned, and the rule. */
export function officePlanProgress(
  trainings: readonly TrainingLike[],
  year: number,
): { held: number; planned: number; needed: number; met: boolean } {
  const ofYear = trainings.filter(
    (t) => !t.deletedAt && t.kind === 'office-software' && t.date.startsWith(`${year}-`),
  );
  const held = ofYear.filter((t) => t.status === 'held').length;
  const planned = ofYear.filter((t) => (t.status ?? 'planned') === 'planned').length;
  return { held, planned, needed: OFFICE_TRAININGS_PER_YEAR, met: held >= OFFICE_TRAININGS_PER_YEAR };
}

/** How far back the directory is searched for newcomers. */
export const NEWCOMER_DAYS = 365;

/**
 * People in service who joined the directory since `since` (their record's creation, China day)
 * and did not sign the sheet of any held new-employee software guidance. Oldest first: the one
 * waiting longest comes first.
 */
export function newcomersWithoutGuidance<
  P extends { id: string; active: boolean; createdAt?: string | null; deletedAt?: string | null },
>(
  people: readonly P[],
  trainings: readonly TrainingLike[],
  attendees: readonly AttendeeLike[],
  since: string,
): P[] {
  const guidance = new Set(
    trainings
      .filter((t) => !t.deletedAt && t.kind === 'new-employee' && t.status === 'held')
      .map((t) => t.id),
  );
  const guided = new Set(
    attendees.filter((a) => !a.deletedAt && a.signed && guidance.has(a.trainingId)).map((a) => a.personId),
  );
  return people
    .filter(
      (p) => p.active && !p.deletedAt && p.createdAt && chinaDay(p.createdAt) >= since && !guided.has(p.id),
    )
    .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
}
