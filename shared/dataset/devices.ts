// The dataset's devices: a computer for every employee, retired computers (some handed back by
// people who left, with their handovers), printers and peripherals attached to a computer of their
// department (the responsible-person rule), and each company's machine-room gear — servers,
// switches, routers, firewalls, recorders with their cameras, video conference — topped up with
// UPS and access points to the planned device count.
import { macAddress } from '../demo/random';
import {
  COMPUTER_PRICES,
  COMPUTERS,
  NETWORK_GEAR,
  PERIPHERALS,
  PRINTER_PRICES,
  PRINTERS,
  SERIAL_PREFIXES,
} from '../demo/words';
import type { RecordContent, StoredRecord } from '../schemas';
import { dayStart as chinaDayStart } from '../time/china';
import { DAY, HOUR, pad, type DatasetLedger } from './ledger';
import type { DatasetStaff } from './people';

export interface DatasetDevices {
  computerOf: Map<string, StoredRecord<'devices'>>;
  /** Printers and peripherals: what a card about a shared device names. */
  printers: StoredRecord<'devices'>[];
  /** The network centre's own gear. */
  gear: StoredRecord<'devices'>[];
  /** The person using each computer, by the computer's id. */
  userOf: Map<string, StoredRecord<'people'>>;
  servers: StoredRecord<'devices'>[];
  recorders: StoredRecord<'devices'>[];
}

type DeviceContent = Partial<RecordContent<'devices'>> & Pick<RecordContent<'devices'>, 'assetTag' | 'type'>;
type AddDevice = (content: DeviceContent) => StoredRecord<'devices'>;

export function addDevices(ledger: DatasetLedger, staff: DatasetStaff): DatasetDevices {
  const device = deviceWriter(ledger);
  const computerOf = addComputers(ledger, staff, device);
  const counts = deviceCounts(ledger.devices - staff.active.length, staff.depts.length);
  let tagSerial = 0;
  const tag = (code: string) => `${code}-${pad(++tagSerial, 5)}`;
  addRetiredComputers(ledger, staff, device, tag, counts.retired);
  addAttached(ledger, staff, device, tag, 'printer', counts.printer);
  addAttached(ledger, staff, device, tag, 'peripheral', counts.peripheral);
  const { servers, recorders } = addMachineRooms(ledger, staff, device, tag, counts);
  const devices = ledger.tables.devices;
  const userOf = new Map<string, StoredRecord<'people'>>();
  for (const p of staff.active) userOf.set(computerOf.get(p.id)!.id, p);
  return {
    computerOf,
    printers: devices.filter((d) => d.type === 'printer' || d.type === 'peripheral'),
    gear: devices.filter((d) => d.userPersonId === staff.supervisor.id),
    userOf,
    servers,
    recorders,
  };
}

/** A device with every field set, bought on a day of the period unless told, dated when bought. */
function deviceWriter(ledger: DatasetLedger): AddDevice {
  const { add, int, pick, digits, dateOnly, startMs, years } = ledger;
  const purchaseDate = () => dateOnly(startMs + int(0, years * 365 - 1) * DAY);
  const warranty = (date: string) => dateOnly(chinaDayStart(date).getTime() + 12 * HOUR + 3 * 365 * DAY);
  return (content) => {
    const bought = content.purchaseDate ?? purchaseDate();
    return add('devices', 'device', Math.max(startMs, chinaDayStart(bought).getTime() + 9 * HOUR), {
      name: '',
      brand: '',
      model: '',
      serialNo: `${pick(SERIAL_PREFIXES)}${digits(8)}`,
      location: '',
      departmentId: null,
      userPersonId: null,
      attachedToDeviceId: null,
      status: 'in-use',
      vendor: '',
      price: null,
      warrantyEnd: warranty(bought),
      ip: '',
      mac: '',
      channelCount: null,
      retentionDays: null,
      secret: '',
      note: '',
      ...content,
      purchaseDate: bought,
    });
  };
}

function addComputers(
  ledger: DatasetLedger,
  staff: DatasetStaff,
  device: AddDevice,
): Map<string, StoredRecord<'devices'>> {
  const { int, pick } = ledger;
  const computerOf = new Map<string, StoredRecord<'devices'>>();
  for (const p of staff.active) {
    const dept = staff.deptOf.get(p.id)!;
    const [brand, model] = pick(COMPUTERS);
    const pc = device({
      assetTag: p.computerTag,
      type: 'computer',
      name: `${p.name}的电脑`,
      brand,
      model,
      location: `${dept.company.short} ${dept.template.floor}`,
      departmentId: dept.record.id,
      userPersonId: p.id,
      vendor: '联信科技',
      price: pick(COMPUTER_PRICES),
      ip: `10.${staff.depts.indexOf(dept) % 250}.${int(0, 255)}.${int(2, 254)}`,
      mac: macAddress(ledger),
    });
    computerOf.set(p.id, pc);
    dept.computers.push(pc);
  }
  return computerOf;
}

