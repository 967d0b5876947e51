import { describe, expect, it } from 'vitest';
import { DEVICE_TYPES, FAULT_CATEGORIES } from '../schemas/records';
import { defaultFaultCategory } from './fault-default';

describe('the fault category a card starts with', () => {
  it('is 打印机故障 for a printer, a network fault for network gear, hardware otherwise', () => {
    expect(defaultFaultCategory('printer')).toBe('printer');
    expect(defaultFaultCategory('switch')).toBe('network');
    expect(defaultFaultCategory('firewall')).toBe('network');
    expect(defaultFaultCategory('computer')).toBe('hardware');
    expect(defaultFaultCategory(null)).toBe('hardware');
  });

  it('is a real category for every device type', () => {
    for (const type of DEVICE_TYPES) expect(FAULT_CATEGORIES).toContain(defaultFaultCategory(type));
  });
});
