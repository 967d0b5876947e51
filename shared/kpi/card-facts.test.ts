// A card's KPI facts keep exactly what the engine and the charts read, and nothing else.
import { describe, expect, it } from 'vitest';
import { packCardFacts, packMonthFacts, unpackCardFacts, unpackMonthFacts } from './card-facts';
import { computeKpiMonth } from './engine';
import { kpiChartSeries } from './charts';
import type { KpiCardEvent, KpiLedger } from './types';

const card = {
  id: 'c1',
  cardNo: 'WX-2026-A-0001',
  receivedAt: '2026-11-30T23:30:00+08:00',
  createdAt: '2026-11-30T15:30:00.000Z',
  deletedAt: null,
  departmentId: 'dept-finance',
  faultCategory: 'printer',
  description: '打印机卡纸，多次出现。',
  requesterName: '王芳',
  parts: [{ name: '搓纸轮', cost: 35 }],
  hlc: { cardNo: '001480734961485-0000-pc1', description: '001480734961485-0000-pc1' },
};
const events: KpiCardEvent[] = [
  { id: 'e1', cardId: 'c1', type: 'part-ordered', at: '2026-12-01T02:00:00.000Z', createdAt: 'x' },
  {
    id: 'e2',
    cardId: 'c1',
    type: 'repaired',
    at: '2026-12-02T02:00:00.000Z',
    createdAt: 'x',
    deletedAt: '2026-12-03T00:00:00.000Z',
    note: '更换搓纸轮',
    hlc: { note: 'y' },
  } as KpiCardEvent,
];

describe("a card's KPI facts", () => {
  it('keep the fields the engine reads, drop the rest, and give each event its card back', () => {
    const facts = unpackCardFacts('c1', packCardFacts(card, events));
    expect(facts.card).toEqual({
      id: 'c1',
      cardNo: 'WX-2026-A-0001',
      receivedAt: '2026-11-30T23:30:00+08:00',
      createdAt: '2026-11-30T15:30:00.000Z',
      deletedAt: null,
      departmentId: 'dept-finance',
      faultCategory: 'printer',
    });
    expect(facts.events).toEqual([
      { id: 'e1', cardId: 'c1', type: 'part-ordered', at: '2026-12-01T02:00:00.000Z', createdAt: 'x' },
      {
        id: 'e2',
        cardId: 'c1',
        type: 'repaired',
        at: '2026-12-02T02:00:00.000Z',
        createdAt: 'x',
        deletedAt: '2026-12-03T00:00:00.000Z',
      },
    ]);
  });

  it('hold events whose card has not arrived yet', () => {
    expect(unpackCardFacts('c1', packCardFacts(undefined, events.slice(0, 1)))).toEqual({
      card: null,
      events: [
        { id: 'e1', cardId: 'c1', type: 'part-ordered', at: '2026-12-01T02:00:00.000Z', createdAt: 'x' },
      ],
    });
  });

  it('give the month the same report and charts as the whole records', () => {
    const facts = unpackCardFacts('c1', packCardFacts(card, events));
    const empty = {
      incidents: [],
      checks: [],
      devices: [],
      websiteUpdates: [],
      quotes: [],
      quoteSchedule: [],
      trainings: [],
    };
    const whole: KpiLedger = { ...empty, cards: [card], cardEvents: events };
    const packed: KpiLedger = { ...empty, cards: [facts.card!], cardEvents: facts.events };
    const now = new Date('2026-12-20T04:00:00.000Z');
    expect(computeKpiMonth(packed, '2026-11', now)).toEqual(computeKpiMonth(whole, '2026-11', now));
    const departments = [{ id: 'dept-finance', name: '财务部', createdAt: 'x' }];
    expect(kpiChartSeries({ ...packed, departments }, '2026-11', now)).toEqual(
      kpiChartSeries({ ...whole, departments }, '2026-11', now),
    );
    expect(kpiChartSeries({ ...packed, departments }, '2026-11', now).total).toBe(1);
  });

  it("pack a month's cards as one text and give back every card and event", () => {
    const text = packMonthFacts([
      { id: 'c1', facts: packCardFacts(card, events) },
      { id: 'c2', facts: packCardFacts(undefined, [{ ...events[0]!, id: 'e3', cardId: 'c2' }]) },
    ]);
    const month = unpackMonthFacts(text);
    expect(month.cards).toEqual([unpackCardFacts('c1', packCardFacts(card, events)).card]);
    expect(month.cardEvents.map((e) => [e.id, e.cardId])).toEqual([
      ['e1', 'c1'],
      ['e2', 'c1'],
      ['e3', 'c2'],
    ]);
    expect(unpackMonthFacts(packMonthFacts([]))).toEqual({ cards: [], cardEvents: [] });
  });
});
