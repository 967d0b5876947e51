import { describe, expect, it } from 'vitest';
import { hasArrived, isListed } from './arrival';

describe('records that arrived in part', () => {
  it('a record without createdAt has not arrived and is not listed', () => {
    expect(hasArrived({ createdAt: undefined })).toBe(false);
    expect(isListed({ deletedAt: null })).toBe(false);
    expect(hasArrived(undefined)).toBe(false);
  });
  it('a whole record is listed until it is deleted', () => {
    const at = '2026-11-27T08:00:00.000Z';
    expect(isListed({ createdAt: at, deletedAt: null })).toBe(true);
    expect(isListed({ createdAt: at, deletedAt: at })).toBe(false);
    expect(hasArrived({ createdAt: at })).toBe(true);
  });
});
