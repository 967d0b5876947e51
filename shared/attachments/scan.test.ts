// The one rule for a scanned paper: the types a scanner or phone produces, up to 50 MB, never an
// empty file — and the stored attachment's schema refuses exactly what the rule refuses, so a
// scan a screen accepts is never turned away when it is saved, synced or restored.
import { describe, expect, it } from 'vitest';
import { attachmentMetaSchema } from '../schemas';
import { checkScan, SCAN_MAX_BYTES, SCAN_MIME } from './scan';

const meta = (mime: string, size: number) => ({
  sha256: 'a'.repeat(64),
  name: '维修卡-签字.pdf',
  mime,
  size,
  createdAt: '2026-12-07T01:30:00.000Z',
});

describe('a scanned paper', () => {
  it('may be a PDF or a PNG, JPEG, TIFF or WebP image', () => {
    for (const type of ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'image/webp'])
      expect(checkScan({ type, size: 120_000 })).toEqual({ mime: type });
  });

  it('is refused as another type, whatever its size', () => {
    for (const type of ['image/gif', 'application/msword', 'text/plain', ''])
      expect(checkScan({ type, size: 120_000 })).toEqual({ problem: 'type' });
    expect(checkScan({ type: 'video/mp4', size: SCAN_MAX_BYTES * 4 })).toEqual({ problem: 'type' });
  });

  it('may be 50 MB and no more, and not empty', () => {
    expect(SCAN_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(checkScan({ type: 'application/pdf', size: SCAN_MAX_BYTES })).toEqual({ mime: 'application/pdf' });
    expect(checkScan({ type: 'application/pdf', size: SCAN_MAX_BYTES + 1 })).toEqual({
      problem: 'too-large',
    });
    expect(checkScan({ type: 'image/png', size: 0 })).toEqual({ problem: 'empty' });
  });

  it('is stored by the attachment schema exactly when the rule keeps it', () => {
    const cases = [
      ...SCAN_MIME.map((type) => ({ type, size: 1 })),
      { type: 'image/gif', size: 1 },
      { type: 'application/pdf', size: SCAN_MAX_BYTES },
      { type: 'application/pdf', size: SCAN_MAX_BYTES + 1 },
      { type: 'image/jpeg', size: 0 },
    ];
    for (const file of cases)
      expect(attachmentMetaSchema.safeParse(meta(file.type, file.size)).success, JSON.stringify(file)).toBe(
        'mime' in checkScan(file),
      );
  });
});
