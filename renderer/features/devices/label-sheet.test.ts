import { describe, expect, it } from 'vitest';
import { labelGrid } from '../../../shared/pdf/forms/labels';
import {
  DEFAULT_LABEL_SHEET,
  LABEL_PRESETS,
  loadLabelSheet,
  saveLabelSheet,
  sheetGrid,
  sheetLimits,
  type GridOf,
} from './label-sheet';

const gridOf: GridOf = (choice) => labelGrid(choice, 'a4');

/** A localStorage stand-in. */
function memoryStore(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('label sheets', () => {
  it('offers only presets the layout prints, 3 × 8 of 63.5 × 33.9 mm first', () => {
    for (const preset of LABEL_PRESETS)
      expect(sheetGrid(gridOf, preset), `${preset.cols}×${preset.rows}`).not.toBeNull();
    const first = sheetGrid(gridOf, LABEL_PRESETS[0]!)!;
    expect([first.cols, first.rows]).toEqual([3, 8]);
    expect(first.labelWidth).toBeCloseTo(63.5, 0);
    expect(first.labelHeight).toBeCloseTo(33.9, 0);
  });

  it('lets custom columns and rows go as far as the layout fits a readable label, no further', () => {
    const limits = sheetLimits(gridOf);
    expect(sheetGrid(gridOf, { cols: limits.cols, rows: limits.rows })).not.toBeNull();
    expect(sheetGrid(gridOf, { cols: limits.cols + 1, rows: 1 })).toBeNull();
    expect(sheetGrid(gridOf, { cols: 1, rows: limits.rows + 1 })).toBeNull();
    expect(limits.cols).toBeGreaterThanOrEqual(4);
    expect(limits.rows).toBeGreaterThanOrEqual(10);
  });

  it('remembers the last sheet, and falls back to 3 × 8 on nothing or nonsense', () => {
    const store = memoryStore();
    expect(loadLabelSheet(store)).toEqual(DEFAULT_LABEL_SHEET);
    saveLabelSheet({ cols: 4, rows: 10, outline: true }, store);
    expect(loadLabelSheet(store)).toEqual({ cols: 4, rows: 10, outline: true });
    for (const junk of ['not json', '{"cols":0,"rows":8}', '{"cols":2.5,"rows":8}', '[]', 'null']) {
      expect(loadLabelSheet(memoryStore({ 'netdesk.devices.labelSheet': junk })), junk).toEqual(
        DEFAULT_LABEL_SHEET,
      );
    }
    expect(loadLabelSheet(null)).toEqual(DEFAULT_LABEL_SHEET);
  });
});
