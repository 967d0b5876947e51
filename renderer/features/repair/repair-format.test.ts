import { describe, expect, it } from 'vitest';
import { deviceChoiceLabel as deviceLabel, devicesForRequester } from '../../../shared/devices/choices';
import type { Device } from '../../../shared/schemas';
import {
  formatTime,
  fromChinaInputValue,
  receivedRangeOf,
  rowClock,
  toChinaInputValue,
} from './repair-format';

const HOUR = 3600_000;

function device(id: string, patch: Partial<Device> = {}): Device {
  return {
    id,
    assetTag: id.toUpperCase(),
    type: 'computer',
    name: '',
    brand: '',
    model: '',
    userPersonId: null,
    attachedToDeviceId: null,
    createdAt: '2025-06-01T00:00:00.000Z',
    deletedAt: null,
    ...patch,
  } as Device;
}

describe('typed times', () => {
  it('reads back the China time it wrote into a time field, to the minute, whatever the PC zone', () => {
    // 14:30:59 on 5 November in China is 06:30:59 UTC.
    const at = new Date('2026-11-05T06:30:59.000Z');
    const typed = toChinaInputValue(at);
    expect(typed).toBe('2026-11-05T14:30');
    expect(fromChinaInputValue(typed)).toBe('2026-11-05T06:30:00.000Z');
    expect(formatTime(fromChinaInputValue(typed))).toBe('2026-11-05 14:30');
    // Just past midnight in China is still the day before in UTC.
    expect(toChinaInputValue('2026-11-30T16:05:00.000Z')).toBe('2026-12-01T00:05');
  });

  it('refuses an empty field and days that do not exist instead of rolling them over', () => {
    expect(fromChinaInputValue('')).toBeNull();
    expect(fromChinaInputValue('2026-02-31T10:00')).toBeNull();
    expect(fromChinaInputValue('2026-11-05T24:00')).toBeNull();
    expect(fromChinaInputValue('yesterday')).toBeNull();
  });

  it('turns a day range into bounds that include the whole last China day', () => {
    const { receivedFrom, receivedTo } = receivedRangeOf('2026-11-01', '2026-11-30');
    expect(receivedFrom).toBe('2026-10-31T16:00:00.000Z');
    expect(receivedTo).toBe('2026-11-30T16:00:00.000Z');
    expect(receivedRangeOf(null, null)).toEqual({ receivedFrom: null, receivedTo: null });
    expect(receivedRangeOf('2026-02-30', null)).toEqual({ receivedFrom: null, receivedTo: null });
  });
});

describe('the clock a list row shows', () => {
  const now = new Date('2026-11-05T08:00:00.000Z');
  const dueIn = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it('counts down while the card is received or in repair, and turns overdue past due', () => {
    expect(rowClock({ status: 'received', slaDueAt: dueIn(3 * HOUR) }, now)).toEqual({
      kind: 'running',
      marginMs: 3 * HOUR,
    });
    expect(rowClock({ status: 'in-repair', slaDueAt: dueIn(-HOUR) }, now)).toEqual({
      kind: 'overdue',
      marginMs: -HOUR,
    });
  });

  it('pauses while waiting for parts, has none while refused, and is over once repaired', () => {
    expect(rowClock({ status: 'waiting-parts', slaDueAt: null }, now).kind).toBe('paused');
    expect(rowClock({ status: 'refused', slaDueAt: null }, now).kind).toBe('refused');
    expect(rowClock({ status: 'repaired', slaDueAt: dueIn(-5 * HOUR) }, now).kind).toBe('done');
    expect(rowClock({ status: 'closed', slaDueAt: null }, now).kind).toBe('done');
  });
});

describe("a requester's devices", () => {
  const pc = device('pc-1', { userPersonId: 'zhang' });
  const printer = device('pr-1', { type: 'printer', attachedToDeviceId: 'pc-1' });
  const otherPc = device('pc-2', { userPersonId: 'li' });
  const scrapped = device('pc-3', { userPersonId: 'zhang', deletedAt: '2026-01-01T00:00:00.000Z' });

  it('puts their computer and the printer attached to it first, then every other device', () => {
    const { mine, others } = devicesForRequester([otherPc, printer, pc, scrapped], 'zhang');
    expect(mine.map((d) => d.id)).toEqual(['pr-1', 'pc-1']);
    expect(others.map((d) => d.id)).toEqual(['pc-2']);
  });

  it("counts a printer as its computer's user's, even when another custodian is written on it", () => {
    const lent = device('pr-9', { type: 'printer', userPersonId: 'zhang', attachedToDeviceId: 'pc-2' });
    expect(devicesForRequester([otherPc, lent], 'zhang').mine).toEqual([]);
    expect(devicesForRequester([otherPc, lent], 'li').mine.map((d) => d.id)).toEqual(['pc-2', 'pr-9']);
  });

  it('does not offer a device sync has delivered only in part (no tag yet)', () => {
    const arriving = device('pc-4', { userPersonId: 'zhang', createdAt: undefined, assetTag: undefined });
    const { mine, others } = devicesForRequester([pc, arriving, otherPc], 'zhang');
    expect(mine.map((d) => d.id)).toEqual(['pc-1']);
    expect(others.map((d) => d.id)).toEqual(['pc-2']);
  });

  it('offers every live device when no requester is chosen yet', () => {
    expect(devicesForRequester([pc, printer, scrapped], null).others.map((d) => d.id)).toEqual([
      'pc-1',
      'pr-1',
    ]);
  });

  it('labels a device by its tag and its name, or brand and model', () => {
    expect(deviceLabel(device('x', { assetTag: 'PC-CW-01', brand: '联想', model: 'E14' }))).toBe(
      'PC-CW-01  联想 E14',
    );
    expect(deviceLabel(device('x', { assetTag: 'SV-01', name: '文件服务器' }))).toBe('SV-01  文件服务器');
  });
});
