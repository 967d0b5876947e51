// The status flow of a purchase or replacement evaluation (工作申请单): pending → approved or
// rejected → bought. A decision can be taken back to pending (the approver changed their mind
// before anything was bought); once bought, the new asset exists and the form is final.
import type { EVALUATION_STATUSES } from '../schemas/records';

export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

const NEXT: Record<EvaluationStatus, readonly EvaluationStatus[]> = {
  pending: ['approved', 'rejected'],
  approved: ['bought', 'pending'],
  rejected: ['pending'],
  bought: [],
};

/** The statuses an evaluation may move to from `status`. */
export function nextEvaluationStatuses(status: EvaluationStatus): readonly EvaluationStatus[] {
  return NEXT[status];
}

export function canMoveEvaluation(from: EvaluationStatus, to: EvaluationStatus): boolean {
  return NEXT[from].includes(to);
}
