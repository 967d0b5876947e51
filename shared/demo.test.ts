import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup, validateBackup } from './backup';
import { buildDemoLedger } from './demo';
import { isHlc, parseHlc } from './hlc';
import { DEVICE_TYPES, LEDGER_TABLES } from './schemas';

const now = new Date('2026-11-27T06:00:00Z');

describe('buildDemoLedger', () => {
  const ledger = buildDemoLedger({ now });
  const t = ledger.tables;

  it('passes backup validation, every record against its stored schema', () => {
    const result = validateBackup(JSON.parse(serializeBackup(ledger)));
    expect(result.ok ? [] : result.problems).toEqual([]);
    const reparsed = parseBackup(serializeBackup(ledger));
    expect(reparsed.ok && reparsed.counts.people).toBe(40);
  });

  it('is the same JSON for the same seed and time, and different for another seed', () => {
    expect(serializeBackup(buildDemoLedger({ seed: 1, now }))).toBe(serializeBackup(ledger));
    const other = buildDemoLedger({ seed: 2, now });
    expect(serializeBackup(other)).not.toBe(serializeBackup(ledger));
    expect(other.tables.people![0]!.id).toBe('demo2-person-0001');
    expect(t.people![0]!.id).toBe('demo-person-0001');
  });

  it('covers every ledger table except issued KPI reports', () => {
    const empty = LEDGER_TABLES.filter((name) => (t[name]?.length ?? 0) === 0);
    expect(empty).toEqual(['kpiReports']);
  });

  it('has the group departments, each with a head who works in it', () => {
    const names = t.departments!.map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '综合办公室',
        '人力资源部',
        '财务部',
        '工程部',
        '营销部',
        '物业公司',
        '网络中心',
      ]),
    );
    const people = new Map(t.people!.map((p) => [p.id, p]));
    for (const d of t.departments!) {
      expect(people.get(d.headPersonId ?? '')?.departmentId).toBe(d.id);
    }
  });

  it('gives people unique Chinese names, employee numbers and computer tags', () => {
    const people = t.people!;
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.employeeNo)).size).toBe(people.length);
    expect(people.every((p) => /^[\u4e00-\u9fff]{2,3}$/.test(p.name) && /^1\d{10}$/.test(p.phone))).toBe(
      true,
    );
    const tags = new Set(t.devices!.map((d) => d.assetTag));
    expect(tags.size).toBe(t.devices!.length);
    expect(people.every((p) => tags.has(p.computerTag))).toBe(true);
  });

  it('has a device of every type, peripherals attached to computers', () => {
    const devices = t.devices!;
    expect(new Set(devices.map((d) => d.type))).toEqual(new Set(DEVICE_TYPES));
    const byId = new Map(devices.map((d) => [d.id, d]));
    for (const d of devices.filter((x) => x.type === 'printer' || x.type === 'peripheral')) {
      expect(byId.get(d.attachedToDeviceId ?? '')?.type).toBe('computer');
    }
  });

  it('has repair cards in several states with timelines, incl. waiting for parts and refused then approved', () => {
    const cards = t.repairCards!;
    expect(cards.map((c) => c.cardNo)).toContain('WX-2026-A-0001');
    expect(new Set(cards.map((c) => c.status)).size).toBeGreaterThanOrEqual(6);
    const eventsOf = (cardId: string) =>
      t.repairEvents!.filter((e) => e.cardId === cardId).map((e) => e.type);
    expect(cards.some((c) => c.status === 'waiting-parts' && eventsOf(c.id).includes('part-ordered'))).toBe(
      true,
    );
    expect(
      cards.some((c) =>
        ['refused', 'approved', 'repaired'].every((x) => eventsOf(c.id).includes(x as never)),
      ),
    ).toBe(true);
    for (const c of cards) {
      const events = t.repairEvents!.filter((e) => e.cardId === c.id);
      expect(events.some((e) => e.type === 'received' && e.at === c.receivedAt)).toBe(true);
      expect(events.every((e) => e.at <= ledger.exportedAt)).toBe(true);
    }
  });

  it('has weekly checks, a power cut and an excluded carrier outage, trainings with attendees', () => {
    const kinds = new Set(t.routineChecks!.map((c) => c.kind));
    expect(kinds).toEqual(
      new Set(['server-maintenance', 'cctv', 'website-security', 'website-backup', 'machine-room']),
    );
    expect(t.networkIncidents!.some((i) => i.cause === 'power-cut')).toBe(true);
    expect(t.networkIncidents!.some((i) => i.cause === 'carrier' && i.excluded && i.exclusionReason)).toBe(
      true,
    );
    expect(t.trainings!.length).toBeGreaterThanOrEqual(8);
    const held = t.trainings!.filter((tr) => tr.status === 'held');
    expect(new Set(held.map((tr) => tr.kind))).toEqual(
      new Set(['office-software', 'new-employee', 'department-request']),
    );
    expect(t.trainings!.some((tr) => tr.status === 'cancelled')).toBe(true);
    expect(t.trainings!.some((tr) => tr.status === 'requested')).toBe(true);
    for (const tr of held) expect(t.trainingAttendees!.some((a) => a.trainingId === tr.id)).toBe(true);
    expect(t.purchaseEvaluations).toHaveLength(2);
  });

  it('invites staff to write: every staff article is a published invitation, others wait or ended', () => {
    const articles = t.websiteUpdates!.filter((u) => u.category === 'staff-article');
    const invitations = t.websiteInvitations!;
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      const linked = invitations.filter((i) => i.websiteUpdateId === article.id);
      expect(linked.map((i) => i.status)).toEqual(['published']);
      expect(t.people!.find((p) => p.id === linked[0]!.personId)?.name).toBe(article.author);
    }
    expect(new Set(invitations.map((i) => i.status))).toEqual(
      new Set(['published', 'accepted', 'asked', 'declined', 'lapsed']),
    );
  });

  it('has a year of weekly checks with missed weeks, a late CCTV contact and a late power cut', () => {
    const weekOf = (at: string) =>
      Math.floor((Date.parse(at) - Date.parse('2025-01-06T00:00:00+08:00')) / (7 * 864e5));
    const weeks = (kind: string) =>
      new Set(t.routineChecks!.filter((c) => c.kind === kind).map((c) => weekOf(c.at)));
    for (const kind of ['server-maintenance', 'cctv', 'website-security', 'website-backup']) {
      const done = weeks(kind);
      const span = Math.max(...done) - Math.min(...done) + 1;
      expect(span, kind).toBeGreaterThanOrEqual(50);
      // Some weeks of the year have no check: what the grid and the KPI show as gaps.
      expect(done.size, kind).toBeLessThan(span);
    }
    const late = t.routineChecks!.filter(
      (c) =>
        c.kind === 'cctv' &&
        c.result === 'problem' &&
        typeof c.providerContactedAt === 'string' &&
        Date.parse(c.providerContactedAt) - Date.parse(c.at) > 24 * 3600e3,
    );
    expect(late).toHaveLength(1);
    expect(late[0]!.providerContacts).toHaveLength(1);
    const lateCut = t.networkIncidents!.filter(
      (i) =>
        i.cause === 'power-cut' &&
        !i.excluded &&
        typeof i.endAt === 'string' &&
        Date.parse(i.endAt) - Date.parse(i.startAt) > 24 * 3600e3,
    );
    expect(lateCut).toHaveLength(1);
  });

  it('dates nothing after now and stamps every field with a demo hybrid clock', () => {
    for (const name of LEDGER_TABLES) {
      for (const row of t[name] ?? []) {
        expect(row.createdAt <= ledger.exportedAt && row.updatedAt <= ledger.exportedAt).toBe(true);
        expect(row.deletedAt).toBeNull();
        // Stamps the sync clock reads: the record's update time, counter 0, node 'demo'.
        for (const stamp of Object.values(row.hlc)) {
          expect(isHlc(stamp) && /^\d{15}-0000-demo$/.test(stamp)).toBe(true);
          expect(parseHlc(stamp).wallMs).toBe(Date.parse(row.updatedAt));
        }
      }
    }
  });

  it('stays valid and in the past whatever the hour and weekday of now', () => {
    for (const when of ['2026-01-05T16:30:00Z', '2027-03-01T00:05:00+08:00', '2026-06-14T23:59:00+08:00']) {
      const other = buildDemoLedger({ seed: 3, now: new Date(when) });
      const result = validateBackup(JSON.parse(serializeBackup(other)));
      expect(result.ok ? [] : result.problems).toEqual([]);
      const times = other.tables
        .repairEvents!.map((e) => e.at)
        .concat(other.tables.routineChecks!.map((c) => c.at));
      expect(times.every((x) => x <= other.exportedAt)).toBe(true);
    }
  });

  it('is valid for many seeds, sizes and dates (leap days included)', () => {
    const problems: string[] = [];
    for (const people of [8, 40]) {
      for (let seed = 0; seed < 15; seed++) {
        const when = new Date(Date.UTC(2026, seed % 12, 1 + seed, seed));
        const result = validateBackup(
          JSON.parse(serializeBackup(buildDemoLedger({ seed, people, now: when }))),
        );
        if (!result.ok) problems.push(`seed ${seed}, ${people} people: ${result.problems[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('scales the directory to the number of people asked for', () => {
    const big = buildDemoLedger({ now, people: 300 });
    expect(big.tables.people).toHaveLength(300);
    expect(validateBackup(JSON.parse(serializeBackup(big))).ok).toBe(true);
  });
});
