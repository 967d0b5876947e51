// The demo ledger: a realistic, made-up real-estate group (departments, staff, computers with their
// printers, servers and network gear, repair cards at every stage, weekly checks, incidents, quotes,
// website updates, trainings, a purchase evaluation) for trying NetDesk, screenshots and tests.
// Deterministic: the same seed and `now` give byte-identical JSON (a seeded PRNG, no Math.random,
// no clock reads, ids numbered in creation order). Every record passes its table's stored schema.
import type { LedgerBackup } from './backup';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import {
  ledgerTables,
  storedRecordSchema,
  type LedgerTable,
  type RecordInput,
  type StoredRecord,
} from './schemas';
import { normalizeQuote } from './culture/quotes';
import { chinaDay, dayStart as chinaDayStart, isoWeekday } from './time/china';

export interface DemoLedgerOptions {
  seed?: number;
  /** The moment the demo is "exported": every record is dated before it. */
  now: Date;
  /** How many people the directory holds (at least one per department); 40 by default. */
  people?: number;
}

export const DEMO_COMPANY = '鸿泰置业集团';
const PROPERTY_COMPANY = '鸿泰物业服务有限公司';
const SITE = '鸿泰集团官网';
const SITE_URL = 'https://www.hongtai-group.example';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, and the same sequence on every machine. Also seeds shared/dataset. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEPARTMENTS = [
  {
    name: '综合办公室',
    code: 'ZB',
    weight: 5,
    floor: '3F',
    headTitle: '主任',
    staffTitles: ['行政专员', '文员', '司机'],
  },
  {
    name: '人力资源部',
    code: 'RL',
    weight: 4,
    floor: '3F',
    headTitle: '部长',
    staffTitles: ['招聘专员', '培训主管', '薪酬专员'],
  },
  {
    name: '财务部',
    code: 'CW',
    weight: 5,
    floor: '4F',
    headTitle: '部长',
    staffTitles: ['会计', '出纳', '税务专员'],
  },
  {
    name: '工程部',
    code: 'GC',
    weight: 6,
    floor: '5F',
    headTitle: '经理',
    staffTitles: ['土建工程师', '水电工程师', '资料员'],
  },
  {
    name: '营销部',
    code: 'YX',
    weight: 7,
    floor: '1F 售楼处',
    headTitle: '经理',
    staffTitles: ['置业顾问', '策划专员', '客服专员'],
  },
  {
    name: '成本合约部',
    code: 'CB',
    weight: 4,
    floor: '4F',
    headTitle: '经理',
    staffTitles: ['预算员', '合约专员'],
  },
  {
    name: '物业公司',
    code: 'WY',
    weight: 6,
    floor: '物业服务中心',
    headTitle: '总经理',
    staffTitles: ['客服主管', '维修工', '安防主管'],
  },
  {
    name: '网络中心',
    code: 'WL',
    weight: 3,
    floor: '2F 机房旁',
    headTitle: '网络主管',
    staffTitles: ['网络技术员'],
  },
] as const;

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏晨宇浩然欣怡子涵梓轩雨萱思远佳琪志强海燕红梅晓东俊杰丹丹玉兰建华卫东春生秋菊嘉怡博文天佑若曦';

export const COMPUTERS = [
  ['联想', 'ThinkCentre M920t'],
  ['联想', 'ThinkPad E14'],
  ['戴尔', 'OptiPlex 7090'],
  ['惠普', 'ProDesk 400 G7'],
] as const;
export const PRINTERS = [
  ['惠普', 'LaserJet Pro M404dn'],
  ['兄弟', 'HL-L2350DW'],
  ['佳能', 'iR 2625 复印机'],
  ['爱普生', 'L3258 彩色喷墨'],
] as const;

export const QUOTES = [
  '每一次认真对待，都是对客户最好的承诺。',
  '细节决定品质，态度决定高度。',
  '今天的努力，是明天的底气。',
  '把简单的事做好就是不简单。',
  '团结协作，共筑美好家园。',
  '用心服务，让每一位业主安心。',
  '学习是最好的投资。',
  '行动是治愈焦虑的良药。',
  '不积跬步，无以至千里。',
  '安全无小事，责任重于山。',
  '质量是企业的生命。',
  '今日事，今日毕。',
  '心中有目标，脚下有力量。',
  '微笑是最好的名片。',
  '精益求精，追求卓越。',
  '守时守信，言出必行。',
  '节约每一度电，爱护每一台设备。',
  '沟通从倾听开始。',
  '以客户为中心，以品质为根本。',
  '积极的心态是成功的起点。',
] as const;

