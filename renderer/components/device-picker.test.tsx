// @vitest-environment jsdom
// The repair intake's device picker and a label scanner: the requester's own devices are listed
// first, yet a scanned tag and Enter take the device with exactly that tag, not the first device
// whose name or location mentions it.
import { act, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { device } from '../../shared/devices/test-records';
import { cleanup, render, scanInto, stubBrowserLayout } from './test-support';
import { DevicePicker } from './pickers';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

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
    const container = render(<Picker onPicked={onPicked} />);
    scanInto(container.querySelector<HTMLInputElement>('input')!, 'pc-0101');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(onPicked).toHaveBeenLastCalledWith('pc');
  });
});
