// The demo's trainings: an office-software session for finance, cost and the office, and a
// newcomers' session, each with its signed roster.
import type { DemoLedger } from './ledger';
import type { DemoStaff } from './people';

export function addTrainings(ledger: DemoLedger, staff: DemoStaff): void {
  const { add, at, dateOnly, roll } = ledger;
  const { by, people, department, codeOf, pickPerson } = staff;
  const hr = department('RL');
  const office = add('trainings', 'training', at(45, 14), {
    date: dateOnly(at(45, 14)),
    topic: 'Excel 数据透视表与常用函数',
    kind: 'office-software',
    trainer: by,
    requestingDepartmentId: hr.id,
    location: '集团总部 6F 培训室',
    durationMinutes: 120,
    note: '年度培训计划第二期，与培训主管共同组织',
    status: 'held',
  });
  const officeAttendees = people.filter((p) => p.active && ['CW', 'CB', 'ZB'].includes(codeOf(p) ?? ''));
  for (const p of officeAttendees.slice(0, 14)) {
    add('trainingAttendees', 'attendee', at(45, 14), {
      trainingId: office.id,
      personId: p.id,
      signed: roll() < 0.9,
    });
  }
  const newcomers = add('trainings', 'training', at(11, 10), {
    date: dateOnly(at(11, 10)),
    topic: '新员工 OA 系统与打印机使用指导',
    kind: 'new-employee',
    trainer: by,
    location: '网络中心',
    durationMinutes: 60,
    status: 'held',
  });
  for (const p of [pickPerson('YX', 4), pickPerson('WY', 3), pickPerson('GC', 4)]) {
    add('trainingAttendees', 'attendee', at(11, 10), {
      trainingId: newcomers.id,
      personId: p.id,
      signed: true,
    });
  }
}
