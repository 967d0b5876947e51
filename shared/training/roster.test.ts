import { describe, expect, it } from 'vitest';
import { officeTrainingProgress, rosterOf } from './roster';

const people = [
  { id: 'a', departmentId: 'cw', active: true },
  { id: 'b', departmentId: 'cw', active: false },
  { id: 'c', departmentId: 'hr', active: true },
  { id: 'd', departmentId: null, active: true },
];

describe('a training roster', () => {
  it('takes the people in service of the chosen departments and the people chosen, once each', () => {
    expect(rosterOf(people, { departmentIds: ['cw'], personIds: [] }).map((p) => p.id)).toEqual(['a']);
    expect(rosterOf(people, { departmentIds: ['cw'], personIds: ['a', 'd'] }).map((p) => p.id)).toEqual([
      'a',
      'd',
    ]);
  });
  it("counts the year's office-software trainings against two a year", () => {
    const trainings = [
      { date: '2026-03-01', kind: 'office-software' },
      { date: '2026-05-01', kind: 'new-employee' },
      { date: '2025-10-01', kind: 'office-software' },
    ];
    expect(officeTrainingProgress(trainings, 2026)).toEqual({ held: 1, needed: 2, met: false });
    expect(
      officeTrainingProgress([...trainings, { date: '2026-11-02', kind: 'office-software' }], 2026).met,
    ).toBe(true);
  });
});
