import { describe, expect, it } from 'vitest';
import { staticCacheControl } from './csp';

describe('staticCacheControl', () => {
  it('keeps files Vite named after their content', () => {
    for (const p of ['assets/index-Ds9i5ajX.js', 'assets/data-63LaePxs.js', 'assets/index-Ds9i5ajX.css'])
      expect(staticCacheControl(p)).toMatch(/immutable/);
  });
  it('revalidates everything else, including look-alikes outside assets/', () => {
    for (const p of ['index.html', 'assets/app.js', 'favicon.ico', 'other/index-Ds9i5ajX.js', ''])
      expect(staticCacheControl(p)).toBe('no-cache');
  });
});
