// The ten-year ledger for `npm run bench` and `netdesk demo --years N --employees E`: a large
// real-estate group (headquarters, a property company, a commercial-management company and city
// project companies), its staff and their turnover, devices by type with the attachment rule
// (printers and peripherals hang off a computer, cameras off a recorder), repair cards with
// realistic timelines (parts waits, refusals and approvals, suggestions, vendor calls, late
// ones), weekly checks with some misses, incidents, quotes and their schedule, website updates
// and trainings.
//
// Deterministic (seeded PRNG from shared/demo.ts, no clock reads) and built for size: the small
// tables come at once (`directory`), the repair cards and their events in batches
// (`cardBatches`), so 200,000 cards (~1 GB of JSON with their events) never sit in memory at
// once. Records are assembled with every field set, typed against the record schemas; the unit
// test runs a small instance through validateBackup so they also pass the schemas at runtime.
import type { BackupTables, LedgerBackup } from '../backup';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../backup';
import { normalizeQuote } from '../culture/quotes';
import { COMPUTERS, DEPARTMENTS, GIVEN, PRINTERS, QUOTES, SURNAMES, prng } from '../demo';
import { formatCardNo } from '../repair/card-number';
import { evaluateSla } from '../repair/sla';
import { replayRepairEvents, type RepairEventType } from '../repair/workflow';
import type { LedgerTable, RecordContent, StoredRecord } from '../schemas';
import { chinaDay, dayStart as chinaDayStart, isoWeekday } from '../time/china';

export interface DatasetOptions {
  /** The moment the dataset ends: every record is dated at or before it. */
  now: Date;
  seed?: number;
  /** Years of history before `now`. */
  years?: number;
  /** Employees in the group today (people who left over the years come on top). */
  employees?: number;
  /** Devices of every type, retired ones included. */
  devices?: number;
  /** Repair cards over the whole period. */
  cards?: number;
}

/** The bench's ten-year group. */
export const BENCH_DATASET = { years: 10, employees: 5000, devices: 20000, cards: 200000 } as const;

export interface DatasetPlan {
  seed: number;
  years: number;
  employees: number;
  devices: number;
  cards: number;
  from: string;
  now: string;
}

export interface CardBatch {
  repairCards: StoredRecord<'repairCards'>[];
  repairEvents: StoredRecord<'repairEvents'>[];
}

