// The tag colour of each schedule state, shared by the checks screen and the dashboard card (kept
// apart so the dashboard does not load the checks screen's code).
import type { DueState } from '../../../shared/checks/schedule';

export const STATE_COLORS: Record<DueState, string> = {
  done: 'green',
  late: 'orange',
  due: 'blue',
  upcoming: 'default',
  overdue: 'red',
};
