// The time field of the forms whose rules check a time (an incident's start and restore, a
// permission's grant and revocation, a check, a provider contact, a website update): one place
// that decides how a time is typed, picked and read, so the five forms cannot drift apart.
//
// - Its value is the instant itself (ISO, null when empty); it shows and reads China wall-clock
//   time, 2026-12-07 14:30, whatever zone the PC is set to, because the rules that judge the time
//   (a day's round, a week's check, the 24-hour deadlines) count China days.
// - Typed or picked: a complete typed time is taken as it is typed; the picker is there for the
//   mouse. A time that does not exist (2026-02-30, 24:00) stays in the box with a message under it
//   in the user's language, and the form will not save until it is corrected — never the time the
//   field showed before.
// - Built on DateTimeInput (DateInputs.tsx), the picker every date-time field uses.
// - Keyboard-first, as every form (form-keys.ts): Enter takes the typed time and moves on to the
//   next field, Ctrl+Enter saves the form with the time just typed.
import { Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaInstant, chinaTime } from '../../shared/time/china';
import { DateTimeInput } from './DateInputs';
import { focusNextField, UNREAD_ATTR } from './form-keys';

export interface ChinaTimeFieldProps {
  /** The instant (ISO), null or '' when empty. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  id?: string;
  testId: string;
  disabled?: boolean;
  width?: number | string;
  /** react-hook-form's field ref: the picker's focus() is what it calls on an error. */
  inputRef?: (instance: unknown) => void;
}

/** The picker works in the PC's local time: it is handed China wall-clock time as if it were local. */
function wallClock(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? '' : chinaTime(ms).slice(0, 16).replace(' ', 'T');
}

/** What a time looks like typed, shown in an empty box. */
const EXAMPLE = '2026-12-07 14:30';

/** On a PC set to China time the picker's "now" is China's now; elsewhere it would not be. */
const pcKeepsChinaTime = () => new Date().getTimezoneOffset() === -480;

export function ChinaTimeField({ value, onChange, inputRef, ...props }: ChinaTimeFieldProps) {
  const { t } = useTranslation();
  const [unread, setUnread] = useState<string | null>(null);

  /** Read what is typed in the box: the instant, null for an empty box, undefined if impossible. */
  const read = (text: string): Date | null | undefined => {
    const typed = text.trim();
    const at = typed ? chinaInstant(typed) : null;
    if (!typed) {
      setUnread(null);
      return null;
    }
    setUnread(at ? null : typed);
    return at ?? undefined;
  };

  const take = (at: Date | null) => {
    setUnread(null);
    const iso = at?.toISOString() ?? null;
    const same = iso === null ? !value : value ? Date.parse(value) === at!.getTime() : false;
    if (!same) onChange(iso);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const input = e.target as HTMLInputElement;
    const form = input.closest('form');
    const at = read(input.value);
    // The form's own handling would save the old value, or keep the focus in the picker.
    e.preventDefault();
    e.stopPropagation();
    if (at === undefined) return;
    // An empty box on Enter keeps what the picker holds (a cleared field has called onChange).
    if (at !== null) take(at);
    if (!form) return;
    // After React has rendered the taken time, so the save reads it.
    if (e.ctrlKey || e.metaKey) setTimeout(() => form.requestSubmit(), 0);
    else setTimeout(() => focusNextField(form, input), 0);
  };

  const mark = unread ? { [UNREAD_ATTR]: 'true' } : {};

  return (
    <div {...mark} style={{ width: props.width ?? '100%' }}>
      <DateTimeInput
        inputRef={inputRef}
        id={props.id}
        testId={props.testId}
        disabled={props.disabled}
        placeholder={EXAMPLE}
        title={pcKeepsChinaTime() ? undefined : t('timeField.chinaTime')}
        value={wallClock(value)}
        onChange={(local) => take(local ? chinaInstant(local) : null)}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          const at = read((e.target as HTMLInputElement).value);
          if (at) take(at);
          props.onBlur?.();
        }}
        showNow={pcKeepsChinaTime()}
        preserveInvalidOnBlur
        status={unread ? 'error' : undefined}
      />
      {unread && (
        <Typography.Text type="danger" role="alert" data-testid={`${props.testId}-unread`}>
          {t('timeField.impossible', { text: unread })}
        </Typography.Text>
      )}
    </div>
  );
}
