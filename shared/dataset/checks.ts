// The dataset's routine checks: every week's server maintenance, CCTV (a few with a fault and the
// provider called, most within 20 hours), website security and backup, each missed about one week
// in fifty; and the machine-room rounds four times a working day, one in a hundred missed.
import { SITE } from '../demo/words';
import type { RecordContent } from '../schemas';
import { DAY, HOUR, MINUTE, type DatasetLedger } from './ledger';
import type { DatasetDevices } from './devices';
import type { DatasetStaff } from './people';

type CheckContent = RecordContent<'routineChecks'>;

/** The fields a check of any kind has, for an `ok` check signed by one of the technicians. */
function checkWriter(ledger: DatasetLedger, staff: DatasetStaff) {
  const { add, iso, pick } = ledger;
  return (kind: CheckContent['kind'], at: number, more: Partial<CheckContent>) =>
    add('routineChecks', 'check', at, {
      kind,
      at: iso(at),
      by: pick(staff.technicians),
      deviceIds: [],
      site: '',
      slot: null,
      result: 'ok',
      findings: '运行正常。',
      actions: '',
      providerContactedAt: null,
      items: [],
      forDay: null,
      templateId: '',
      ...more,
    });
}

export function addWeeklyChecks(ledger: DatasetLedger, staff: DatasetStaff, devices: DatasetDevices): void {
  const { roll, int, iso, nowMs, firstMonday } = ledger;
  const check = checkWriter(ledger, staff);
  const serverIds = devices.servers.slice(0, 500).map((s) => s.id);
  const recorderIds = devices.recorders.slice(0, 500).map((r) => r.id);
  for (let mon = firstMonday; mon + 7 * DAY <= nowMs; mon += 7 * DAY) {
    if (roll() > 0.02)
      check('server-maintenance', mon + 2 * DAY + 15 * HOUR, {
        deviceIds: serverIds,
        actions: '安装安全补丁，清理日志，核对备份。',
      });
    if (roll() > 0.02) {
      const fault = roll() < 0.08;
      const at = mon + 3 * DAY + 10 * HOUR;
      check('cctv', at, {
        deviceIds: recorderIds,
        result: fault ? 'problem' : 'ok',
        findings: fault ? '部分摄像机无图像，已通知服务商。' : '全部通道画面正常，录像可回放 30 天。',
        providerContactedAt: fault ? iso(at + int(1, roll() < 0.9 ? 20 : 40) * HOUR) : null,
      });
    }
    if (roll() > 0.02)
      check('website-security', mon + 4 * DAY + 14 * HOUR, { site: SITE, findings: '漏洞扫描无高危项。' });
    if (roll() > 0.02)
      check('website-backup', mon + 4 * DAY + 17 * HOUR, {
        site: SITE,
        findings: '网站程序与数据库已备份。',
      });
  }
}

export function addMachineRoomRounds(ledger: DatasetLedger, staff: DatasetStaff, workdays: number[]): void {
  const check = checkWriter(ledger, staff);
  for (const d of workdays) {
    for (const slot of ['08:00', '11:00', '14:00', '16:30'] as const) {
      if (ledger.roll() < 0.01) continue;
      const at = d + Number(slot.slice(0, 2)) * HOUR + Number(slot.slice(3)) * MINUTE;
      check('machine-room', at, {
        slot,
        findings: '设备运行正常，线路正常，无易燃物，门窗已关闭。',
      });
    }
  }
}
