// The checks screen's and the dashboard card's live view of the schedule: a year of checks, the
// servers in service and the company's rest days, read once per change, with the clock ticking
// every minute so a round turns due, then missed, without a reload.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { weekGrid, type WeekGrid } from '../../../shared/checks/grid';
import { todaySummary, type TodaySummary } from '../../../shared/checks/schedule';
import type { Device, RoutineCheck } from '../../../shared/schemas';
import { chinaDay } from '../../../shared/time/china';
import { useNow } from '../../components/use-now';
import type { NetdeskDb } from '../../db/schema';
import { checksForGrid, companyRestDays, serversInService } from './data';

export interface ChecksView {
  checks: RoutineCheck[];
  servers: Device[];
  summary: TodaySummary;
  grid: WeekGrid;
}

export function useChecksView(db: NetdeskDb, weeks = 52): ChecksView | undefined {
  const now = useNow();
  const day = chinaDay(now);
  const data = useLiveQuery(
    async () => ({
      checks: await checksForGrid(db, day, weeks),
      servers: await serversInService(db),
      restDays: await companyRestDays(db),
    }),
    [db, day, weeks],
  );
  return useMemo(() => {
    if (!data) return undefined;
    const serverIds = data.servers.map((s) => s.id);
    return {
      checks: data.checks,
      servers: data.servers,
      summary: todaySummary(data.checks, serverIds, now, data.restDays),
      grid: weekGrid(
        day,
        weeks,
        data.checks,
        data.servers.map((s) => ({ id: s.id, label: s.assetTag })),
        now,
      ),
    };
  }, [data, now, day, weeks]);
}
