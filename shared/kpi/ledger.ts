// The KPI engine's view of a ledger held as backup tables (a backup file, the CLI, the PDF): the
// records of the nine tables it reads, and each retired device's retirement time.
//
// Asset cards have no "retired at" field. The status field's sync stamp holds the wall-clock time
// of its last change, which for a retired device is when it was retired; a device without that
// stamp falls back to its last update, the latest moment it can have been retired.
import type { BackupTables } from '../backup';
import { isHlc, parseHlc } from '../hlc';
import type { Device } from '../schemas';
import type { KpiDevice, KpiLedger } from './types';

/** When a retired device was retired (ISO), or null for a device in service. */
export function retiredAtOf(device: Pick<Device, 'status' | 'hlc' | 'updatedAt'>): string | null {
  if (device.status !== 'retired') return null;
  const stamp = device.hlc?.status;
  if (isHlc(stamp)) return new Date(parseHlc(stamp).wallMs).toISOString();
  return device.updatedAt;
}

export function kpiLedgerFromTables(tables: BackupTables): KpiLedger {
  const devices: KpiDevice[] = (tables.devices ?? []).map((d) => ({ ...d, retiredAt: retiredAtOf(d) }));
  return {
    cards: tables.repairCards ?? [],
    cardEvents: tables.repairEvents ?? [],
    incidents: tables.networkIncidents ?? [],
    checks: tables.routineChecks ?? [],
    devices,
    websiteUpdates: tables.websiteUpdates ?? [],
    quotes: tables.quotes ?? [],
    quoteSchedule: tables.quoteSchedule ?? [],
    trainings: tables.trainings ?? [],
  };
}
