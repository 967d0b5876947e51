import { describe, expect, it } from 'vitest';
import { computersByPerson } from '../../shared/devices/person-computers';
import type { Device, Person } from '../../shared/schemas';
import { buildPeopleSearch, filterPeople, NO_DEPARTMENT } from './people-search';
import { person } from './test-records';

const people = [
  person('a001', { name: '张伟', departmentId: 'finance', phone: '138 0013 8000' }),
  // The tag the imported directory wrote is not the computer she uses (PC-HR-07 was handed on).
  person('a002', { name: 'Li Na', departmentId: 'hr', phone: '010-6655-1234', computerTag: 'PC-HR-07' }),
  person('a003', { name: '王芳', departmentId: null, phone: '' }),
  person('a004', { name: '方廷杰', departmentId: 'it' }),
  person('a005', { name: '单雄信', departmentId: 'it' }),
  person('a006', { name: '吕方', departmentId: 'it' }),
];
const at = '2026-01-01T00:00:00.000Z';
const computer = (id: string, assetTag: string, userPersonId: string | null) =>
  ({
    id,
    type: 'computer',
    assetTag,
    userPersonId,
    status: 'in-use',
    createdAt: at,
    deletedAt: null,
  }) as Device;
const register = computersByPerson([
  computer('d1', 'PC-CW-01', 'a001'),
  computer('d2', 'PC-HR-07', 'a003'),
  computer('d3', 'pc-hr-08', 'a002'),
]);
const search = buildPeopleSearch(people, register);
const find = (query: string, departmentId: string | null = null) =>
  filterPeople(search, { query, departmentId }).map((p: Person) => p.name);

describe('filterPeople', () => {
  it('finds by part of a name, case-insensitively', () => {
    expect(find('伟')).toEqual(['张伟']);
    expect(find('li n')).toEqual(['Li Na']);
  });

  it('finds by employee no. and by the computer the register says a person uses, regardless of case', () => {
    expect(find('a003')).toEqual(['王芳']);
    expect(find('PC-HR-08')).toEqual(['Li Na']);
    // Not by the stale tag of the imported directory: PC-HR-07 is 王芳's now.
    expect(find('pc-hr-07')).toEqual(['王芳']);
    expect(find('ＰＣ－ＣＷ')).toEqual(['张伟']);
  });

  it('finds a phone number however it was spaced', () => {
    expect(find('13800138')).toEqual(['张伟']);
    expect(find('6655 1234')).toEqual(['Li Na']);
  });

  it('finds a Chinese name by its full pinyin and by its initials', () => {
    expect(find('ftj')).toEqual(['方廷杰']);
    expect(find('FTJ')).toEqual(['方廷杰']);
    expect(find('fangtingjie')).toEqual(['方廷杰']);
    expect(find('fang ting')).toEqual(['方廷杰']);
    expect(find('tingjie')).toEqual(['方廷杰']);
    expect(find('zw')).toEqual(['张伟']);
  });

  it('reads a surname as a surname (单 is shan) and ü as v', () => {
    expect(find('shanxiongxin')).toEqual(['单雄信']);
    expect(find('sxx')).toEqual(['单雄信']);
    expect(find('lvfang')).toEqual(['吕方']);
  });

  it('matches pinyin only in order, not scattered letters', () => {
    expect(find('jtf')).toEqual([]);
    expect(find('fangjie')).toEqual([]);
  });

  it('filters by department, and by "no department"', () => {
    expect(find('', 'hr')).toEqual(['Li Na']);
    expect(find('', NO_DEPARTMENT)).toEqual(['王芳']);
    expect(find('张', 'hr')).toEqual([]);
    expect(find('fang', 'it')).toEqual(['方廷杰', '吕方']);
  });

  it('shows everyone for an empty or blank query', () => {
    expect(find('  ')).toHaveLength(people.length);
  });
});
