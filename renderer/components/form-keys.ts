// What Enter does in a NetDesk form, decided once for every form (FormModal and the few forms
// that are not dialogs put it on their <form>). A browser submits a form on Enter in any <input>,
// the inputs inside a date picker or a select included: Enter that was meant to take the typed
// date saved an asset card before its price, warranty and password were filled in. So:
//   - Ctrl+Enter (⌘+Enter) saves from anywhere in the form;
//   - Enter in a one-line text or number box saves, as it always has (the quick keyboard path);
//   - Enter in a date picker or a select chooses, in a multi-line box breaks the line, on a
//     button presses it — and never saves;
//   - Enter a field has already handled (a scanned tag looked up) is left alone.
// An input method's Enter (it confirms the Chinese characters typed) is never a save.
import type { KeyboardEvent } from 'react';

export type FormEnter = 'submit' | 'block' | 'pass';

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
  return isOneLineBox(target) ? 'submit' : 'block';
}

/** The onKeyDown of every NetDesk <form>. */
export function handleFormKeys(e: KeyboardEvent<HTMLFormElement>): void {
  const action = formEnterAction(e.nativeEvent, e.target as Element);
  if (action === 'pass') return;
  // Both take the browser's own Enter away: it would submit from a picker's input.
  e.preventDefault();
  if (action === 'submit') e.currentTarget.requestSubmit();
}
