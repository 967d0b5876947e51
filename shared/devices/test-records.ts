// Stored device, handover and evaluation records for the devices module's unit tests: every
// field at its schema default unless the test says otherwise. Imported by tests only.
import { deviceSchema, purchaseEvaluationSchema, type Device, type PurchaseEvaluation } from '../schemas';
import type { RecordInput } from '../schemas';

const meta = (id: string) => ({
  id,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
  deletedAt: null,
  hlc: {},
});

export function device(id: string, input: RecordInput<'devices'>): Device {
  return { ...deviceSchema.parse(input), ...meta(id) };
}

export function evaluation(id: string, input: RecordInput<'purchaseEvaluations'>): PurchaseEvaluation {
  return { ...purchaseEvaluationSchema.parse(input), ...meta(id) };
}
