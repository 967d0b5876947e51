// Helpers for unit tests that render NetDesk's screens in jsdom: the browser features antd asks
// for and jsdom lacks, one React root per test, a fresh in-memory ledger for screens that read
// and write one, and finding things by test id as the e2e tests do. Imported by tests only.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LedgerGate, LedgerProvider } from '../app/ledger';
import { createRepository } from '../db/repository';
import type { NetdeskDb } from '../db/schema';
import { freshDb } from '../db/test-support';

// React warns about updates outside act() unless it is told it runs under a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** antd asks for media queries and element sizes that jsdom does not compute; answer "none". */
export function stubBrowserLayout() {
  const matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  });
  if (typeof window.matchMedia !== 'function') Object.assign(window, { matchMedia });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

let root: Root | undefined;
const openLedgers: NetdeskDb[] = [];

/** Render `ui` into a fresh container in the page; returns the container. */
export function render(ui: ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(ui));
  return container;
}

/** A new, empty ledger in its own in-memory IndexedDB, closed by cleanup(). */
export async function testLedger() {
  const db = await freshDb();
  openLedgers.push(db);
  return { db, repo: createRepository(db) };
}

/** Render `ui` with `db` as the ledger its screens read and write. */
export function renderWithLedger(db: NetdeskDb, ui: ReactNode): HTMLElement {
  return render(
    <LedgerProvider open={() => Promise.resolve(db)}>
      <LedgerGate>{ui}</LedgerGate>
    </LedgerProvider>,
  );
}

/** Unmount what render() mounted, empty the page (antd leaves its pop-ups in <body>), close ledgers. */
export function cleanup() {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  for (const db of openLedgers.splice(0)) db.close();
}

export const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** Let React and the ledger work until `find` finds something; fails with what the page shows. */
export async function waitFor<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
  throw new Error(`timed out waiting for ${what}: ${document.body.textContent?.slice(0, 500)}`);
}

/** Choose a file in an <input type=file>, as the user does in the browser's file chooser. */
export async function chooseFile(
  input: HTMLInputElement,
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
  type: string,
) {
  const file = new File([bytes], name, { type });
  // jsdom's File has no arrayBuffer(); every browser NetDesk runs in has.
  Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.resolve(bytes.buffer) });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
  });
}

/** Type into `input` as a USB label scanner does: each character an input event, then Enter, no pause. */
export function scanInto(input: HTMLInputElement, text: string) {
  act(() => {
    input.focus();
    for (let i = 1; i <= text.length; i++) {
      // Past React's value tracker, as the browser sets it when a key is typed.
      Reflect.set(HTMLInputElement.prototype, 'value', text.slice(0, i), input);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, which: 13, bubbles: true }),
    );
    input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', keyCode: 13, which: 13, bubbles: true }));
  });
}
