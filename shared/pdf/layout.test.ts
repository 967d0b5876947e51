import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { fastProcessDataByFilters } from './layout';

type Filters = (data: string, filters: unknown) => { data: string; reverseChain: string };
// jsPDF's own filter chain, taken before any NetDesk document installs the fast one.
const api = jsPDF.API as unknown as { processDataByFilters: Filters };
const original = api.processDataByFilters.bind(api);
const fast = fastProcessDataByFilters(original);

/** A binary string with every byte value and some structure, as a font file has. */
function binary(length: number, seed: number): string {
  let s = '';
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += String.fromCharCode(i % 7 === 0 ? i & 255 : (x >>> 16) & 255);
  }
  return s;
}

describe('fast stream compression', () => {
  it('writes exactly the bytes jsPDF writes, for every kind of stream', () => {
    const streams = [
      '',
      'BT /F1 12 Tf 10 10 Td <0001> Tj ET',
      binary(256 * 3, 1),
      binary(40_000, 2),
      binary(120_000, 3),
    ];
    for (const data of streams) {
      for (const filters of [['FlateEncode'], '/FlateEncode']) {
        expect(fast(data, filters)).toEqual(original(data, filters));
      }
      // Kept from the first time: the same again.
      expect(fast(data, ['FlateEncode'])).toEqual(original(data, ['FlateEncode']));
    }
  });

  it('leaves every other filter chain to jsPDF', () => {
    const data = binary(500, 4);
    for (const filters of [[], ['ASCIIHexEncode'], ['FlateEncode', 'ASCII85Encode']]) {
      expect(fast(data, filters)).toEqual(original(data, filters));
    }
  });
});
