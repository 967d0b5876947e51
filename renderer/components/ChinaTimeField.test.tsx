// @vitest-environment jsdom
// The time field of the rule-checked forms, as the supervisor uses it inside a form dialog: it
// shows China time whatever zone the PC is in, a typed time and Enter takes it and moves on,
// Ctrl+Enter saves with the time just typed, and a time that does not exist is named in a message
// while nothing is saved — not by Enter, not by Ctrl+Enter, not by the save button.
import { Input } from 'antd';
import { act, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { ChinaTimeField } from './ChinaTimeField';
import { FormModal } from './FormModal';
import { byTestId, cleanup, render, stubBrowserLayout } from './test-support';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

// 09:30 in Shanghai; 01:30 in UTC, the zone this test and CI run in (TZ unset or UTC).
const NINE_THIRTY = '2026-12-07T01:30:00.000Z';

function renderTimeForm(initial: string | null) {
  const saved = vi.fn<(at: string | null) => void>();
  const changes = vi.fn<(at: string | null) => void>();
  function TimeForm() {
    const [at, setAt] = useState<string | null>(initial);
    return (
      <FormModal
        open
        title="time"
        formId="time-form"
        submitTestId="time-save"
        submitting={false}
        onSubmit={(e) => {
          e.preventDefault();
          saved(at);
        }}
        onCancel={() => {}}
      >
        <ChinaTimeField
          testId="at"
          value={at}
          onChange={(v) => {
            changes(v);
            setAt(v);
          }}
        />
        <Input data-testid="after" />
      </FormModal>
    );
  }
  render(<TimeForm />);
  return { saved, changes };
}

const box = () => byTestId('at') as HTMLInputElement;

function typeInBox(text: string) {
  const input = box();
  act(() => {
    input.focus();
    Reflect.set(HTMLInputElement.prototype, 'value', text, input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(el: HTMLElement, init: KeyboardEventInit = {}) {
  act(() => {
    el.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, which: 13, bubbles: true, ...init }),
    );
  });
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

describe('ChinaTimeField', () => {
  it('shows a stored instant as China wall-clock time, not the PC zone', () => {
    renderTimeForm(NINE_THIRTY);
    expect(box().value).toBe('2026-12-07 09:30');
  });

  it('takes a typed time on Enter as the China instant and moves on to the next field', async () => {
    const { saved, changes } = renderTimeForm(NINE_THIRTY);
    typeInBox('2026-12-05 23:45');
    press(box());
    await settle();
    expect(changes).toHaveBeenLastCalledWith('2026-12-05T15:45:00.000Z');
    expect(document.activeElement).toBe(byTestId('after'));
    expect(saved).not.toHaveBeenCalled();
  });

  it('saves with the time just typed on Ctrl+Enter', async () => {
    const { saved } = renderTimeForm(NINE_THIRTY);
    typeInBox('2026-12-06 08:05');
    press(box(), { ctrlKey: true });
    await settle();
    expect(saved).toHaveBeenCalledWith('2026-12-06T00:05:00.000Z');
  });

  it('names an impossible time under the field and saves nothing until it is corrected', async () => {
    const { saved, changes } = renderTimeForm(NINE_THIRTY);
    typeInBox('2026-02-30 10:00');
    press(box());
    await settle();
    expect(byTestId('at-unread')?.textContent).toBe(
      '没有“2026-02-30 10:00”这个时间，请按 2026-12-07 14:30 的格式输入日期和时间',
    );
    expect(document.activeElement).toBe(box());
    expect(changes).not.toHaveBeenCalled();

    press(box(), { ctrlKey: true });
    await settle();
    act(() => byTestId('time-save')!.click());
    await settle();
    expect(saved).not.toHaveBeenCalled();
    // The text stays as typed, so the supervisor sees what to correct.
    expect(box().value).toBe('2026-02-30 10:00');

    typeInBox('2026-12-07 24:00');
    press(box());
    await settle();
    expect(byTestId('at-unread')?.textContent).toContain('2026-12-07 24:00');

    typeInBox('2026-12-07 10:15');
    press(box(), { ctrlKey: true });
    await settle();
    expect(byTestId('at-unread')).toBeNull();
    expect(saved).toHaveBeenCalledWith('2026-12-07T02:15:00.000Z');
  });

  it('reads an impossible time left by Tab, and the save button refuses it', async () => {
    const { saved } = renderTimeForm(NINE_THIRTY);
    typeInBox('2026-12-07 10:60');
    act(() => byTestId('after')!.focus());
    await settle();
    expect(byTestId('at-unread')).not.toBeNull();
    act(() => byTestId('time-save')!.click());
    await settle();
    expect(saved).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(box());
  });

  it('leaves an empty field empty on Enter, for times that may be blank', async () => {
    const { changes } = renderTimeForm(null);
    expect(box().value).toBe('');
    press(box());
    await settle();
    expect(changes).not.toHaveBeenCalled();
    expect(byTestId('at-unread')).toBeNull();
    expect(document.activeElement).toBe(byTestId('after'));
  });
});
