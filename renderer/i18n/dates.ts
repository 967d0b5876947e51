// How NetDesk writes a date and a time on screen: one format, the same in Chinese and English,
// 2026-12-07 and 2026-12-07 12:39 (24-hour clock). Times are China wall-clock time, whatever zone
// the PC is set to — the rules that judge them (a day's round, a week's check, a month's KPIs, the
// 24-hour clocks) count China days, and the forms take China time (ChinaTimeField, and the
// 'YYYY-MM-DDTHH:mm' values below) — so a round done at 16:30 reads 16:30 on any PC. The ISO
// order reads without ambiguity in both languages and sorts as it reads; every list, timeline,
// detail and picker uses these, so the native pickers' "12/07/2026, 12:39 PM" and the locale's
// "2026/12/7 12:39:00" never appear. (Paper forms write dates the Chinese way, 2026年12月7日:
// that is the PDF layout's own rule.)
import dayjs, { type Dayjs } from 'dayjs';
import { CHINA_OFFSET_MS, chinaInstant } from '../../shared/time/china';

/** A calendar day, for dayjs and antd's DatePicker. */
export const DATE_FORMAT = 'YYYY-MM-DD';
/** A time to the minute, for dayjs and antd's DatePicker with showTime. */
export const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** The China wall-clock time of an instant to the minute, 'YYYY-MM-DD HH:mm', or null if unreadable. */
function chinaMinute(at: string | Date): string | null {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  return Number.isNaN(ms)
    ? null
    : new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** An ISO time as the screens print it: 2026-11-05 14:30 (China time); '' for none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return chinaMinute(iso) ?? iso;
}

/** A calendar day ('YYYY-MM-DD', as it is) or an ISO time (its China day): 2026-11-05. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return chinaMinute(value)?.slice(0, 10) ?? value;
}

/** A time field's value for an instant: China wall-clock 'YYYY-MM-DDTHH:mm'. */
export function toChinaInputValue(at: Date | string): string {
  return chinaMinute(at)?.replace(' ', 'T') ?? '';
}

/**
 * The instant (ISO) a time field's value 'YYYY-MM-DDTHH:mm' names in China time, or null when it
 * holds no real time (2026-02-31, 24:00 are refused, not rolled over).
 */
export function fromChinaInputValue(value: string): string | null {
  return chinaInstant(value)?.toISOString() ?? null;
}

/** The wall-clock value a time field holds ('YYYY-MM-DDTHH:mm') as a dayjs for the picker to show. */
export function fromLocalValue(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const at = dayjs(value);
  return at.isValid() ? at : null;
}

/** A picked time as the wall-clock value a time field holds: 'YYYY-MM-DDTHH:mm'. */
export function toLocalValue(at: Dayjs | null): string {
  return at ? at.format('YYYY-MM-DDTHH:mm') : '';
}
