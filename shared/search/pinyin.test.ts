import { describe, expect, it } from 'vitest';
import { pinyinKeys, pinyinQuery } from './pinyin';

describe('pinyin search keys', () => {
  it('hold the full pinyin and the initials, without tones', () => {
    expect(pinyinKeys('方廷杰')).toBe('fangtingjie\u0001ftj');
    expect(pinyinKeys('卢敏琪')).toBe('luminqi\u0001lmq');
  });

  it('read a surname as a surname in a name, and ü as v', () => {
    expect(pinyinKeys('单雄信', 'name')).toBe('shanxiongxin\u0001sxx');
    expect(pinyinKeys('曾国藩', 'name')).toBe('zengguofan\u0001zgf');
    expect(pinyinKeys('吕方')).toBe('lvfang\u0001lf');
  });

  it('skip what is not Chinese', () => {
    expect(pinyinKeys('Li Na')).toBe('');
    expect(pinyinKeys('王芳2')).toBe('wangfang\u0001wf');
  });

  it('take a query of letters only, spaces between syllables dropped', () => {
    expect(pinyinQuery('fang ting')).toBe('fangting');
    expect(pinyinQuery('pc-01')).toBeNull();
    expect(pinyinQuery('张')).toBeNull();
  });
});
