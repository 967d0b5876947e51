// The two device rules both repair-card forms share: a tag typed or scanned finds the listed
// device with that tag in any case, and a saved card names either the chosen device or, when the
// typed tag is not that device's, the tag for the data layer to resolve.
import { describe, expect, it } from 'vitest';
import { device } from '../../../shared/devices/test-records';
import { cardDevice, listedDeviceWithTag } from './card-fields';

const pc = device('pc', { assetTag: 'PC-0101', type: 'computer' });
const gone = {
  ...device('gone', { assetTag: 'PC-0102', type: 'computer' }),
  deletedAt: '2026-01-05T00:00:00.000Z',
};
const devices = [pc, gone];
const byId = new Map(devices.map((d) => [d.id, d]));

describe('repair card device fields', () => {
  it('finds a listed device by its tag in any case, not a deleted one, not an empty tag', () => {
    expect(listedDeviceWithTag(devices, ' pc-0101 ')).toBe(pc);
    expect(listedDeviceWithTag(devices, 'PC-0102')).toBeUndefined();
    expect(listedDeviceWithTag(devices, '   ')).toBeUndefined();
  });

  it('finds on Enter the device Save resolves: a full-width tag is the same tag', () => {
    expect(listedDeviceWithTag(devices, 'ＰＣ－０１０１')).toBe(pc);
    expect(cardDevice({ deviceId: 'pc', deviceTag: 'ｐｃ－0101' }, byId)).toEqual({ deviceId: 'pc' });
  });

  it('names the chosen device, or the typed tag when it is not that device’s', () => {
    expect(cardDevice({ deviceId: 'pc', deviceTag: 'pc-0101' }, byId)).toEqual({ deviceId: 'pc' });
    expect(cardDevice({ deviceId: 'pc', deviceTag: 'PC-9999' }, byId)).toEqual({ deviceTag: 'PC-9999' });
    expect(cardDevice({ deviceId: null, deviceTag: ' PC-0101 ' }, byId)).toEqual({ deviceTag: 'PC-0101' });
    expect(cardDevice({ deviceId: null, deviceTag: '' }, byId)).toEqual({ deviceId: null });
  });
});
