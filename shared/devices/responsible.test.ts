import { describe, expect, it } from 'vitest';
import {
  attachmentProblem,
  hostIdOf,
  responsibleName,
  responsiblePerson,
  type DeviceLink,
} from './responsible';

const pc: DeviceLink = {
  id: 'pc1',
  type: 'computer',
  assetTag: 'PC-001',
  userPersonId: 'zhang',
  attachedToDeviceId: null,
};
const printer: DeviceLink = {
  id: 'pr1',
  type: 'printer',
  assetTag: 'PR-001',
  userPersonId: null,
  attachedToDeviceId: 'pc1',
};
const server: DeviceLink = {
  id: 'sv1',
  type: 'server',
  assetTag: 'SV-001',
  userPersonId: 'wang',
  attachedToDeviceId: null,
};

describe('responsible person', () => {
  it('is the user of a computer', () => {
    const all = new Map([[pc.id, pc]]);
    expect(responsiblePerson(pc, (id) => all.get(id))).toEqual({ personId: 'zhang', reason: 'user' });
  });

  it("is the computer's user for an attached printer, and follows the computer to its new user", () => {
    const all = new Map([
      [pc.id, pc],
      [printer.id, printer],
    ]);
    expect(responsiblePerson(printer, (id) => all.get(id))).toEqual({
      personId: 'zhang',
      reason: 'attached',
      viaDevice: { id: 'pc1', assetTag: 'PC-001' },
    });
    all.set(pc.id, { ...pc, userPersonId: 'li' });
    expect(responsiblePerson(printer, (id) => all.get(id)).personId).toBe('li');
  });

  it('is nobody for a printer on a computer without a user, and says so', () => {
    const all = new Map([[pc.id, { ...pc, userPersonId: null }]]);
    expect(responsiblePerson(printer, (id) => all.get(id))).toMatchObject({ personId: null, reason: 'none' });
  });

  it('falls back to the recorded custodian for other equipment', () => {
    expect(responsiblePerson(server, () => undefined)).toEqual({ personId: 'wang', reason: 'user' });
  });
});

describe('attaching a peripheral', () => {
  const all = new Map([
    [pc.id, pc],
    [printer.id, printer],
    [server.id, server],
  ]);
  const lookup = (id: string) => all.get(id);
  it('refuses a peripheral attached to itself, to a printer, or to nothing known', () => {
    expect(attachmentProblem(printer, 'pr1', lookup)).toBe('attached-to-itself');
    expect(attachmentProblem({ id: 'pr2', type: 'printer' }, 'pr1', lookup)).toBe('host-not-a-computer');
    expect(attachmentProblem({ id: 'pr2', type: 'printer' }, 'nope', lookup)).toBe('host-not-found');
  });
  it('refuses attaching anything but printers and peripherals', () => {
    expect(attachmentProblem(server, 'pc1', lookup)).toBe('only-peripherals-attach');
  });
  it('lets a CCTV camera hang on its recorder, whose custodian then answers for it, but not on a computer', () => {
    const nvr: DeviceLink = {
      id: 'nvr',
      type: 'cctv-recorder',
      assetTag: 'NVR-01',
      userPersonId: 'zhao',
      attachedToDeviceId: null,
    };
    const cam: DeviceLink = {
      id: 'cam',
      type: 'cctv-camera',
      assetTag: 'CAM-01',
      userPersonId: null,
      attachedToDeviceId: 'nvr',
    };
    const more = new Map([...all, [nvr.id, nvr], [cam.id, cam]]);
    expect(attachmentProblem(cam, 'nvr', (id) => more.get(id))).toBeNull();
    expect(attachmentProblem(cam, 'pc1', (id) => more.get(id))).toBe('host-not-a-computer');
    expect(responsiblePerson(cam, (id) => more.get(id))).toMatchObject({
      personId: 'zhao',
      reason: 'attached',
    });
  });
  it('accepts a printer on a computer', () => {
    expect(attachmentProblem({ id: 'pr2', type: 'printer' }, 'pc1', lookup)).toBeNull();
  });
});

describe('what a reader loads to apply the rule, and the name it prints', () => {
  const all = new Map([pc, printer, server].map((d) => [d.id, d]));
  const names = new Map([
    ['zhang', '张伟'],
    ['wang', '王芳'],
  ]);
  it("loads a printer's computer, and nothing besides a computer or a server", () => {
    expect(hostIdOf(printer)).toBe('pc1');
    expect(hostIdOf(pc)).toBeNull();
    expect(hostIdOf({ ...server, attachedToDeviceId: 'pc1' })).toBeNull();
  });
  it("names the printer's computer's user, and nobody when the computer was not loaded", () => {
    expect(
      responsibleName(
        printer,
        (id) => all.get(id),
        (id) => names.get(id),
      ),
    ).toBe('张伟');
    expect(
      responsibleName(
        server,
        (id) => all.get(id),
        (id) => names.get(id),
      ),
    ).toBe('王芳');
    expect(
      responsibleName(
        printer,
        () => undefined,
        (id) => names.get(id),
      ),
    ).toBe('');
  });
});
