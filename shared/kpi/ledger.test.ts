import { describe, expect, it } from 'vitest';
import { formatHlc } from '../hlc';
import { device } from '../devices/test-records';
import { kpiLedgerFromTables, retiredAtOf } from './ledger';

describe("a ledger's devices as the KPI engine sees them", () => {
  it('dates a retirement by the sync stamp of the status change, not by a later edit', () => {
    const retiredMs = Date.parse('2026-11-20T02:00:00.000Z');
    const server = {
      ...device('srv-1', { assetTag: 'SRV-01', type: 'server', status: 'retired' }),
      updatedAt: '2026-12-03T02:00:00.000Z', // a note edited after the retirement
      hlc: { status: formatHlc({ wallMs: retiredMs, counter: 0, nodeId: 'pc-a' }) },
    };
    expect(retiredAtOf(server)).toBe('2026-11-20T02:00:00.000Z');
    // Without the stamp, the last update is the latest it can have been retired.
    expect(retiredAtOf({ ...server, hlc: {} })).toBe('2026-12-03T02:00:00.000Z');
    expect(retiredAtOf({ ...server, status: 'in-use' })).toBeNull();
    expect(kpiLedgerFromTables({ devices: [server] }).devices[0]!.retiredAt).toBe('2026-11-20T02:00:00.000Z');
  });

  it('reads a backup with tables missing as empty', () => {
    const ledger = kpiLedgerFromTables({});
    expect(Object.values(ledger).every((rows) => Array.isArray(rows) && rows.length === 0)).toBe(true);
  });
});
