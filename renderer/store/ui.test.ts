import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './ui';

describe('hash routes', () => {
  it('reads a screen and its sub-path, and writes the same hash back', () => {
    expect(parseHash('#/people/departments')).toEqual({ route: 'people', sub: 'departments' });
    expect(formatHash({ route: 'people', sub: 'departments' })).toBe('#/people/departments');
    expect(formatHash(parseHash('#/settings'))).toBe('#/settings');
  });

  it('sends an empty or unknown hash to the dashboard', () => {
    expect(parseHash('')).toEqual({ route: 'dashboard', sub: '' });
    expect(parseHash('#/no-such-screen/x')).toEqual({ route: 'dashboard', sub: '' });
  });
});
