// The directory the People screens, the pickers and the repair screens read: people and
// departments that folder sync delivered in part (no createdAt yet) must not show anywhere until
// the rest arrives; deleted ones stay out of the lists but still name a link.
import { describe, expect, it } from 'vitest';
import { buildDirectory } from './directory';
import { department, person } from './test-records';

const at = '2026-01-01T00:00:00.000Z';

/** What sync leaves when only a later edit (the phone) of a new person has arrived. */
function inPart<T extends { createdAt: string }>(record: T): T {
  const { createdAt: _missing, ...rest } = record;
  return rest as T;
}

describe('the directory and records that arrived in part', () => {
  const finance = department('finance', { name: '财务部' });
  const halfDepartment = inPart(department('half-dept', { name: '' }));
  const zhang = person('p1', { name: '张伟', departmentId: 'finance' });
  const half = inPart(person('p2', { name: '', phone: '138 0000 0000', departmentId: 'finance' }));
  const left = person('p3', { name: '李娜', departmentId: 'finance', deletedAt: at });
  const directory = buildDirectory([zhang, half, left], [finance, halfDepartment]);

  it('lists only people and departments that arrived whole and are not deleted', () => {
    expect(directory.people.map((p) => p.id)).toEqual(['p1']);
    expect(directory.departments.map((d) => d.id)).toEqual(['finance']);
  });

  it('does not count a person in part in the head count', () => {
    expect(directory.headCount.get('finance')).toBe(1);
  });

  it('names a deleted person by id, but not one that arrived in part', () => {
    expect(directory.personById.get('p3')?.name).toBe('李娜');
    expect(directory.personById.has('p2')).toBe(false);
    expect(directory.departmentById.has('half-dept')).toBe(false);
  });

  it('shows the person once the change that created it arrives', () => {
    const whole = buildDirectory([zhang, { ...half, createdAt: at }, left], [finance]);
    expect(whole.people.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(whole.headCount.get('finance')).toBe(2);
  });
});
