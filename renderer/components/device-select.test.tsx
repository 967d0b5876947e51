// @vitest-environment jsdom
// A USB label scanner in a device picker: it types the tag (any case, maybe with spaces) and
// Enter, as fast as it can. The device with exactly that tag is the one selected, even when
// another device's name holds the tag and comes first in the list.
import { act, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { device } from '../../shared/devices/test-records';
import { cleanup, render, scanInto, stubBrowserLayout } from './test-support';
import { DeviceSelect, deviceOptions, scannedOption } from './pickers';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

// Sorted by tag as the list gives them: the monitor comes first and its name holds PC-0101.
const devices = [
  device('mn', { assetTag: 'MN-0001', type: 'peripheral', name: '接 PC-0101 的显示器' }),
  device('pc', { assetTag: 'PC-0101', type: 'computer', name: '张伟的电脑' }),
  device('pc2', { assetTag: 'PC-01011', type: 'computer' }),
];

function Picker({ onPicked }: { onPicked: (id: string | null) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <DeviceSelect
      testId="picker"
      devices={devices}
      value={value}
      onChange={(id) => {
        setValue(id);
        onPicked(id);
      }}
    />
  );
}

describe('device picker and a label scanner', () => {
  it('selects the device whose tag was scanned, not the first one that mentions it', async () => {
    const onPicked = vi.fn();
    const container = render(<Picker onPicked={onPicked} />);
    const input = container.querySelector<HTMLInputElement>('[data-testid="picker"] input, input')!;
    expect(input).toBeTruthy();

    scanInto(input, ' pc-0101 ');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(onPicked).toHaveBeenLastCalledWith('pc');
    expect(container.textContent).toContain('PC-0101  张伟的电脑');

    // Full-width characters from a Chinese input method fold to the same tag.
    scanInto(input, 'ＰＣ－０１０１１');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(onPicked).toHaveBeenLastCalledWith('pc2');
  });

  it('finds the exact tag among the options, folding case, width and spaces', () => {
    const options = deviceOptions(devices);
    expect(scannedOption(options, '  Pc-0101\t')?.value).toBe('pc');
    expect(scannedOption(options, 'PC-010')).toBeUndefined();
    expect(scannedOption(options, '   ')).toBeUndefined();
  });
});
