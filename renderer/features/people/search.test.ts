import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/schemas';
import { filterPeople, NO_DEPARTMENT } from './search';
import { person } from './test-records';

const people = [
  person('a001', { name: '张伟', departmentId: 'finance', phone: '138 0013 8000', computerTag: 'PC-CW-01' }),
  person('a002', { name: 'Li Na', departmentId: 'hr', phone: '010-6655-1234', computerTag: 'pc-hr-07' }),
  person('a003', { name: '王芳', departmentId: null, phone: '', computerTag: '' }),
];
const names = (list: Person[]) => list.map((p) => p.name);

describe('filterPeople', () => {
  it('finds by part of a name, case-insensitively', () => {
    expect(names(filterPeople(people, { query: '伟', departmentId: null }))).toEqual(['张伟']);
    expect(names(filterPeople(people, { query: 'li n', departmentId: null }))).toEqual(['Li Na']);
  });

  it('finds by employee no. and computer tag regardless of case', () => {
    expect(names(filterPeople(people, { query: 'a003', departmentId: null }))).toEqual(['王芳']);
    expect(names(filterPeople(people, { query: 'PC-HR', departmentId: null }))).toEqual(['Li Na']);
  });

  it('finds a phone number however it was spaced', () => {
    expect(names(filterPeople(people, { query: '13800138', departmentId: null }))).toEqual(['张伟']);
    expect(names(filterPeople(people, { query: '6655 1234', departmentId: null }))).toEqual(['Li Na']);
  });

  it('filters by department, and by "no department"', () => {
    expect(names(filterPeople(people, { query: '', departmentId: 'hr' }))).toEqual(['Li Na']);
    expect(names(filterPeople(people, { query: '', departmentId: NO_DEPARTMENT }))).toEqual(['王芳']);
    expect(names(filterPeople(people, { query: '张', departmentId: 'hr' }))).toEqual([]);
  });

  it('shows everyone for an empty or blank query', () => {
    expect(filterPeople(people, { query: '  ', departmentId: null })).toHaveLength(3);
  });
});
