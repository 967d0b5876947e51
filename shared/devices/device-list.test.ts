import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Device } from '../schemas';
import {
  buildDeviceIndex,
  filterDevices,
  findByScannedTag,
  NO_DEPARTMENT,
  typeFields,
  updateDeviceIndex,
  type DeviceIndex,
  type NamedRecord,
} from './device-list';
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

  it("finds a device by its responsible person's full pinyin or initials, the printer on the computer too", () => {
    for (const [query, expected] of [
      ['zw', ['PC-0101', 'PR-CW-01']],
      ['zhangwei', ['PC-0101', 'PR-CW-01']],
      ['Zhang Wei', ['PC-0101', 'PR-CW-01']],
      ['ln', ['SV-01']],
      ['wz', []],
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

/** A device as sync may leave it: a later field arrived before the change that created it. */
function partlyArrived(d: Device): Device {
  const { createdAt: _createdAt, ...rest } = d;
  return rest as Device;
}

describe('devices sync delivered in part', () => {
  const half = partlyArrived(device('half', { assetTag: 'PC-HALF', type: 'computer', userPersonId: 'li' }));
  const onHalf = device('pr2', {
    assetTag: 'PR-02',
    type: 'printer',
    attachedToDeviceId: 'half',
    userPersonId: 'zhang',
  });
  const halfPrinter = partlyArrived(
    device('pr3', { assetTag: 'PR-03', type: 'printer', attachedToDeviceId: 'pc1' }),
  );
  const partial = buildDeviceIndex([pc, half, onHalf, halfPrinter], people, departments);

  it('are neither listed, nor found by a scan, nor counted as attached', () => {
    expect(tags(partial.rows)).toEqual(['PC-0101', 'PR-02']);
    expect(filterDevices(partial, { ...all, query: 'half' })).toEqual([]);
    expect(findByScannedTag(partial, 'PC-HALF')).toBeUndefined();
    expect(partial.attachedTo.has('pc1')).toBe(false);
    expect(partial.all.has('half')).toBe(true);
  });

  it('do not lend their user to a printer until the computer has arrived whole', () => {
    expect(partial.byId.get('pr2')).toMatchObject({
      responsibleName: '张伟',
      responsible: { reason: 'user' },
    });
    const arrived = updateDeviceIndex(
      partial,
      { devices: [{ ...half, createdAt: pc.createdAt }] },
      people,
      departments,
    );
    expect(tags(arrived.rows)).toEqual(['PC-0101', 'PC-HALF', 'PR-02']);
    expect(arrived.byId.get('pr2')).toMatchObject({
      responsibleName: '李娜',
      responsible: { reason: 'attached' },
    });
  });
});

// ── Incremental updates ─────────────────────────────────────────────────────────────────
const PEOPLE = ['p1', 'p2', 'p3'];
const DEPARTMENTS = ['d1', 'd2'];
const TYPES = ['computer', 'printer', 'peripheral', 'server', 'cctv-camera', 'cctv-recorder'] as const;

type Edit =
  | {
      kind: 'put';
      id: string;
      tag: string;
      type: (typeof TYPES)[number];
      user: string | null;
      host: string | null;
      dept: string | null;
      deleted: boolean;
      partial: boolean;
      name: string;
    }
  | { kind: 'remove'; id: string }
  | { kind: 'person'; id: string; name: string | null }
  | { kind: 'department'; id: string; name: string | null };

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
/** Edits of devices among `ids`: few ids make links and equal tags likely, many make big batches. */
const editOf = (IDS: readonly string[]): fc.Arbitrary<Edit> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('put' as const),
        id: fc.constantFrom(...IDS),
        // Few tags, in two cases: equal tags (sync can bring them) and case-folded scans are exercised.
        tag: fc.constantFrom('PC-1', 'PC-2', 'pc-2', 'PC-10', 'PR-1', 'SV-1'),
        type: fc.constantFrom(...TYPES),
        user: maybe(fc.constantFrom(...PEOPLE)),
        host: maybe(fc.constantFrom(...IDS)),
        dept: maybe(fc.constantFrom(...DEPARTMENTS)),
        deleted: fc.boolean(),
        partial: fc.boolean(),
        name: fc.constantFrom('', '财务电脑', '打印机'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...IDS) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('person' as const),
        id: fc.constantFrom(...PEOPLE),
        name: maybe(fc.constantFrom('张伟', '李娜', '王芳')),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('department' as const),
        id: fc.constantFrom(...DEPARTMENTS),
        name: maybe(fc.constantFrom('财务部', '营销部')),
      }),
    },
  );

/** The ledger the edits are applied to, and what each batch changed, as the devices screen learns it. */
class Ledger {
  devices = new Map<string, Device>();
  people = new Map<string, NamedRecord>();
  departments = new Map<string, NamedRecord>();

