import { describe, expect, it } from 'vitest';
import { partsWithOrdered } from './parts';

describe('the parts list after a part is ordered or arrives', () => {
  it('lists the part once, quantity 1', () => {
    expect(partsWithOrdered([], ' 内存条 8G ')).toEqual([{ name: '内存条 8G', quantity: 1, cost: 0 }]);
  });

  it('leaves a part already listed (any case or spacing) as the supervisor wrote it', () => {
    const listed = [{ name: '内存条8G', quantity: 2, cost: 180 }];
    expect(partsWithOrdered(listed, '内存条 8g')).toBeNull();
    expect(partsWithOrdered(listed, '电源')).toEqual([...listed, { name: '电源', quantity: 1, cost: 0 }]);
  });

  it('adds nothing for a step without a part name', () => {
    expect(partsWithOrdered([], '  ')).toBeNull();
  });
});
