// How NetDesk writes a date and a time on screen: one format, the same in Chinese and English,
// 2026-12-07 and 2026-12-07 12:39 (24-hour clock, this PC's local time). The ISO order reads
// without ambiguity in both languages and sorts as it reads; every list, timeline, detail and
// picker uses these, so the native pickers' "12/07/2026, 12:39 PM" and the locale's
// "2026/12/7 12:39:00" never appear. (Paper forms write dates the Chinese way, 2026年12月7日:
// that is the PDF layout's own rule.)
import dayjs, { type Dayjs } from 'dayjs';

/** A calendar day, for dayjs and antd's DatePicker. */
export const DATE_FORMAT = 'YYYY-MM-DD';
/** A time to the minute, for dayjs and antd's DatePicker with showTime. */
export const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** An ISO time as the screens print it: 2026-11-05 14:30 (local time); '' for none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = dayjs(iso);
  return at.isValid() ? at.format(TIME_FORMAT) : iso;
}

/** A calendar day ('YYYY-MM-DD' or an ISO time) as the screens print it: 2026-11-05. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  const at = dayjs(value);
  return at.isValid() ? at.format(DATE_FORMAT) : value;
}

/** The local-time value a time field holds ('YYYY-MM-DDTHH:mm') as a dayjs for the picker. */
export function fromLocalValue(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const at = dayjs(value);
  return at.isValid() ? at : null;
}

/** A picked time as the local-time value a time field holds: 'YYYY-MM-DDTHH:mm'. */
export function toLocalValue(at: Dayjs | null): string {
  return at ? at.format('YYYY-MM-DDTHH:mm') : '';
}