/**
 * Build the demo ledger. Ids read `demo-person-0001` for seed 1 and `demo7-person-0001` for seed 7,
 * so demo ledgers of different seeds never overwrite each other when both are imported.
 */
export function buildDemoLedger(options: DemoLedgerOptions): LedgerBackup {
  const seed = options.seed ?? 1;
  const nowMs = options.now.getTime();
  const peopleCount = Math.max(DEPARTMENTS.length, Math.floor(options.people ?? 40));
  const rnd = prng(seed * 7919 + 17);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
  const idPrefix = seed === 1 ? 'demo' : `demo${seed}`;

  const tables: { [T in LedgerTable]: StoredRecord<T>[] } = {
    departments: [],
    people: [],
    devices: [],
    deviceHandovers: [],
    repairCards: [],
    repairEvents: [],
    routineChecks: [],
    networkIncidents: [],
    imPermissions: [],
    purchaseEvaluations: [],
    websiteUpdates: [],
    quotes: [],
    quoteSchedule: [],
    trainings: [],
    trainingAttendees: [],
    kpiReports: [],
    ledgerSettings: [],
  };
  const counters = new Map<string, number>();
  const nextId = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${idPrefix}-${kind}-${String(n).padStart(4, '0')}`;
  };
  const stamp = (ms: number) => `${String(ms).padStart(15, '0')}-0000-demo`;
  const iso = (ms: number) => new Date(ms).toISOString();

  /** Validate the content, apply defaults, add the metadata, and store it. */
  const add = <T extends LedgerTable>(
    table: T,
    kind: string,
    createdMs: number,
    content: RecordInput<T>,
    updatedMs = createdMs,
  ): StoredRecord<T> => {
    const id = nextId(kind);
    const parsed = ledgerTables[table].parse(content) as Record<string, unknown>;
    const hlc = Object.fromEntries(Object.keys(parsed).map((k) => [k, stamp(updatedMs)]));
    const record = storedRecordSchema(table).parse({
      ...parsed,
      id,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      deletedAt: null,
      hlc,
    }) as StoredRecord<T>;
    tables[table].push(record);
    return record;
  };

  // Shanghai calendar helpers: `day(n)` is midnight (Shanghai) n days before today.
  const todayStart = chinaDayStart(chinaDay(nowMs)).getTime();
  const day = (daysAgo: number) => todayStart - daysAgo * DAY;
  const at = (daysAgo: number, hh: number, mm = 0) => Math.min(day(daysAgo) + hh * HOUR + mm * 60000, nowMs);
  const dateOnly = (ms: number) => chinaDay(ms);
  const weekday = (ms: number) => isoWeekday(chinaDay(ms)) % 7; // 0 = Sunday
  /** The Monday of the week `weeksAgo` weeks before this one, at midnight Shanghai. */
  const monday = (weeksAgo: number) => day(((weekday(nowMs) + 6) % 7) + 7 * weeksAgo);
  const setupMs = day(200);

  add('ledgerSettings', 'setting', setupMs, { key: 'companyName', value: DEMO_COMPANY });

  // ── Departments and people ────────────────────────────────────────────────────────────
  const totalWeight = DEPARTMENTS.reduce((s, d) => s + d.weight, 0);
  const sizes = DEPARTMENTS.map((d) => Math.max(1, Math.floor((peopleCount * d.weight) / totalWeight)));
  for (let i = 0; sizes.reduce((a, b) => a + b, 0) < peopleCount; i++) {
    const k = i % sizes.length;
    sizes[k] = (sizes[k] ?? 0) + 1;
  }

  const usedNames = new Set<string>();
  const newName = () => {
    for (;;) {
      const given = rnd() < 0.35 ? pick([...GIVEN]) : pick([...GIVEN]) + pick([...GIVEN]);
      const name = pick([...SURNAMES]) + given;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const departments: StoredRecord<'departments'>[] = [];
  const people: StoredRecord<'people'>[] = [];
  const deptIndexOf = new Map<string, number>();
  const deptCode = (p: StoredRecord<'people'>) => DEPARTMENTS[deptIndexOf.get(p.id) ?? -1]?.code;
  let employeeSerial = 0;
  DEPARTMENTS.forEach((d, deptIndex) => {
    const dept = add('departments', 'department', setupMs, {
      name: d.name,
      company: d.code === 'WY' ? PROPERTY_COMPANY : DEMO_COMPANY,
      headPersonId: null,
      note: d.code === 'WL' ? '负责集团及下属公司网络、设备、网站与监控系统' : '',
    });
    departments.push(dept);
    const size = sizes[deptIndex] ?? 1;
    for (let k = 0; k < size; k++) {
      employeeSerial++;
      const person = add('people', 'person', setupMs + employeeSerial * 60000, {
        employeeNo: `HT${String(1000 + employeeSerial)}`,
        name: newName(),
        departmentId: dept.id,
        title: k === 0 ? d.headTitle : pick(d.staffTitles),
        phone: `1${pick(['38', '39', '58', '86', '37', '50'])}${digits(4)}${digits(4)}`,
        computerTag: `PC-${d.code}-${String(k + 1).padStart(2, '0')}`,
        active: true,
        note: '',
      });
      people.push(person);
      deptIndexOf.set(person.id, deptIndex);
    }
    // The head is the department's first person; set after the people exist, as in real use.
    dept.headPersonId = people.find((p) => deptIndexOf.get(p.id) === deptIndex)?.id ?? null;
  });
  // One person has left: kept in the ledger (their cards name them), left out of the directory.
  const leaver = people[people.length - 4];
  if (leaver) {
    leaver.active = false;
    leaver.note = '已离职，电脑已收回备用';
  }
  const floorOf = (p: StoredRecord<'people'>) => DEPARTMENTS[deptIndexOf.get(p.id) ?? -1]?.floor ?? '';
  const supervisor = people.find((p) => deptCode(p) === 'WL') ?? people[0]!;
  const by = supervisor.name;
  const staffOf = (code: string) => people.filter((p) => deptCode(p) === code && p.active);

  // ── Devices ──────────────────────────────────────────────────────────────────────────
  let ipHost = 20;
  const mac = () =>
    Array.from({ length: 6 }, (_, i) => (i === 0 ? 0x3c : int(0, 255)).toString(16).padStart(2, '0'))
      .join(':')
      .toUpperCase();
  const purchase = () => dateOnly(day(int(200, 1600)));
  const serial = () => `${pick(['CN', 'SN', 'PF', 'MJ'])}${digits(8)}`;
  // Three years of warranty; day arithmetic, not "year + 3", which would turn 29 February invalid.
  const warrantyFrom = (date: string) => dateOnly(chinaDayStart(date).getTime() + 12 * HOUR + 3 * 365 * DAY);

  const computers = new Map<string, StoredRecord<'devices'>>();
  for (const p of people) {
    const [brand, model] = pick(COMPUTERS);
    const bought = purchase();
    const device = add('devices', 'device', setupMs, {
      assetTag: p.computerTag,
      type: 'computer',
      name: `${p.name}的电脑`,
      brand,
      model,
      serialNo: serial(),
      location: `集团总部 ${floorOf(p)}`,
      departmentId: p.departmentId,
      userPersonId: p.active ? p.id : null,
      status: p.active ? 'in-use' : 'spare',
      purchaseDate: bought,
      vendor: '本地电脑城 联信科技',
      price: pick([3899, 4299, 4999, 5600]),
      warrantyEnd: warrantyFrom(bought),
      ip: `192.168.10.${ipHost++ % 250}`,
      mac: mac(),
      note: p.active ? '' : '原使用人离职，待重新分配',
    });
    computers.set(p.id, device);
  }
  const computerOf = (p: { id: string }) => computers.get(p.id)!;

  // One printer per department, attached to the computer it is shared from (the responsible
  // person is that computer's user).
  const printers = departments.map((dept, i) => {
    const host = people.find((p) => deptIndexOf.get(p.id) === i && p.active) ?? people[0]!;
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
      price: pick([1599, 2380, 8900]),
      warrantyEnd: warrantyFrom(bought),
    });
  });
  const financeHead = staffOf('CW')[0] ?? people[0]!;
  const salesStaff = staffOf('YX');
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

  const networkDept = departments[DEPARTMENTS.findIndex((d) => d.code === 'WL')]!;
  const roomDevice = (content: RecordInput<'devices'>) =>
    add('devices', 'device', setupMs, {
      location: '集团总部 2F 机房',
      departmentId: networkDept.id,
      userPersonId: supervisor.id,
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
  const servers = [fileServer, erpServer];
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
  add('devices', 'device', setupMs, {
    assetTag: 'PC-OLD-07',
    type: 'computer',
    name: '旧财务电脑',
    brand: '联想',
    model: '启天 M4360',
    serialNo: serial(),
    location: '集团总部 2F 库房',
    departmentId: financeHead.departmentId,
    status: 'retired',
    purchaseDate: dateOnly(day(2400)),
    note: '主板老化，已报废，硬盘已消磁',
  });

  // Handovers: the leaver's computer came back to the network centre.
  if (leaver) {
    add('deviceHandovers', 'handover', at(20, 10), {
      deviceId: computerOf(leaver).id,
      fromPersonId: leaver.id,
      toPersonId: null,
      at: iso(at(20, 10)),
      by,
      note: '员工离职，电脑收回网络中心，数据已备份',
    });
  }

  // ── Repair cards with their timelines ─────────────────────────────────────────────────
  let cardSerial = 0;
  type Ev = { type: RecordInput<'repairEvents'>['type']; at: number } & Omit<
    Partial<RecordInput<'repairEvents'>>,
    'type' | 'at' | 'cardId'
  >;
  /** A card's timeline in time order (a head may sign before or after the supervisor receives it). */
  const timeline = (...events: Ev[]) => events.sort((a, b) => a.at - b.at);
  const card = (
    requester: StoredRecord<'people'>,
    device: StoredRecord<'devices'>,
    content: Omit<RecordInput<'repairCards'>, 'cardNo' | 'requesterName' | 'receivedAt'>,
    events: Ev[],
  ) => {
    cardSerial++;
    const received = (events.find((e) => e.type === 'received') ?? events[0]!).at;
    const last = events[events.length - 1]!.at;
    const record = add(
      'repairCards',
      'card',
      received,
      {
        cardNo: `WX-${chinaDay(received).slice(0, 4)}-A-${String(cardSerial).padStart(4, '0')}`,
        requesterId: requester.id,
        requesterName: requester.name,
        departmentId: requester.departmentId,
        deviceId: device.id,
        deviceTag: device.assetTag,
        receivedAt: iso(received),
        deptHeadSignedAt: events.some((e) => e.type === 'head-signed')
          ? iso(events.find((e) => e.type === 'head-signed')!.at)
          : null,
        ...content,
      },
      last,
    );
    for (const e of events) {
      const { at: when, ...rest } = e;
      add('repairEvents', 'event', when, { cardId: record.id, by, ...rest, at: iso(when) });
    }
    return record;
  };
  const pickPerson = (code: string, index: number) => {
    const staff = staffOf(code);
    return staff[index % staff.length] ?? people[0]!;
  };

  // 1. A printer jam, repaired the same morning and signed off: the everyday case.
  const c1Person = pickPerson('ZB', 1);
  card(
    c1Person,
    printers[DEPARTMENTS.findIndex((d) => d.code === 'ZB')] ?? computerOf(c1Person),
    {
      faultCategory: 'printer',
      description: '打印机卡纸，取出后仍提示“纸张错误”，无法打印。',
      status: 'closed',
      slaDueAt: iso(at(30, 9, 10) + DAY),
      diagnosis: '进纸搓纸轮磨损，纸张传感器沾有碎纸屑。',
      workDone: '清理碎纸，清洁传感器，调整纸盒导板；打印测试页正常。',
      result: '已修复，可正常打印',
      minutesSpent: 40,
    },
    timeline(
      { type: 'received', at: at(30, 9, 10) },
      { type: 'head-signed', at: at(30, 9, 5) },
      { type: 'started', at: at(30, 9, 30) },
      { type: 'repaired', at: at(30, 10, 15) },
      { type: 'signed-off', at: at(30, 10, 30), note: '使用人确认打印正常' },
      { type: 'closed', at: at(30, 10, 35) },
    ),
  );

  // 2. A failed hard disk: waited for the part, repaired within 24 h of its arrival.
  const c2Person = pickPerson('CW', 1);
  card(
    c2Person,
    computerOf(c2Person),
    {
      faultCategory: 'hardware',
      description: '电脑开机很慢，经常卡死，硬盘灯常亮，有异响。',
      status: 'signed-off',
      slaDueAt: iso(at(18, 10) + DAY),
      diagnosis: '机械硬盘 SMART 报警，坏道较多。',
      workDone: '更换 512G 固态硬盘，重装系统，恢复财务软件与数据。',
      result: '已修复，运行正常',
      minutesSpent: 150,
      parts: [{ name: '512G 固态硬盘', quantity: 1, cost: 299 }],
    },
    timeline(
      { type: 'head-signed', at: at(21, 8, 50) },
      { type: 'received', at: at(21, 9, 20) },
      { type: 'started', at: at(21, 10) },
      { type: 'part-ordered', at: at(21, 11), partName: '512G 固态硬盘', note: '已先备份数据' },
      { type: 'part-arrived', at: at(18, 10), partName: '512G 固态硬盘' },
      { type: 'repaired', at: at(18, 15, 30) },
      { type: 'signed-off', at: at(18, 16) },
    ),
  );

  // 3. Refused (games and cheats), then approved by the general manager, then repaired.
  const c3Person = pickPerson('YX', 2);
  card(
    c3Person,
    computerOf(c3Person),
    {
      faultCategory: 'software',
      description: '电脑弹窗广告很多，杀毒软件被关闭，浏览器主页被篡改。',
      status: 'repaired',
      slaDueAt: iso(at(12, 16) + DAY),
      refusalCause: 'games',
      refusalReason: '电脑中安装了网络游戏及游戏外挂，属违规使用导致的故障。',
      diagnosis: '游戏外挂携带木马，系统文件被篡改。',
      workDone: '卸载游戏及外挂，查杀木马，恢复浏览器设置，重新开启杀毒软件。',
      result: '已修复；已提醒使用人遵守电脑使用规定',
      minutesSpent: 90,
    },
    timeline(
      { type: 'received', at: at(14, 9, 40) },
      { type: 'head-signed', at: at(14, 9, 30) },
      { type: 'refused', at: at(14, 10, 20), note: '发现游戏及外挂，按制度拒绝维修' },
      {
        type: 'approved',
        at: at(12, 16),
        approverRole: 'general-manager',
        approverName: '总经理',
        note: '同意维修，部门内通报',
      },
      { type: 'started', at: at(12, 16, 30) },
      { type: 'repaired', at: at(12, 17, 40) },
    ),
  );

  // 4. A dead monitor: a repair suggestion (replace it) within the day; a purchase evaluation follows.
  const c4Person = pickPerson('GC', 2);
  const c4 = card(
    c4Person,
    computerOf(c4Person),
    {
      faultCategory: 'hardware',
      description: '显示器开机黑屏，电源灯闪烁。',
      status: 'suggestion-given',
      slaDueAt: iso(at(9, 14) + DAY),
      diagnosis: '显示器电源板损坏，已过保修期，维修价格接近新显示器价格。',
      suggestion: '建议更换 24 英寸显示器一台，暂借用备用显示器。',
    },
    timeline(
      { type: 'head-signed', at: at(9, 13, 40) },
      { type: 'received', at: at(9, 14) },
      { type: 'started', at: at(9, 14, 20) },
      { type: 'suggestion-given', at: at(9, 16) },
    ),
  );

  // 5. The file server's RAID warning: vendor contacted, still in repair.
  card(
    supervisor,
    fileServer,
    {
      faultCategory: 'hardware',
      description: '文件服务器 RAID 卡报警，2 号硬盘状态为“预故障”。',
      status: 'waiting-parts',
      slaDueAt: null,
      diagnosis: '2 号硬盘预故障，阵列仍可用，需原厂硬盘更换。',
    },
    timeline(
      { type: 'received', at: at(3, 8, 40) },
      { type: 'head-signed', at: at(3, 8, 45), note: '网络中心自报' },
      { type: 'started', at: at(3, 9) },
      {
        type: 'vendor-contact',
        at: at(3, 9, 30),
        vendor: '戴尔售后 800 热线',
        note: '报修单号 DEMO-558201，原厂安排寄送硬盘',
      },
      { type: 'part-ordered', at: at(3, 10), partName: '1.2T SAS 硬盘' },
    ),
  );

  // 6. Refused (rough use: a dropped laptop) and still waiting for approval.
  const c6Person = pickPerson('YX', 3);
  card(
    c6Person,
    computerOf(c6Person),
    {
      faultCategory: 'hardware',
      description: '笔记本屏幕碎裂，外壳变形。',
      status: 'refused',
      refusalCause: 'rough-use',
      refusalReason: '笔记本跌落造成屏幕碎裂，属暴力使用，需总经理或董事长批准后维修。',
    },
    timeline(
      { type: 'head-signed', at: at(2, 9) },
      { type: 'received', at: at(2, 9, 30) },
      { type: 'refused', at: at(2, 10, 30) },
    ),
  );

  // 7. Network fault reported this morning, being worked on.
  const c7Person = pickPerson('WY', 2);
  const c7Received = Math.max(nowMs - 3 * HOUR, day(0));
  card(
    c7Person,
    computerOf(c7Person),
    {
      faultCategory: 'network',
      description: '物业服务中心电脑无法上网，网线已插好。',
      status: 'in-repair',
      slaDueAt: iso(c7Received + DAY),
    },
    timeline(
      { type: 'head-signed', at: c7Received - 20 * 60000 },
      { type: 'received', at: c7Received },
      { type: 'started', at: Math.min(c7Received + 30 * 60000, nowMs) },
    ),
  );

  // 8. Just handed in: the department head has not signed yet.
  const c8Person = pickPerson('RL', 1);
  card(
    c8Person,
    computerOf(c8Person),
    {
      faultCategory: 'account',
      description: 'OA 系统密码忘记，无法登录。',
      status: 'received',
      slaDueAt: iso(nowMs - HOUR + DAY),
    },
    timeline({ type: 'received', at: nowMs - HOUR }),
  );

  // ── Routine checks: eight weeks of servers, CCTV, website; machine room for three days ──────
  for (let w = 8; w >= 1; w--) {
    const mon = monday(w);
    add('routineChecks', 'check', mon + 2 * DAY + 15 * HOUR, {
      kind: 'server-maintenance',
      at: iso(mon + 2 * DAY + 15 * HOUR),
      by,
      deviceIds: servers.map((s) => s.id),
      result: 'ok',
      findings: '系统日志无异常，磁盘使用率 61%，温度正常。',
      actions: '安装系统安全补丁，清理临时文件，核对备份任务执行情况。',
    });
    const cctvFault = w === 5;
    const cctvAt = mon + 3 * DAY + 10 * HOUR;
    add('routineChecks', 'check', cctvAt, {
      kind: 'cctv',
      at: iso(cctvAt),
      by,
      deviceIds: [recorder.id, ...cameras.map((c) => c.id)],
      result: cctvFault ? 'problem' : 'ok',
      findings: cctvFault
        ? '地下车库入口摄像机无图像，其余通道录像正常，可回放 30 天。'
        : '全部通道画面正常，录像可回放 30 天。',
      actions: cctvFault ? '已联系监控服务商上门检修。' : '',
      providerContactedAt: cctvFault ? iso(cctvAt + 2 * HOUR) : null,
    });
    add('routineChecks', 'check', mon + 4 * DAY + 14 * HOUR, {
      kind: 'website-security',
      at: iso(mon + 4 * DAY + 14 * HOUR),
      by,
      site: SITE,
      result: 'ok',
      findings: '漏洞扫描无高危项，未发现木马文件。',
      actions: '更新网站程序补丁，修改后台登录密码。',
    });
    add('routineChecks', 'check', mon + 4 * DAY + 17 * HOUR, {
      kind: 'website-backup',
      at: iso(mon + 4 * DAY + 17 * HOUR),
      by,
      site: SITE,
      result: 'ok',
      findings: '网站程序与数据库已完整备份。',
      actions: '备份文件已复制到文件服务器与移动硬盘。',
    });
  }
  for (let d = 3; d >= 1; d--) {
    for (const slot of ['08:00', '11:00', '14:00', '16:30'] as const) {
      const when = day(d) + Number(slot.slice(0, 2)) * HOUR + Number(slot.slice(3)) * 60000;
      add('routineChecks', 'check', when, {
        kind: 'machine-room',
        at: iso(when),
        by,
        slot,
        result: 'ok',
        findings: '设备运行正常，电话线路、网络线路正常，无易燃物，门窗已关闭。',
      });
    }
  }

  // ── Network incidents ────────────────────────────────────────────────────────────────
  add('networkIncidents', 'incident', at(40, 13), {
    startAt: iso(at(40, 13)),
    endAt: iso(at(40, 18, 20)),
    cause: 'power-cut',
    scope: '集团总部全部网络',
    description: '市政线路检修停电，UPS 续航结束后网络中断；来电后逐台启动设备并检查。',
    by,
  });
  add('networkIncidents', 'incident', at(25, 9), {
    startAt: iso(at(25, 9)),
    endAt: iso(at(24, 15)),
    cause: 'carrier',
    excluded: true,
    exclusionReason: '电信光缆被市政施工挖断，属运营商原因。',
    scope: '集团总部外网（已切换联通备份线路）',
    description: '电信专线中断 30 小时，期间通过联通备份线路维持办公上网。',
    by,
  });
  add('networkIncidents', 'incident', at(6, 14), {
    startAt: iso(at(6, 14)),
    endAt: iso(at(6, 15, 10)),
    cause: 'equipment',
    scope: '3 楼办公区',
    description: '3 楼接入交换机电源适配器故障，更换备用电源后恢复。',
    by,
  });

  // ── QQ / IM permissions ────────────────────────────────────────────────────────────
  const imPeople = [pickPerson('YX', 0), pickPerson('CB', 1)];
  imPeople.forEach((p, i) => {
    const granted = at(60 - i * 20, 10);
    add('imPermissions', 'im', granted, {
      personId: p.id,
      deviceId: computerOf(p).id,
      software: i === 0 ? 'QQ' : '微信电脑版',
      guaranteeSignedOn: dateOnly(granted - DAY),
      deptHeadSignedOn: dateOnly(granted - DAY),
      grantedAt: iso(granted),
      revokedAt: i === 1 ? iso(at(10, 11)) : null,
      note: i === 0 ? '与客户沟通传送资料' : '项目结束，已收回权限',
    });
  });

  // ── Purchase evaluation for card 4's monitor ────────────────────────────────────────
  add('purchaseEvaluations', 'evaluation', at(8, 10), {
    departmentId: c4Person.departmentId,
    requesterId: c4Person.id,
    requestedOn: dateOnly(at(8, 10)),
    item: '24 英寸显示器 1 台',
    reason: `维修卡 ${c4.cardNo}：原显示器电源板损坏，已过保修期。`,
    replacesDeviceId: computerOf(c4Person).id,
    feasibility: '与现有电脑接口兼容，市场货源充足，一周内可到货。',
    necessity: '工程图纸审阅需要大尺寸显示器，借用的备用显示器需归还。',
    recommendation: '同意购买，优先选择三年质保产品。',
    estimatedCost: 899,
    status: 'approved',
    decidedOn: dateOnly(at(7, 10)),
    approverName: '总经理',
  });
  // A new purchase still waiting for approval: no device replaced, the assessment written, a long reason.
  const evPerson = pickPerson('YX', 2);
  add('purchaseEvaluations', 'evaluation', at(3, 15), {
    departmentId: evPerson.departmentId,
    requesterId: evPerson.id,
    requestedOn: dateOnly(at(3, 15)),
    item: '售楼处签约区笔记本电脑 2 台（含身份证阅读器接口）',
    reason:
      '年底集中签约期间，售楼处签约区只有 1 台电脑可以读取身份证并打印合同，客户排队时间超过 40 分钟。' +
      '增加 2 台笔记本电脑后，置业顾问可在洽谈桌旁直接录入客户信息、打印认购书，周末高峰时段也能同时办理三组签约。' +
      '笔记本电脑在淡季可调配给工程部现场使用。',
    feasibility:
      '现有签约系统支持多终端登录；身份证阅读器为 USB 接口，笔记本可直接使用；售楼处无线网络覆盖良好。',
    necessity: '本月签约量较上月增长约 60%，现有设备已成为签约瓶颈，客户投诉 3 次。',
    recommendation: '建议购买 2 台 14 英寸商用笔记本，预装正版办公软件，由网络中心统一登记资产编号后发放。',
    estimatedCost: 11800,
  });

  // ── Website updates: two or three a week ───────────────────────────────────────────
  const NEWS: [RecordInput<'websiteUpdates'>['category'], string][] = [
    ['policy', '解读：本市住房公积金贷款政策调整'],
    ['activity', '集团员工秋季趣味运动会圆满举行'],
    ['meeting', '集团召开第三季度经营分析会'],
    ['recruitment', '诚聘：置业顾问、物业客服主管'],
    ['staff-article', '员工来稿：我在工地的一天'],
    ['policy', '商品房预售资金监管新规要点'],
    ['activity', '物业公司开展消防安全演练'],
    ['meeting', '集团召开安全生产工作会议'],
    ['staff-article', '员工来稿：做一名有温度的置业顾问'],
    ['other', '集团荣获“诚信开发企业”称号'],
  ];
  let newsIndex = 0;
  for (let w = 6; w >= 1; w--) {
    const perWeek = w === 3 ? 3 : 2;
    for (let k = 0; k < perWeek; k++) {
      const [category, title] = NEWS[newsIndex % NEWS.length]!;
      newsIndex++;
      const when = monday(w) + (1 + k * 2) * DAY + 16 * HOUR;
      add('websiteUpdates', 'webupdate', when, {
        site: SITE,
        publishedAt: iso(when),
        title,
        category,
        author: category === 'staff-article' ? pick(people).name : by,
        url: `${SITE_URL}/news/${dateOnly(when).replaceAll('-', '')}-${k + 1}.html`,
      });
    }
  }

  // ── Daily quotes and the schedule of the last working days ───────────────────────────
  const quotes = QUOTES.map((text) =>
    add('quotes', 'quote', setupMs, { text, normalized: normalizeQuote(text), source: '网络中心整理' }),
  );
  let quoteIndex = 0;
  for (let d = 20; d >= 1; d--) {
    const date = day(d);
    const wd = weekday(date);
    if (wd === 0 || wd === 6) continue;
    const quote = quotes[quoteIndex++ % quotes.length]!;
    add('quoteSchedule', 'schedule', date + 8 * HOUR, {
      date: dateOnly(date),
      quoteId: quote.id,
      shown: true,
    });
  }

  // ── Trainings with their attendees ─────────────────────────────────────────────────
  const hr = departments[DEPARTMENTS.findIndex((d) => d.code === 'RL')]!;
  const office = add('trainings', 'training', at(45, 14), {
    date: dateOnly(at(45, 14)),
    topic: 'Excel 数据透视表与常用函数',
    kind: 'office-software',
    trainer: by,
    requestingDepartmentId: hr.id,
    location: '集团总部 6F 培训室',
    durationMinutes: 120,
    note: '年度培训计划第二期，与培训主管共同组织',
    status: 'held',
  });
  const officeAttendees = people.filter((p) => p.active && ['CW', 'CB', 'ZB'].includes(deptCode(p) ?? ''));
  for (const p of officeAttendees.slice(0, 14)) {
    add('trainingAttendees', 'attendee', at(45, 14), {
      trainingId: office.id,
      personId: p.id,
      signed: rnd() < 0.9,
    });
  }
  const newcomers = add('trainings', 'training', at(11, 10), {
    date: dateOnly(at(11, 10)),
    topic: '新员工 OA 系统与打印机使用指导',
    kind: 'new-employee',
    trainer: by,
    location: '网络中心',
    durationMinutes: 60,
    status: 'held',
  });
  for (const p of [pickPerson('YX', 4), pickPerson('WY', 3), pickPerson('GC', 4)]) {
    add('trainingAttendees', 'attendee', at(11, 10), {
      trainingId: newcomers.id,
      personId: p.id,
      signed: true,
    });
  }

  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    source: { nodeId: 'demo', name: '演示数据' },
    tables,
  };
}
