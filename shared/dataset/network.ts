// The dataset's network log and permissions: three to eight incidents a year (some over 24 hours,
// carrier faults excluded from the KPI), and QQ/WeChat/DingTalk permissions for about 3 % of the
// employees, one in five revoked later.
import type { DatasetDevices } from './devices';
import { DAY, HOUR, type DatasetLedger } from './ledger';
import type { DatasetStaff } from './people';

export function addNetworkIncidents(ledger: DatasetLedger, staff: DatasetStaff): void {
  const { add, int, pick, roll, iso, startMs, nowMs, years } = ledger;
  for (let y = 0; y < years; y++) {
    for (let k = int(3, 8); k > 0; k--) {
      const start = startMs + (y * 365 + int(0, 364)) * DAY + int(8, 20) * HOUR;
      if (start > nowMs - DAY) continue;
      const cause = pick(['power-cut', 'carrier', 'equipment', 'configuration', 'other'] as const);
      const hours = roll() < 0.15 ? int(25, 60) : int(1, 20);
      add('networkIncidents', 'incident', start, {
        startAt: iso(start),
        endAt: iso(start + hours * HOUR),
        cause,
        excluded: cause === 'carrier',
        exclusionReason: cause === 'carrier' ? '运营商线路故障，不属网络主管可控范围。' : '',
        scope: `${pick(staff.companies).short}办公网络`,
        description: '网络中断，排查后恢复。',
        by: staff.supervisor.name,
        actions: '',
      });
    }
  }
}

export function addImPermissions(ledger: DatasetLedger, staff: DatasetStaff, devices: DatasetDevices): void {
  const { add, int, pick, roll, iso, dateOnly, startMs, nowMs, years, employees } = ledger;
  for (let i = 0; i < Math.round(employees * 0.03); i++) {
    const p = pick(staff.active);
    const granted = startMs + int(0, years * 365 - 2) * DAY + 10 * HOUR;
    add('imPermissions', 'im', granted, {
      personId: p.id,
      deviceId: devices.computerOf.get(p.id)!.id,
      software: pick(['QQ', '微信电脑版', '钉钉']),
      guaranteeSignedOn: dateOnly(granted - DAY),
      deptHeadSignedOn: dateOnly(granted - DAY),
      grantedAt: iso(granted),
      revokedAt: roll() < 0.2 ? iso(Math.min(nowMs, granted + int(30, 400) * DAY)) : null,
      note: '工作需要与客户沟通',
      reason: '',
      revokeReason: '',
      attachmentShas: [],
    });
  }
}
