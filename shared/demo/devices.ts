// The demo's devices: a computer for everyone (the leaver's back in stock), a printer per
// department attached to the computer it is shared from, two peripherals, the machine room
// (servers, switches, router, firewall, CCTV, video conference, UPS) and one retired computer;
// then the handover that brought the leaver's computer back.
import type { RecordInput, StoredRecord } from '../schemas';
import { dayStart as chinaDayStart } from '../time/china';
import { DAY, HOUR, type DemoLedger } from './ledger';
import type { DemoStaff } from './people';
import { macAddress } from './random';
import { COMPUTER_PRICES, COMPUTERS, DEPARTMENTS, PRINTER_PRICES, PRINTERS, SERIAL_PREFIXES } from './words';

/** The devices later steps write about. */
export interface DemoDevices {
  computerOf: (person: { id: string }) => StoredRecord<'devices'>;
  /** One printer per department, in the departments' order. */
  printers: StoredRecord<'devices'>[];
  servers: StoredRecord<'devices'>[];
  recorder: StoredRecord<'devices'>;
  cameras: StoredRecord<'devices'>[];
}

/** Purchase dates, serial numbers and warranties as a dealer writes them. */
function deviceFacts(ledger: DemoLedger) {
  const { pick, int, digits, day, dateOnly } = ledger;
  return {
    purchase: () => dateOnly(day(int(200, 1600))),
    serial: () => `${pick(SERIAL_PREFIXES)}${digits(8)}`,
    // Three years of warranty; day arithmetic, not "year + 3", which would turn 29 February invalid.
    warrantyFrom: (date: string) => dateOnly(chinaDayStart(date).getTime() + 12 * HOUR + 3 * 365 * DAY),
  };
}

export function addDevices(ledger: DemoLedger, staff: DemoStaff): DemoDevices {
  const computerOf = addComputers(ledger, staff);
  const printers = addPrintersAndPeripherals(ledger, staff, computerOf);
  const room = addMachineRoom(ledger, staff);
  addRetiredComputer(ledger, staff);
  return { computerOf, printers, ...room };
}

function addComputers(ledger: DemoLedger, staff: DemoStaff): DemoDevices['computerOf'] {
  const { add, pick, setupMs } = ledger;
  const { purchase, serial, warrantyFrom } = deviceFacts(ledger);
  let ipHost = 20;
  const computers = new Map<string, StoredRecord<'devices'>>();
  for (const p of staff.people) {
    const [brand, model] = pick(COMPUTERS);
    const bought = purchase();
    const device = add('devices', 'device', setupMs, {
      assetTag: p.computerTag,
      type: 'computer',
      name: `${p.name}的电脑`,
      brand,
      model,
      serialNo: serial(),
      location: `集团总部 ${staff.floorOf(p)}`,
      departmentId: p.departmentId,
      userPersonId: p.active ? p.id : null,
      status: p.active ? 'in-use' : 'spare',
      purchaseDate: bought,
      vendor: '本地电脑城 联信科技',
      price: pick(COMPUTER_PRICES),
      warrantyEnd: warrantyFrom(bought),
      ip: `192.168.10.${ipHost++ % 250}`,
      mac: macAddress(ledger),
      note: p.active ? '' : '原使用人离职，待重新分配',
    });
    computers.set(p.id, device);
  }
  return (p) => computers.get(p.id)!;
}

/**
 * One printer per department, attached to the computer it is shared from (the responsible person
 * is that computer's user), and two peripherals: finance's scanner and sales' ID-card reader.
 */
function addPrintersAndPeripherals(
  ledger: DemoLedger,
  staff: DemoStaff,
  computerOf: DemoDevices['computerOf'],
): StoredRecord<'devices'>[] {
  const { add, pick, setupMs } = ledger;
  const { purchase, serial, warrantyFrom } = deviceFacts(ledger);
  const { people } = staff;
  const printers = staff.departments.map((dept, i) => {
    const host = people.find((p) => p.departmentId === dept.id && p.active) ?? people[0]!;
    const [brand, model] = pick(PRINTERS);
    const bought = purchase();
    return add('devices', 'device', setupMs, {
      assetTag: `PR-${DEPARTMENTS[i]?.code ?? 'XX'}-01`,
      type: 'printer',
      name: `${dept.name}打印机`,
      brand,
      model,
      serialNo: serial(),
      location: `集团总部 ${DEPARTMENTS[i]?.floor ?? ''}`,
      departmentId: dept.id,
      attachedToDeviceId: computerOf(host).id,
      purchaseDate: bought,
      vendor: '办公设备公司 博文商贸',
      price: pick(PRINTER_PRICES),
      warrantyEnd: warrantyFrom(bought),
    });
  });
  const financeHead = staff.staffOf('CW')[0] ?? people[0]!;
  add('devices', 'device', setupMs, {
    assetTag: 'PE-CW-01',
    type: 'peripheral',
    name: '票据扫描仪',
    brand: '富士通',
    model: 'fi-7160',
    serialNo: serial(),
    location: '集团总部 4F',
    departmentId: financeHead.departmentId,
    attachedToDeviceId: computerOf(financeHead).id,
    purchaseDate: purchase(),
    price: 6200,
  });
  const salesStaff = staff.staffOf('YX');
  const idReader = salesStaff[1] ?? salesStaff[0] ?? people[0]!;
  add('devices', 'device', setupMs, {
    assetTag: 'PE-YX-01',
    type: 'peripheral',
    name: '身份证阅读器',
    brand: '华视',
    model: 'CVR-100U',
    serialNo: serial(),
    location: '1F 售楼处签约区',
    departmentId: idReader.departmentId,
    attachedToDeviceId: computerOf(idReader).id,
    purchaseDate: purchase(),
    price: 680,
  });
  return printers;
}

