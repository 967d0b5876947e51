// Pinyin search keys: a name written in Chinese is found by its full pinyin ("fangtingjie") and
// by its initials ("ftj"), as the supervisor types them with the input method switched off.
// pinyin-pro (a maintained dictionary with surname readings: 单 is shan, 曾 is zeng in a name)
// does the reading; computing it costs tens of microseconds a name, so keys are made once per
// distinct text and kept, and a keystroke is only a substring scan of the stored keys.
import { pinyin } from 'pinyin-pro';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Keys per text, for names (`name`) and other text (`text`): the readings of 单 differ. */
const cache = { name: new Map<string, string>(), text: new Map<string, string>() };
/** A directory of a large group has ~5,000 names; past this the cache starts over. */
const CACHE_MAX = 50_000;

/**
 * "fangtingjie\u0001ftj" for 方廷杰: full pinyin then initials, lower case, no tones or spaces;
 * '' when the text holds no Chinese character. Join it into a search text with the other fields.
 */
export function pinyinKeys(text: string, kind: 'name' | 'text' = 'name'): string {
  if (!HAN.test(text)) return '';
  const store = cache[kind];
  const known = store.get(text);
  if (known !== undefined) return known;
  const syllables = pinyin(text, {
    toneType: 'none',
    type: 'array',
    nonZh: 'removed',
    v: true,
    ...(kind === 'name' ? { surname: 'head' as const } : {}),
  })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  const keys = `${syllables.join('')}\u0001${syllables.map((s) => s[0]).join('')}`;
  if (store.size >= CACHE_MAX) store.clear();
  store.set(text, keys);
  return keys;
}

/** Whether a typed query can be pinyin: letters only (spaces between syllables are dropped). */
export function pinyinQuery(folded: string): string | null {
  const q = folded.replace(/\s+/g, '');
  return /^[a-z]+$/.test(q) ? q : null;
}
