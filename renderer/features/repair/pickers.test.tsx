// @vitest-environment jsdom
// The repair intake's device picker and a label scanner: the requester's own devices are listed
// first, yet a scanned tag and Enter take the device with exactly that tag, not the first device
// whose name or location mentions it.
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { device } from '../../../shared/devices/test-records';
import { DevicePicker } from './pickers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | undefined;

beforeAll(() => {
  // antd asks for media queries and element sizes that jsdom does not compute.
  if (typeof window.matchMedia !== 'function')
    Object.assign(window, {
      matchMedia: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

// The requester's own monitor sits in the first group, and its location names PC-0101.
const devices = [
  device('mn', {
    assetTag: 'MN-0001',
    type: 'peripheral',
    name: '显示器',
    location: 'PC-0101 旁',
    userPersonId: 'zhang',
  }),
  device('pc', { assetTag: 'PC-0101', type: 'computer', name: '前台电脑' }),
];

function Picker({ onPicked }: { onPicked: (id: string | null) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <DevicePicker
      testId="picker"
      devices={devices}
      requesterId="zhang"
      value={value}
      onChange={(id) => {
        setValue(id);
        onPicked(id);
      }}
    />
  );
}

describe('repair device picker and a label scanner', () => {
  it('selects the scanned tag over the requester’s own device that mentions it', async () => {
    const onPicked = vi.fn();
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root!.render(<Picker onPicked={onPicked} />));
    const input = container.querySelector<HTMLInputElement>('input')!;
    act(() => {
      input.focus();
      const text = 'pc-0101';
      for (let i = 1; i <= text.length; i++) {
        Reflect.set(HTMLInputElement.prototype, 'value', text.slice(0, i), input);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      input.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, which: 13, bubbles: true }),
      );
      input.dispatchEvent(
        new KeyboardEvent('keyup', { key: 'Enter', keyCode: 13, which: 13, bubbles: true }),
      );
    });
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(onPicked).toHaveBeenLastCalledWith('pc');
  });
});
