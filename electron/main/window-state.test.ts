import { describe, expect, it } from 'vitest';
import { fitToDisplays, type Rect } from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const fullHd: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const secondMonitor: Rect = { x: 1920, y: 0, width: 1920, height: 1040 };

describe('fitToDisplays', () => {
  it('keeps a window that is on a screen where it was', () => {
    const state = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [fullHd])).toEqual(state);
  });

  it('keeps a window on the second monitor while that monitor is there', () => {
    const state = { x: 2100, y: 80, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [fullHd, secondMonitor])).toEqual(state);
  });

  it('centres the window on the main screen when its monitor has been unplugged', () => {
    expect(fitToDisplays({ x: 2100, y: 80, width: 1200, height: 800, maximized: true }, [fullHd])).toEqual({
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('shrinks a window saved on a big screen to fit a laptop screen', () => {
    const fitted = fitToDisplays({ x: 0, y: 0, width: 1900, height: 1000, maximized: false }, [laptop]);
    expect(fitted).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
  });

  it('pulls a title bar that hangs above the screen back into view', () => {
    const fitted = fitToDisplays({ x: 300, y: -200, width: 1000, height: 700, maximized: false }, [fullHd]);
    expect(fitted.y).toBe(0);
    expect(fitted.x).toBe(300);
  });

  it('never makes the window smaller than NetDesk can show', () => {
    const fitted = fitToDisplays({ width: 300, height: 200, maximized: false }, [fullHd]);
    expect(fitted).toEqual({ width: 960, height: 600, maximized: false });
  });
});
