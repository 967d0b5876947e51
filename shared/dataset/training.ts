// The dataset's trainings: each year two or three office-software sessions, a newcomers' session
// a month and a few a department asked for, each with its roster (about 92 % signed).
import { TRAINING_TOPICS } from '../demo/words';
import type { RecordContent } from '../schemas';
import { DAY, HOUR, type DatasetLedger } from './ledger';
import type { DatasetStaff } from './people';

export function addTrainings(ledger: DatasetLedger, staff: DatasetStaff): void {
  const { add, int, pick, roll, dateOnly, startMs, nowMs, years } = ledger;
  for (let y = 0; y < years; y++) {
    const sessions: RecordContent<'trainings'>['kind'][] = [
      ...Array<'office-software'>(roll() < 0.1 ? 1 : int(2, 3)).fill('office-software'),
      ...Array<'new-employee'>(12).fill('new-employee'),
      ...Array<'department-request'>(int(2, 5)).fill('department-request'),
    ];
    for (const kind of sessions) {
      const d = startMs + (y * 365 + int(0, 364)) * DAY + 14 * HOUR;
      if (d > nowMs) continue;
      const dept = pick(staff.depts);
      const training = add('trainings', 'training', d, {
        date: dateOnly(d),
        topic: kind === 'new-employee' ? '新员工 OA 系统与打印机使用指导' : pick(TRAINING_TOPICS),
        kind,
        trainer: staff.supervisor.name,
        requestingDepartmentId: kind === 'department-request' ? dept.record.id : null,
        location: '集团总部 6F 培训室',
        durationMinutes: pick([60, 90, 120]),
        note: '',
        // Every generated training lies in the past: held, as its signed roster says.
        status: 'held',
        requestedOn: null,
        signedSheetShas: [],
        feedback: '',
        feedbackScore: null,
      });
      const roster = kind === 'department-request' ? dept.people : staff.active;
      for (let k = kind === 'new-employee' ? int(3, 10) : int(10, 40); k > 0 && roster.length; k--) {
        add('trainingAttendees', 'attendee', d, {
          trainingId: training.id,
          personId: pick(roster).id,
          signed: roll() < 0.92,
        });
      }
    }
  }
}
