import { describe, expect, it } from 'vitest';
import { rosterOf } from './roster';

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
});
