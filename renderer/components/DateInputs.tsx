// The date and time fields of every NetDesk form and filter: antd's pickers in the app's one
// format (renderer/i18n/dates.ts, 2026-12-07 and 2026-12-07 12:39, 24-hour), never the browser's
// native <input type=date/datetime-local>, whose look and wording ("12/07/2026, 12:39 PM")
// follow the operating system instead of NetDesk's language. A time field keeps its value as
// the local 'YYYY-MM-DDTHH:mm' the repair forms validate; a date field as 'YYYY-MM-DD'.
// Typing a time and Enter takes it (no "OK" to press); Enter never saves the form (form-keys.ts).
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import type { FocusEvent } from 'react';
import { DATE_FORMAT, fromLocalValue, TIME_FORMAT, toLocalValue } from '../i18n/dates';

interface CommonProps {
  value: string | null | undefined;
  onChange: (value: string) => void;
  onBlur?: (e: FocusEvent<HTMLElement>) => void;
  id?: string;
  testId: string;
  disabled?: boolean;
  placeholder?: string;
  title?: string;
  width?: number | string;
  /** react-hook-form's field ref: the picker's focus() is what it calls on an error. */
  inputRef?: (instance: unknown) => void;
}

/** How a field that reads what is typed (ChinaTimeField) hooks into the picker. */
type TypedEntryProps = Pick<DatePickerProps, 'onKeyDown' | 'status' | 'showNow' | 'preserveInvalidOnBlur'>;

/** A time to the minute, value 'YYYY-MM-DDTHH:mm' (local), '' when empty. */
export function DateTimeInput({
  inputRef,
  onKeyDown,
  status,
  showNow,
  preserveInvalidOnBlur,
  ...props
}: CommonProps & TypedEntryProps) {
  return (
    <DatePicker
      ref={inputRef}
      id={props.id}
      data-testid={props.testId}
      showTime={{ format: 'HH:mm' }}
      format={TIME_FORMAT}
      needConfirm={false}
      value={fromLocalValue(props.value)}
      onChange={(d) => props.onChange(toLocalValue(d))}
      onBlur={props.onBlur}
      {...{ onKeyDown, status, showNow, preserveInvalidOnBlur }}
      disabled={props.disabled}
      placeholder={props.placeholder}
      title={props.title}
      style={{ width: props.width ?? '100%' }}
    />
  );
}

/** A calendar day, value 'YYYY-MM-DD', '' when empty. */
export function DayInput({ inputRef, ...props }: CommonProps) {
  const day = props.value ? dayjs(props.value) : null;
  return (
    <DatePicker
      ref={inputRef}
      id={props.id}
      data-testid={props.testId}
      format={DATE_FORMAT}
      value={day?.isValid() ? day : null}
      onChange={(d) => props.onChange(d ? d.format(DATE_FORMAT) : '')}
      onBlur={props.onBlur}
      disabled={props.disabled}
      placeholder={props.placeholder}
      title={props.title}
      style={{ width: props.width ?? '100%' }}
    />
  );
}
