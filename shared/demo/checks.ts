// The demo's routine checks: a year of weekly server maintenance, CCTV, website security and
// website backup — the last eight weeks complete (one with a camera down and the provider called at
// once), the earlier ones with a few weeks missed and a CCTV fault whose provider was called late —
// and the machine-room rounds of the last three days.
import type { DemoDevices } from './devices';
import { DAY, HOUR, type DemoLedger } from './ledger';
import { SITE } from './words';

export function addRoutineChecks(ledger: DemoLedger, by: string, devices: DemoDevices): void {
  const { add, day, monday, iso } = ledger;
  for (let w = 8; w >= 1; w--) {
    const mon = monday(w);
    add('routineChecks', 'check', mon + 2 * DAY + 15 * HOUR, {
      kind: 'server-maintenance',
      at: iso(mon + 2 * DAY + 15 * HOUR),
      by,
      deviceIds: devices.servers.map((s) => s.id),
      result: 'ok',
      findings: '系统日志无异常，磁盘使用率 61%，温度正常。',
      actions: '安装系统安全补丁，清理临时文件，核对备份任务执行情况。',
    });
    const cctvFault = w === 5;
    const cctvAt = mon + 3 * DAY + 10 * HOUR;
    add('routineChecks', 'check', cctvAt, {
      kind: 'cctv',
      at: iso(cctvAt),
      by,
      deviceIds: [devices.recorder.id, ...devices.cameras.map((c) => c.id)],
      result: cctvFault ? 'problem' : 'ok',
      findings: cctvFault
        ? '地下车库入口摄像机无图像，其余通道录像正常，可回放 30 天。'
        : '全部通道画面正常，录像可回放 30 天。',
      actions: cctvFault ? '已联系监控服务商上门检修。' : '',
      providerContactedAt: cctvFault ? iso(cctvAt + 2 * HOUR) : null,
      ...(cctvFault
        ? {
            providerContacts: [
              {
                at: iso(cctvAt + 2 * HOUR),
                provider: CCTV_PROVIDER,
                means: 'phone' as const,
                agreed: '次日上午派人上门更换摄像机电源。',
                by,
              },
            ],
          }
        : {}),
    });
    add('routineChecks', 'check', mon + 4 * DAY + 14 * HOUR, {
      kind: 'website-security',
      at: iso(mon + 4 * DAY + 14 * HOUR),
      by,
      site: SITE,
      result: 'ok',
      findings: '漏洞扫描无高危项，未发现木马文件。',
      actions: '更新网站程序补丁，修改后台登录密码。',
    });
    add('routineChecks', 'check', mon + 4 * DAY + 17 * HOUR, {
      kind: 'website-backup',
      at: iso(mon + 4 * DAY + 17 * HOUR),
      by,
      site: SITE,
      result: 'ok',
      findings: '网站程序与数据库已完整备份。',
      actions: '备份文件已复制到文件服务器与移动硬盘。',
    });
  }
  for (let d = 3; d >= 1; d--) {
    for (const slot of ['08:00', '11:00', '14:00', '16:30'] as const) {
      const when = day(d) + Number(slot.slice(0, 2)) * HOUR + Number(slot.slice(3)) * 60000;
      add('routineChecks', 'check', when, {
        kind: 'machine-room',
        at: iso(when),
        by,
        slot,
        result: 'ok',
        findings: '设备运行正常，电话线路、网络线路正常，无易燃物，门窗已关闭。',
      });
    }
  }
  addEarlierWeeks(ledger, by, devices);
}

const CCTV_PROVIDER = '安讯达监控工程部';

/** Weeks whose check was missed, by kind (weeks ago): what the checks grid and the KPI show red. */
const MISSED: Record<'server-maintenance' | 'cctv' | 'website-security' | 'website-backup', number[]> = {
  'server-maintenance': [21, 38],
  cctv: [30],
  'website-security': [45],
  'website-backup': [12, 45],
};

/** The week (weeks ago) whose CCTV fault was reported to the provider only after 24 hours. */
const LATE_CONTACT_WEEK = 16;

/** The rest of the year, weeks 52 to 9 ago, written after the recent weeks so their ids stay put. */
function addEarlierWeeks(ledger: DemoLedger, by: string, devices: DemoDevices): void {
  const { add, monday, iso } = ledger;
  const missed = (kind: keyof typeof MISSED, w: number) => MISSED[kind].includes(w);
  for (let w = 52; w >= 9; w--) {
    const mon = monday(w);
    if (!missed('server-maintenance', w)) {
      const at = mon + 2 * DAY + 15 * HOUR;
      add('routineChecks', 'check', at, {
        kind: 'server-maintenance',
        at: iso(at),
        by,
        deviceIds: devices.servers.map((s) => s.id),
        result: 'ok',
        findings: '系统日志无异常，磁盘空间充足，温度正常。',
        actions: '安装系统安全补丁，核对备份任务执行情况。',
      });
    }
    if (!missed('cctv', w)) {
      const at = mon + 3 * DAY + 10 * HOUR;
      const fault = w === LATE_CONTACT_WEEK;
      const contactAt = at + 30 * HOUR;
      add('routineChecks', 'check', at, {
        kind: 'cctv',
        at: iso(at),
        by,
        deviceIds: [devices.recorder.id, ...devices.cameras.map((c) => c.id)],
        result: fault ? 'problem' : 'ok',
        findings: fault ? '录像机硬盘告警，最近两天录像无法回放。' : '全部通道画面正常，录像可回放 30 天。',
        actions: fault ? '服务商更换录像机硬盘，录像恢复。' : '',
        providerContactedAt: fault ? iso(contactAt) : null,
        ...(fault
          ? {
              providerContacts: [
                {
                  at: iso(contactAt),
                  provider: CCTV_PROVIDER,
                  means: 'wechat' as const,
                  agreed: '服务商周五上门更换硬盘。',
                  by,
                },
              ],
            }
          : {}),
      });
    }
    if (!missed('website-security', w)) {
      const at = mon + 4 * DAY + 14 * HOUR;
      add('routineChecks', 'check', at, {
        kind: 'website-security',
        at: iso(at),
        by,
        site: SITE,
        result: 'ok',
        findings: '漏洞扫描无高危项，未发现木马文件。',
        actions: '更新网站程序补丁。',
      });
    }
    if (!missed('website-backup', w)) {
      const at = mon + 4 * DAY + 17 * HOUR;
      add('routineChecks', 'check', at, {
        kind: 'website-backup',
        at: iso(at),
        by,
        site: SITE,
        result: 'ok',
        findings: '网站程序与数据库已完整备份。',
        actions: '备份文件已复制到文件服务器。',
      });
    }
  }
}
