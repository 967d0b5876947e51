// @vitest-environment jsdom
// Enter in every kind of field of a NetDesk form dialog, as the supervisor presses it: in a date
// picker or a select it chooses and never saves, in a multi-line box it stays in the box, in a
// one-line box it saves, on the cancel button it cancels; Ctrl+Enter saves from every field.
// jsdom does not submit a form on Enter by itself, so "never saves" is also checked as the browser
// sees it: the keydown's default (the browser's own submit) is taken away.
import { Checkbox, DatePicker, Input, InputNumber, Select } from 'antd';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { FormModal } from './FormModal';
import { byTestId, cleanup, render, stubBrowserLayout } from './test-support';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

function renderForm() {
  const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
  const onCancel = vi.fn();
  render(
    <FormModal
      open
      title="form"
      formId="keys-form"
      submitTestId="keys-submit"
      submitting={false}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <Input data-testid="one-line" />
      <InputNumber data-testid="number" />
      <Input.TextArea data-testid="multi-line" />
      <DatePicker data-testid="date" />
      <DatePicker showTime data-testid="date-time" />
      <Select data-testid="select" showSearch options={[{ value: 'a', label: 'A' }]} />
      <Checkbox data-testid="check">check</Checkbox>
    </FormModal>,
  );
  return { onSubmit, onCancel };
}

/** The element that has the keyboard when the user is in the field `testId`. */
function fieldInput(testId: string): HTMLElement {
  const el = byTestId(testId) ?? document.querySelector(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`no ${testId}`);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el;
  const inner = el.querySelector<HTMLElement>('input, textarea');
  if (!inner) throw new Error(`no input inside ${testId}`);
  return inner;
}

/** Press Enter in `el`; returns whether the browser's own handling (its submit) is still allowed. */
function pressEnter(el: HTMLElement, modifiers: KeyboardEventInit = {}): boolean {
  let kept = true;
  act(() => {
    el.focus();
    kept = el.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        keyCode: 13,
        bubbles: true,
        cancelable: true,
        ...modifiers,
      }),
    );
  });
  return kept;
}

describe('Enter in a form dialog', () => {
  it.each([
    ['a date picker', 'date'],
    ['a date-and-time picker', 'date-time'],
    ['a select', 'select'],
    ['a check box', 'check'],
  ])('in %s chooses, and does not save', (_, testId) => {
    const { onSubmit } = renderForm();
    const browserMaySubmit = pressEnter(fieldInput(testId));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(browserMaySubmit).toBe(false);
  });

  it('in a multi-line box breaks the line and does not save', () => {
    const { onSubmit } = renderForm();
    const newLineAllowed = pressEnter(fieldInput('multi-line'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(newLineAllowed).toBe(true);
  });

  it.each([
    ['a one-line box', 'one-line'],
    ['a number box', 'number'],
  ])('in %s saves once', (_, testId) => {
    const { onSubmit } = renderForm();
    pressEnter(fieldInput(testId));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('on the cancel button cancels, and does not save', () => {
    const { onSubmit, onCancel } = renderForm();
    const cancel = byTestId('keys-form-cancel')!;
    const pressAllowed = pressEnter(cancel);
    // The browser turns an allowed Enter on a button into its click.
    if (pressAllowed) act(() => cancel.click());
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it.each(['one-line', 'number', 'multi-line', 'date', 'date-time', 'select', 'check'])(
    'Ctrl+Enter in %s saves once',
    (testId) => {
      const { onSubmit } = renderForm();
      pressEnter(fieldInput(testId), { ctrlKey: true });
      expect(onSubmit).toHaveBeenCalledTimes(1);
    },
  );

  it('Enter that confirms Chinese characters in an input method neither saves nor is taken away', () => {
    const { onSubmit } = renderForm();
    const kept = pressEnter(fieldInput('one-line'), { isComposing: true });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(kept).toBe(true);
  });
});
