import { describe, expect, it } from 'vitest';
import { CORRECTION_PREFIX, correctionNote, parseCorrectionNote } from './corrections';

describe('correction notes', () => {
  it('reads back the fields, old and new values it was written with', () => {
    const changes = [
      { field: 'description' as const, from: '开机黑屏', to: '开机蓝屏，"重启"无效' },
      { field: 'requester' as const, from: '张伟', to: '李娜' },
      { field: 'deptHeadSignedAt' as const, from: '', to: '2026-03-02T06:00:00.000Z' },
    ];
    const note = correctionNote(changes);
    expect(note.startsWith(CORRECTION_PREFIX)).toBe(true);
    expect(parseCorrectionNote(note)).toEqual(changes);
  });

  it('stays within an event note when two 2,000-character descriptions are swapped', () => {
    const note = correctionNote([
      { field: 'description', from: '旧'.repeat(2000), to: '新'.repeat(2000) },
      { field: 'requester', from: '张伟', to: '李娜' },
    ]);
    expect(note.length).toBeLessThanOrEqual(2000);
    const [description, requester] = parseCorrectionNote(note)!;
    expect(description!.to.startsWith('新新新')).toBe(true);
    expect(description!.to.endsWith('…')).toBe(true);
    expect(requester).toEqual({ field: 'requester', from: '张伟', to: '李娜' });
  });

  it('leaves ordinary remarks alone, even ones that start like a correction', () => {
    expect(parseCorrectionNote('已电话通知报修人')).toBeNull();
    expect(parseCorrectionNote(`${CORRECTION_PREFIX}报修人写错了`)).toBeNull();
    expect(parseCorrectionNote(`${CORRECTION_PREFIX}[{"field":"password","from":"a","to":"b"}]`)).toBeNull();
  });
});
