import { describe, expect, it } from 'vitest';
import { buildDeviceIndex, filterDevices, findByScannedTag, NO_DEPARTMENT, typeFields } from './device-list';
import { device } from './test-records';

const people = new Map([
  ['zhang', { id: 'zhang', name: '张伟' }],
  ['li', { id: 'li', name: '李娜' }],
]);
const departments = new Map([['fin', { id: 'fin', name: '财务部' }]]);

const pc = device('pc1', {
  assetTag: 'PC-0101',
  type: 'computer',
  name: '财务电脑',
  brand: '联想',
  model: 'M4360',
  ip: '192.168.10.21',
  userPersonId: 'zhang',
  departmentId: 'fin',
});
const printer = device('pr1', {
  assetTag: 'PR-CW-01',
  type: 'printer',
  name: '财务部打印机',
  serialNo: 'CN12345678',
  attachedToDeviceId: 'pc1',
  departmentId: 'fin',
});
const server = device('sv1', {
  assetTag: 'SV-01',
  type: 'server',
  location: '2F 机房',
  userPersonId: 'li',
  status: 'in-repair',
  secret: 'admin / Sup3r-Secret',
});
const gone = {
  ...device('old', { assetTag: 'PC-OLD', type: 'computer' }),
  deletedAt: '2026-02-01T00:00:00Z',
};

const index = buildDeviceIndex([server, printer, pc, gone], people, departments);
const tags = (rows: { device: { assetTag: string } }[]) => rows.map((r) => r.device.assetTag);
const all = { query: '', type: null, status: null, departmentId: null };

describe('device index', () => {
  it('lists live devices by tag, with the responsible person and the reason', () => {
    expect(tags(index.rows)).toEqual(['PC-0101', 'PR-CW-01', 'SV-01']);
    const printerRow = index.byId.get('pr1')!;
    expect(printerRow.responsibleName).toBe('张伟');
    expect(printerRow.responsible).toMatchObject({ reason: 'attached', viaDevice: { assetTag: 'PC-0101' } });
    expect(printerRow.departmentName).toBe('财务部');
    expect(index.attachedTo.get('pc1')?.map((d) => d.assetTag)).toEqual(['PR-CW-01']);
  });

  it('finds a device by tag, name, brand, model, serial, IP, location or responsible person', () => {
    for (const [query, expected] of [
      ['pc-0101', ['PC-0101', 'PR-CW-01']], // the printer hangs on PC-0101
      ['打印机', ['PR-CW-01']],
      ['联想', ['PC-0101']],
      ['m4360', ['PC-0101']],
      ['CN1234', ['PR-CW-01']],
      ['192.168.10', ['PC-0101']],
      ['机房', ['SV-01']],
      ['张伟', ['PC-0101', 'PR-CW-01']],
      ['ＳＶ－０１', ['SV-01']], // full-width input from a Chinese IME
    ] as const) {
      expect(tags(filterDevices(index, { ...all, query })), query).toEqual(expected);
    }
  });

  it('never searches the admin secret', () => {
    expect(filterDevices(index, { ...all, query: 'Sup3r' })).toEqual([]);
  });

  it('filters by type, status and department, also without a department', () => {
    expect(tags(filterDevices(index, { ...all, type: 'printer' }))).toEqual(['PR-CW-01']);
    expect(tags(filterDevices(index, { ...all, status: 'in-repair' }))).toEqual(['SV-01']);
    expect(tags(filterDevices(index, { ...all, departmentId: 'fin' }))).toEqual(['PC-0101', 'PR-CW-01']);
    expect(tags(filterDevices(index, { ...all, departmentId: NO_DEPARTMENT }))).toEqual(['SV-01']);
  });

  it('opens the device of a scanned tag, ignoring case and spaces, but not a deleted one', () => {
    expect(findByScannedTag(index, ' pr-cw-01 ')?.device.id).toBe('pr1');
    expect(findByScannedTag(index, 'PR-CW')).toBeUndefined();
    expect(findByScannedTag(index, 'PC-OLD')).toBeUndefined();
  });

  it('follows the computer to its new user when the index is rebuilt', () => {
    const handedOver = { ...pc, userPersonId: 'li' };
    const after = buildDeviceIndex([server, printer, handedOver], people, departments);
    expect(after.byId.get('pr1')?.responsibleName).toBe('李娜');
  });

  // Speed at 20,000 devices is measured by `npm run bench`; here only the answer is checked.
  it('finds one device among 20,000', () => {
    const template = device('t', { assetTag: 'T', type: 'computer' });
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      ...template,
      id: `d${i}`,
      assetTag: `PC-${String(i).padStart(5, '0')}`,
      name: `电脑 ${i}`,
      userPersonId: i % 2 ? 'zhang' : 'li',
    }));
    const big = buildDeviceIndex(many, people, departments);
    const found = filterDevices(big, { ...all, query: '19999' });
    expect(tags(found)).toEqual(['PC-19999']);
  });
});

describe('type-specific fields', () => {
  it('shows IP/MAC for networked gear, channels for recorders, the host for printers and peripherals', () => {
    expect(typeFields('switch')).toEqual({ network: true, recorder: false, attachable: false });
    expect(typeFields('cctv-recorder')).toEqual({ network: true, recorder: true, attachable: false });
    expect(typeFields('printer')).toEqual({ network: true, recorder: false, attachable: true });
    expect(typeFields('peripheral')).toEqual({ network: false, recorder: false, attachable: true });
  });
});
