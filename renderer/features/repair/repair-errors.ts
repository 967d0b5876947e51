// The repair data layer's refusals in the UI language. A workflow rule (RepairDataError) or a
// repository check (RepositoryError) becomes one sentence, plus the form field it belongs to so
// the form can show it there; the card is unchanged whenever one of these is thrown.
import i18next, { type TFunction } from 'i18next';
import { RepositoryError } from '../../db/repository';
import { describeError } from '../../i18n/errors';
import { RepairDataError, type TimeRule } from './data';
import { formatTime } from './repair-format';

export interface RepairErrorText {
  /** The form field to mark (the data layer's field name), when the error names one. */
  field?: string;
  message: string;
}

/** Repository field paths ('parts.0.quantity') as the repair forms name their fields. */
function formField(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return path.split('.')[0];
}

/** One repair-layer error as text in the UI language, with its field. */
export function repairErrorText(err: unknown, t: TFunction = i18next.t): RepairErrorText {
  if (err instanceof RepairDataError && err.time) {
    return { ...(err.field ? { field: err.field } : {}), message: timeRuleText(err.field, err.time, t) };
  }
  if (err instanceof RepairDataError) {
    const key = `repair.errors.${err.code}`;
    return {
      ...(err.field ? { field: err.field } : {}),
      message: i18next.exists(key) ? t(key) : t('errors.unknown', { detail: err.message }),
    };
  }
  if (err instanceof RepositoryError && err.code === 'invalid') {
    const field = formField(err.field);
    const issue = err.issues.find((i) => i.path === err.field) ?? err.issues[0];
    // Zod's own issue text is English; the repair forms know the limits of their fields.
    const tooLong = issue && /too big|at most|<=|too long/i.test(issue.message);
    const label = field && i18next.exists(`repair.fields.${field}`) ? t(`repair.fields.${field}`) : '';
    const what = tooLong ? t('repair.errors.tooLong') : t('validation.invalid');
    return {
      ...(field ? { field } : {}),
      message: label ? t('repair.errors.onField', { label, what }) : what,
    };
  }
  if (err instanceof RepositoryError && err.code === 'duplicate') {
    return { ...(err.field ? { field: err.field } : {}), message: describeError(err, t) };
  }
  return { message: describeError(err, t) };
}

/** The one time rule broken, naming the field it is about (接卡时间不能是将来的时间). */
function timeRuleText(field: string | undefined, time: TimeRule, t: TFunction): string {
  const key =
    field && i18next.exists(`repair.fields.${field}`) ? `repair.fields.${field}` : 'repair.fields.at';
  const label = t(key);
  switch (time.rule) {
    case 'not-a-time':
      return t('repair.errors.time.notATime', { field: label });
    case 'future':
      return t('repair.errors.time.future', { field: label });
    case 'before-received':
      return t('repair.errors.time.beforeReceived', { field: label, limit: formatTime(time.limit) });
    case 'before-last-step':
      return t('repair.errors.time.beforeLastStep', { field: label, limit: formatTime(time.limit) });
  }
}
