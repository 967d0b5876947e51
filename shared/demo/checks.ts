// The demo's routine checks: eight weeks of weekly server maintenance, CCTV (one week with a
// camera down and the provider called), website security and website backup, and the machine-room
// rounds of the last three days.
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
}
