import { describe, expect, it } from 'vitest';
import { checkHeld, newcomersWithoutGuidance, officePlanProgress } from './attendance';

describe('marking a training held', () => {
  it('refuses a training held with nobody attending', () => {
    expect(checkHeld({ date: '2026-12-01' }, [], '2026-12-07')).toBe('nobody-attended');
    expect(checkHeld({ date: '2026-12-01' }, ['p1'], '2026-12-07')).toBeNull();
  });

  it('refuses a training whose day has not come, or that was cancelled', () => {
    expect(checkHeld({ date: '2026-12-08' }, ['p1'], '2026-12-07')).toBe('not-held-yet');
    expect(checkHeld({ date: '2026-12-07' }, ['p1'], '2026-12-07')).toBeNull();
    expect(checkHeld({ date: '2026-12-01', status: 'cancelled' }, ['p1'], '2026-12-07')).toBe('cancelled');
  });
});

describe("the year's plan of office-software trainings", () => {
  it('counts held ones against two a year, with the ones still planned beside them', () => {
    const trainings = [
      { id: 't1', date: '2026-03-10', kind: 'office-software', status: 'held' },
      { id: 't2', date: '2026-10-10', kind: 'office-software' }, // stored before statuses: planned
      { id: 't3', date: '2026-06-10', kind: 'office-software', status: 'cancelled' },
      { id: 't4', date: '2026-05-10', kind: 'new-employee', status: 'held' },
      { id: 't5', date: '2025-11-10', kind: 'office-software', status: 'held' },
      {
        id: 't6',
        date: '2026-04-10',
        kind: 'office-software',
        status: 'held',
        deletedAt: '2026-04-11T00:00:00Z',
      },
    ];
    expect(officePlanProgress(trainings, 2026)).toEqual({ held: 1, planned: 1, needed: 2, met: false });
    const second = [...trainings, { id: 't7', date: '2026-11-02', kind: 'office-software', status: 'held' }];
    expect(officePlanProgress(second, 2026).met).toBe(true);
  });
});

describe('newcomers without software guidance', () => {
  const person = (id: string, createdAt: string, active = true) => ({ id, createdAt, active });
  const people = [
    person('old', '2025-01-05T02:00:00.000Z'),
    person('guided', '2026-09-01T02:00:00.000Z'),
    person('waiting', '2026-10-01T02:00:00.000Z'),
    person('absent', '2026-08-01T02:00:00.000Z'),
    person('left', '2026-09-15T02:00:00.000Z', false),
    // Created at 23:30 on 31 Dec 2025 UTC: 1 January 2026 in China.
    person('new-year', '2025-12-31T23:30:00.000Z'),
  ];
  const trainings = [
    { id: 'g1', date: '2026-09-10', kind: 'new-employee', status: 'held' },
    { id: 'g2', date: '2026-12-20', kind: 'new-employee', status: 'planned' },
    { id: 'o1', date: '2026-09-10', kind: 'office-software', status: 'held' },
  ];
  const attendees = [
    { trainingId: 'g1', personId: 'guided', signed: true },
    // On the roster of the guidance but did not sign: still waiting.
    { trainingId: 'g1', personId: 'absent', signed: false },
    // Signed up for the planned one, not held yet.
    { trainingId: 'g2', personId: 'waiting', signed: false },
    { trainingId: 'o1', personId: 'waiting', signed: true },
  ];

  it('lists those who joined since the day and signed no held guidance, the longest waiting first', () => {
    expect(newcomersWithoutGuidance(people, trainings, attendees, '2026-01-01').map((p) => p.id)).toEqual([
      'new-year',
      'absent',
      'waiting',
    ]);
  });
});
