// @vitest-environment jsdom
// The checks screen's week grid with a group's register of servers: a few servers are all drawn
// in place; many sit in a scroll box that draws the rows in view, so a year's grid does not put
// 150 × 52 cells on screen at once — and every weekly kind's row stays in view above it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { weekGrid } from '../../../shared/checks/grid';
import '../../i18n';
import { byTestId, cleanup, render, stubBrowserLayout } from '../../components/test-support';
import { SERVER_ROWS_IN_VIEW, WeekGridCard } from './WeekGridCard';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

const servers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `srv-${i}`, label: `SRV-${String(i).padStart(3, '0')}` }));
const gridOf = (n: number) => weekGrid('2026-12-07', 52, [], servers(n), new Date('2026-12-07T04:00:00Z'));

/** The distinct rows the grid has drawn cells for, in order. */
function drawnRows(): string[] {
  const rows = [...document.querySelectorAll('[data-testid="grid-cell"]')].map((c) =>
    c.getAttribute('data-row')!,
  );
  return [...new Set(rows)];
}

describe('the checks week grid', () => {
  it('draws every row in place for a register of a few servers', () => {
    const grid = gridOf(10);
    render(<WeekGridCard grid={grid} />);
    const rows = drawnRows();
    expect(rows).toEqual([...grid.kinds.map((k) => k.kind), ...grid.servers.map((s) => s.id)]);
    expect(document.querySelectorAll('[data-testid="grid-cell"]')).toHaveLength(rows.length * 52);
    expect(byTestId('checks-grid-servers')).toBeNull();
  });

  it('puts 150 servers in a scroll box that draws only the rows in view, the kinds above it', () => {
    const grid = gridOf(150);
    render(<WeekGridCard grid={grid} />);
    const rows = drawnRows();
    const kinds = grid.kinds.map((k) => k.kind);
    expect(rows.slice(0, kinds.length)).toEqual(kinds);
    const serverRows = rows.slice(kinds.length);
    expect(serverRows[0]).toBe('srv-0');
    expect(serverRows.length).toBeGreaterThanOrEqual(SERVER_ROWS_IN_VIEW);
    expect(serverRows.length).toBeLessThan(150 / 2);
    expect(byTestId('checks-grid-servers')).not.toBeNull();
    // The box says how many servers it holds, so none is taken for missing.
    expect(byTestId('checks-grid')!.textContent).toContain('共 150 台');
  });
});
