// The demo's purchase evaluations: the replacement monitor that repair card 4 suggested (approved)
// and a new purchase with a long reason, still waiting for approval.
import type { DemoDevices } from './devices';
import type { DemoLedger } from './ledger';
import type { DemoStaff } from './people';
import type { DemoMonitorCard } from './repair';

export function addPurchaseEvaluations(
  ledger: DemoLedger,
  staff: DemoStaff,
  devices: DemoDevices,
  monitor: DemoMonitorCard,
): void {
  const { add, at, dateOnly } = ledger;
  const { pickPerson } = staff;
  const { computerOf } = devices;
  add('purchaseEvaluations', 'evaluation', at(8, 10), {
    departmentId: monitor.requester.departmentId,
    requesterId: monitor.requester.id,
    requestedOn: dateOnly(at(8, 10)),
    item: '24 英寸显示器 1 台',
    reason: `维修卡 ${monitor.card.cardNo}：原显示器电源板损坏，已过保修期。`,
    replacesDeviceId: computerOf(monitor.requester).id,
    feasibility: '与现有电脑接口兼容，市场货源充足，一周内可到货。',
    necessity: '工程图纸审阅需要大尺寸显示器，借用的备用显示器需归还。',
    recommendation: '同意购买，优先选择三年质保产品。',
    estimatedCost: 899,
    status: 'approved',
    decidedOn: dateOnly(at(7, 10)),
    approverName: '总经理',
  });
  // A new purchase still waiting for approval: no device replaced, the assessment written, a long reason.
  const evPerson = pickPerson('YX', 2);
  add('purchaseEvaluations', 'evaluation', at(3, 15), {
    departmentId: evPerson.departmentId,
    requesterId: evPerson.id,
    requestedOn: dateOnly(at(3, 15)),
    item: '售楼处签约区笔记本电脑 2 台（含身份证阅读器接口）',
    reason:
      '年底集中签约期间，售楼处签约区只有 1 台电脑可以读取身份证并打印合同，客户排队时间超过 40 分钟。' +
      '增加 2 台笔记本电脑后，置业顾问可在洽谈桌旁直接录入客户信息、打印认购书，周末高峰时段也能同时办理三组签约。' +
      '笔记本电脑在淡季可调配给工程部现场使用。',
    feasibility:
      '现有签约系统支持多终端登录；身份证阅读器为 USB 接口，笔记本可直接使用；售楼处无线网络覆盖良好。',
    necessity: '本月签约量较上月增长约 60%，现有设备已成为签约瓶颈，客户投诉 3 次。',
    recommendation: '建议购买 2 台 14 英寸商用笔记本，预装正版办公软件，由网络中心统一登记资产编号后发放。',
    estimatedCost: 11800,
  });
}
