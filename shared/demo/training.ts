// The demo's trainings since the ledger was set up: office-software sessions, newcomers' guidance and
// department requests, each held one with its signed roster; a cancelled session and a department's
// request not yet planned (neither counts toward the two office-software trainings a year).
import { DAY, type DemoLedger } from './ledger';
import type { DemoStaff, DepartmentCode } from './people';

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
  addEarlierTrainings(ledger, staff);
}

/** The rest of the year, written after the two recent sessions so their ids stay put. */
function addEarlierTrainings(ledger: DemoLedger, staff: DemoStaff): void {
  const { add, at, dateOnly, roll } = ledger;
  const { by, department, staffOf } = staff;
  const held = (
    daysAgo: number,
    topic: string,
    kind: 'office-software' | 'new-employee' | 'department-request',
    codes: readonly DepartmentCode[],
    requesting: DepartmentCode | null,
  ) => {
    const when = at(daysAgo, 14);
    const training = add('trainings', 'training', when, {
      date: dateOnly(when),
      topic,
      kind,
      trainer: by,
      requestingDepartmentId: requesting ? department(requesting).id : null,
      location: kind === 'department-request' ? '部门会议室' : '集团总部 6F 培训室',
      durationMinutes: kind === 'new-employee' ? 60 : 90,
      status: 'held',
      ...(requesting ? { requestedOn: dateOnly(when - 14 * DAY) } : {}),
    });
    for (const code of codes)
      for (const p of staffOf(code).slice(0, 6))
        add('trainingAttendees', 'attendee', when, {
          trainingId: training.id,
          personId: p.id,
          signed: roll() < 0.9,
        });
  };
  held(190, 'Word 长文档排版与公文格式', 'office-software', ['ZB', 'RL', 'CW', 'CB'], null);
  held(172, '新员工 OA 系统与打印机使用指导', 'new-employee', ['YX', 'GC'], null);
  held(140, '项目进度表：Excel 条件格式与图表', 'department-request', ['GC'], 'GC');
  held(118, 'PowerPoint 汇报材料制作', 'department-request', ['YX'], 'YX');
  held(95, '新员工 OA 系统与打印机使用指导', 'new-employee', ['WY', 'CB'], null);
  const cancelled = at(70, 14);
  add('trainings', 'training', cancelled, {
    date: dateOnly(cancelled),
    topic: '网络安全意识：钓鱼邮件识别',
    kind: 'office-software',
    trainer: by,
    location: '集团总部 6F 培训室',
    durationMinutes: 60,
    status: 'cancelled',
    note: '与月度经营会冲突，改期另行通知',
  });
  const asked = at(4, 10);
  add('trainings', 'training', asked, {
    date: dateOnly(asked),
    topic: '财务软件报表导出与 Excel 核对',
    kind: 'department-request',
    trainer: by,
    requestingDepartmentId: department('CW').id,
    location: '财务部会议室',
    durationMinutes: 60,
    status: 'requested',
    requestedOn: dateOnly(asked),
  });
}