/** How the devices beyond the employees' computers divide among the types. */
function deviceCounts(rest: number, departments: number) {
  const share = (f: number) => Math.floor(rest * f);
  return {
    retired: share(0.3),
    printer: Math.max(departments, share(0.12)),
    peripheral: share(0.18),
    'cctv-recorder': Math.max(1, share(0.015)),
    'cctv-camera': share(0.25),
    switch: Math.max(1, share(0.06)),
    server: Math.max(2, share(0.01)),
    router: Math.max(1, share(0.005)),
    firewall: Math.max(1, share(0.003)),
    'video-conference': Math.max(1, share(0.007)),
  };
}

/** The generation replaced over the years; those of people who left came back by handover. */
function addRetiredComputers(
  ledger: DatasetLedger,
  staff: DatasetStaff,
  device: AddDevice,
  tag: (code: string) => string,
  count: number,
): void {
  const { add, int, pick, roll, iso, dateOnly, startMs, nowMs, years } = ledger;
  const leaverPeople = staff.depts.flatMap((d) => d.people.filter((p) => !p.active));
  for (let i = 0; i < count; i++) {
    const dept = pick(staff.depts);
    const [brand, model] = pick(COMPUTERS);
    const owner = leaverPeople[i];
    const retired = device({
      assetTag: tag('PC-OLD'),
      type: 'computer',
      name: owner ? `${owner.name}的电脑（已收回）` : '旧电脑',
      brand,
      model,
      location: '集团总部 2F 库房',
      departmentId: dept.record.id,
      status: owner && roll() < 0.3 ? 'spare' : 'retired',
      purchaseDate: dateOnly(startMs + int(0, Math.max(1, years * 200)) * DAY),
      note: owner ? '原使用人离职，电脑收回' : '使用年限已满，已报废，硬盘已消磁',
    });
    if (owner) {
      const when = Math.min(staff.leftAt.get(owner.id) ?? nowMs, nowMs);
      add('deviceHandovers', 'handover', when, {
        deviceId: retired.id,
        fromPersonId: owner.id,
        toPersonId: null,
        at: iso(when),
        by: staff.supervisor.name,
        note: '员工离职，电脑收回网络中心，数据已备份',
      });
    }
  }
}

/** Printers and peripherals hang off a computer of their department (responsible-person rule). */
function addAttached(
  ledger: DatasetLedger,
  staff: DatasetStaff,
  device: AddDevice,
  tag: (code: string) => string,
  type: 'printer' | 'peripheral',
  count: number,
): void {
  const { pick } = ledger;
  const deptsWithPcs = staff.depts.filter((d) => d.computers.length > 0);
  for (let i = 0; i < count; i++) {
    const dept = deptsWithPcs[i % deptsWithPcs.length]!;
    const host = pick(dept.computers);
    const [brand, model, name] =
      type === 'printer' ? [...pick(PRINTERS), `${dept.record.name}打印机`] : pick(PERIPHERALS);
    device({
      assetTag: tag(type === 'printer' ? `PR-${dept.template.code}` : `PE-${dept.template.code}`),
      type,
      name,
      brand,
      model,
      location: host.location,
      departmentId: dept.record.id,
      attachedToDeviceId: host.id,
      vendor: '博文商贸',
      price: type === 'printer' ? pick(PRINTER_PRICES) : pick([89, 680, 1299, 6200]),
    });
  }
}

/** Each company's machine room in turn, in the network centre's care and the supervisor's name. */
function addMachineRooms(
  ledger: DatasetLedger,
  staff: DatasetStaff,
  device: AddDevice,
  tag: (code: string) => string,
  counts: ReturnType<typeof deviceCounts>,
): Pick<DatasetDevices, 'servers' | 'recorders'> {
  const { int, pick } = ledger;
  const room = (
    type: keyof typeof NETWORK_GEAR,
    code: string,
    n: number,
    extra: (i: number) => Partial<RecordContent<'devices'>> = () => ({}),
  ) => {
    const list: StoredRecord<'devices'>[] = [];
    for (let i = 0; i < n; i++) {
      const company = staff.companies[i % staff.companies.length]!;
      const [brand, model] = pick<readonly [string, string]>(NETWORK_GEAR[type]);
      list.push(
        device({
          assetTag: tag(code),
          type,
          name: `${company.short}${model}`,
          brand,
          model,
          location: `${company.short} 机房`,
          departmentId: staff.netCentre.record.id,
          userPersonId: staff.supervisor.id,
          vendor: '恒信网络',
          ip: `192.168.${i % 250}.${int(2, 254)}`,
          ...extra(i),
        }),
      );
    }
    return list;
  };
  const servers = room('server', 'SV', counts.server, () => ({ secret: '基准数据：非真实密码' }));
  room('switch', 'SW', counts.switch);
  room('router', 'RT', counts.router);
  room('firewall', 'FW', counts.firewall);
  const recorders = room('cctv-recorder', 'NVR', counts['cctv-recorder'], () => ({
    channelCount: 16,
    retentionDays: 30,
  }));
  room('cctv-camera', 'CAM', counts['cctv-camera'], (i) => ({
    attachedToDeviceId: recorders[i % recorders.length]!.id,
  }));
  room('video-conference', 'VC', counts['video-conference']);
  room('other', 'UPS', Math.max(0, ledger.devices - ledger.tables.devices.length));
  return { servers, recorders };
}
