import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { mergeRecord, sameValue } from './merge';

const stamp = (wallMs: number, nodeId = 'pca') => formatHlc({ wallMs, counter: 0, nodeId });

const local = {
  id: 'p1',
  name: '张伟',
  phone: '138',
  title: '出纳',
  updatedAt: '2026-03-02T08:00:00.000Z',
  hlc: { name: stamp(100), phone: stamp(300), title: stamp(100) },
};

describe('mergeRecord', () => {
  it('takes each field from the copy that changed it last', () => {
    const incoming = {
      ...local,
      name: '张伟伟',
      phone: '139',
      updatedAt: '2026-03-02T09:00:00+08:00',
      hlc: { name: stamp(200, 'pcb'), phone: stamp(250, 'pcb'), title: stamp(100) },
    };
    const { merged, taken } = mergeRecord(local, incoming);
    expect(taken).toEqual(['name']);
    expect(merged).toMatchObject({ name: '张伟伟', phone: '138', title: '出纳' });
    expect(merged.hlc).toEqual({ name: stamp(200, 'pcb'), phone: stamp(300), title: stamp(100) });
    // 09:00+08:00 is 01:00Z, earlier than the local 08:00Z: updatedAt stays.
    expect(merged.updatedAt).toBe(local.updatedAt);
    expect(local.name).toBe('张伟'); // the local copy itself is not modified
  });

  it('keeps the local value on a tie and never lets an unstamped field win', () => {
    const incoming = { ...local, title: '会计', phone: '000', hlc: { title: stamp(100) } };
    expect(mergeRecord(local, incoming).taken).toEqual([]);
  });

  it('adopts a field the local copy has no stamp for', () => {
    const incoming = { ...local, note: '新字段', hlc: { ...local.hlc, note: stamp(50) } };
    const { merged, taken } = mergeRecord(local, incoming);
    expect(taken).toEqual(['note']);
    expect((merged as Record<string, unknown>).note).toBe('新字段');
  });
});

describe('sameValue', () => {
  it('compares nested lists and objects by content', () => {
    expect(sameValue([{ name: '电源', quantity: 1 }], [{ name: '电源', quantity: 1 }])).toBe(true);
    expect(sameValue([{ name: '电源', quantity: 1 }], [{ name: '电源', quantity: 2 }])).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue('', null)).toBe(false);
  });
});
