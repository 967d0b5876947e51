import { describe, expect, it } from 'vitest';
import { checkPlanRequest, planFromRequest } from './requests';

const request = {
  date: '2026-12-01',
  topic: 'Excel 数据透视表',
  kind: 'other',
  status: 'requested',
  requestingDepartmentId: 'dep-fin',
  requestedOn: '2026-11-20',
};

describe("planning a department's training request", () => {
  it('opens the form with the topic, kind department request, the department and its roster', () => {
    expect(planFromRequest(request, '2026-11-25')).toEqual({
      topic: 'Excel 数据透视表',
      kind: 'department-request',
      date: '2026-12-01',
      location: '',
      trainer: '',
      requestingDepartmentId: 'dep-fin',
      departmentIds: ['dep-fin'],
    });
  });

  it('offers today when the wished day has passed, and no department when none asked', () => {
    const plan = planFromRequest({ ...request, requestingDepartmentId: null }, '2026-12-07');
    expect(plan.date).toBe('2026-12-07');
    expect(plan.departmentIds).toEqual([]);
  });

  it('refuses a request already planned, held or cancelled, and a day before the request', () => {
    expect(checkPlanRequest(request, '2026-12-10')).toBeNull();
    for (const status of ['planned', 'held', 'cancelled'])
      expect(checkPlanRequest({ ...request, status }, '2026-12-10')).toBe('not-requested');
    expect(checkPlanRequest({ ...request, status: undefined }, '2026-12-10')).toBe('not-requested');
    expect(checkPlanRequest(request, '2026-11-19')).toBe('before-request');
  });
});