  apply(edits: readonly Edit[]) {
    const changed = new Map<string, Device>();
    const removed = new Set<string>();
    const personIds = new Set<string>();
    const departmentIds = new Set<string>();
    for (const e of edits) {
      if (e.kind === 'put') {
        const stored = device(e.id, {
          assetTag: e.tag,
          type: e.type,
          name: e.name,
          userPersonId: e.user,
          attachedToDeviceId: e.host,
          departmentId: e.dept,
        });
        const d = e.partial
          ? partlyArrived(stored)
          : { ...stored, deletedAt: e.deleted ? '2026-02-01T00:00:00Z' : null };
        this.devices.set(e.id, d);
        changed.set(e.id, d);
        removed.delete(e.id);
      } else if (e.kind === 'remove') {
        this.devices.delete(e.id);
        changed.delete(e.id);
        removed.add(e.id);
      } else {
        const map = e.kind === 'person' ? this.people : this.departments;
        if (e.name === null) map.delete(e.id);
        else map.set(e.id, { id: e.id, name: e.name });
        (e.kind === 'person' ? personIds : departmentIds).add(e.id);
      }
    }
    return { devices: [...changed.values()], removedDeviceIds: [...removed], personIds, departmentIds };
  }

  build(): DeviceIndex {
    return buildDeviceIndex(this.devices.values(), this.people, this.departments);
  }
}

/** Everything a screen reads of an index, in a form where order matters only where the screen shows it. */
function shape(index: DeviceIndex) {
  const sorted = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    rows: index.rows.map((r) => ({ ...r })),
    byId: sorted(index.byId).map(([id, r]) => [id, r.device.id]),
    byTag: sorted(index.byTag).map(([tag, r]) => [tag, r.device.id]),
    attachedTo: sorted(index.attachedTo).map(([host, list]) => [host, list.map((d) => d.id)]),
    all: sorted(index.all).map(([id, d]) => [id, d]),
  };
}

describe('incremental index updates', () => {
  const replay = (ids: readonly string[], batch: { min: number; max: number }) =>
    fc.assert(
      fc.property(
        fc.array(fc.array(editOf(ids), { minLength: batch.min, maxLength: batch.max }), {
          minLength: 1,
          maxLength: 12,
        }),
        (batches) => {
          const ledger = new Ledger();
          let index = ledger.build();
          for (const batch of batches) {
            const changes = ledger.apply(batch);
            index = updateDeviceIndex(index, changes, ledger.people, ledger.departments);
            expect(shape(index)).toEqual(shape(ledger.build()));
          }
        },
      ),
      { numRuns: 200 },
    );

  it('after any edits, patching the index gives exactly what a fresh build gives', () => {
    // Eight devices: printers on computers, cameras on recorders, equal tags, all in one batch.
    replay(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], { min: 1, max: 6 });
    // Two hundred: batches big enough that the rows are merged in one pass, not moved one by one.
    replay(
      Array.from({ length: 200 }, (_, i) => `id${i}`),
      { min: 36, max: 60 },
    );
  });

  it('keeps the rows nothing touched, and follows a handover to the printer on the computer', () => {
    const before = buildDeviceIndex([server, printer, pc], people, departments);
    const after = updateDeviceIndex(
      before,
      { devices: [{ ...pc, userPersonId: 'li' }] },
      people,
      departments,
    );
    expect(after.byId.get('sv1')).toBe(before.byId.get('sv1'));
    expect(after.byId.get('pr1')?.responsibleName).toBe('李娜');
    expect(filterDevices(after, { ...all, query: '李娜' }).map((r) => r.device.assetTag)).toEqual([
      'PC-0101',
      'PR-CW-01',
      'SV-01',
    ]);
  });

  it('renames in the search when a person is renamed, and returns the same index when nothing changed', () => {
    const before = buildDeviceIndex([server, printer, pc], people, departments);
    expect(updateDeviceIndex(before, {}, people, departments)).toBe(before);
    const renamed = new Map([...people, ['zhang', { id: 'zhang', name: '张卫' }]]);
    const after = updateDeviceIndex(before, { personIds: new Set(['zhang']) }, renamed, departments);
    expect(tags(filterDevices(after, { ...all, query: '张卫' }))).toEqual(['PC-0101', 'PR-CW-01']);
    expect(filterDevices(after, { ...all, query: '张伟' })).toEqual([]);
  });

  it('rebuilds when most of the list changed, with the same answer', () => {
    const template = device('t', { assetTag: 'T', type: 'computer' });
    const many = Array.from({ length: 400 }, (_, i) => ({ ...template, id: `d${i}`, assetTag: `PC-${i}` }));
    const before = buildDeviceIndex(many, people, departments);
    const moved = many.slice(0, 300).map((d) => ({ ...d, userPersonId: 'li' }));
    const after = updateDeviceIndex(before, { devices: moved }, people, departments);
    const fresh = buildDeviceIndex([...moved, ...many.slice(300)], people, departments);
    expect(shape(after)).toEqual(shape(fresh));
    expect(tags(after.rows).slice(0, 3)).toEqual(['PC-0', 'PC-1', 'PC-2']);
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
