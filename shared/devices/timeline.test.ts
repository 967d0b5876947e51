import { describe, expect, it } from 'vitest';
import type { DeviceHandover } from '../schemas';
import { canMoveEvaluation, nextEvaluationStatuses } from './evaluation-flow';
import { evaluation } from './test-records';
import { buildDeviceTimeline } from './timeline';

const handover = (id: string, deviceId: string, at: string): DeviceHandover => ({
  id,
  deviceId,
  fromPersonId: 'zhang',
  toPersonId: 'li',
  at,
  by: '网管',
  note: '',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  hlc: {},
});

describe('device timeline', () => {
  it('merges repair cards, handovers and evaluations of one device, newest first', () => {
    const card = (id: string, deviceId: string, receivedAt: string) => ({
      id,
      cardNo: id,
      deviceId,
      receivedAt,
      status: 'closed',
      description: '开机黑屏',
      createdAt: receivedAt,
    });
    const timeline = buildDeviceTimeline('pc1', {
      cards: [
        card('WX-1', 'pc1', '2026-02-01T02:00:00.000Z'),
        card('WX-2', 'pc9', '2026-02-02T02:00:00.000Z'),
      ],
      handovers: [
        handover('h1', 'pc1', '2026-03-01T09:00:00+08:00'),
        handover('h2', 'pc9', '2026-03-01T01:00:00Z'),
      ],
      evaluations: [
        evaluation('e1', {
          requestedOn: '2026-02-10',
          item: '新电脑',
          reason: '旧电脑太慢',
          replacesDeviceId: 'pc1',
        }),
        evaluation('e0', {
          requestedOn: '2025-06-01',
          decidedOn: '2025-06-03',
          item: '电脑',
          reason: '新员工',
          status: 'bought',
          boughtDeviceId: 'pc1',
        }),
      ],
    });
    expect(timeline.map((e) => [e.kind, e.at])).toEqual([
      ['handover', '2026-03-01T01:00:00.000Z'],
      ['replacement-requested', '2026-02-09T16:00:00.000Z'],
      ['repair', '2026-02-01T02:00:00.000Z'],
      ['bought', '2025-06-02T16:00:00.000Z'],
    ]);
  });
});

describe("a printer's timeline", () => {
  it("starts with its entry in the register and holds its computer's handovers since then", () => {
    const timeline = buildDeviceTimeline(
      { id: 'pr1', createdAt: '2026-02-01T00:00:00.000Z', hostId: 'pc1' },
      {
        cards: [],
        handovers: [
          handover('h0', 'pc1', '2026-01-15T01:00:00.000Z'), // before the printer was entered
          handover('h1', 'pc1', '2026-03-01T01:00:00.000Z'),
          handover('h2', 'pc9', '2026-03-02T01:00:00.000Z'), // another computer
        ],
        evaluations: [],
      },
    );
    expect(timeline.map((e) => [e.kind, e.at])).toEqual([
      ['host-handover', '2026-03-01T01:00:00.000Z'],
      ['created', '2026-02-01T00:00:00.000Z'],
    ]);
  });

  it('gives every new device a "created" entry, and a computer its own handovers only', () => {
    const timeline = buildDeviceTimeline(
      { id: 'pc1', createdAt: '2026-02-01T00:00:00.000Z', hostId: null },
      { cards: [], handovers: [handover('h1', 'pc1', '2026-03-01T01:00:00.000Z')], evaluations: [] },
    );
    expect(timeline.map((e) => e.kind)).toEqual(['handover', 'created']);
  });
});

describe('device timeline and records sync delivered in part', () => {
  it('leaves out a handover, card or work request whose creation has not arrived', () => {
    const half = <T extends { createdAt: string }>(record: T) =>
      ({ ...record, createdAt: undefined }) as unknown as T;
    const timeline = buildDeviceTimeline('pc1', {
      cards: [
        {
          id: 'c1',
          cardNo: 'WX-1',
          deviceId: 'pc1',
          receivedAt: '2026-02-01T02:00:00.000Z',
          status: 'closed',
          description: '',
          createdAt: undefined,
        },
      ],
      handovers: [
        half(handover('h1', 'pc1', '2026-03-01T01:00:00.000Z')),
        handover('h2', 'pc1', '2026-03-02T01:00:00.000Z'),
      ],
      evaluations: [
        half(
          evaluation('e1', {
            requestedOn: '2026-02-10',
            item: '新电脑',
            reason: '慢',
            replacesDeviceId: 'pc1',
          }),
        ),
      ],
    });
    expect(timeline.map((e) => [e.kind, e.at])).toEqual([['handover', '2026-03-02T01:00:00.000Z']]);
  });
});

describe('evaluation status flow', () => {
  it('goes pending → approved or rejected → bought, and nothing follows bought', () => {
    expect(nextEvaluationStatuses('pending')).toEqual(['approved', 'rejected']);
    expect(canMoveEvaluation('approved', 'bought')).toBe(true);
    expect(canMoveEvaluation('pending', 'bought')).toBe(false);
    expect(canMoveEvaluation('rejected', 'bought')).toBe(false);
    expect(nextEvaluationStatuses('bought')).toEqual([]);
  });
});
