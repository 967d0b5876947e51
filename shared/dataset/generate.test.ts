import { describe, expect, it } from 'vitest';
import { serializeBackup, validateBackup } from '../backup';
import { evaluateSla } from '../repair/sla';
import { replayRepairEvents } from '../repair/workflow';
import { buildDatasetBackup, createDataset } from './generate';

const now = new Date('2026-11-27T06:00:00Z');
const small = { now, years: 2, employees: 120, devices: 500, cards: 1000 };

function byCard<E extends { cardId: string }>(events: readonly E[]): Map<string, E[]> {
  const map = new Map<string, E[]>();
  for (const e of events) map.set(e.cardId, [...(map.get(e.cardId) ?? []), e]);
  return map;
}

describe('the bench dataset', () => {
  const backup = buildDatasetBackup(small);
  const t = backup.tables;

  it('passes backup validation, every record against its stored schema', () => {
    const result = validateBackup(JSON.parse(serializeBackup(backup)));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.counts.repairCards).toBe(1000);
    expect(result.ok && result.counts.devices).toBe(500);
  });

  it('is the same for the same seed, different for another, and cards repeat when iterated again', () => {
    expect(serializeBackup(buildDatasetBackup(small))).toBe(serializeBackup(backup));
    expect(serializeBackup(buildDatasetBackup({ ...small, seed: 2 }))).not.toBe(serializeBackup(backup));
    const ds = createDataset(small);
    const first = [...ds.cardBatches(400)].flatMap((b) => b.repairCards.map((c) => c.cardNo));
    const again = [...ds.cardBatches(1000)].flatMap((b) => b.repairCards.map((c) => c.cardNo));
    expect(again).toEqual(first);
  });

  it('gives the same card ids when iterated again, so events written from a second pass find their cards', () => {
    // The bench writes the cards table from one pass and the events table from another.
    const ds = createDataset(small);
    const cardIds = new Set([...ds.cardBatches()].flatMap((b) => b.repairCards.map((c) => c.id)));
    const orphans = [...ds.cardBatches()].flatMap((b) =>
      b.repairEvents.filter((e) => !cardIds.has(e.cardId)).map((e) => e.id),
    );
    expect(cardIds.size).toBe(small.cards);
    expect(orphans).toEqual([]);
  });

  it('has the employees asked for, plus people who left, and unique employee numbers and card numbers', () => {
    expect(t.people!.filter((p) => p.active)).toHaveLength(120);
    expect(t.people!.some((p) => !p.active)).toBe(true);
    expect(new Set(t.people!.map((p) => p.employeeNo)).size).toBe(t.people!.length);
    expect(new Set(t.repairCards!.map((c) => c.cardNo)).size).toBe(1000);
    expect(new Set(t.departments!.map((d) => d.name)).size).toBe(t.departments!.length);
  });

  it('attaches every printer and peripheral to a computer, and every camera to a recorder', () => {
    const byId = new Map(t.devices!.map((d) => [d.id, d]));
    for (const d of t.devices!) {
      const host = d.attachedToDeviceId ? byId.get(d.attachedToDeviceId) : undefined;
      if (d.type === 'printer' || d.type === 'peripheral') expect(host?.type).toBe('computer');
      if (d.type === 'cctv-camera') expect(host?.type).toBe('cctv-recorder');
    }
    // A printer's card is filed by the user of the computer it hangs off (responsible person).
    const printerCard = t.repairCards!.find((c) => byId.get(c.deviceId!)?.type === 'printer')!;
    const host = byId.get(byId.get(printerCard.deviceId!)!.attachedToDeviceId!)!;
    expect(printerCard.requesterId).toBe(host.userPersonId);
  });

  it('gives each card a timeline the workflow allows, its status and its 24-hour due time', () => {
    const events = byCard(t.repairEvents!);
    for (const card of t.repairCards!) {
      const timeline = events.get(card.id)!;
      expect(timeline[0]?.type === 'received' || timeline[1]?.type === 'received').toBe(true);
      const replay = replayRepairEvents(timeline.filter((e) => e.type !== 'received'));
      expect(replay).toEqual({ ok: true, status: card.status });
      expect(card.slaDueAt).toBe(evaluateSla(card.receivedAt, timeline, now).dueAt);
      expect(timeline.every((e) => e.at <= now.toISOString())).toBe(true);
    }
  });

  it('holds parts waits, refusals with approvals and denials, suggestions, vendor calls and late cards', () => {
    const types = new Set(t.repairEvents!.map((e) => e.type));
    for (const type of [
      'part-arrived',
      'refused',
      'approved',
      'approval-denied',
      'suggestion-given',
      'vendor-contact',
    ])
      expect(types).toContain(type);
    const events = byCard(t.repairEvents!);
    const states = t.repairCards!.map((c) => evaluateSla(c.receivedAt, events.get(c.id)!, now).state);
    const late = states.filter((s) => s === 'late').length;
    expect(late / states.length).toBeGreaterThan(0.02);
    expect(late / states.length).toBeLessThan(0.12);
    expect(t.repairCards!.filter((c) => c.deptHeadSignedAt === null).length).toBeGreaterThan(0);
  });

  it('keeps weekly checks with a few misses, a quote per working day never repeated, trainings with rosters', () => {
    const weeks = Math.floor((2 * 365) / 7);
    const backups = t.routineChecks!.filter((c) => c.kind === 'website-backup').length;
    expect(backups).toBeLessThan(weeks);
    expect(backups).toBeGreaterThan(weeks * 0.9);
    expect(new Set(t.quotes!.map((q) => q.normalized)).size).toBe(t.quotes!.length);
    expect(t.quoteSchedule!.length).toBeGreaterThan(450);
    expect(t.trainings!.some((x) => x.kind === 'office-software')).toBe(true);
    expect(t.trainingAttendees!.length).toBeGreaterThan(0);
    expect(t.websiteUpdates!.length).toBeGreaterThan(weeks * 2);
  });
});
