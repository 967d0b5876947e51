// The dataset's repair cards, in order of receipt, with their events: spread evenly over the
// period in office hours of working days, most from a computer's user, some from a printer's
// responsible person, a few the network centre's own gear; each card's timeline from
// `cardTimeline` cut at now, its status and 24-hour due time worked out by the app's own rules
// (shared/repair/workflow.ts, shared/repair/sla.ts), numbered per year.
//
// The cards roll their own dice (seeded from the same seed), so iterating the batches twice gives
// the same cards and never disturbs the small tables.
import { dice, prng, type Dice } from '../demo/random';
import { FAULT_WEIGHTS, FAULTS, PARTS } from '../demo/words';
import { formatCardNo } from '../repair/card-number';
import { evaluateSla } from '../repair/sla';
import { replayRepairEvents, type RepairEventType } from '../repair/workflow';
import type { RecordContent, StoredRecord } from '../schemas';
import { chinaDay } from '../time/china';
import type { DatasetDevices } from './devices';
import { DAY, HOUR, MINUTE, pad, stored, type DatasetLedger } from './ledger';
import type { DatasetStaff } from './people';

export interface CardBatch {
  repairCards: StoredRecord<'repairCards'>[];
  repairEvents: StoredRecord<'repairEvents'>[];
}

type FaultCategory = RecordContent<'repairCards'>['faultCategory'];

