// The dataset's purchase evaluations: forty a year, each replacing the requester's computer,
// pending, approved, rejected or bought.
import type { DatasetDevices } from './devices';
import { DAY, type DatasetLedger } from './ledger';
import type { DatasetStaff } from './people';

export function addPurchaseEvaluations(
  ledger: DatasetLedger,
  staff: DatasetStaff,
  devices: DatasetDevices,
): void {
  const { add, int, pick, dateOnly, startMs, years } = ledger;
  for (let i = 0; i < years * 40; i++) {
    const p = pick(staff.active);
    const on = startMs + int(0, years * 365 - 2) * DAY;
    const status = pick(['pending', 'approved', 'rejected', 'bought'] as const);
    add('purchaseEvaluations', 'evaluation', on, {
      departmentId: p.departmentId,
      requesterId: p.id,
      requestedOn: dateOnly(on),
      item: pick(['24 英寸显示器 1 台', '激光打印机 1 台', '笔记本电脑 1 台', '扫描仪 1 台']),
      reason: '原设备老化，维修价格接近新购价格。',
      replacesDeviceId: devices.computerOf.get(p.id)!.id,
      feasibility: '与现有设备兼容，货源充足。',
      necessity: '影响日常办公。',
      recommendation: '同意购买。',
      estimatedCost: pick([899, 1599, 4999, 2300]),
      status,
      decidedOn: status === 'pending' ? null : dateOnly(on + DAY),
      approverName: status === 'pending' ? '' : '总经理',
      boughtDeviceId: null,
    });
  }
}
