// What Enter does in a NetDesk form, decided once for every form (FormModal and the few forms
// that are not dialogs put it on their <form>). A browser submits a form on Enter in any <input>,
// the inputs inside a date picker or a select included: Enter that was meant to take the typed
// date saved an asset card before its price, warranty and password were filled in. So:
//   - only Ctrl+Enter (⌘+Enter) or the save button saves, from anywhere in the form;
//   - Enter in a one-line text or number box moves on to the next field (as Tab does), so a
//     half-filled form is never saved by the key that ends a typed value; in the last field it
//     stays put;
//   - Enter in a date picker or a select chooses, in a multi-line box breaks the line, on a
//     button presses it — and never saves;
//   - Enter a field has already handled (a scanned tag looked up) is left alone.
// An input method's Enter (it confirms the Chinese characters typed) is never a save.
import type { KeyboardEvent } from 'react';

/**
 * Set on a field's wrapper while its typed text cannot be read (an impossible time): the form
 * refuses to save until it is corrected, rather than saving the value the field held before.
 */
export const UNREAD_ATTR = 'data-unreadable';

export type FormEnter = 'submit' | 'next' | 'block' | 'pass';

const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'password', 'number']);

/** An input whose Enter has no other meaning than "done": not part of a picker or a select. */
function isOneLineBox(el: Element): boolean {
  if (!(el instanceof HTMLInputElement)) return false;
  if (!TEXT_TYPES.has(el.type)) return false;
  if (el.getAttribute('role') === 'combobox' || el.hasAttribute('aria-haspopup')) return false;
  return !el.closest('.ant-picker, .ant-select, [role="combobox"]');
}

function pressesItself(el: Element): boolean {
  return (
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLButtonElement ||
    el instanceof HTMLAnchorElement ||
    el.getAttribute('role') === 'button' ||
    (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button' || el.type === 'reset'))
  );
}

/** What an Enter keydown on `target` inside a form should do. */
export function formEnterAction(
  e: Pick<
    globalThis.KeyboardEvent,
    'key' | 'ctrlKey' | 'metaKey' | 'isComposing' | 'keyCode' | 'defaultPrevented'
  >,
  target: Element,
): FormEnter {
  if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return 'pass';
  // Before the check below: a select takes every Enter for itself, Ctrl+Enter included.
  if (e.ctrlKey || e.metaKey) return 'submit';
  if (e.defaultPrevented) return 'pass';
  if (pressesItself(target)) return 'pass';
  return isOneLineBox(target) ? 'next' : 'block';
}

/** The onKeyDown of every NetDesk <form>. */
export function handleFormKeys(e: KeyboardEvent<HTMLFormElement>): void {
  const action = formEnterAction(e.nativeEvent, e.target as Element);
  if (action === 'pass') return;
  // All three take the browser's own Enter away: it would submit from a picker's input.
  e.preventDefault();
  if (action === 'submit') e.currentTarget.requestSubmit();
  else if (action === 'next') focusNextField(e.currentTarget, e.target as Element);
}

const FIELD_SELECTOR = [
  'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"])',
  'textarea',
  '[role="combobox"]',
].join(', ');

/** Focus the field after `from` in the form's reading order; nothing after it: focus stays. */
export function focusNextField(form: HTMLFormElement, from: Element): void {
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(
    (el, i, all) =>
      all.indexOf(el) === i &&
      !(el as HTMLInputElement).disabled &&
      !(el as HTMLInputElement).readOnly &&
      el.tabIndex >= 0 &&
      !el.closest('[aria-hidden="true"], [hidden]'),
  );
  const at = fields.findIndex((el) => el === from || el.contains(from));
  fields[at + 1]?.focus();
}