export interface Dataset {
  plan: DatasetPlan;
  /** Every table except repair cards and their events (tens of thousands of records). */
  directory: BackupTables;
  /** The repair cards in order of receipt, with their events, `size` cards per batch. */
  cardBatches(size?: number): Generator<CardBatch>;
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const MINUTE = 60 * 1000;

const COMPANIES = [
  { name: '鸿泰置业集团', short: '集团' },
  { name: '鸿泰物业服务有限公司', short: '物业' },
  { name: '鸿泰商业管理有限公司', short: '商管' },
  ...['南京', '苏州', '无锡', '合肥', '杭州', '宁波', '武汉', '长沙', '成都', '重庆', '西安', '郑州'].map(
    (city) => ({ name: `鸿泰（${city}）置业有限公司`, short: city }),
  ),
];

const PERIPHERALS = [
  ['富士通', 'fi-7160', '票据扫描仪'],
  ['华视', 'CVR-100U', '身份证阅读器'],
  ['得力', 'No.14880', '条码扫描枪'],
  ['汉王', 'ESP560', '电子签名板'],
  ['戴尔', 'P2422H', '显示器'],
] as const;

const NETWORK_GEAR = {
  server: [
    ['戴尔', 'PowerEdge R750'],
    ['华为', 'FusionServer 2288H V5'],
    ['浪潮', 'NF5270M6'],
  ],
  switch: [
    ['华三', 'S5560X-30C-EI'],
    ['华三', 'S1850V2-28P'],
    ['华为', 'S5735-L24T4S'],
  ],
  router: [
    ['华为', 'AR6120'],
    ['华三', 'MSR2600-10-X1'],
  ],
  firewall: [
    ['深信服', 'AF-1000-B1080'],
    ['华为', 'USG6510E'],
  ],
  'cctv-recorder': [
    ['海康威视', 'DS-7816N-K2'],
    ['大华', 'DH-NVR4216-HDS2'],
  ],
  'cctv-camera': [
    ['海康威视', 'DS-2CD3T46WDV3-I3'],
    ['大华', 'IPC-HFW2433M'],
  ],
  'video-conference': [
    ['华为', 'BOX600'],
    ['小鱼易连', 'ME40'],
  ],
  other: [
    ['山特', 'C6KS UPS'],
    ['TP-LINK', 'TL-AP1750C 无线 AP'],
  ],
} as const;

/** Fault descriptions by category: what people write on the paper card. */
const FAULTS: Record<RecordContent<'repairCards'>['faultCategory'], readonly string[]> = {
  hardware: [
    '电脑开机黑屏，电源灯亮但显示器无信号',
    '电脑开机很慢，经常卡死，硬盘有异响',
    '主机频繁自动重启，机箱很烫',
    '键盘部分按键失灵，鼠标左键连击',
    '显示器花屏，屏幕有竖线',
    '笔记本电池不充电，只能插电使用',
    '电脑蓝屏，提示内存错误',
    '机箱风扇噪音很大',
  ],
  software: [
    '电脑弹窗广告很多，浏览器主页被篡改',
    'Office 打开文档提示未激活',
    '财务软件无法登录，提示数据库连接失败',
    'CAD 打开图纸时程序崩溃',
    '系统更新后部分软件无法打开',
    '杀毒软件提示发现病毒，无法清除',
  ],
  network: [
    '电脑无法上网，网线已插好',
    '无线网络经常掉线',
    '共享文件夹打不开，提示没有权限',
    'OA 系统打开很慢，网页加载不出来',
    '视频会议时画面卡顿，声音断续',
  ],
  printer: [
    '打印机卡纸，取出后仍提示纸张错误',
    '打印出来有黑条，字迹模糊',
    '打印机脱机，电脑找不到打印机',
    '复印机扫描到电脑失败',
    '打印机缺粉，需要更换硒鼓',
  ],
  account: ['OA 系统密码忘记，无法登录', '企业邮箱收不到外部邮件', '新员工需要开通 OA 和邮箱账号'],
  other: ['会议室投影仪无信号', '考勤机无法上传数据', '售楼处大屏不显示'],
};
const FAULT_WEIGHTS: [RecordContent<'repairCards'>['faultCategory'], number][] = [
  ['hardware', 30],
  ['software', 22],
  ['network', 18],
  ['printer', 18],
  ['account', 8],
  ['other', 4],
];
const PARTS = [
  ['512G 固态硬盘', 299],
  ['8G 内存条', 169],
  ['电源 400W', 220],
  ['硒鼓', 180],
  ['搓纸轮', 45],
  ['笔记本电池', 380],
  ['键盘鼠标套装', 89],
] as const;
const QUOTE_OPENINGS = [
  '用心做事',
  '细节决定品质',
  '今天的努力',
  '团结协作',
  '安全无小事',
  '学习不止',
  '微笑服务',
  '守时守信',
  '精益求精',
  '行动胜于空谈',
  '心中有目标',
  '积跬步',
  '以客户为中心',
  '节约一度电',
  '责任在肩',
  '坚持到底',
  '勤于思考',
  '乐于分享',
  '敢于担当',
  '追求卓越',
];
const QUOTE_LEADS = ['', '每天', '始终', '坚持', '我们', '让我们'];
const QUOTE_ENDINGS = [
  '成就更好的自己',
  '方能行稳致远',
  '是明天的底气',
  '共筑美好家园',
  '让每一位业主安心',
  '汇聚前行的力量',
  '点亮平凡的岗位',
  '赢得客户的信任',
  '从今天开始',
  '让团队更有温度',
  '把简单的事做好',
  '让品质看得见',
  '守护每一份托付',
  '迎接每一个挑战',
  '书写鸿泰的故事',
  '在细微处见真章',
  '向着目标出发',
  '收获满满的成长',
  '做最好的自己',
  '与公司共同成长',
  '让工作更高效',
  '为生活添光彩',
  '不负每一天',
  '始终如一',
  '温暖身边的人',
  '让服务有温度',
  '走得更远',
  '积小胜为大胜',
  '心怀感恩',
  '行胜于言',
];
const NEWS = [
  ['policy', '政策解读：住房公积金贷款政策调整'],
  ['activity', '员工趣味运动会圆满举行'],
  ['meeting', '集团召开季度经营分析会'],
  ['recruitment', '诚聘：置业顾问、物业客服主管'],
  ['staff-article', '员工来稿：我在工地的一天'],
  ['policy', '商品房预售资金监管新规要点'],
  ['activity', '物业公司开展消防安全演练'],
  ['meeting', '集团召开安全生产工作会议'],
  ['other', '集团荣获诚信开发企业称号'],
] as const;
const TRAINING_TOPICS = [
  'Excel 数据透视表与常用函数',
  'Word 长文档排版',
  'PPT 汇报材料制作',
  'OA 流程审批操作',
  '电子邮件与网络安全意识',
  'WPS 协同办公',
];

/**
 * Build the plan, the small tables and the card generator. Cheap to call: cards are only made
 * when `cardBatches()` is iterated, and iterating it twice gives the same cards.
 */
export function createDataset(options: DatasetOptions): Dataset {
  const seed = options.seed ?? 1;
  const years = Math.max(1, Math.floor(options.years ?? BENCH_DATASET.years));
  const employees = Math.max(DEPARTMENTS.length, Math.floor(options.employees ?? BENCH_DATASET.employees));
  const deviceTotal = Math.max(employees + 20, Math.floor(options.devices ?? employees * 4));
  const cardTotal = Math.max(0, Math.floor(options.cards ?? employees * years * 4));
  const nowMs = options.now.getTime();
  const startMs = nowMs - years * 365 * DAY;
  const prefix = seed === 1 ? 'ds' : `ds${seed}`;
  const nodeId = `dataset${seed}`;
  const plan: DatasetPlan = {
    seed,
    years,
    employees,
    devices: deviceTotal,
    cards: cardTotal,
    from: new Date(startMs).toISOString(),
    now: options.now.toISOString(),
  };

  const rnd = prng(seed * 104729 + 7);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const digits = (n: number) => String(int(10 ** (n - 1), 10 ** n - 1));
  const iso = (ms: number) => new Date(ms).toISOString();
  const dateOnly = (ms: number) => chinaDay(ms);
  const dayStart = (ms: number) => chinaDayStart(chinaDay(ms)).getTime();
  const weekday = (ms: number) => isoWeekday(chinaDay(ms)) % 7; // 0 = Sunday
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const ids = new Map<string, number>();
  const nextId = (kind: string) => {
    const n = (ids.get(kind) ?? 0) + 1;
    ids.set(kind, n);
    return `${prefix}-${kind}-${pad(n, 6)}`;
  };

  const tables = {
    departments: [] as StoredRecord<'departments'>[],
    people: [] as StoredRecord<'people'>[],
    devices: [] as StoredRecord<'devices'>[],
    deviceHandovers: [] as StoredRecord<'deviceHandovers'>[],
    routineChecks: [] as StoredRecord<'routineChecks'>[],
    networkIncidents: [] as StoredRecord<'networkIncidents'>[],
    imPermissions: [] as StoredRecord<'imPermissions'>[],
    purchaseEvaluations: [] as StoredRecord<'purchaseEvaluations'>[],
    websiteUpdates: [] as StoredRecord<'websiteUpdates'>[],
    quotes: [] as StoredRecord<'quotes'>[],
    quoteSchedule: [] as StoredRecord<'quoteSchedule'>[],
    trainings: [] as StoredRecord<'trainings'>[],
    trainingAttendees: [] as StoredRecord<'trainingAttendees'>[],
    ledgerSettings: [] as StoredRecord<'ledgerSettings'>[],
  } satisfies BackupTables;

  const add = <T extends Exclude<LedgerTable, 'repairCards' | 'repairEvents' | 'kpiReports'>>(
    table: T,
    kind: string,
    createdMs: number,
    content: RecordContent<T>,
  ): StoredRecord<T> => {
    const record = stored(nextId(kind), createdMs, createdMs, content, nodeId);
    (tables[table] as unknown as StoredRecord<T>[]).push(record);
    return record;
  };

  add('ledgerSettings', 'setting', startMs, { key: 'companyName', value: COMPANIES[0]!.name });

  // ── Companies, departments, people ───────────────────────────────────────────────────
  // About 400 employees a company: a 5,000-strong group has headquarters and a dozen others.
  const companies = COMPANIES.slice(0, Math.max(1, Math.min(COMPANIES.length, Math.ceil(employees / 400))));
  const usedNames = new Set<string>();
  const givenChars = [...GIVEN];
  const surnameChars = [...SURNAMES];
  const newName = () => {
    for (;;) {
      const given = rnd() < 0.3 ? pick(givenChars) : pick(givenChars) + pick(givenChars);
      const name = pick(surnameChars) + given;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  interface Dept {
    record: StoredRecord<'departments'>;
    template: (typeof DEPARTMENTS)[number];
    company: (typeof COMPANIES)[number];
    people: StoredRecord<'people'>[];
    computers: StoredRecord<'devices'>[];
  }
  const depts: Dept[] = [];
  for (const company of companies) {
    for (const template of DEPARTMENTS) {
      // The network centre sits at headquarters only.
      if (template.code === 'WL' && company !== companies[0]) continue;
      const record = add('departments', 'department', startMs, {
        name: company === companies[0] ? template.name : `${company.short}${template.name}`,
        company: company.name,
        headPersonId: null,
        note: '',
      });
      depts.push({ record, template, company, people: [], computers: [] });
    }
  }
  const totalWeight = depts.reduce((s, d) => s + d.template.weight, 0);
  // Turnover over the years: people who left stay in the ledger (their cards name them).
  const leavers = Math.round(employees * Math.min(0.3, 0.03 * years));
  const leftAt = new Map<string, number>();
  const active: StoredRecord<'people'>[] = [];
  let serial = 0;
  for (let i = 0; i < employees + leavers; i++) {
    // Departments fill in proportion to their weight; each gets a head first.
    const dept = i < depts.length ? depts[i]! : weightedDept(depts, totalWeight, rnd());
    serial++;
    const isLeaver = i >= employees;
    const joined = startMs + (isLeaver ? int(0, 200) : i < depts.length ? 0 : int(0, years * 300)) * DAY;
    const person = add('people', 'person', joined, {
      employeeNo: `HT${pad(10000 + serial, 5)}`,
      name: newName(),
      departmentId: dept.record.id,
      title: dept.people.length === 0 ? dept.template.headTitle : pick(dept.template.staffTitles),
      phone: `1${pick(['38', '39', '58', '86', '37', '50'])}${digits(4)}${digits(4)}`,
      computerTag: isLeaver ? '' : `PC-${dept.template.code}-${pad(serial, 5)}`,
      active: !isLeaver,
      note: isLeaver ? '已离职' : '',
    });
    dept.people.push(person);
    if (isLeaver) leftAt.set(person.id, joined + int(200, Math.max(201, years * 330)) * DAY);
    else active.push(person);
    if (dept.people.length === 1) dept.record.headPersonId = person.id;
  }
  const deptOf = new Map<string, Dept>();
  for (const d of depts) for (const p of d.people) deptOf.set(p.id, d);
  const netCentre = depts.find((d) => d.template.code === 'WL') ?? depts[0]!;
  const supervisor = netCentre.people[0]!;
  const technicians = [supervisor.name, ...netCentre.people.slice(1, 3).map((p) => p.name)];

  // ── Devices ──────────────────────────────────────────────────────────────────────────
  const purchaseDate = () => dateOnly(startMs + int(0, years * 365 - 1) * DAY);
  const serialNo = () => `${pick(['CN', 'SN', 'PF', 'MJ'])}${digits(8)}`;
  const warranty = (date: string) => dateOnly(chinaDayStart(date).getTime() + 12 * HOUR + 3 * 365 * DAY);
  const mac = () =>
    Array.from({ length: 6 }, (_, i) => (i === 0 ? 0x3c : int(0, 255)).toString(16).padStart(2, '0'))
      .join(':')
      .toUpperCase();
  const device = (
    content: Partial<RecordContent<'devices'>> & Pick<RecordContent<'devices'>, 'assetTag' | 'type'>,
  ) => {
    const bought = content.purchaseDate ?? purchaseDate();
    return add('devices', 'device', Math.max(startMs, chinaDayStart(bought).getTime() + 9 * HOUR), {
      name: '',
      brand: '',
      model: '',
      serialNo: serialNo(),
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
  const computerOf = new Map<string, StoredRecord<'devices'>>();
  for (const p of active) {
    const dept = deptOf.get(p.id)!;
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
      price: pick([3899, 4299, 4999, 5600]),
      ip: `10.${depts.indexOf(dept) % 250}.${int(0, 255)}.${int(2, 254)}`,
      mac: mac(),
    });
    computerOf.set(p.id, pc);
    dept.computers.push(pc);
  }
  const rest = deviceTotal - active.length;
  const share = (f: number) => Math.floor(rest * f);
  const counts = {
    retired: share(0.3),
    printer: Math.max(depts.length, share(0.12)),
    peripheral: share(0.18),
    'cctv-recorder': Math.max(1, share(0.015)),
    'cctv-camera': share(0.25),
    switch: Math.max(1, share(0.06)),
    server: Math.max(2, share(0.01)),
    router: Math.max(1, share(0.005)),
    firewall: Math.max(1, share(0.003)),
    'video-conference': Math.max(1, share(0.007)),
  };
  const made = () => tables.devices.length;
  const deptsWithPcs = depts.filter((d) => d.computers.length > 0);
  let tagSerial = 0;
  const tag = (code: string) => `${code}-${pad(++tagSerial, 5)}`;
  // Retired computers: the generation replaced over the years, some handed back by leavers.
  const leaverPeople = depts.flatMap((d) => d.people.filter((p) => !p.active));
  for (let i = 0; i < counts.retired; i++) {
    const dept = pick(depts);
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
      status: owner && rnd() < 0.3 ? 'spare' : 'retired',
      purchaseDate: dateOnly(startMs + int(0, Math.max(1, years * 200)) * DAY),
      note: owner ? '原使用人离职，电脑收回' : '使用年限已满，已报废，硬盘已消磁',
    });
    if (owner) {
      const when = leftAt.get(owner.id) ?? nowMs;
      add('deviceHandovers', 'handover', Math.min(when, nowMs), {
        deviceId: retired.id,
        fromPersonId: owner.id,
        toPersonId: null,
        at: iso(Math.min(when, nowMs)),
        by: supervisor.name,
        note: '员工离职，电脑收回网络中心，数据已备份',
      });
    }
  }
  // Printers and peripherals hang off a computer of their department (responsible-person rule).
  const attached = (type: 'printer' | 'peripheral', n: number) => {
    for (let i = 0; i < n; i++) {
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
        price: type === 'printer' ? pick([1599, 2380, 8900]) : pick([89, 680, 1299, 6200]),
      });
    }
  };
  attached('printer', counts.printer);
  attached('peripheral', counts.peripheral);
  const room = (
    type: keyof typeof NETWORK_GEAR,
    code: string,
    n: number,
    extra: (i: number) => Partial<RecordContent<'devices'>> = () => ({}),
  ) => {
    const list: StoredRecord<'devices'>[] = [];
    for (let i = 0; i < n; i++) {
      const company = companies[i % companies.length]!;
      const [brand, model] = pick<readonly [string, string]>(NETWORK_GEAR[type]);
      list.push(
        device({
          assetTag: tag(code),
          type,
          name: `${company.short}${model}`,
          brand,
          model,
          location: `${company.short} 机房`,
          departmentId: netCentre.record.id,
          userPersonId: supervisor.id,
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
  room('other', 'UPS', Math.max(0, deviceTotal - made()));
  const printers = tables.devices.filter((d) => d.type === 'printer' || d.type === 'peripheral');
  const gear = tables.devices.filter((d) => d.userPersonId === supervisor.id);
  const userOf = new Map<string, StoredRecord<'people'>>();
  for (const p of active) userOf.set(computerOf.get(p.id)!.id, p);

  // ── Weekly checks (a few weeks missed), machine room four times a working day ─────────
  const firstMonday = dayStart(startMs) + ((8 - weekday(startMs)) % 7) * DAY;
  const serverIds = servers.slice(0, 500).map((s) => s.id);
  const recorderIds = recorders.slice(0, 500).map((r) => r.id);
  const site = '鸿泰集团官网';
  for (let mon = firstMonday; mon + 7 * DAY <= nowMs; mon += 7 * DAY) {
    const check = (
      kind: RecordContent<'routineChecks'>['kind'],
      at: number,
      more: Partial<RecordContent<'routineChecks'>>,
    ) =>
      add('routineChecks', 'check', at, {
        kind,
        at: iso(at),
        by: pick(technicians),
        deviceIds: [],
        site: '',
        slot: null,
        result: 'ok',
        findings: '运行正常。',
        actions: '',
        providerContactedAt: null,
        items: [],
        forDay: null,
        templateId: '',
        ...more,
      });
    if (rnd() > 0.02)
      check('server-maintenance', mon + 2 * DAY + 15 * HOUR, {
        deviceIds: serverIds,
        actions: '安装安全补丁，清理日志，核对备份。',
      });
    if (rnd() > 0.02) {
      const fault = rnd() < 0.08;
      const at = mon + 3 * DAY + 10 * HOUR;
      check('cctv', at, {
        deviceIds: recorderIds,
        result: fault ? 'problem' : 'ok',
        findings: fault ? '部分摄像机无图像，已通知服务商。' : '全部通道画面正常，录像可回放 30 天。',
        providerContactedAt: fault ? iso(at + int(1, rnd() < 0.9 ? 20 : 40) * HOUR) : null,
      });
    }
    if (rnd() > 0.02)
      check('website-security', mon + 4 * DAY + 14 * HOUR, { site, findings: '漏洞扫描无高危项。' });
    if (rnd() > 0.02)
      check('website-backup', mon + 4 * DAY + 17 * HOUR, { site, findings: '网站程序与数据库已备份。' });
  }
  const workdays: number[] = [];
  for (let d = dayStart(startMs) + DAY; d < dayStart(nowMs); d += DAY) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) workdays.push(d);
  }
  for (const d of workdays) {
    for (const slot of ['08:00', '11:00', '14:00', '16:30'] as const) {
      if (rnd() < 0.01) continue;
      const at = d + Number(slot.slice(0, 2)) * HOUR + Number(slot.slice(3)) * MINUTE;
      add('routineChecks', 'check', at, {
        kind: 'machine-room',
        at: iso(at),
        by: pick(technicians),
        deviceIds: [],
        site: '',
        slot,
        result: 'ok',
        findings: '设备运行正常，线路正常，无易燃物，门窗已关闭。',
        actions: '',
        providerContactedAt: null,
        items: [],
        forDay: null,
        templateId: '',
      });
    }
  }

  // ── Incidents: a handful a year, a few major ones, power cuts, carrier faults excluded ───
  for (let y = 0; y < years; y++) {
    for (let k = int(3, 8); k > 0; k--) {
      const start = startMs + (y * 365 + int(0, 364)) * DAY + int(8, 20) * HOUR;
      if (start > nowMs - DAY) continue;
      const cause = pick(['power-cut', 'carrier', 'equipment', 'configuration', 'other'] as const);
      const hours = rnd() < 0.15 ? int(25, 60) : int(1, 20);
      add('networkIncidents', 'incident', start, {
        startAt: iso(start),
        endAt: iso(start + hours * HOUR),
        cause,
        excluded: cause === 'carrier',
        exclusionReason: cause === 'carrier' ? '运营商线路故障，不属网络主管可控范围。' : '',
        scope: `${pick(companies).short}办公网络`,
        description: '网络中断，排查后恢复。',
        by: supervisor.name,
        actions: '',
      });
    }
  }

  // ── QQ permissions and purchase evaluations ────────────────────────────────────────
  for (let i = 0; i < Math.round(employees * 0.03); i++) {
    const p = pick(active);
    const granted = startMs + int(0, years * 365 - 2) * DAY + 10 * HOUR;
    add('imPermissions', 'im', granted, {
      personId: p.id,
      deviceId: computerOf.get(p.id)!.id,
      software: pick(['QQ', '微信电脑版', '钉钉']),
      guaranteeSignedOn: dateOnly(granted - DAY),
      deptHeadSignedOn: dateOnly(granted - DAY),
      grantedAt: iso(granted),
      revokedAt: rnd() < 0.2 ? iso(Math.min(nowMs, granted + int(30, 400) * DAY)) : null,
      note: '工作需要与客户沟通',
      reason: '',
      revokeReason: '',
      attachmentShas: [],
    });
  }
  for (let i = 0; i < years * 40; i++) {
    const p = pick(active);
    const on = startMs + int(0, years * 365 - 2) * DAY;
    const status = pick(['pending', 'approved', 'rejected', 'bought'] as const);
    add('purchaseEvaluations', 'evaluation', on, {
      departmentId: p.departmentId,
      requesterId: p.id,
      requestedOn: dateOnly(on),
      item: pick(['24 英寸显示器 1 台', '激光打印机 1 台', '笔记本电脑 1 台', '扫描仪 1 台']),
      reason: '原设备老化，维修价格接近新购价格。',
      replacesDeviceId: computerOf.get(p.id)!.id,
      feasibility: '与现有设备兼容，货源充足。',
      necessity: '影响日常办公。',
      recommendation: '同意购买。',
      estimatedCost: pick([899, 1599, 4999, 2300]),
      status,
      decidedOn: status === 'pending' ? null : dateOnly(on + DAY),
      approverName: status === 'pending' ? '' : '总经理',
      boughtDeviceId: null,
    });
  }

  // ── Website updates (two a week, some weeks fewer), quotes never repeated, trainings ──
  for (let mon = firstMonday; mon + 7 * DAY <= nowMs; mon += 7 * DAY) {
    const n = rnd() < 0.05 ? 1 : int(2, 3);
    for (let k = 0; k < n; k++) {
      const [category, title] = pick(NEWS);
      const at = mon + (1 + k * 2) * DAY + 16 * HOUR;
      add('websiteUpdates', 'webupdate', at, {
        site,
        publishedAt: iso(at),
        title: `${title}（${dateOnly(at)}）`,
        category,
        author: category === 'staff-article' ? pick(active).name : supervisor.name,
        url: `https://www.hongtai-group.example/news/${dateOnly(at).replaceAll('-', '')}-${k + 1}.html`,
      });
    }
  }
  const quoteTexts: string[] = [...QUOTES];
  const seen = new Set(quoteTexts.map(normalizeQuote));
  // One quote a working day, never repeated: phrases combined (6 × 20 × 30 = 3,600 quotes).
  combine: for (const lead of QUOTE_LEADS) {
    for (const opening of QUOTE_OPENINGS) {
      for (const ending of QUOTE_ENDINGS) {
        if (quoteTexts.length >= workdays.length) break combine;
        const text = `${lead}${opening}，${ending}。`;
        if (!seen.has(normalizeQuote(text))) {
          seen.add(normalizeQuote(text));
          quoteTexts.push(text);
        }
      }
    }
  }
  const quotes = quoteTexts.map((text) =>
    add('quotes', 'quote', startMs, {
      text,
      normalized: normalizeQuote(text),
      source: '网络中心整理',
      tags: [],
      retired: false,
    }),
  );
  workdays.forEach((d, i) => {
    if (rnd() < 0.01 || i >= quotes.length) return; // a missed day now and then (K6)
    add('quoteSchedule', 'schedule', d + 8 * HOUR, {
      date: dateOnly(d),
      quoteId: quotes[i]!.id,
      shown: true,
    });
  });
  for (let y = 0; y < years; y++) {
    const sessions: RecordContent<'trainings'>['kind'][] = [
      ...Array<'office-software'>(rnd() < 0.1 ? 1 : int(2, 3)).fill('office-software'),
      ...Array<'new-employee'>(12).fill('new-employee'),
      ...Array<'department-request'>(int(2, 5)).fill('department-request'),
    ];
    for (const kind of sessions) {
      const d = startMs + (y * 365 + int(0, 364)) * DAY + 14 * HOUR;
      if (d > nowMs) continue;
      const dept = pick(depts);
      const training = add('trainings', 'training', d, {
        date: dateOnly(d),
        topic: kind === 'new-employee' ? '新员工 OA 系统与打印机使用指导' : pick(TRAINING_TOPICS),
        kind,
        trainer: supervisor.name,
        requestingDepartmentId: kind === 'department-request' ? dept.record.id : null,
        location: '集团总部 6F 培训室',
        durationMinutes: pick([60, 90, 120]),
        note: '',
        // Every generated training lies in the past: held, as its signed roster says.
        status: 'held',
        requestedOn: null,
        signedSheetShas: [],
        feedback: '',
        feedbackScore: null,
      });
      const roster = kind === 'department-request' ? dept.people : active;
      for (let k = kind === 'new-employee' ? int(3, 10) : int(10, 40); k > 0 && roster.length; k--) {
        add('trainingAttendees', 'attendee', d, {
          trainingId: training.id,
          personId: pick(roster).id,
          signed: rnd() < 0.92,
        });
      }
    }
  }

  // ── Repair cards ─────────────────────────────────────────────────────────────────────
  // Their own PRNG (seeded from the same seed), so iterating twice gives the same cards.
  function* cardBatches(size = 2000): Generator<CardBatch> {
    const r = prng(seed * 7919 + 104723);
    const ri = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
    const rp = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
    const faultWeight = FAULT_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    const perYear = new Map<number, number>();
    let eventSerial = 0;
    let batch: CardBatch = { repairCards: [], repairEvents: [] };
    const span = nowMs - startMs;
    for (let i = 0; i < cardTotal; i++) {
      // Receipt: spread evenly over the period, moved into office hours on a working day.
      let day = dayStart(startMs + Math.floor(((i + r()) / cardTotal) * span));
      const wd = weekday(day);
      if (wd === 6 && r() < 0.85) day += 2 * DAY;
      else if (wd === 0 && r() < 0.85) day += DAY;
      let received = Math.min(day + 8.5 * HOUR + Math.floor(r() * 9 * HOUR), nowMs - ri(1, 120) * MINUTE);
      received = Math.max(received, startMs);
      // Who and what: a computer's user, a printer's responsible person (the user of the
      // computer it hangs off), or the network centre for its own gear.
      const roll = r();
      let dev: StoredRecord<'devices'>;
      let requester: StoredRecord<'people'>;
      if (roll < 0.72 || printers.length === 0) {
        requester = rp(active);
        dev = computerOf.get(requester.id)!;
      } else if (roll < 0.94) {
        dev = rp(printers);
        requester = userOf.get(dev.attachedToDeviceId ?? '') ?? rp(active);
      } else {
        dev = rp(gear.length ? gear : [computerOf.get(supervisor.id)!]);
        requester = supervisor;
      }
      let f = r() * faultWeight;
      let category = FAULT_WEIGHTS[0]![0];
      for (const [c, w] of FAULT_WEIGHTS) {
        if ((f -= w) < 0) {
          category = c;
          break;
        }
      }
      if (dev.type === 'printer') category = 'printer';
      const description = `${rp(FAULTS[category])}${r() < 0.3 ? `，${rp(['上午', '下午', '昨天起', '本周'])}多次出现` : ''}。`;
      const year = Number(chinaDay(received).slice(0, 4));
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);

      const tl = cardTimeline(received, r, ri, rp);
      const events = tl.events.filter((e) => e.at <= nowMs);
      const replay = replayRepairEvents(events.filter((e) => e.type !== 'received'));
      const status = replay.ok ? replay.status : 'received';
      const clock = evaluateSla(
        iso(received),
        events.map((e) => ({ type: e.type, at: iso(e.at) })),
        new Date(nowMs),
      );
      const done = (type: RepairEventType) => events.some((e) => e.type === type);
      const fixed = done('repaired');
      const part = tl.part;
      const lastMs = events.reduce((m, e) => Math.max(m, e.at), received);
      const id = nextId('card');
      const headSigned = events.find((e) => e.type === 'head-signed');
      const by = rp(technicians);
      const card = stored<'repairCards'>(
        id,
        received,
        lastMs,
        {
          cardNo: formatCardNo({ year, pcCode: 'A', seq }),
          requesterId: requester.id,
          requesterName: requester.name,
          departmentId: requester.departmentId,
          deviceId: dev.id,
          deviceTag: dev.assetTag,
          faultCategory: category,
          description,
          receivedAt: iso(received),
          deptHeadSignedAt: headSigned ? iso(headSigned.at) : null,
          status,
          slaDueAt: clock.dueAt,
          diagnosis: done('started') ? '经检测确认故障原因。' : '',
          workDone: fixed ? (part ? `更换${part[0]}，测试正常。` : '排除故障，测试正常。') : '',
          result: fixed ? '已修复，运行正常' : '',
          minutesSpent: fixed ? ri(10, 240) : null,
          suggestion: done('suggestion-given') ? '建议更换新设备，已提交采购评估。' : '',
          parts: fixed && part ? [{ name: part[0], quantity: 1, cost: part[1] }] : [],
          refusalCause: tl.refusal ?? null,
          refusalReason: tl.refusal ? '发现违规使用导致的故障，按制度需总经理或董事长批准后维修。' : '',
          attachmentShas: [],
        },
        nodeId,
      );
      batch.repairCards.push(card);
      for (const e of events) {
        eventSerial++;
        batch.repairEvents.push(
          stored<'repairEvents'>(
            `${prefix}-event-${pad(eventSerial, 7)}`,
            e.at,
            e.at,
            {
              cardId: id,
              type: e.type,
              at: iso(e.at),
              by: e.type === 'head-signed' ? '' : by,
              note: e.note ?? '',
              approverRole: e.approverRole ?? null,
              approverName: e.approverRole === 'chairman' ? '董事长' : e.approverRole ? '总经理' : '',
              vendor:
                e.type === 'vendor-contact'
                  ? rp(['戴尔售后 800 热线', '联想服务站', '惠普授权维修中心'])
                  : '',
              partName: e.type === 'part-ordered' || e.type === 'part-arrived' ? (part?.[0] ?? '') : '',
            },
            nodeId,
          ),
        );
      }
      if (batch.repairCards.length >= size) {
        yield batch;
        batch = { repairCards: [], repairEvents: [] };
      }
    }
    if (batch.repairCards.length > 0) yield batch;
  }

  return { plan, directory: tables, cardBatches };
}

interface TimelineEvent {
  type: RepairEventType;
  at: number;
  note?: string;
  approverRole?: 'general-manager' | 'chairman';
}

/**
 * One card's story from receipt, in time order: most are repaired within hours, some wait for a
 * part, some get a repair suggestion, a few are refused (then approved or not), a few need the
 * vendor, and about one in twenty is late. The caller cuts it at `now`.
 */
function cardTimeline(
  received: number,
  r: () => number,
  ri: (min: number, max: number) => number,
  rp: <T>(list: readonly T[]) => T,
): {
  events: TimelineEvent[];
  part?: (typeof PARTS)[number];
  refusal?: RecordContent<'repairCards'>['refusalCause'];
} {
  const events: TimelineEvent[] = [{ type: 'received', at: received }];
  const signRoll = r();
  // The head usually signs before handing the card in; sometimes after; rarely never.
  if (signRoll < 0.85) events.push({ type: 'head-signed', at: received - ri(5, 120) * MINUTE });
  else if (signRoll < 0.97) events.push({ type: 'head-signed', at: received + ri(10, 60) * MINUTE });
  const late = r() < 0.05;
  let t = received + ri(5, 120) * MINUTE;
  const repairWithin = (from: number) => from + (late ? ri(25, 72) * HOUR : ri(15, 20 * 60) * MINUTE);
  let part: (typeof PARTS)[number] | undefined;
  let refusal: RecordContent<'repairCards'>['refusalCause'] | undefined;
  const path = r();
  let fixedAt: number | null = null;
  if (path < 0.04) {
    refusal = rp(['illegal-software', 'games', 'cheats', 'rough-use'] as const);
    events.push({ type: 'refused', at: t, note: '按制度拒绝维修，需领导批准' });
    const decision = r();
    const decidedAt = t + ri(1, 72) * HOUR;
    if (decision < 0.8) {
      events.push({
        type: 'approved',
        at: decidedAt,
        approverRole: r() < 0.8 ? 'general-manager' : 'chairman',
        note: '同意维修',
      });
      fixedAt = repairWithin(decidedAt + ri(10, 60) * MINUTE);
    } else {
      events.push({ type: 'approval-denied', at: decidedAt, note: '不同意维修，由使用人自行承担' });
      if (r() < 0.8) events.push({ type: 'closed', at: decidedAt + ri(1, 48) * HOUR });
      return { events, refusal };
    }
  } else if (path < 0.16) {
    events.push({ type: 'started', at: t });
    part = rp(PARTS);
    const ordered = t + ri(30, 180) * MINUTE;
    const arrived = ordered + ri(1, 10) * DAY;
    events.push({ type: 'part-ordered', at: ordered, note: '已下单采购配件' });
    events.push({ type: 'part-arrived', at: arrived });
    fixedAt = repairWithin(arrived);
  } else if (path < 0.28) {
    events.push({ type: 'started', at: t });
    const answered = late ? t + ri(25, 50) * HOUR : t + ri(1, 8) * HOUR;
    events.push({ type: 'suggestion-given', at: answered });
    t = answered;
  } else {
    events.push({ type: 'started', at: t });
    if (path < 0.31) events.push({ type: 'vendor-contact', at: t + ri(1, 4) * HOUR, note: '已联系厂家售后' });
    fixedAt = repairWithin(t);
  }
  if (fixedAt !== null) {
    events.push({ type: 'repaired', at: fixedAt });
    t = fixedAt;
  }
  if (r() < 0.92) {
    const signed = t + ri(30, 48 * 60) * MINUTE;
    events.push({ type: 'signed-off', at: signed });
    if (r() < 0.95) events.push({ type: 'closed', at: signed + ri(1, 72) * HOUR });
  }
  return {
    events: events.sort((a, b) => a.at - b.at),
    ...(part ? { part } : {}),
    ...(refusal ? { refusal } : {}),
  };
}

function weightedDept<D extends { template: { weight: number } }>(
  depts: D[],
  total: number,
  roll: number,
): D {
  let left = roll * total;
  for (const d of depts) if ((left -= d.template.weight) < 0) return d;
  return depts[depts.length - 1]!;
}

/** A stored record with every stamped field (content, createdAt, deletedAt) stamped at `updatedMs`. */
function stored<T extends LedgerTable>(
  id: string,
  createdMs: number,
  updatedMs: number,
  content: RecordContent<T>,
  nodeId: string,
): StoredRecord<T> {
  // formatHlc's layout (15-digit wall ms, counter 0000, node id), written out: this runs ~1.4M times.
  const stamp = `${String(updatedMs).padStart(15, '0')}-0000-${nodeId}`;
  const hlc: Record<string, string> = { createdAt: stamp, deletedAt: stamp };
  for (const key of Object.keys(content)) hlc[key] = stamp;
  return {
    ...content,
    id,
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
    deletedAt: null,
    hlc,
  };
}

/** The whole dataset as one backup, for small instances (tests, `netdesk demo` of a few years). */
export function buildDatasetBackup(options: DatasetOptions): LedgerBackup {
  const dataset = createDataset(options);
  const repairCards: StoredRecord<'repairCards'>[] = [];
  const repairEvents: StoredRecord<'repairEvents'>[] = [];
  for (const batch of dataset.cardBatches()) {
    repairCards.push(...batch.repairCards);
    repairEvents.push(...batch.repairEvents);
  }
  return datasetEnvelope(dataset, { ...dataset.directory, repairCards, repairEvents });
}

/** A backup document around some tables of the dataset (the bench writes the ledger in such chunks). */
export function datasetEnvelope(dataset: Dataset, tables: BackupTables): LedgerBackup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: dataset.plan.now,
    source: { nodeId: `dataset${dataset.plan.seed}`, name: '基准数据 / bench dataset' },
    tables,
  };
}
