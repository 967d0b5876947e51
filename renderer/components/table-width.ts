// Tables in narrow windows: every column has a width and the table scrolls sideways past their
// sum, so a long device name is cut with an ellipsis (full text on hover) instead of wrapping to
// four lines and running into the next column, and the columns pinned with `fixed` (the number on
// the left, status and time left on the right) stay in view at 1024 px.
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';

/** The selection check-box column antd adds for rowSelection. */
export const SELECTION_COLUMN_WIDTH = 32;

/** The width the columns need together, for the table's `scroll.x`. */
export function columnsWidth<T>(columns: TableColumnsType<T>, extra = 0): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), extra);
}

/**
 * Name a column's cells (`data-col`), so the end-to-end tests can measure where the number, the
 * status and the time left are drawn.
 */
export function cellName(name: string): () => HTMLAttributes<HTMLElement> {
  const attributes = { 'data-col': name } as HTMLAttributes<HTMLElement>;
  return () => attributes;
}