/** The cards, `size` to a batch. */
export function* cardBatches(
  ledger: DatasetLedger,
  staff: DatasetStaff,
  devices: DatasetDevices,
  size = 2000,
): Generator<CardBatch> {
  const d = dice(prng(ledger.seed * 7919 + 104723));
  const { cards, nodeId, prefix } = ledger;
  const perYear = new Map<number, number>();
  // Numbered per pass, like the events: the bench writes the cards table from one pass and the
  // events table from another, and both must name the same cards.
  let cardSerial = 0;
  let eventSerial = 0;
  let batch: CardBatch = { repairCards: [], repairEvents: [] };
  for (let i = 0; i < cards; i++) {
    const received = receiptTime(ledger, d, i);
    const { requester, device } = requesterAndDevice(d, staff, devices);
    const rolled = faultCategory(d);
    const category = device.type === 'printer' ? 'printer' : rolled;
    const description = `${d.pick(FAULTS[category])}${d.roll() < 0.3 ? `，${d.pick(['上午', '下午', '昨天起', '本周'])}多次出现` : ''}。`;
    const year = Number(chinaDay(received).slice(0, 4));
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);

    const tl = cardTimeline(received, d);
    const events = tl.events.filter((e) => e.at <= ledger.nowMs);
    const id = `${prefix}-card-${pad(++cardSerial, 6)}`;
    const by = d.pick(staff.technicians);
    batch.repairCards.push(
      cardRecord(
        ledger,
        d,
        { id, received, events, part: tl.part, refusal: tl.refusal },
        {
          cardNo: formatCardNo({ year, pcCode: 'A', seq }),
          requesterId: requester.id,
          requesterName: requester.name,
          departmentId: requester.departmentId,
          deviceId: device.id,
          deviceTag: device.assetTag,
          faultCategory: category,
          description,
        },
      ),
    );
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
            at: ledger.iso(e.at),
            by: e.type === 'head-signed' ? '' : by,
            note: e.note ?? '',
            approverRole: e.approverRole ?? null,
            approverName: e.approverRole === 'chairman' ? '董事长' : e.approverRole ? '总经理' : '',
            vendor:
              e.type === 'vendor-contact'
                ? d.pick(['戴尔售后 800 热线', '联想服务站', '惠普授权维修中心'])
                : '',
            partName: e.type === 'part-ordered' || e.type === 'part-arrived' ? (tl.part?.[0] ?? '') : '',
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

/** The `i`-th card's receipt: its share of the period, moved into office hours on a working day. */
function receiptTime(ledger: DatasetLedger, { roll, int }: Dice, i: number): number {
  const { startMs, nowMs, cards, dayStart, weekday } = ledger;
  let day = dayStart(startMs + Math.floor(((i + roll()) / cards) * (nowMs - startMs)));
  const wd = weekday(day);
  if (wd === 6 && roll() < 0.85) day += 2 * DAY;
  else if (wd === 0 && roll() < 0.85) day += DAY;
  const received = Math.min(day + 8.5 * HOUR + Math.floor(roll() * 9 * HOUR), nowMs - int(1, 120) * MINUTE);
  return Math.max(received, startMs);
}

/**
 * A computer's user with their computer, a printer with its responsible person (the user of the
 * computer it hangs off), or the network centre's own gear.
 */
function requesterAndDevice(
  { roll, pick }: Dice,
  staff: DatasetStaff,
  devices: DatasetDevices,
): { requester: StoredRecord<'people'>; device: StoredRecord<'devices'> } {
  const which = roll();
  if (which < 0.72 || devices.printers.length === 0) {
    const requester = pick(staff.active);
    return { requester, device: devices.computerOf.get(requester.id)! };
  }
  if (which < 0.94) {
    const device = pick(devices.printers);
    return { requester: devices.userOf.get(device.attachedToDeviceId ?? '') ?? pick(staff.active), device };
  }
  const gear = devices.gear.length ? devices.gear : [devices.computerOf.get(staff.supervisor.id)!];
  return { requester: staff.supervisor, device: pick(gear) };
}

const FAULT_TOTAL = FAULT_WEIGHTS.reduce((s, [, w]) => s + w, 0);

/** A fault category by its weight. */
function faultCategory({ roll }: Dice): FaultCategory {
  let f = roll() * FAULT_TOTAL;
  for (const [c, w] of FAULT_WEIGHTS) if ((f -= w) < 0) return c;
  return FAULT_WEIGHTS[0]![0];
}

/** The card as the supervisor left it at now: status, due time and the write-up its events imply. */
function cardRecord(
  ledger: DatasetLedger,
  { int }: Dice,
  story: {
    id: string;
    received: number;
    events: TimelineEvent[];
    part: (typeof PARTS)[number] | undefined;
    refusal: FaultRefusal | undefined;
  },
  who: Pick<
    RecordContent<'repairCards'>,
    | 'cardNo'
    | 'requesterId'
    | 'requesterName'
    | 'departmentId'
    | 'deviceId'
    | 'deviceTag'
    | 'faultCategory'
    | 'description'
  >,
): StoredRecord<'repairCards'> {
  const { iso, nowMs, nodeId } = ledger;
  const { id, received, events, part, refusal } = story;
  const replay = replayRepairEvents(events.filter((e) => e.type !== 'received'));
  const clock = evaluateSla(
    iso(received),
    events.map((e) => ({ type: e.type, at: iso(e.at) })),
    new Date(nowMs),
  );
  const done = (type: RepairEventType) => events.some((e) => e.type === type);
  const fixed = done('repaired');
  const lastMs = events.reduce((m, e) => Math.max(m, e.at), received);
  const headSigned = events.find((e) => e.type === 'head-signed');
  return stored<'repairCards'>(
    id,
    received,
    lastMs,
    {
      ...who,
      receivedAt: iso(received),
      deptHeadSignedAt: headSigned ? iso(headSigned.at) : null,
      status: replay.ok ? replay.status : 'received',
      slaDueAt: clock.dueAt,
      diagnosis: done('started') ? '经检测确认故障原因。' : '',
      workDone: fixed ? (part ? `更换${part[0]}，测试正常。` : '排除故障，测试正常。') : '',
      result: fixed ? '已修复，运行正常' : '',
      minutesSpent: fixed ? int(10, 240) : null,
      suggestion: done('suggestion-given') ? '建议更换新设备，已提交采购评估。' : '',
      parts: fixed && part ? [{ name: part[0], quantity: 1, cost: part[1] }] : [],
      refusalCause: refusal ?? null,
      refusalReason: refusal ? '发现违规使用导致的故障，按制度需总经理或董事长批准后维修。' : '',
      attachmentShas: [],
    },
    nodeId,
  );
}

type FaultRefusal = NonNullable<RecordContent<'repairCards'>['refusalCause']>;

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
  { roll: r, int: ri, pick: rp }: Dice,
): {
  events: TimelineEvent[];
  part?: (typeof PARTS)[number];
  refusal?: FaultRefusal;
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
  let refusal: FaultRefusal | undefined;
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
