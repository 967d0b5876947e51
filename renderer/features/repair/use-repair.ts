// What every repair screen needs from the app: the data layer's context (ledger, this PC's
// letter and user from settings, the clock) and the devices as a live list (hundreds to a few thousand: read whole, never the cards).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarginLang } from '../../../shared/repair/sla-margin';
import type { Device } from '../../../shared/schemas';
import { hasArrived } from '../../../shared/sync/arrival';
import { useLedger } from '../../app/ledger';
import type { NetdeskDb } from '../../db/schema';
import { useSettingsStore } from '../../store/settings';
import { ensureRepairDerivedData, warmRepairSearch, type RepairContext } from './data';

export function useRepairContext(): RepairContext {
  const { db, repo } = useLedger();
  const pcCode = useSettingsStore((s) => s.settings.pcCode);
  const operator = useSettingsStore((s) => s.settings.operatorName);
  return useMemo(() => ({ db, repo, pcCode, operator, now: () => new Date() }), [db, repo, pcCode, operator]);
}

/** The UI language as formatSlaMargin wants it. */
export function useMarginLang(): MarginLang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/**
 * Every device of the ledger (deleted ones too, so an old card still names its device), except
 * those sync has delivered only in part: they have no asset tag to show yet.
 */
export function useAllDevices(): { list: Device[]; byId: Map<string, Device> } | undefined {
  const { db } = useLedger();
  return useLiveQuery(async () => {
    const list = (await db.devices.toArray()).filter(hasArrived);
    list.sort((a, b) => a.assetTag.localeCompare(b.assetTag, 'en', { numeric: true }));
    return { list, byId: new Map(list.map((d) => [d.id, d])) };
  }, [db]);
}

/**
 * Load the search copy once the window has nothing else to do: on the dashboard at start it would
 * otherwise compete with drawing the first screen (seconds at 200,000 cards on a busy PC).
 */
function warmWhenIdle(db: NetdeskDb): void {
  // Only a head start for the first search: a ledger closed meanwhile (window closing) is no error.
  const warm = () => void warmRepairSearch(db).catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 5_000 });
  else setTimeout(warm, 1_000);
}

/**
 * True once the repair counters and search copy exist (built here on a PC that never had them).
 * Live queries of counters and the list wait for it: building writes, and a write is not allowed
 * inside a live query. Also loads the search copy into memory, when idle, so the first search is fast.
 */
export function useRepairDataReady(): boolean {
  const { db } = useLedger();
  const [ready, setReady] = useState<NetdeskDb | null>(null);
  useEffect(() => {
    let current = true;
    ensureRepairDerivedData(db).then(
      () => {
        if (current) setReady(db);
        warmWhenIdle(db);
      },
      // A failed build leaves the screens waiting; the list's own read reports the error then.
      () => current && setReady(db),
    );
    return () => {
      current = false;
    };
  }, [db]);
  return ready === db;
}
