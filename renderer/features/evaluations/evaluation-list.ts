// The work-request list as the supervisor filters it: requests that arrived whole and are not
// deleted (sync may deliver a later field before the request itself: such a half is not shown),
// by status, and by a search over what is asked for, why, the requester and the devices' tags.
import type { EvaluationStatus } from '../../../shared/devices/evaluation-flow';
import type { PurchaseEvaluation } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { foldText } from '../../../shared/text/fold';

export interface EvaluationFilter {
  query: string;
  status: EvaluationStatus | null;
}

/** The requests a list shows, in the order given. */
export function listedEvaluations(evaluations: readonly PurchaseEvaluation[]): PurchaseEvaluation[] {
  return evaluations.filter(isListed);
}

export function filterEvaluations(
  evaluations: readonly PurchaseEvaluation[],
  filter: EvaluationFilter,
  names: { personName: (id: string | null) => string; deviceTag: (id: string | null) => string },
): PurchaseEvaluation[] {
  const q = foldText(filter.query);
  return evaluations.filter(
    (e) =>
      isListed(e) &&
      (!filter.status || e.status === filter.status) &&
      (!q ||
        foldText(
          [
            e.item,
            e.reason,
            names.personName(e.requesterId),
            names.deviceTag(e.replacesDeviceId),
            names.deviceTag(e.boughtDeviceId),
          ].join('\u0001'),
        ).includes(q)),
  );
}
