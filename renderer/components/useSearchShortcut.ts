// The keyboard way into a list's search box, the same on every list screen: Ctrl+K (⌘K on a Mac)
// from anywhere, or "/" when the user is not typing in a field. The screen turns it off while a
// dialog or drawer holds the keyboard, so the keys go to the form there.
import { useEffect } from 'react';

/** True when a key pressed on `target` is text being typed (where "/" must stay a slash). */
function isTypingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Ctrl+K (or ⌘K) anywhere, or "/" when not typing in a field, calls `focus` (the search box). */
export function useSearchShortcut(focus: () => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        focus();
      } else if (e.key === '/' && !isTypingIn(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus, enabled]);
}
