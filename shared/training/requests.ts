// A department's training request (status requested) turned into a planned session. The request
// itself becomes the session: its topic, kind and requesting department carry over, the day it came
// in (requestedOn) stays, and the roster is offered from the requesting department. Planning it in
// place keeps one record per training, so the request can never be "planned" while its session is
// cancelled, and the year's count (K9) never sees the same training twice.

/** Why a request could not be planned. */
export type PlanRequestRefusal =
  /** It is no longer a request (planned, held or cancelled meanwhile, perhaps on another PC). */
  | 'not-requested'
  /** The session would be before the day the request came in. */
  | 'before-request';

export interface RequestLike {
  date: string;
  topic: string;
  kind: string;
  status?: string;
  requestingDepartmentId: string | null;
  requestedOn: string | null;
  location?: string;
  trainer?: string;
}

/** What the training form opens with for a request: the request's own fields, a day not in the past. */
export function planFromRequest(
  request: RequestLike,
  today: string,
): {
  topic: string;
  kind: 'department-request';
  date: string;
  location: string;
  trainer: string;
  requestingDepartmentId: string | null;
  departmentIds: string[];
} {
  return {
    topic: request.topic,
    kind: 'department-request',
    date: request.date >= today ? request.date : today,
    location: request.location ?? '',
    trainer: request.trainer ?? '',
    requestingDepartmentId: request.requestingDepartmentId,
    departmentIds: request.requestingDepartmentId ? [request.requestingDepartmentId] : [],
  };
}

/** Whether the request may be planned on `date`. */
export function checkPlanRequest(request: RequestLike, date: string): PlanRequestRefusal | null {
  if ((request.status ?? 'planned') !== 'requested') return 'not-requested';
  if (request.requestedOn && date < request.requestedOn) return 'before-request';
  return null;
}
