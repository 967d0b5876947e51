import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from './wire';

describe('base64', () => {
  it('matches the standard encoding for every padding case', () => {
    const cases = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'];
    for (const text of cases) {
      const bytes = new TextEncoder().encode(text);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(Buffer.from(bytes).toString('base64')))).toEqual(Array.from(bytes));
    }
  });

  it('round-trips any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
      }),
    );
  });

  it('round-trips a PDF-sized array across chunk boundaries', () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 31) & 255);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses damaged base64 instead of producing a corrupt file', () => {
    expect(() => base64ToBytes('abc')).toThrow(/multiple of 4/);
    expect(() => base64ToBytes('ab!d')).toThrow(/position 2/);
    expect(() => base64ToBytes('中文中文')).toThrow(/unexpected character/);
  });
});

describe('encodeWire / decodeWire', () => {
  it('carries a PDF request through JSON with its bytes intact', () => {
    const request = {
      fileName: '维修申请卡.pdf',
      bytes: new Uint8Array([37, 80, 68, 70, 0, 255]),
      open: true,
    };
    const json = JSON.stringify(encodeWire(request));
    expect(json).toContain('"$bytes":"JVBERgD/"');
    const back = decodeWire(JSON.parse(json)) as typeof request;
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.bytes)).toEqual([37, 80, 68, 70, 0, 255]);
    expect(back.fileName).toBe('维修申请卡.pdf');
    expect(back.open).toBe(true);
  });

  it('finds byte arrays inside arrays and nested objects, and a Node Buffer too', () => {
    const value = { files: [{ name: 'a', data: Buffer.from('hi') }], none: null, n: 3 };
    const back = decodeWire(JSON.parse(JSON.stringify(encodeWire(value)))) as {
      files: { name: string; data: Uint8Array }[];
      none: null;
      n: number;
    };
    expect(new TextDecoder().decode(back.files[0]!.data)).toBe('hi');
    expect(back.none).toBeNull();
    expect(back.n).toBe(3);
  });

  it('leaves objects alone that merely have a $bytes key among others', () => {
    const value = { $bytes: 'AAAA', other: 1 };
    expect(decodeWire(value)).toEqual(value);
  });

  it('keeps a "__proto__" key from JSON as data instead of changing the prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as unknown;
    const back = decodeWire(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect((back as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(back)).toEqual(['__proto__', 'a']);
  });
});
