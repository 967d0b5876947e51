import { describe, expect, it } from 'vitest';
import { formatHlc } from '../hlc';
import { applyChangeBatch, mergeChange, textFields, type LocalCopy } from './apply';
import { stampCreate, stampDeleted, stampUpdate } from './stamp';
import type { SyncChange } from './types';

const T0 = Date.parse('2026-11-27T08:00:00.000Z');
const stamp = (offsetMs: number, node: string) =>
  formatHlc({ wallMs: T0 + offsetMs, counter: 0, nodeId: node });
const at = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();

/** 张伟's directory entry as PC A created it at T0. */
function created(): { copy: LocalCopy; change: SyncChange } {
  const { record, change } = stampCreate(
    'people',
    'p1',
    {
      employeeNo: '1001',
      name: '张伟',
      note: '',
      phone: '',
      title: '',
      computerTag: '',
      active: true,
      departmentId: null,
    },
    stamp(0, 'pca'),
    at(0),
  );
  return { copy: { record, base: {} }, change: { ...change, seq: 1 } };
}

function edit(copy: LocalCopy, fields: Record<string, unknown>, offsetMs: number, node: string): SyncChange {
  const made = stampUpdate(
    'people',
    copy.record,
    { ...copy.record, ...fields },
    stamp(offsetMs, node),
    at(offsetMs),
  )!;
  return { ...made.change, seq: 2 };
}

describe('merging changes from other PCs', () => {
  it('keeps the losing text of a concurrent edit in the conflicts list, on both PCs', () => {
    const { copy } = created();
    const onA = edit(copy, { note: 'A 写的备注' }, 1000, 'pca');
    const onB = edit(copy, { note: 'B 写的备注' }, 2000, 'pcb');
    // PC A holds its own edit and receives B's newer one: B wins, A's text is kept.
    const a = mergeChange(
      {
        record: { ...copy.record, note: 'A 写的备注', hlc: { ...copy.record.hlc, note: onA.stamps.note! } },
        base: onA.base!,
      },
      onB,
      at(3000),
    );
    expect(a.copy.record.note).toBe('B 写的备注');
    expect(a.conflicts).toEqual([
      expect.objectContaining({
        field: 'note',
        losingValue: 'A 写的备注',
        winningValue: 'B 写的备注',
        winningStamp: onB.stamps.note,
      }),
    ]);
    // PC B holds its own edit and receives A's older one: B's stays, A's text is kept there too.
    const b = mergeChange(
      {
        record: { ...copy.record, note: 'B 写的备注', hlc: { ...copy.record.hlc, note: onB.stamps.note! } },
        base: onB.base!,
      },
      onA,
      at(3000),
    );
    expect(b.copy.record.note).toBe('B 写的备注');
    expect(b.conflicts.map((c) => c.losingValue)).toEqual(['A 写的备注']);
  });

  it('lists no conflict when the later edit was made after seeing the earlier one', () => {
    const { copy } = created();
    const first = edit(copy, { note: '第一次' }, 1000, 'pca');
    const afterFirst = mergeChange(copy, first, at(1500)).copy;
    const second = edit(afterFirst, { note: '看过后修改' }, 2000, 'pcb');
    const onA = mergeChange(afterFirst, second, at(3000));
    expect(onA.copy.record.note).toBe('看过后修改');
    expect(onA.conflicts).toEqual([]);
  });

  it('changes nothing when the same change arrives twice', () => {
    const { change } = created();
    const once = applyChangeBatch('pca', [change], () => undefined, { nowMs: T0 });
    const copy = [...once.touched.values()][0]!.copy;
    const twice = applyChangeBatch('pca', [change], () => copy, { nowMs: T0 });
    expect(twice).toMatchObject({ applied: 0, unchanged: 1, conflicts: [] });
    expect(twice.touched.size).toBe(0);
  });

  it('merges a delete like a field: the record stays deleted and keeps a concurrent edit', () => {
    const { copy } = created();
    const del = {
      ...stampDeleted('people', copy.record, true, stamp(2000, 'pcb'), at(2000))!.change,
      seq: 2,
    };
    const rename = edit(copy, { title: '出纳' }, 1000, 'pca');
    for (const order of [
      [rename, del],
      [del, rename],
    ]) {
      const r = applyChangeBatch('x', order, () => copy, { nowMs: T0 + 5000 });
      const record = [...r.touched.values()][0]!.copy.record;
      expect(record.deletedAt).toBe(at(2000));
      expect(record.title).toBe('出纳');
    }
  });

  it('sets aside a change stamped more than an hour ahead, and one its schema refuses', () => {
    const { copy, change } = created();
    const future = edit(copy, { note: '未来' }, 2 * 3600_000, 'pcf');
    const badPhone = {
      ...edit(copy, { note: 'x' }, 1000, 'pcb'),
      fields: { phone: 'call me' },
      stamps: { phone: stamp(1000, 'pcb') },
    };
    const unknownField = { ...badPhone, fields: { salary: 1 }, stamps: { salary: stamp(1000, 'pcb') } };
    const r = applyChangeBatch('pcf', [change, future, badPhone, unknownField], () => undefined, {
      nowMs: T0,
    });
    expect(r.applied).toBe(1);
    expect(r.setAside.map((s) => s.reason)).toEqual(['clock-ahead', 'invalid', 'invalid']);
    expect(r.setAside[0]!.detail).toMatch(/120 minutes ahead/);
    expect([...r.touched.values()][0]!.copy.record.note).toBe('');
    // Two hours later the same change is accepted.
    expect(applyChangeBatch('pcf', [future], () => copy, { nowMs: T0 + 2 * 3600_000 }).applied).toBe(1);
  });

  it('treats typed text as text, and links, enums and flags not', () => {
    expect([...textFields('people')]).toEqual(expect.arrayContaining(['name', 'note', 'title']));
    expect(textFields('people').has('departmentId')).toBe(false);
    expect(textFields('people').has('active')).toBe(false);
    expect(textFields('devices').has('type')).toBe(false);
    expect(textFields('repairCards').has('description')).toBe(true);
  });
});
