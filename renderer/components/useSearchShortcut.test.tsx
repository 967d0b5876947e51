// @vitest-environment jsdom
// The search shortcut as a user presses it on a list screen: Ctrl+K and "/" put the cursor in the
// search box; "/" typed into another field stays a slash there; nothing happens while a dialog
// has the keyboard.
import { act, useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { byTestId, cleanup, render } from './test-support';
import { useSearchShortcut } from './useSearchShortcut';

afterEach(cleanup);

function ListScreen({ dialogOpen }: { dialogOpen: boolean }) {
  const search = useRef<HTMLInputElement>(null);
  useSearchShortcut(() => search.current?.focus(), !dialogOpen);
  return (
    <div>
      <input ref={search} data-testid="search" />
      <input data-testid="other-field" />
      <button data-testid="row">PC-0101</button>
    </div>
  );
}

/** Press a key on `target` as the browser does; returns false when the page swallowed it. */
function press(target: HTMLElement, key: string, modifiers: KeyboardEventInit = {}): boolean {
  let kept = true;
  act(() => {
    kept = target.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }),
    );
  });
  return kept;
}

describe('useSearchShortcut', () => {
  it('focuses the search box on Ctrl+K, even from another field, and on ⌘K', () => {
    render(<ListScreen dialogOpen={false} />);
    const other = byTestId('other-field')!;
    other.focus();
    expect(press(other, 'k', { ctrlKey: true })).toBe(false);
    expect(document.activeElement).toBe(byTestId('search'));

    byTestId('row')!.focus();
    press(byTestId('row')!, 'K', { metaKey: true });
    expect(document.activeElement).toBe(byTestId('search'));
  });

  it('focuses the search box on "/" outside a field, but leaves a "/" typed in a field alone', () => {
    render(<ListScreen dialogOpen={false} />);
    const row = byTestId('row')!;
    row.focus();
    expect(press(row, '/')).toBe(false);
    expect(document.activeElement).toBe(byTestId('search'));

    const other = byTestId('other-field')!;
    other.focus();
    expect(press(other, '/')).toBe(true);
    expect(document.activeElement).toBe(other);
  });

  it('does nothing while a dialog holds the keyboard', () => {
    render(<ListScreen dialogOpen />);
    const row = byTestId('row')!;
    row.focus();
    expect(press(row, 'k', { ctrlKey: true })).toBe(true);
    expect(press(row, '/')).toBe(true);
    expect(document.activeElement).toBe(row);
  });
});
