// The sheet of labels the supervisor prints on: the common A4 sheets as presets (3 × 8 is the
// layout's default), or any columns × rows the layout can fit (shared/pdf/forms/labels.ts decides:
// each label at least 30 × 24 mm). The last choice is remembered in this window's localStorage,
// so the next print uses the sheets in the drawer without asking again.
import type { LabelGrid, LabelSheetChoice } from '../../../shared/pdf/forms/labels';

export interface LabelSheet {
  cols: number;
  rows: number;
  /** Thin cut lines around each label, for plain A4 paper instead of a label sheet. */
  outline: boolean;
}

export const LABEL_PRESETS: readonly { cols: number; rows: number }[] = [
  { cols: 3, rows: 8 },
  { cols: 3, rows: 7 },
  { cols: 2, rows: 5 },
  { cols: 4, rows: 10 },
];

export const DEFAULT_LABEL_SHEET: LabelSheet = { cols: 3, rows: 8, outline: false };

/** The layout's answer for a grid on A4: its sizes, or a RangeError when it does not fit. */
export type GridOf = (choice: LabelSheetChoice) => LabelGrid;

/** The grid's label size on A4, or null when the layout refuses it. */
export function sheetGrid(gridOf: GridOf, sheet: Pick<LabelSheet, 'cols' | 'rows'>): LabelGrid | null {
  try {
    return gridOf({ cols: sheet.cols, rows: sheet.rows });
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/** The most columns and rows the layout fits on A4, each with the fewest of the other. */
export function sheetLimits(gridOf: GridOf): { cols: number; rows: number } {
  let cols = 1;
  while (cols < 10 && sheetGrid(gridOf, { cols: cols + 1, rows: 1 })) cols++;
  let rows = 1;
  while (rows < 30 && sheetGrid(gridOf, { cols: 1, rows: rows + 1 })) rows++;
  return { cols, rows };
}

const STORAGE_KEY = 'netdesk.devices.labelSheet';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A profile that forbids storage: the default sheet every time.
    return null;
  }
}

const wholeIn = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** The remembered sheet; the default when none is stored or what is stored makes no sense. */
export function loadLabelSheet(store: Store | null = storage()): LabelSheet {
  try {
    const stored = JSON.parse(store?.getItem(STORAGE_KEY) ?? 'null') as Partial<LabelSheet> | null;
    if (stored && wholeIn(stored.cols, 1, 10) && wholeIn(stored.rows, 1, 30)) {
      return { cols: stored.cols, rows: stored.rows, outline: stored.outline === true };
    }
  } catch {
    // Not JSON: someone else's value under our key.
  }
  return DEFAULT_LABEL_SHEET;
}

export function saveLabelSheet(sheet: LabelSheet, store: Store | null = storage()): void {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify(sheet));
  } catch {
    // Full or forbidden: the choice is simply not remembered.
  }
}
