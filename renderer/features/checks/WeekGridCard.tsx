// The checks screen's year of weeks as a grid where gaps show at a glance: one row per weekly
// kind, then one per server in service, 52 cells each, coloured by state from week-grid.css.
// A large register (the group's ~150 servers) would be thousands of cells drawn at once; above
// SERVER_ROWS_IN_VIEW servers their rows sit in a scroll box that draws only the rows in view
// (antd's own virtual list), so the screen opens as fast with 150 servers as with 10.
// Test ids: checks-grid, checks-grid-servers (the scroll box, when there is one), grid-cell
// (data-row, data-week, data-state).
import VirtualList from '@rc-component/virtual-list';
import { Card, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeekGrid } from '../../../shared/checks/grid';
import type { DueState } from '../../../shared/checks/schedule';
import './week-grid.css';

const GRID_STATES: readonly DueState[] = ['done', 'late', 'due', 'upcoming', 'overdue'];

/** Above this many servers, their rows scroll in a box this many rows high. */
export const SERVER_ROWS_IN_VIEW = 24;
/** A row's height in pixels, as week-grid.css fixes it (`.nd-grid-row`): a 12 px cell with room around it. */
const ROW_PX = 16;

interface GridRow {
  key: string;
  label: string;
  cells: readonly DueState[];
  /** The first server row carries a dot, where the kinds end. */
  first?: boolean;
}

// Memoised on the grid itself: the screen re-renders on every minute's tick and every dialog, and
// the grid only when it changes.
export const WeekGridCard = memo(function WeekGridCard({ grid }: { grid: WeekGrid }) {
  const { t } = useTranslation();
  const stateLabel = useMemo(
    () => new Map(GRID_STATES.map((state) => [state, t(`checks.states.${state}`)])),
    [t],
  );
  const kindRows: GridRow[] = grid.kinds.map((k) => ({
    key: k.kind,
    label: t(`checks.kinds.${k.kind}`),
    cells: k.cells,
  }));
  const serverRows: GridRow[] = grid.servers.map((s, i) => ({
    key: s.id,
    label: s.label,
    cells: s.cells,
    first: i === 0,
  }));
  const row = (r: GridRow) => (
    <div key={r.key} className="nd-grid-row">
      <div className="nd-grid-label">
        {r.first ? '· ' : ''}
        {r.label}
      </div>
      {r.cells.map((state, w) => (
        // The browser's own title, not a Tooltip component per cell.
        <div
          key={grid.weeks[w]}
          className="nd-grid-cell"
          title={`${grid.weeks[w]} ${stateLabel.get(state)}`}
          data-testid="grid-cell"
          data-row={r.key}
          data-week={grid.weeks[w]}
          data-state={state}
        />
      ))}
    </div>
  );
  return (
    <Card title={t('checks.grid')} style={{ marginBottom: 16 }} data-testid="checks-grid">
      <div style={{ overflowX: 'auto' }}>
        {kindRows.map(row)}
        {serverRows.length > SERVER_ROWS_IN_VIEW ? (
          <VirtualList
            data={serverRows}
            height={SERVER_ROWS_IN_VIEW * ROW_PX}
            itemHeight={ROW_PX}
            itemKey="key"
            data-testid="checks-grid-servers"
          >
            {(r) => row(r)}
          </VirtualList>
        ) : (
          serverRows.map(row)
        )}
      </div>
      {grid.servers.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('checks.gridServers')}
          {grid.servers.length > SERVER_ROWS_IN_VIEW &&
            ` ${t('checks.gridServersScroll', { count: grid.servers.length })}`}
        </Typography.Text>
      )}
    </Card>
  );
});
