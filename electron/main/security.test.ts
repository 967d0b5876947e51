import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../test/doubles/fake-electron'));

const { FakeSession } = await import('../../test/doubles/fake-electron');
const { createAppUrlCheck, lockDownSession } = await import('./security');

describe('createAppUrlCheck', () => {
  it('recognises only app://netdesk in the installed app', () => {
    const isApp = createAppUrlCheck(undefined);
    expect(isApp('app://netdesk/index.html')).toBe(true);
    expect(isApp('app://netdesk/#/cards')).toBe(true);
    expect(isApp('app://netdesk.evil.com/index.html')).toBe(false);
    expect(isApp('app://evil/index.html')).toBe(false);
    expect(isApp('http://localhost:5173/')).toBe(false);
    expect(isApp('file:///C:/NetDesk/index.html')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('adds the dev server origin while developing', () => {
    const isApp = createAppUrlCheck('http://localhost:5173/');
    expect(isApp('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isApp('http://127.0.0.1:5173/')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
  });
});

describe('lockDownSession', () => {
  it('refuses every permission request and check', () => {
    const session = new FakeSession();
    lockDownSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      session.requestHandler?.({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(session.checkHandler?.({}, permission, 'app://netdesk', {})).toBe(false);
    }
    expect(session.deviceHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('lets a page write text to the clipboard (copy a device password), never read it', () => {
    const session = new FakeSession();
    lockDownSession(session as never);
    const answer = vi.fn();
    session.requestHandler?.({}, 'clipboard-sanitized-write', answer);
    expect(answer).toHaveBeenCalledWith(true);
    expect(session.checkHandler?.({}, 'clipboard-sanitized-write', 'app://netdesk', {})).toBe(true);
    const read = vi.fn();
    session.requestHandler?.({}, 'clipboard-read', read);
    expect(read).toHaveBeenCalledWith(false);
    expect(session.checkHandler?.({}, 'clipboard-read', 'app://netdesk', {})).toBe(false);
  });
});
