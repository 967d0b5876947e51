// Remembers where the supervisor left NetDesk's window (window-state.json in the data folder),
// and puts it back on a screen that still exists: an office PC often loses its second monitor.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
const DEFAULT_WIDTH = 1360;
const DEFAULT_HEIGHT = 860;
/** How much of the window must show on a screen for the saved position to be kept. */
const MIN_VISIBLE = 120;

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = {
  width: DEFAULT_WIDTH,
  height: DEFAULT_HEIGHT,
  maximized: false,
};

/** Read the saved state; a missing or unreadable file just means the default size, centred. */
export function loadWindowState(dataDir: string): WindowState {
  try {
    const parsed = windowStateSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/**
 * Save the state. Synchronous on purpose: it runs while the window closes, and the app may quit
 * right after, before an asynchronous write would finish. Written to a temporary file and renamed,
 * so a crash never leaves half a file.
 */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const target = join(dataDir, WINDOW_STATE_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(windowStateSchema.parse(state))}\n`);
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Fit a saved state to the screens there are now (their work areas, primary first). The size is
 * shrunk to fit the screen the window will be on; a position that would leave the window mostly
 * off every screen is dropped, so Electron centres the window on the primary screen.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const placed = state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : undefined;
  const home =
    (placed &&
      workAreas.find((area) => {
        const o = overlap({ ...placed, width: state.width, height: state.height }, area);
        return o.width >= MIN_VISIBLE && o.height >= Math.min(MIN_VISIBLE, state.height);
      })) ||
    undefined;
  const screen = home ?? primary;
  const width = Math.max(Math.min(state.width, screen.width), Math.min(MIN_WIDTH, screen.width));
  const height = Math.max(Math.min(state.height, screen.height), Math.min(MIN_HEIGHT, screen.height));
  if (!home || !placed) return { width, height, maximized: state.maximized };
  // Keep the title bar reachable: never above the top of the screen or left of it.
  const x = Math.min(Math.max(placed.x, screen.x), screen.x + screen.width - width);
  const y = Math.min(Math.max(placed.y, screen.y), screen.y + screen.height - height);
  return { x, y, width, height, maximized: state.maximized };
}
