// The demo's network log: a power cut, a carrier outage excluded from the KPI, a switch's failed
// power supply, and a power cut restored only after 27 hours (a major incident, past its 24-hour
// restore deadline); and two QQ/WeChat permissions, one of them since revoked.
import type { DemoDevices } from './devices';
import { DAY, type DemoLedger } from './ledger';
import type { DemoStaff } from './people';

export function addNetworkIncidents(ledger: DemoLedger, by: string): void {
  const { add, at, iso } = ledger;
  add('networkIncidents', 'incident', at(40, 13), {
    startAt: iso(at(40, 13)),
    endAt: iso(at(40, 18, 20)),
    cause: 'power-cut',
    scope: '集团总部全部网络',
    description: '市政线路检修停电，UPS 续航结束后网络中断；来电后逐台启动设备并检查。',
    by,
  });
  add('networkIncidents', 'incident', at(25, 9), {
    startAt: iso(at(25, 9)),
    endAt: iso(at(24, 15)),
    cause: 'carrier',
    excluded: true,
    exclusionReason: '电信光缆被市政施工挖断，属运营商原因。',
    scope: '集团总部外网（已切换联通备份线路）',
    description: '电信专线中断 30 小时，期间通过联通备份线路维持办公上网。',
    by,
  });
  add('networkIncidents', 'incident', at(6, 14), {
    startAt: iso(at(6, 14)),
    endAt: iso(at(6, 15, 10)),
    cause: 'equipment',
    scope: '3 楼办公区',
    description: '3 楼接入交换机电源适配器故障，更换备用电源后恢复。',
    by,
  });
  add('networkIncidents', 'incident', at(150, 8), {
    startAt: iso(at(150, 8)),
    endAt: iso(at(149, 11)),
    cause: 'power-cut',
    scope: '工程部项目现场办公室',
    description: '台风导致项目现场线路停电，发电机未能及时到位，来电后恢复网络。',
    actions: '为项目现场配置 UPS，并与物业约定停电时的发电机调度。',
    by,
  });
}

export function addImPermissions(ledger: DemoLedger, staff: DemoStaff, devices: DemoDevices): void {
  const { add, at, iso, dateOnly } = ledger;
  const { pickPerson } = staff;
  const { computerOf } = devices;
  const imPeople = [pickPerson('YX', 0), pickPerson('CB', 1)];
  imPeople.forEach((p, i) => {
    const granted = at(60 - i * 20, 10);
    add('imPermissions', 'im', granted, {
      personId: p.id,
      deviceId: computerOf(p).id,
      software: i === 0 ? 'QQ' : '微信电脑版',
      guaranteeSignedOn: dateOnly(granted - DAY),
      deptHeadSignedOn: dateOnly(granted - DAY),
      grantedAt: iso(granted),
      revokedAt: i === 1 ? iso(at(10, 11)) : null,
      reason: i === 0 ? '与客户沟通传送资料' : '与项目公司传送工程图纸',
      revokeReason: i === 1 ? '项目结束，已收回权限' : '',
    });
  });
}