/** The machine room's gear, in the network centre's care and the supervisor's name. */
function addMachineRoom(
  ledger: DemoLedger,
  staff: DemoStaff,
): Pick<DemoDevices, 'servers' | 'recorder' | 'cameras'> {
  const { purchase, serial } = deviceFacts(ledger);
  const mac = () => macAddress(ledger);
  const roomDevice = (content: RecordInput<'devices'>) =>
    ledger.add('devices', 'device', ledger.setupMs, {
      location: '集团总部 2F 机房',
      departmentId: staff.department('WL').id,
      userPersonId: staff.supervisor.id,
      vendor: '系统集成商 恒信网络',
      purchaseDate: purchase(),
      ...content,
    });
  const fileServer = roomDevice({
    assetTag: 'SV-01',
    type: 'server',
    name: '文件服务器',
    brand: '戴尔',
    model: 'PowerEdge R750',
    serialNo: serial(),
    ip: '192.168.1.10',
    mac: mac(),
    price: 42000,
    secret: '演示数据：管理员 admin / Demo-Only-2026（非真实密码）',
  });
  const erpServer = roomDevice({
    assetTag: 'SV-02',
    type: 'server',
    name: 'ERP 与 OA 服务器',
    brand: '华为',
    model: 'FusionServer 2288H V5',
    serialNo: serial(),
    ip: '192.168.1.11',
    mac: mac(),
    price: 56000,
    secret: '演示数据：iBMC Administrator / Demo-Only-2026',
  });
  roomDevice({
    assetTag: 'SW-CORE-01',
    type: 'switch',
    name: '核心交换机',
    brand: '华三',
    model: 'S5560X-30C-EI',
    serialNo: serial(),
    ip: '192.168.1.2',
    price: 18000,
    secret: '演示数据：console 密码 Demo-Only',
  });
  roomDevice({
    assetTag: 'SW-3F-01',
    type: 'switch',
    name: '3 楼接入交换机',
    brand: '华三',
    model: 'S1850V2-28P',
    serialNo: serial(),
    location: '集团总部 3F 弱电间',
    ip: '192.168.1.3',
    price: 2600,
  });
  roomDevice({
    assetTag: 'RT-01',
    type: 'router',
    name: '出口路由器',
    brand: '华为',
    model: 'AR6120',
    serialNo: serial(),
    ip: '192.168.1.1',
    price: 7800,
    note: '电信 200M 专线 + 联通 100M 备份线路',
  });
  roomDevice({
    assetTag: 'FW-01',
    type: 'firewall',
    name: '边界防火墙',
    brand: '深信服',
    model: 'AF-1000-B1080',
    serialNo: serial(),
    ip: '192.168.1.254',
    price: 24000,
    note: '已屏蔽游戏、视频娱乐类网站；按部门分配带宽',
    secret: '演示数据：Web 管理 admin / Demo-Only-2026',
  });
  const recorder = roomDevice({
    assetTag: 'NVR-01',
    type: 'cctv-recorder',
    name: '监控硬盘录像机',
    brand: '海康威视',
    model: 'DS-7816N-K2',
    serialNo: serial(),
    ip: '192.168.5.2',
    channelCount: 16,
    retentionDays: 30,
    price: 3200,
  });
  const cameras = ['大堂入口', '售楼处', '地下车库入口', '机房'].map((place, i) =>
    roomDevice({
      assetTag: `CAM-${String(i + 1).padStart(2, '0')}`,
      type: 'cctv-camera',
      name: `${place}摄像机`,
      brand: '海康威视',
      model: 'DS-2CD3T46WDV3-I3',
      serialNo: serial(),
      location: place,
      ip: `192.168.5.${11 + i}`,
      attachedToDeviceId: recorder.id,
      price: 560,
    }),
  );
  roomDevice({
    assetTag: 'VC-01',
    type: 'video-conference',
    name: '视频会议终端',
    brand: '华为',
    model: 'BOX600',
    serialNo: serial(),
    location: '集团总部 6F 大会议室',
    ip: '192.168.1.60',
    price: 15800,
    note: '与物业公司、各项目部召开周例会',
  });
  roomDevice({
    assetTag: 'UPS-01',
    type: 'other',
    name: '机房 UPS 电源',
    brand: '山特',
    model: 'C6KS',
    serialNo: serial(),
    price: 9800,
    note: '满载续航约 40 分钟',
  });
  return { servers: [fileServer, erpServer], recorder, cameras };
}

function addRetiredComputer(ledger: DemoLedger, staff: DemoStaff): void {
  const financeHead = staff.staffOf('CW')[0] ?? staff.people[0]!;
  ledger.add('devices', 'device', ledger.setupMs, {
    assetTag: 'PC-OLD-07',
    type: 'computer',
    name: '旧财务电脑',
    brand: '联想',
    model: '启天 M4360',
    serialNo: deviceFacts(ledger).serial(),
    location: '集团总部 2F 库房',
    departmentId: financeHead.departmentId,
    status: 'retired',
    purchaseDate: ledger.dateOnly(ledger.day(2400)),
    note: '主板老化，已报废，硬盘已消磁',
  });
}

/** The leaver's computer came back to the network centre. */
export function addHandovers(ledger: DemoLedger, staff: DemoStaff, devices: DemoDevices): void {
  const { leaver } = staff;
  if (!leaver) return;
  const { add, at, iso } = ledger;
  add('deviceHandovers', 'handover', at(20, 10), {
    deviceId: devices.computerOf(leaver).id,
    fromPersonId: leaver.id,
    toPersonId: null,
    at: iso(at(20, 10)),
    by: staff.by,
    note: '员工离职，电脑收回网络中心，数据已备份',
  });
}
