// The demo's repair cards: eight stories, one for each stage a card can be in — repaired and
// closed, a part waited for, refused then approved, a repair suggestion, the vendor called, refused
// and waiting, in repair now, just handed in. Each card's events are its timeline in time order.
import { chinaDay } from '../time/china';
import type { RecordInput, StoredRecord } from '../schemas';
import type { DemoDevices } from './devices';
import { DAY, HOUR, type DemoLedger } from './ledger';
import type { DemoStaff } from './people';
import { DEPARTMENTS } from './words';

type Ev = { type: RecordInput<'repairEvents'>['type']; at: number } & Omit<
  Partial<RecordInput<'repairEvents'>>,
  'type' | 'at' | 'cardId'
>;
type CardContent = Omit<RecordInput<'repairCards'>, 'cardNo' | 'requesterName' | 'receivedAt'>;
type WriteCard = (
  requester: StoredRecord<'people'>,
  device: StoredRecord<'devices'>,
  content: CardContent,
  events: Ev[],
) => StoredRecord<'repairCards'>;

/** A card's timeline in time order (a head may sign before or after the supervisor receives it). */
const timeline = (...events: Ev[]) => events.sort((a, b) => a.at - b.at);

/** The card that a purchase evaluation follows up, and who asked for it. */
export interface DemoMonitorCard {
  card: StoredRecord<'repairCards'>;
  requester: StoredRecord<'people'>;
}

export function addRepairCards(ledger: DemoLedger, staff: DemoStaff, devices: DemoDevices): DemoMonitorCard {
  const card = cardWriter(ledger, staff.by);
  const monitor = addFinishedCards(ledger, staff, devices, card);
  addOpenCards(ledger, staff, devices, card);
  return monitor;
}

/** Writes a card numbered in order of writing, with its events, updated at its last event. */
function cardWriter(ledger: DemoLedger, by: string): WriteCard {
  const { add, iso } = ledger;
  let cardSerial = 0;
  return (requester, device, content, events) => {
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
}

/** Cards 1–4: the everyday jam, a part waited for, refused then approved, a repair suggestion. */
function addFinishedCards(
  ledger: DemoLedger,
  staff: DemoStaff,
  devices: DemoDevices,
  card: WriteCard,
): DemoMonitorCard {
  const { at, iso } = ledger;
  const { pickPerson } = staff;
  const { computerOf } = devices;
  // 1. A printer jam, repaired the same morning and signed off: the everyday case.
  const c1Person = pickPerson('ZB', 1);
  card(
    c1Person,
    devices.printers[DEPARTMENTS.findIndex((d) => d.code === 'ZB')] ?? computerOf(c1Person),
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
  return { card: c4, requester: c4Person };
}

/** Cards 5–8: with the vendor, refused and waiting, in repair now, just handed in. */
function addOpenCards(ledger: DemoLedger, staff: DemoStaff, devices: DemoDevices, card: WriteCard): void {
  const { at, day, iso, nowMs } = ledger;
  const { pickPerson, supervisor } = staff;
  const { computerOf } = devices;
  // 5. The file server's RAID warning: vendor contacted, still in repair.
  card(
    supervisor,
    devices.servers[0]!,
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
}
