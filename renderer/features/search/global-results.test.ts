import { describe, expect, it } from 'vitest';
import { buildDeviceIndex } from '../../../shared/devices/device-list';
import { device } from '../../../shared/devices/test-records';
import { personSchema, repairCardSchema, type Person, type RepairCard } from '../../../shared/schemas';
import { computersByPerson, computerTagsText } from '../../../shared/devices/person-computers';
import { buildPeopleSearch } from '../../directory/people-search';
import { globalResults, type GlobalSources } from './global-results';

const meta = (id: string) => ({
  id,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  deletedAt: null,
  hlc: {},
});
const person = (id: string, fields: Partial<Person>): Person => ({
  ...personSchema.parse({ employeeNo: id.toUpperCase(), name: 'x', ...fields }),
  ...meta(id),
});
const card = (id: string, fields: Partial<RepairCard>): RepairCard => ({
  ...repairCardSchema.parse({
    cardNo: `WX-2026-A-${id}`,
    requesterName: '张伟',
    faultCategory: 'hardware',
    description: '开机黑屏',
    receivedAt: '2026-03-01T01:00:00.000Z',
    ...fields,
  }),
  ...meta(id),
});

// The directory once wrote PC-0999 for him; the register says he uses PC-0101.
const zhang = person('e001', { name: '张伟', departmentId: 'fin', computerTag: 'PC-0999' });
const wang = person('e002', { name: '王芳' });
const register = [
  device('pc1', { assetTag: 'PC-0101', type: 'computer', name: '财务电脑', userPersonId: 'e001' }),
  device('pc2', { assetTag: 'PC-01012', type: 'computer', name: '备用电脑' }),
];
const computers = computersByPerson(register);
const index = buildDeviceIndex(
  register,
  new Map([[zhang.id, zhang]]),
  new Map([['fin', { id: 'fin', name: '财务部' }]]),
);
const sources = (cards: RepairCard[] = [], people: Person[] = [zhang, wang]): GlobalSources => ({
  people: buildPeopleSearch(people, computers),
  departmentName: (id) => (id === 'fin' ? '财务部' : ''),
  computersOf: (id) => computerTagsText(computers, id),
  devices: index,
  cards,
});

describe('global search results', () => {
  it('a scanned asset tag is the exact hit, listed first, before devices that merely contain it', () => {
    const r = globalResults('  pc-0101 ', sources());
    expect(r.exact).toMatchObject({ kind: 'device', id: 'pc1' });
    expect(r.hits[0]).toMatchObject({ kind: 'device', id: 'pc1', responsible: '张伟' });
    expect(r.hits.filter((h) => h.kind === 'device').map((h) => h.id)).toEqual(['pc1', 'pc2']);
    // The person whose computer it is is found too, with that computer.
    expect(r.hits.find((h) => h.kind === 'person')).toMatchObject({ id: 'e001', computers: 'PC-0101' });
    expect(globalResults('PC-0999', sources()).hits).toEqual([]);
  });

  it("finds a person by pinyin initials, and devices by their responsible person's pinyin", () => {
    const r = globalResults('zw', sources());
    expect(r.hits.filter((h) => h.kind === 'person').map((h) => h.id)).toEqual(['e001']);
    expect(r.hits.filter((h) => h.kind === 'device').map((h) => h.id)).toEqual(['pc1']);
  });

  it('a typed card number opens that card; otherwise cards lead the list', () => {
    const cards = [card('0007', {}), card('0008', {})];
    expect(globalResults('wx-2026-a-0007', sources(cards)).exact).toMatchObject({ kind: 'card', id: '0007' });
    const r = globalResults('黑屏', sources(cards));
    expect(r.exact).toBeNull();
    expect(r.hits.map((h) => h.kind)).toEqual(['card', 'card']);
  });

  it('finds people by name with their department, and never lists deleted or half-arrived records', () => {
    const half = { ...person('e003', { name: '王强' }), createdAt: undefined } as unknown as Person;
    const gone = { ...person('e004', { name: '王五' }), deletedAt: '2026-04-01T00:00:00.000Z' };
    const deletedCard = { ...card('0009', {}), deletedAt: '2026-04-01T00:00:00.000Z' };
    const r = globalResults('王', sources([deletedCard], [zhang, wang, half, gone]));
    expect(r.hits).toEqual([{ kind: 'person', id: 'e002', person: wang, departmentName: '', computers: '' }]);
  });

  it('shows at most a few of each kind and nothing for an empty query', () => {
    const many = Array.from({ length: 12 }, (_, i) => card(String(i).padStart(4, '0'), {}));
    expect(globalResults('黑屏', sources(many)).hits).toHaveLength(5);
    expect(globalResults('   ', sources(many))).toEqual({ hits: [], exact: null });
  });
});
