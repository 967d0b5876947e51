import { describe, expect, it } from 'vitest';
import { foldKey, foldText, keySpellings, sameKey } from './fold';

describe('foldKey', () => {
  it('makes a tag typed in any case, width or with spaces around the same key', () => {
    for (const typed of ['PC-01', 'pc-01', ' Pc-01 ', 'ＰＣ－０１', 'ｐｃ－01'])
      expect(foldKey(typed)).toBe('PC-01');
  });

  it('folds card numbers and employee numbers the same way', () => {
    expect(foldKey('wx-2026-a-0001')).toBe('WX-2026-A-0001');
    expect(sameKey('ht１００１', 'HT1001')).toBe(true);
  });

  it('keeps inner differences: another number is another key', () => {
    expect(sameKey('PC-01', 'PC-010')).toBe(false);
    expect(sameKey('PC 01', 'PC-01')).toBe(false);
  });

  it('leaves Chinese names as they are, so 财务部 and 财务科 stay two departments', () => {
    expect(foldKey(' 财务部 ')).toBe('财务部');
    expect(sameKey('财务部', '财务科')).toBe(false);
  });

  it('never calls a missing value the same as anything', () => {
    expect(sameKey(null, '')).toBe(false);
    expect(sameKey(undefined, undefined)).toBe(false);
  });
});

describe('foldText', () => {
  it('folds full-width letters, digits and the ideographic space, and lower-cases', () => {
    expect(foldText('ＨＰ　Ｌａｓｅｒ１０２０')).toBe('hp laser1020');
    expect(foldText('张伟 PC-01')).toBe('张伟 pc-01');
  });
});

describe('keySpellings', () => {
  it('lists the typed, folded and full-width spellings once each', () => {
    expect(keySpellings(' pc-01 ')).toEqual(['pc-01', 'PC-01', 'ＰＣ－０１']);
    expect(keySpellings('   ')).toEqual([]);
  });
});
